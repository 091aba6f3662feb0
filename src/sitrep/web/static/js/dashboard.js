// The dashboard: filters (in the URL) -> timeline + map + table, all from server-side queries.
import { api, el, fmt, query, renderUser, showError, typeColours } from "./api.js";
import { FILTER_KEYS, filtersOnly, readState, writeState } from "./filters.js";
import { createMap, showPoints } from "./map.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 50;
const COLUMNS = [
  ["event_date", "Date"], ["event_type", "Type"], ["sub_event_type", "Sub-type"], ["actor1", "Actor 1"],
  ["actor2", "Actor 2", false], ["location", "Location"], ["country", "Country"], ["fatalities", "Fatalities"],
  ["n_sources", "Sources"], ["reviewed", "Reviewed", false],
];

let state = readState();
let meta = null;
let colour = () => "#555";
let map = null;
let layer = null;
let fitted = false;

const form = document.getElementById("filters");

function fillForm() {
  for (const k of FILTER_KEYS) {
    const input = form.elements.namedItem(k);
    if (!input) continue;
    if (input.type === "checkbox") input.checked = state[k] === "true";
    else input.value = state[k] || "";
  }
  document.getElementById("in-view").checked = Boolean(state.bbox);
  fillSubTypes();
}

function fillSubTypes() {
  const type = form.elements.namedItem("event_type").value;
  const sel = form.elements.namedItem("sub_event_type");
  const keep = state.sub_event_type || sel.value;
  const subs = type ? meta.event_types[type] || [] : Object.values(meta.event_types).flat().sort();
  sel.replaceChildren(el("option", { value: "" }, "any"), ...subs.map((s) => el("option", { value: s }, s)));
  sel.value = subs.includes(keep) ? keep : "";
}

function readForm() {
  const next = {};
  for (const k of FILTER_KEYS) {
    const input = form.elements.namedItem(k);
    if (!input) continue;
    if (input.type === "checkbox") next[k] = input.checked ? "true" : "";
    else next[k] = input.value.trim();
  }
  if (document.getElementById("in-view").checked && map) {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(4);
    next.bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180),
                 clamp(b.getNorth(), 90)].join(",");
  } else next.bbox = "";
  return next;
}

function apply(changes, push = true) {
  state = { ...state, ...changes, offset: changes.offset ?? "" };
  writeState(state, push);
  fillForm();
  load();
}

function renderHead() {
  const tr = document.querySelector("#events thead tr");
  tr.replaceChildren(...COLUMNS.map(([key, label, sortable = true]) => {
    const active = (state.sort || "event_date") === key;
    const arrow = active ? (state.desc === "true" ? " ▼" : " ▲") : "";
    if (!sortable) return el("th", {}, label);
    const btn = el("button", { type: "button", class: "sort", "data-key": key }, label + arrow);
    btn.addEventListener("click", () => {
      const desc = active && state.desc !== "true" ? "true" : "";
      apply({ sort: key, desc });
    });
    return el("th", { "aria-sort": active ? (state.desc === "true" ? "descending" : "ascending") : null }, btn);
  }));
}

function renderRows(items) {
  const tbody = document.querySelector("#events tbody");
  tbody.replaceChildren(...items.map((e) => {
    const tr = el("tr", { class: e.status === "rejected" ? "rejected" : "", "data-id": e.event_id });
    for (const [key] of COLUMNS) {
      let v = e[key];
      if (key === "reviewed") v = e.reviewed ? "✓" : "";
      if (key === "event_type") {
        tr.append(el("td", {}, el("span", { class: "swatch", style: `background:${colour(v)}` }), fmt(v)));
      } else if (key === "event_date") {
        tr.append(el("td", {}, el("a", { href: `/events/${encodeURIComponent(e.event_id)}` },
                                  fmt(v || e.relative_date))));
      } else tr.append(el("td", {}, fmt(v)));
    }
    tr.addEventListener("click", (ev) => {
      if (ev.target.tagName !== "A") openEvent(e.event_id);
    });
    return tr;
  }));
}

