// The dashboard's only way to the data: the HTTP API.  Every write carries the CSRF token
// (double-submit: the readable sitrep_csrf cookie, echoed in a header the server checks).

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `HTTP ${status}`);
    this.status = status;
    this.type = e.type || "HTTPError";
    this.hint = e.hint || null;
  }
}

export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)sitrep_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : "";
}

export async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  const init = { method, headers, credentials: "same-origin" };
  if (method !== "GET") {
    headers["X-CSRF-Token"] = csrfToken();
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
  }
  const res = await fetch(path, init);
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "" && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

// DOM builder: strings become text nodes, never HTML, so article text and names are always escaped.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function fmt(v) {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

// The header's account area: who is signed in, sign in / sign out.
export async function renderUser(container) {
  let me = { name: null, role: null };
  try {
    me = await api("/api/v1/auth/me");
  } catch (e) {
    /* anonymous */
  }
  container.replaceChildren();
  const next = encodeURIComponent(location.pathname + location.search);
  if (me.name) {
    const out = el("button", { type: "button", class: "link", id: "logout" }, "Sign out");
    out.addEventListener("click", async () => {
      await api("/api/v1/auth/logout", { method: "POST" });
      location.reload();
    });
    container.append(el("span", { class: "who", id: "who" }, `${me.name} (${me.role})`), " ", out);
  } else {
    container.append(el("a", { href: `/login?next=${next}`, id: "login-link" }, "Sign in"));
  }
  return me;
}

// One colour per event type, in the taxonomy's order (stable between pages and sessions).
const PALETTE = ["#d62728", "#ff7f0e", "#9467bd", "#2ca02c", "#1f77b4", "#8c564b", "#e377c2", "#17becf",
                 "#bcbd22", "#7f7f7f"];
export function typeColours(types) {
  const map = new Map();
  types.forEach((t, i) => map.set(t, PALETTE[i % PALETTE.length]));
  return (t) => map.get(t) || "#555";
}

export function showError(container, err) {
  container.replaceChildren(el("div", { class: "error", role: "alert" }, err.message || String(err),
                                  err.hint ? ` (${err.hint})` : ""));
}
