// Article text with spans highlighted.  Overlapping spans are cut at every boundary; each piece
// is a <mark> whose classes name every span covering it.  Text is inserted as text nodes only.
import { el } from "./api.js";

// spans: [{start, end, cls, label}] in character offsets into text
export function highlighted(text, spans) {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) &&
                                    s.start < s.end && s.start >= 0 && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "article-text" });
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const z = points[i + 1];
    const piece = text.slice(a, z);
    const over = valid.filter((s) => s.start <= a && s.end >= z);
    if (!over.length) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const classes = [...new Set(over.map((s) => s.cls))];
    const labels = [...new Set(over.map((s) => s.label).filter(Boolean))];
    const fields = [...new Set(over.map((s) => s.field).filter(Boolean))];
    out.append(el("mark", { class: `hl ${classes.join(" ")}`, title: labels.join("; "),
                            "data-fields": fields.join(" ") || null }, piece));
  }
  return out;
}

// the spans of an event in one article: its provenance per field, its evidence sentences,
// and the article's place/time/actor mentions
export function eventSpans(event, article) {
  const spans = [];
  const seen = new Set();
  // the merged event's provenance, then each source report's own (a corrected field's evidence
  // is replaced by the reviewer's note on the merged event, but the text it came from stays)
  const sources = [event.provenance || {}, ...(event.members || []).map((m) => (m.report || {}).provenance || {})];
  for (const prov of sources) {
    for (const [field, items] of Object.entries(prov)) {
      for (const e of items) {
        const key = `${field}:${e.start}:${e.end}`;
        if (e.article_id !== article.id || seen.has(key)) continue;
        seen.add(key);
        spans.push({ start: e.start, end: e.end, cls: "ev-field", field,
                     label: `${field}${e.note ? " (" + e.note + ")" : ""}` });
      }
    }
  }
  for (const e of event.evidence || []) {
    if (e.article_id === article.id) spans.push({ start: e.start, end: e.end, cls: "ev-trigger", label: "event" });
  }
  for (const m of article.mentions || []) {
    if (m.kind === "place" || m.kind === "time" || m.kind === "actor") {
      spans.push({ start: m.start, end: m.end, cls: `m-${m.kind}`, label: `${m.kind}: ${m.label || m.text}` });
    }
  }
  return spans;
}
