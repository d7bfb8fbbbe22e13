// The timeline's chart: one row per activity, a bar over the days from the
// first session to the end of the restrictions, with the sessions and today
// marked. Everything about days comes from the engine (`timeline_chart`):
// runs, their day indices and lengths, today's index. This file only turns
// indices into percentages of the bar and dates into words.
//
// One SVG without a viewBox: horizontal positions are percentages, vertical
// ones are in em, so the chart fills any width and grows with the text size.
// Attributes, not inline styles (the CSP allows only the app's stylesheet).
// Colour is never the only cue: "avoid" is solid, "with care" hatched, "OK"
// outlined, "not mentioned" a thin dashed line, and the legend names each.
// The SVG is hidden from screen readers; each row has a text equivalent.

import type { Chart, ChartOn, ChartRow, ChartStatus, Segment } from "../bindings";
import { el, put } from "../dom";
import type { Formats } from "../format";

const SVG = "http://www.w3.org/2000/svg";

/** What each status is called, in the legend and the row summaries. */
export const CHART_WORD: Record<ChartStatus, string> = {
  avoid: "Avoid",
  limited: "With care",
  ok: "OK",
  unsaid: "Not mentioned",
};

/** Vertical layout, in em of the chart's font size. */
const AXIS = 2.7; // "Today" above the session numbers
const ROW = 2.25; // a label line and a bar
const BAR = 0.8;
const FOOT = 1.5; // the first and last dates

/** One row's text equivalent: "Swimming: avoid until Tue 6 May; OK from Wed 7 May on." */
export function rowSummary(row: ChartRow, chart: Chart, f: Formats, todayIso?: string): string {
  const d = (iso: string) => f.date(iso, todayIso);
  const parts = row.segments.map((s: Segment) => {
    const word = CHART_WORD[s.status].toLowerCase();
    const first = s.from === chart.from;
    if (s.continues) return first ? `${word} throughout` : `${word} from ${d(s.from)} on`;
    if (s.from === s.to) return `${word} on ${d(s.from)}`;
    if (first) return `${word} until ${d(s.to)}`;
    return `${word} from ${d(s.from)} to ${d(s.to)}`;
  });
  // "ok" reads as a word only in capitals.
  return `${row.label}: ${parts.join("; ").replace(/\bok\b/g, "OK")}.`;
}

