// The event page: every field with its evidence, sources side by side, merge explanation, the
// articles with highlighted spans, the audit history, and (for reviewers) the review controls.
import { api, el, fmt, renderUser, showError } from "./api.js";
import { eventSpans, highlighted } from "./highlight.js";

const eventId = decodeURIComponent(location.pathname.replace(/^\/events\//, ""));
const READ_ONLY = ["event_id", "status", "reviewed", "n_sources", "confidence", "modality", "relative_date",
                   "attributed_to"];
const DATE_FIELDS = new Set(["event_date", "event_date_end"]);
const NUMBER_FIELDS = new Set(["time_precision", "inter1", "inter2", "interaction", "iso", "latitude",
                               "longitude", "geo_precision", "fatalities"]);
let me = { name: null, role: null };
let meta = null;
let event = null;
const selectedReports = new Set();

const canWrite = () => me.role === "reviewer" || me.role === "admin";

function evidenceText(field) {
  const items = (event.provenance || {})[field] || [];
  return items.map((e) => (e.text ? `“${e.text}”` : e.note)).filter(Boolean).join(" · ");
}

function inputFor(field, value) {
  if (field === "event_type" || field === "sub_event_type") {
    const opts = field === "event_type" ? Object.keys(meta.event_types)
      : meta.event_types[event.event_type] || Object.values(meta.event_types).flat();
    const sel = el("select", { name: "value" }, ...opts.map((o) => el("option", { value: o }, o)));
    sel.value = value || "";
    return sel;
  }
  const type = DATE_FIELDS.has(field) ? "date" : NUMBER_FIELDS.has(field) ? "number" : "text";
  const input = el("input", { name: "value", type, step: type === "number" ? "any" : null });
  input.value = value === null || value === undefined ? "" : String(value);
  return input;
}

function editRow(field, value, tbody, after) {
  const form = el("form", { class: "edit", "data-field": field });
  const msg = el("span", { class: "form-msg", role: "status" });
  form.append(inputFor(field, value),
              el("input", { name: "reason", type: "text", placeholder: "reason (required)", required: true }),
              el("button", { type: "submit" }, "Save"),
              el("button", { type: "button", class: "link cancel" }, "Cancel"), msg);
  const tr = el("tr", { class: "edit-row" }, el("td", { colspan: 4 }, form));
  form.querySelector(".cancel").addEventListener("click", () => tr.remove());
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    try {
      await api(`/api/v1/events/${encodeURIComponent(eventId)}/corrections`, {
        method: "POST", body: { field, value: data.get("value"), reason: data.get("reason") } });
      await load();
    } catch (err) {
      msg.textContent = err.message;
      msg.className = "form-msg error";
    }
  });
  after.after(tr);
  return tr;
}

function renderFields() {
  const tbody = document.querySelector("#fields tbody");
  const corrected = event.corrections || {};
  const rows = [];
  for (const f of [...READ_ONLY, ...meta.correctable]) {
    const value = event[f];
    const tr = el("tr", { "data-field": f, class: f in corrected ? "corrected" : "" },
                  el("th", {}, f), el("td", { class: "value" }, fmt(value)),
                  el("td", { class: "evidence" }, f in corrected ? "corrected by a reviewer" : evidenceText(f)));
    const actions = el("td", {});
    if (canWrite() && meta.correctable.includes(f)) {
      const btn = el("button", { type: "button", class: "link edit-btn" }, "Edit");
      btn.addEventListener("click", () => {
        const open = tr.nextElementSibling;
        if (open && open.classList.contains("edit-row")) open.remove();
        else editRow(f, value, tbody, tr);
      });
      actions.append(btn);
    }
    tr.append(actions);
    rows.push(tr);
  }
  tbody.replaceChildren(...rows);
}

