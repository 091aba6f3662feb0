// Events per day (or per N days when the range is long) as stacked bars by type, drawn in SVG.
// Dragging across the chart selects a date range (a brush) that filters the map and the table;
// a click without dragging clears it.
const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const MAX_BARS = 180;

function svg(tag, attrs) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  return n;
}

const toDay = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY);
const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);

export function drawTimeline(container, perDay, colour, selection, onBrush) {
  container.replaceChildren();
  const rows = perDay.filter((r) => r.date);
  if (!rows.length) {
    container.textContent = "No dated events for these filters.";
    return;
  }
  const width = Math.max(container.clientWidth || 800, 300);
  const height = 120;
  const pad = { l: 34, r: 8, t: 8, b: 20 };
  const d0 = toDay(rows[0].date);
  const d1 = toDay(rows[rows.length - 1].date);
  const bin = Math.max(1, Math.ceil((d1 - d0 + 1) / MAX_BARS));
  const nBins = Math.floor((d1 - d0) / bin) + 1;
  const bins = Array.from({ length: nBins }, () => new Map());
  for (const r of rows) {
    const b = bins[Math.floor((toDay(r.date) - d0) / bin)];
    b.set(r.event_type, (b.get(r.event_type) || 0) + r.n);
  }
  const totals = bins.map((b) => [...b.values()].reduce((a, c) => a + c, 0));
  const ymax = Math.max(1, ...totals);
  const iw = width - pad.l - pad.r;
  const ih = height - pad.t - pad.b;
  const bw = iw / nBins;
  const root = svg("svg", { width, height, class: "timeline-svg", role: "img",
                            "aria-label": `events per ${bin === 1 ? "day" : bin + " days"} by type` });
  root.append(svg("line", { x1: pad.l, x2: width - pad.r, y1: pad.t + ih, y2: pad.t + ih, class: "axis" }));
  const ylab = svg("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", class: "tick" });
  ylab.textContent = String(ymax);
  root.append(ylab);
  bins.forEach((b, i) => {
    let y = pad.t + ih;
    for (const [type, n] of [...b.entries()].sort()) {
      const h = (n / ymax) * ih;
      y -= h;
      const rect = svg("rect", { x: pad.l + i * bw + 0.5, y, width: Math.max(1, bw - 1), height: h,
                                 fill: colour(type), class: "bar" });
      const title = svg("title", {});
      const from = toIso(d0 + i * bin);
      title.textContent = `${bin === 1 ? from : from + " +" + bin + "d"}: ${n} ${type}`;
      rect.append(title);
      root.append(rect);
    }
  });
  for (const [day, anchor] of [[d0, "start"], [d1, "end"]]) {
    const t = svg("text", { x: anchor === "start" ? pad.l : width - pad.r, y: height - 5,
                            "text-anchor": anchor, class: "tick" });
    t.textContent = toIso(day);
    root.append(t);
  }
  const xToDay = (x) => d0 + Math.floor(((Math.min(Math.max(x, pad.l), width - pad.r) - pad.l) / iw) * nBins) * bin;
  const dayToX = (day) => pad.l + ((day - d0) / bin) * bw;
  const brush = svg("rect", { y: pad.t, height: ih, class: "brush", x: 0, width: 0 });
  root.append(brush);
  if (selection.from || selection.to) {
    const a = selection.from ? Math.max(toDay(selection.from), d0) : d0;
    const z = selection.to ? Math.min(toDay(selection.to), d1) : d1;
    brush.setAttribute("x", dayToX(a));
    brush.setAttribute("width", Math.max(2, dayToX(z + bin) - dayToX(a)));
  }
  let start = null;
  const px = (ev) => ev.clientX - root.getBoundingClientRect().left;
  root.addEventListener("pointerdown", (ev) => {
    start = px(ev);
    root.setPointerCapture(ev.pointerId);
  });
  root.addEventListener("pointermove", (ev) => {
    if (start === null) return;
    const a = Math.min(start, px(ev));
    brush.setAttribute("x", a);
    brush.setAttribute("width", Math.abs(px(ev) - start));
  });
  root.addEventListener("pointerup", (ev) => {
    if (start === null) return;
    const end = px(ev);
    const moved = Math.abs(end - start) > 3;
    const a = xToDay(Math.min(start, end));
    const z = xToDay(Math.max(start, end)) + bin - 1;
    start = null;
    if (moved) onBrush(toIso(a), toIso(Math.min(z, d1)));
    else onBrush(null, null);
  });
  container.append(root);
}
