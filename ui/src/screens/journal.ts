// The journal: every check-in with its day ("Day 6 after session 2"), its
// levels, note and photos, newest first (today's news first, as on every
// screen: the day the client can still change is at the top, and each
// entry's day label keeps the order plain). From here: compare two days,
// and share the journal with the clinic as one file.

import { type CheckIn, commands, type Journal } from "../bindings";
import { need } from "../api";
import { button, card as cardOf, el, routeLink } from "../dom";
import { zoomableThumb } from "../components/zoom";
import { photoAlt, symptomLines } from "../journal";
import { t } from "../i18n";
import { placeError } from "../logic";
import { type Ctx, screen, timeEl } from "./common";

export async function journalScreen(ctx: Ctx): Promise<HTMLElement> {
  const [journal, overview] = await Promise.all([need(commands.journal()), commands.overview()]);
  const root = screen(t("nav-journal"), t("journal-lead"));
  const has = (date: string) => journal.entries.some((e) => e.date === date);
  const top = el("div", undefined, "actions journal-actions");
  if (!has(journal.today)) top.append(routeLink(t("journal-check-in-today"), "check-in?from=journal", "btn primary"));
  // A day missed can still be written the day after (the backend's rule).
  const yesterday = overview.status === "ok" ? overview.data.yesterday : null;
  if (yesterday && !has(yesterday)) {
    top.append(routeLink(t("journal-check-in-yesterday"), `check-in?date=${yesterday}&from=journal`, "btn secondary"));
  }
  if (journal.entries.length > 1) top.append(routeLink(t("compare-title"), "compare", "btn secondary"));
  if (top.childElementCount) root.append(top);
  if (!journal.entries.length) {
    const card = el("section", undefined, "card");
    card.append(el("p", t("journal-empty")));
    root.append(card);
    return root;
  }
  const list = el("ol", undefined, "journal-list");
  list.setAttribute("aria-label", t("journal-list-label"));
  for (const e of [...journal.entries].reverse()) list.append(entryItem(e, journal.today, ctx));
  root.append(list, shareCard(journal, ctx));
  return root;
}

function entryItem(e: CheckIn, today: string, ctx: Ctx): HTMLElement {
  const li = el("li", undefined, "card journal-entry");
  li.dataset.date = e.date;
  const shown = ctx.fmt.date(e.date, today);
  const h = el("h2", undefined, "entry-date");
  h.append(timeEl(e.date, shown));
  li.append(h, el("p", e.day_label, "muted entry-day"));
  const lines = symptomLines(e.symptoms);
  if (lines.length) {
    const list = el("ul", undefined, "chips symptom-chips");
    for (const l of lines) list.append(el("li", l, "chip"));
    li.append(list);
  } else li.append(el("p", t("nothing-to-note"), "muted"));
  if (e.note) li.append(el("p", e.note, "entry-note"));
  if (e.photos.length) {
    const thumbs = el("ul", undefined, "thumbs");
    e.photos.forEach((p, i) => {
      const t = el("li");
      t.append(zoomableThumb(p, photoAlt(e, shown, i)));
      thumbs.append(t);
    });
    li.append(thumbs);
  }
  if (e.editable) {
    const edit = routeLink(t("edit"), `check-in?date=${e.date}&from=journal`, "btn secondary");
    edit.setAttribute("aria-label", t("journal-edit-label", { date: shown }));
    li.append(edit);
  }
  return li;
}

/** "Share with my clinic": the days to include (all by default) and the save. */
function shareCard(journal: Journal, ctx: Ctx): HTMLElement {
  const card = cardOf(t("share-title"), "h2", "share");
  card.append(el("p", t("share-lead")));
  const pick = el("details", undefined, "fold share-days");
  const summary = el("summary");
  const boxes: HTMLInputElement[] = [];
  const count = () => {
    const n = boxes.filter((b) => b.checked).length;
    summary.textContent =
      n === boxes.length ? t("share-all-days", { count: n }) : t("share-some-days", { n, count: boxes.length });
  };
  const fs = el("fieldset", undefined, "choices");
  fs.append(el("legend", t("share-days"), "sr-only"));
  for (const e of [...journal.entries].reverse()) {
    const row = el("div", undefined, "check");
    const box = el("input");
    box.type = "checkbox";
    box.id = `share-${e.date}`;
    box.value = e.date;
    box.checked = true;
    box.addEventListener("change", count);
    const label = el("label", `${ctx.fmt.date(e.date, journal.today)} · ${e.day_label}`);
    label.htmlFor = box.id;
    row.append(box, label);
    fs.append(row);
    boxes.push(box);
  }
  count();
  pick.append(summary, fs);
  const go = button(t("share-save"), "primary");
  go.id = "share";
  const result = el("p", undefined, "share-result");
  result.setAttribute("role", "status");
  go.addEventListener("click", async () => {
    result.textContent = "";
    result.classList.remove("form-error");
    const dates = boxes.filter((b) => b.checked).map((b) => b.value);
    if (!dates.length) {
      result.textContent = t("share-none");
      result.classList.add("form-error");
      return;
    }
    go.disabled = true;
    const r = await commands.journalShare(dates.sort());
    go.disabled = false;
    if (r.status === "error") {
      result.textContent = placeError(r.error, []).message;
      result.classList.add("form-error");
    } else if (r.data !== null) {
      result.textContent = t("share-saved", { path: r.data });
    }
  });
  card.append(pick, go, result);
  return card;
}