/** What the chart covers, in a sentence. */
export function chartCaption(chart: Chart, f: Formats, todayIso?: string): string {
  const span = `${f.date(chart.from, todayIso)} to ${f.date(chart.to, todayIso)}`;
  switch (chart.ends) {
    case "healed":
      return `From your first session to the day you're fully healed: ${span}.`;
    case "restrictions_over":
      return `From your first session to the day your clinic's restrictions are over: ${span}.`;
    case "next_session_unbooked":
      return `Session ${chart.sessions.length + 1} isn't booked yet, so this shows ${span}; book it to see the rest.`;
    case "last_rule":
      return `From your first session to the end of your clinic's dated advice: ${span}.`;
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

/** The hatching for "with care" and nothing else: one pattern per page. */
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
function segmentShape(s: Segment, days: number, y: number): SVGElement {
  const x = at(s.index, days);
  const width = at(s.days, days);
  if (s.status === "unsaid") {
    const g = svg("g", {});
    const mid = `${y + BAR / 2}em`;
    g.append(svg("line", { x1: x, x2: at(s.index + s.days, days), y1: mid, y2: mid }, "seg-unsaid"));
    return g;
  }
  return svg("rect", { x, width, y: `${y}em`, height: `${BAR}em` }, `seg-${s.status}`);
}

/** The chart card: caption, the picture, each row as text, and a legend. */
export function chartCard(view: ChartOn, f: Formats): HTMLElement {
  const { chart, today_index: todayIndex } = view;
  const todayIso = view.today;
  const section = el("section", undefined, "card chart");
  section.setAttribute("aria-labelledby", "chart-h");
  const h = el("h2", "At a glance");
  h.id = "chart-h";
  section.append(h, el("p", chartCaption(chart, f, todayIso), "muted small chart-caption"));

  const days = chart.days;
  const rowsTop = AXIS;
  const height = AXIS + chart.rows.length * ROW + FOOT;
  const pic = svg("svg", { width: "100%", height: `${height}em`, focusable: "false" }, "chart-svg");
  pic.setAttribute("aria-hidden", "true");
  pic.append(defs());

  // Today: a column across every row, named above them.
  if (todayIndex !== null) {
    pic.append(
      svg(
        "rect",
        { x: at(todayIndex, days), width: at(1, days), y: "1.2em", height: `${height - 1.2 - FOOT}em` },
        "mark-today",
      ),
    );
    const share = (todayIndex + 0.5) / days;
    const anchor = share < 0.12 ? "start" : share > 0.88 ? "end" : "middle";
    const x =
      anchor === "start"
        ? at(todayIndex, days)
        : anchor === "end"
          ? at(todayIndex + 1, days)
          : at(todayIndex + 0.5, days);
    const t = svg("text", { x, y: "1em", "text-anchor": anchor }, "label-today");
    t.textContent = "Today";
    pic.append(t);
  }
  // Sessions: a line where each begins, numbered above the rows.
  for (const s of chart.sessions) {
    pic.append(
      svg(
        "line",
        { x1: at(s.index, days), x2: at(s.index, days), y1: "1.55em", y2: `${height - FOOT}em` },
        "mark-session",
      ),
    );
    const n = svg("text", { x: at(s.index + 0.5, days), y: "2.35em", "text-anchor": "middle" }, "label-session");
    n.textContent = String(s.number);
    pic.append(n);
  }
  chart.rows.forEach((row, i) => {
    const top = rowsTop + i * ROW;
    const label = svg("text", { x: 0, y: `${top + 0.95}em` }, "label-row");
    label.textContent = row.label;
    const barY = top + 1.2;
    pic.append(label, svg("rect", { x: 0, width: "100%", y: `${barY}em`, height: `${BAR}em` }, "bar-track"));
    for (const s of row.segments) pic.append(segmentShape(s, days, barY));
  });
  const foot = height - 0.35;
  const first = svg("text", { x: 0, y: `${foot}em` }, "label-axis");
  first.textContent = f.date(chart.from, todayIso);
  const last = svg("text", { x: "100%", y: `${foot}em`, "text-anchor": "end" }, "label-axis");
  last.textContent = f.date(chart.to, todayIso);
  pic.append(first, last);
  section.append(pic);

  // The same, as text, for screen readers.
  const text = el("ul", undefined, "sr-only");
  text.setAttribute("aria-label", "Each activity, day by day");
  for (const row of chart.rows) text.append(el("li", rowSummary(row, chart, f, todayIso)));
  const sessions = chart.sessions.map((s) => `session ${s.number} on ${f.date(s.date, todayIso)}`).join(", ");
  section.append(text, el("p", `Marked: ${sessions}${todayIndex !== null ? ", and today" : ""}.`, "sr-only"));

  section.append(legend(chart));
  return section;
}

function swatch(cls: string): SVGSVGElement {
  const s = svg("svg", { width: "1.6em", height: `${BAR}em`, focusable: "false" }, "swatch");
  s.setAttribute("aria-hidden", "true");
  if (cls === "seg-unsaid") s.append(svg("line", { x1: 0, x2: "100%", y1: "50%", y2: "50%" }, cls));
  else if (cls === "mark-session") s.append(svg("line", { x1: "50%", x2: "50%", y1: 0, y2: "100%" }, cls));
  else s.append(svg("rect", { width: "100%", height: "100%" }, cls));
  return s;
}

function legend(chart: Chart): HTMLElement {
  const list = el("ul", undefined, "chart-legend");
  list.setAttribute("aria-label", "Key");
  const item = (cls: string, ...text: (Node | string)[]) => {
    const li = el("li");
    li.append(swatch(cls));
    put(li, ...text);
    list.append(li);
  };
  // The hatching's pattern is defined once, in the chart's own SVG.
  item("seg-avoid", CHART_WORD.avoid);
  item("seg-limited", CHART_WORD.limited);
  item("seg-ok", CHART_WORD.ok);
  item("seg-unsaid", `${CHART_WORD.unsaid}: ask your clinic`);
  const numbers = chart.sessions.map((s) => s.number).join(", ");
  item("mark-session", `${numbers}: your ${chart.sessions.length === 1 ? "session" : "sessions"}`);
  item("mark-today", "Today");
  return list;
}
