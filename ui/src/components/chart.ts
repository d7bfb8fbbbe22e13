// The timeline's chart: one row per activity, a bar over the days from the
// first session to the end of the restrictions, with the sessions and today
// marked. Everything about days comes from the engine (`timeline_chart`):
// runs, their day indices and lengths, today's index. This file only turns
// indices into percentages of the bar and dates into words.
//
// SVGs without a viewBox, positions in percentages, so the chart fills any
// width; the labels are HTML, so they wrap at any text size. Attributes, not
// inline styles (the CSP allows only the app's stylesheet).
// Colour is never the only cue: "avoid" is solid, "with care" hatched, "OK"
// outlined, "not mentioned" a thin dashed line, and the legend names each.
// The pictures are hidden from screen readers; each row has its words.

import type { Chart, ChartOn, ChartRow, ChartStatus, Segment } from "../bindings";
import { el, put } from "../dom";
import type { Formats } from "../format";
import { t } from "../i18n";

const SVG = "http://www.w3.org/2000/svg";

/** The message id of each status's name, in the legend. */
const CHART_KEY: Record<ChartStatus, string> = {
  avoid: "status-avoid",
  limited: "status-limited",
  ok: "status-ok",
  unsaid: "chart-unsaid",
};

/** The message id of each status as a word inside a sentence. */
const WORD_KEY: Record<ChartStatus, string> = {
  avoid: "chart-word-avoid",
  limited: "chart-word-limited",
  ok: "chart-word-ok",
  unsaid: "chart-word-unsaid",
};

/** What each status is called, in the legend. */
export function chartWord(status: ChartStatus): string {
  return t(CHART_KEY[status]);
}

/** One row's text equivalent: "Swimming: avoid until Tue 6 May; OK from Wed 7 May on." */
export function rowSummary(row: ChartRow, chart: Chart, f: Formats, todayIso?: string): string {
  const d = (iso: string) => f.date(iso, todayIso);
  const parts = row.segments.map((s: Segment) => {
    // The status as a word inside a sentence ("with care", "OK").
    const word = t(WORD_KEY[s.status]);
    const first = s.from === chart.from;
    if (s.continues) return first ? t("chart-throughout", { word }) : t("chart-from-on", { word, from: d(s.from) });
    if (s.from === s.to) return t("chart-on", { word, from: d(s.from) });
    if (first) return t("chart-until", { word, to: d(s.to) });
    return t("chart-from-to", { word, from: d(s.from), to: d(s.to) });
  });
  return t("chart-row", { label: row.label, parts: parts.join("; ") });
}

/** What the chart covers, in a sentence. */
export function chartCaption(chart: Chart, f: Formats, todayIso?: string): string {
  const span = { from: f.date(chart.from, todayIso), to: f.date(chart.to, todayIso) };
  switch (chart.ends) {
    case "healed":
      return t("chart-caption-healed", span);
    case "restrictions_over":
      return t("chart-caption-restrictions-over", span);
    case "next_session_unbooked":
      return t("chart-caption-unbooked", { ...span, session: chart.sessions.length + 1 });
    case "last_rule":
      return t("chart-caption-last-rule", span);
  }
}

/** `index` days along a bar of `days` days, as an SVG percentage. */
function at(index: number, days: number): string {
  return `${((index / days) * 100).toFixed(3)}%`;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  cls?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (cls) node.setAttribute("class", cls);
  return node;
}

/** The hatching for "with care": one pattern per page, in the axis's SVG. */
function defs(): SVGDefsElement {
  const d = svg("defs", {});
  const p = svg("pattern", {
    id: "chart-hatch",
    width: 6,
    height: 6,
    patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)",
  });
  p.append(svg("rect", { width: 6, height: 6 }, "hatch-bg"), svg("rect", { width: 2.5, height: 6 }, "hatch-line"));
  d.append(p);
  return d;
}

/** One run of a bar, drawn for its status. */
function segmentShape(s: Segment, days: number): SVGElement {
  const x = at(s.index, days);
  if (s.status === "unsaid") {
    return svg("line", { x1: x, x2: at(s.index + s.days, days), y1: "50%", y2: "50%" }, "seg-unsaid");
  }
  return svg("rect", { x, width: at(s.days, days), y: 0, height: "100%" }, `seg-${s.status}`);
}