function openEvent(id) {
  location.href = `/events/${encodeURIComponent(id)}`;
}

function renderExports() {
  const filters = filtersOnly(state);
  const box = document.getElementById("exports");
  box.replaceChildren("Export ", ...meta.export_formats.map((f) =>
    el("a", { href: `/api/v1/export${query({ ...filters, format: f })}`, download: "" }, f.toUpperCase())),
    " ", el("a", { href: `/api/v1/report${query(filters)}`, target: "_blank" }, "Report"));
}

async function load() {
  const filters = filtersOnly(state);
  const status = document.getElementById("status");
  status.textContent = "Loading…";
  renderHead();
  renderExports();
  const offset = Number(state.offset || 0);
  try {
    const [page, stats, points] = await Promise.all([
      api(`/api/v1/events${query({ ...filters, sort: state.sort, desc: state.desc, limit: PAGE, offset })}`),
      // the timeline shows the whole range so the brush can move; the selection is drawn on top
      api(`/api/v1/events/stats${query(filtersOnly(state, ["date_from", "date_to"]))}`),
      api(`/api/v1/events/points${query(filtersOnly(state, ["bbox"]))}`),
    ]);
    renderRows(page.items);
    const end = Math.min(offset + PAGE, page.total);
    status.textContent = page.total ? "" : "No events match these filters.";
    document.getElementById("page").textContent = page.total ? `${offset + 1}–${end} of ${page.total}` : "0";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = end >= page.total;
    document.getElementById("events").dataset.total = String(page.total);
    drawTimeline(document.getElementById("timeline"), stats.per_day, colour,
                 { from: state.date_from, to: state.date_to },
                 (from, to) => apply({ date_from: from || "", date_to: to || "" }));
    layer = showPoints(map, layer, points.points, colour, openEvent, !fitted);
    fitted = true;
    if (points.truncated) status.textContent = `Map shows the first ${points.points.length} of ${points.total}.`;
  } catch (err) {
    showError(status, err);
  }
}

async function main() {
  const me = await renderUser(document.getElementById("account"));
  try {
    meta = await api("/api/v1/meta");
  } catch (err) {
    if (err.status === 401 && !me.name) {
      location.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
      return;
    }
    showError(document.getElementById("status"), err);
    return;
  }
  const types = Object.keys(meta.event_types);
  for (const t of Object.keys(meta.summary.events_by_type || {})) if (!types.includes(t)) types.push(t);
  colour = typeColours(types);
  const typeSel = form.elements.namedItem("event_type");
  typeSel.append(...types.map((t) => el("option", { value: t }, t)));
  document.getElementById("legend").replaceChildren(...types.map((t) =>
    el("span", { class: "legend-item" }, el("span", { class: "swatch", style: `background:${colour(t)}` }), t)));
  const s = meta.summary;
  document.getElementById("summary").textContent =
    `${s.events} events · ${s.articles} articles · ${s.reviewed_events} reviewed · ${s.backend}`;
  typeSel.addEventListener("change", () => { state.sub_event_type = ""; fillSubTypes(); });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(readForm()); });
  document.getElementById("reset").addEventListener("click", () => {
    state = {};
    writeState(state);
    fillForm();
    load();
  });
  document.getElementById("prev").addEventListener("click", () =>
    apply({ offset: String(Math.max(0, Number(state.offset || 0) - PAGE)) }));
  document.getElementById("next").addEventListener("click", () =>
    apply({ offset: String(Number(state.offset || 0) + PAGE) }));
  window.addEventListener("popstate", () => { state = readState(); fillForm(); load(); });
  map = await createMap(document.getElementById("map"));
  map.on("moveend", () => {
    if (document.getElementById("in-view").checked) apply(readForm(), false);
  });
  fillForm();
  await load();
  document.body.dataset.ready = "true";
}

main();