function renderConflicts() {
  const box = document.getElementById("conflicts");
  const entries = Object.entries(event.conflicts || {});
  if (!entries.length) {
    box.replaceChildren(el("p", { class: "muted" }, "The sources agree (or there is one source)."));
    return;
  }
  const table = el("table", { class: "conflicts" });
  for (const [field, values] of entries) {
    table.append(el("tr", {}, el("th", {}, field),
      ...values.map((v) => el("td", {}, el("strong", {}, fmt(v.value)), el("br"),
                              el("span", { class: "muted" }, `${v.source || ""} ${v.article_id || ""}`)))));
  }
  box.replaceChildren(table);
}

function renderMembers() {
  const box = document.getElementById("members");
  const byArticle = new Map((event.sources || []).map((s) => [s.article_id, s]));
  const list = el("ul", { class: "members" });
  for (const m of event.members || []) {
    const src = byArticle.get(m.article_id) || {};
    const li = el("li", { "data-report": m.report_id });
    if (canWrite() && (event.members || []).length > 1) {
      const cb = el("input", { type: "checkbox", class: "split-pick", value: m.report_id,
                               "aria-label": `split off ${m.report_id}` });
      cb.checked = selectedReports.has(m.report_id);
      cb.addEventListener("change", () => (cb.checked ? selectedReports.add(m.report_id)
                                                       : selectedReports.delete(m.report_id)));
      li.append(cb, " ");
    }
    li.append(el("strong", {}, src.title || m.article_id), " — ", fmt(src.source), ", ", fmt(src.date),
              el("span", { class: "muted" }, ` (report ${m.report_id})`));
    const ex = m.explanation;
    if (ex && typeof ex === "object") {
      const parts = Object.entries(ex).filter(([k]) => k !== "report_id")
        .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`);
      li.append(el("div", { class: "explain" }, parts.join(" · ")));
    } else {
      li.append(el("div", { class: "explain" }, "founding report of this event"));
    }
    list.append(li);
  }
  box.replaceChildren(list);
}

function renderAudit() {
  const tbody = document.querySelector("#audit tbody");
  const rows = (event.audit || []).map((a) => el("tr", { "data-action": a.action },
    el("td", {}, String(a.at).replace("T", " ").slice(0, 19)), el("td", {}, a.user), el("td", {}, a.action),
    el("td", {}, fmt(a.field)), el("td", {}, fmt(a.old)), el("td", {}, fmt(a.new)), el("td", {}, fmt(a.reason))));
  tbody.replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: 7, class: "muted" },
                                                                      "No review actions yet."))]));
}

function actionForm(label, fields, submit) {
  const form = el("form", { class: "action", "data-action": label });
  const msg = el("span", { class: "form-msg", role: "status" });
  for (const [name, placeholder, kind] of fields) {
    form.append(kind === "textarea" ? el("textarea", { name, placeholder, required: true, rows: 2 })
                                    : el("input", { name, placeholder, required: true, type: "text" }));
  }
  form.append(el("button", { type: "submit" }, label), msg);
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      await submit(new FormData(form));
    } catch (err) {
      msg.textContent = err.message;
      msg.className = "form-msg error";
    }
  });
  return form;
}

function renderReview() {
  const box = document.getElementById("review");
  if (!me.name) {
    box.replaceChildren(el("p", {}, el("a", { href: `/login?next=${encodeURIComponent(location.pathname)}` },
                                        "Sign in"), " as a reviewer to correct, reject, merge or split."));
    return;
  }
  if (!canWrite()) {
    box.replaceChildren(el("p", { class: "muted", id: "read-only" },
                           `Signed in as ${me.name} (${me.role}): read-only.`));
    return;
  }
  const base = `/api/v1/events/${encodeURIComponent(eventId)}`;
  const post = (path, body) => api(base + path, { method: "POST", body });
  const rejected = event.status === "rejected";
  box.replaceChildren(
    actionForm(event.reviewed ? "Mark as not reviewed" : "Mark as reviewed", [], async () => {
      await post("/review", { reviewed: !event.reviewed });
      await load();
    }),
    actionForm(rejected ? "Restore" : "Mark as wrong", [["reason", "why (required)"]], async (d) => {
      await post(rejected ? "/restore" : "/reject", { reason: d.get("reason") });
      await load();
    }),
    actionForm("Add note", [["text", "note", "textarea"]], async (d) => {
      await post("/notes", { text: d.get("text") });
      await load();
    }),
    actionForm("Merge", [["other", "other event id"], ["reason", "why (required)"]], async (d) => {
      const out = await post("/merge", { other: d.get("other").trim(), reason: d.get("reason") });
      if (!out.event_ids.includes(eventId) && out.event_ids.length) {
        location.href = `/events/${encodeURIComponent(out.event_ids[0])}`;
      } else await load();
    }),
    actionForm("Split ticked reports off", [["reason", "why (required)"]], async (d) => {
      const out = await post("/split", { report_ids: [...selectedReports], reason: d.get("reason") });
      selectedReports.clear();
      document.getElementById("message").replaceChildren("Now: ", ...out.event_ids.map((id) =>
        el("a", { href: `/events/${encodeURIComponent(id)}`, class: "chip" }, id)));
      await load();
    }),
  );
}

async function renderArticles() {
  const box = document.getElementById("articles");
  const ids = [...new Set([...(event.members || []).map((m) => m.article_id), ...(event.article_ids || [])])];
  const parts = [];
  for (const id of ids) {
    try {
      const art = await api(`/api/v1/articles/${encodeURIComponent(id)}`);
      parts.push(el("article", { class: "source-article", "data-article": id },
        el("h3", {}, art.title || id),
        el("p", { class: "muted", title: (art.metadata || {}).numeric_date_order_from || "" },
           `${fmt(art.source)} · ${fmt(art.date)}${art.date_source ? " (" + art.date_source + ")" : ""} · ${id}`,
           art.url ? " · " : "", art.url ? el("a", { href: art.url, rel: "noopener noreferrer" }, "original") : ""),
        highlighted(art.text, eventSpans(event, art))));
    } catch (err) {
      parts.push(el("p", { class: "error" }, `${id}: ${err.message}`));
    }
  }
  box.replaceChildren(...parts);
}

async function load() {
  event = await api(`/api/v1/events/${encodeURIComponent(eventId)}`);
  document.title = `sitrep — ${event.event_type} ${event.location || ""} ${event.event_date || ""}`;
  document.getElementById("title").textContent =
    `${event.event_type}${event.sub_event_type ? " / " + event.sub_event_type : ""} — ` +
    `${event.location || "unknown place"}, ${event.event_date || event.relative_date || "undated"}`;
  document.getElementById("badges").replaceChildren(
    el("span", { class: `badge ${event.reviewed ? "ok" : ""}`, id: "badge-reviewed" },
       event.reviewed ? "reviewed" : "not reviewed"),
    event.status === "rejected" ? el("span", { class: "badge bad", id: "badge-rejected" }, "marked as wrong") : "",
    el("span", { class: "badge" }, `${event.n_sources} source${event.n_sources === 1 ? "" : "s"}`),
    el("span", { class: "badge muted" }, event.event_id));
  renderFields();
  renderConflicts();
  renderMembers();
  renderAudit();
  renderReview();
  await renderArticles();
  document.body.dataset.ready = "true";
}

async function main() {
  const last = sessionStorage.getItem("sitrep:lastView");
  if (last && last.startsWith("/") && !last.startsWith("//")) document.getElementById("back").href = last;
  me = await renderUser(document.getElementById("account"));
  try {
    meta = await api("/api/v1/meta");
    await load();
  } catch (err) {
    if (err.status === 401 && !me.name) {
      location.href = `/login?next=${encodeURIComponent(location.pathname)}`;
      return;
    }
    showError(document.getElementById("message"), err);
    document.body.dataset.ready = "true";
  }
}

main();