/** The chart card: caption, the picture, each row with its words, a legend. */
export function chartCard(view: ChartOn, f: Formats): HTMLElement {
  const { chart, today_index: todayIndex } = view;
  const todayIso = view.today;
  const days = chart.days;
  const section = el("section", undefined, "card chart");
  section.setAttribute("aria-labelledby", "chart-h");
  const h = el("h2", t("chart-title"));
  h.id = "chart-h";
  section.append(h, el("p", chartCaption(chart, f, todayIso), "muted small chart-caption"));

  // Above the rows: "Today" and the session numbers, where they fall.
  const axis = svg("svg", { width: "100%", height: "2.5em", focusable: "false" }, "chart-axis");
  axis.setAttribute("aria-hidden", "true");
  axis.append(defs());
  if (todayIndex !== null) {
    const share = (todayIndex + 0.5) / days;
    const anchor = share < 0.12 ? "start" : share > 0.88 ? "end" : "middle";
    const x = anchor === "start" ? todayIndex : anchor === "end" ? todayIndex + 1 : todayIndex + 0.5;
    const label = svg("text", { x: at(x, days), y: "1em", "text-anchor": anchor }, "label-today");
    label.textContent = t("chart-today");
    axis.append(label);
  }
  for (const s of chart.sessions) {
    const n = svg("text", { x: at(s.index + 0.5, days), y: "2.2em", "text-anchor": "middle" }, "label-session");
    n.textContent = String(s.number);
    axis.append(n);
  }

  // The rows: HTML labels (they wrap at any text size), an SVG bar each.
  const plot = el("div", undefined, "chart-plot");
  const rows = el("ul", undefined, "chart-rows");
  rows.setAttribute("aria-label", t("chart-rows-label"));
  for (const row of chart.rows) {
    const li = el("li");
    const label = el("span", row.label, "chart-label");
    label.setAttribute("aria-hidden", "true");
    const bar = svg("svg", { width: "100%", height: "0.8em", focusable: "false" }, "chart-bar");
    bar.setAttribute("aria-hidden", "true");
    bar.append(svg("rect", { width: "100%", height: "100%" }, "bar-track"));
    for (const s of row.segments) bar.append(segmentShape(s, days));
    li.append(label, el("span", rowSummary(row, chart, f, todayIso), "sr-only"), bar);
    rows.append(li);
  }
  // Sessions and today run across every row, over the bars, under the labels.
  const marks = svg("svg", { width: "100%", height: "100%", focusable: "false" }, "chart-marks");
  marks.setAttribute("aria-hidden", "true");
  if (todayIndex !== null) {
    marks.append(svg("rect", { x: at(todayIndex, days), width: at(1, days), y: 0, height: "100%" }, "mark-today"));
  }
  for (const s of chart.sessions) {
    marks.append(svg("line", { x1: at(s.index, days), x2: at(s.index, days), y1: 0, y2: "100%" }, "mark-session"));
  }
  plot.append(rows, marks);

  const ends = el("p", undefined, "chart-dates");
  ends.setAttribute("aria-hidden", "true");
  ends.append(el("span", f.date(chart.from, todayIso)), el("span", f.date(chart.to, todayIso)));
  const sessions = chart.sessions
    .map((s) => t("chart-marked-session", { number: s.number, date: f.date(s.date, todayIso) }))
    .join(", ");
  const marked = el("p", t(todayIndex !== null ? "chart-marked-today" : "chart-marked", { sessions }), "sr-only");
  section.append(axis, plot, ends, marked, legend(chart));
  return section;
}

function swatch(cls: string): SVGSVGElement {
  const s = svg("svg", { width: "1.6em", height: "0.8em", focusable: "false" }, "swatch");
  s.setAttribute("aria-hidden", "true");
  if (cls === "seg-unsaid") s.append(svg("line", { x1: 0, x2: "100%", y1: "50%", y2: "50%" }, cls));
  else if (cls === "mark-session") s.append(svg("line", { x1: "50%", x2: "50%", y1: 0, y2: "100%" }, cls));
  else s.append(svg("rect", { width: "100%", height: "100%" }, cls));
  return s;
}

function legend(chart: Chart): HTMLElement {
  const list = el("ul", undefined, "chart-legend");
  list.setAttribute("aria-label", t("chart-key"));
  const item = (cls: string, ...text: (Node | string)[]) => {
    const li = el("li");
    li.append(swatch(cls));
    put(li, ...text);
    list.append(li);
  };
  // The hatching's pattern is defined once, in the chart's axis.
  item("seg-avoid", chartWord("avoid"));
  item("seg-limited", chartWord("limited"));
  item("seg-ok", chartWord("ok"));
  item("seg-unsaid", t("chart-unsaid-ask"));
  const numbers = chart.sessions.map((s) => s.number).join(", ");
  item("mark-session", t("chart-your-sessions", { numbers, count: chart.sessions.length }));
  item("mark-today", t("chart-today"));
  return list;
}
