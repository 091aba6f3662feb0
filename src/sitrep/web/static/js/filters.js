// Filters live in the URL query string, so a view can be bookmarked and shared.
export const FILTER_KEYS = ["date_from", "date_to", "event_type", "sub_event_type", "actor", "location",
                            "country", "source", "q", "reviewed", "include_rejected", "bbox"];
export const VIEW_KEYS = ["sort", "desc", "offset"];

export function readState() {
  const p = new URLSearchParams(location.search);
  const state = {};
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) if (p.get(k)) state[k] = p.get(k);
  return state;
}

export function writeState(state, push = true) {
  const p = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) {
    if (state[k] !== undefined && state[k] !== null && state[k] !== "") p.set(k, state[k]);
  }
  const url = `${location.pathname}${p.toString() ? "?" + p : ""}`;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  sessionStorage.setItem("sitrep:lastView", url);
}

export function filtersOnly(state, drop = []) {
  const out = {};
  for (const k of FILTER_KEYS) if (state[k] && !drop.includes(k)) out[k] = state[k];
  return out;
}
