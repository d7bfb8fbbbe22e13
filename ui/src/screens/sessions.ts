// Sessions: the booked sessions (add, move, delete), how many are planned,
// and how to get ready for the next booked one (the engine's checklist).

import { commands, MAX_PLANNED, type PrepItem, type SessionsView, type Warning } from "../bindings";
import { need } from "../api";
import { dateField } from "../components/dateField";
import { dateOrder, dateProblemText, typedForm } from "../dateEntry";
import type { Formats } from "../format";
import { button, el, Field, FormErrors, liveNote, put } from "../dom";
import { t } from "../i18n";
import { placeError, prepGroups, prepUntil, resetText } from "../logic";
import { type Ctx, screen, timeEl } from "./common";

export async function sessionsScreen(ctx: Ctx): Promise<HTMLElement> {
  const view = await need(commands.sessions());
  const root = screen(t("sessions-title"));
  const note = liveNote();
  root.append(note);
  const done: Done = async (message, focus) => {
    await ctx.reload();
    // The screen was rebuilt: announce in the new one, and put focus where
    // the client's next step is (never the page body).
    const fresh = document.querySelector<HTMLElement>(".screen > .note");
    if (fresh) fresh.textContent = message;
    const target = focus();
    if (target) {
      if (!target.matches("button, input, select, a[href]")) target.tabIndex = -1;
      target.focus();
    }
  };
  const warnings = view.warnings;
  root.append(
    bookedCard(view, ctx, view.today, done, warnings),
    addCard(ctx.fmt, done),
    plannedCard(
      view,
      done,
      warnings.filter((w) => w.session === null),
    ),
  );
  root.append(await prepCard(ctx, view.today, warnings));
  return root;
}

/** Reloads the screen, announces `message` and focuses what `focus` finds in the new one. */
type Done = (message: string, focus: () => HTMLElement | null) => Promise<void>;

/** The row of the session on `iso` in the rebuilt screen. */
const rowOn = (iso: string) => () => document.querySelector<HTMLElement>(`li.session-row[data-date="${iso}"]`);
/** The "Add session" button in the rebuilt screen. */
const addButton = () => document.getElementById("add-session");

/**
 * The submit handler of a date form: the engine reads and checks the typed
 * date (`session_check`, nothing stored); a date that is not one is shown
 * beside the field; notes (spacing, a date far from the others, sessions
 * renumbered) are shown in `panel` for the client to accept ("`anyway`")
 * or change (`submit`, if given, steps aside meanwhile: one way to go on);
 * a date with nothing to say is saved at once.
 */
function checkedSubmit(
  fmt: Formats,
  field: Field,
  errors: FormErrors,
  panel: HTMLElement,
  id: number | null,
  anyway: string,
  save: (iso: string) => Promise<void>,
  submit?: HTMLButtonElement,
): (e: SubmitEvent) => Promise<void> {
  panel.className = "date-check";
  panel.hidden = true;
  panel.setAttribute("role", "group");
  const hide = () => {
    panel.hidden = true;
    panel.replaceChildren();
    if (submit) submit.hidden = false;
  };
  // The notes are about the date that was checked: typing again drops them.
  field.control.addEventListener("input", hide);
  return async (e) => {
    e.preventDefault();
    errors.clear();
    hide();
    const text = field.control.value;
    if (!text.trim()) return errors.showAt("date", dateProblemText({ problem: "empty" }, fmt.longDate));
    const r = await commands.sessionCheck(id, text, dateOrder());
    if (r.status === "error") return errors.show(r.error);
    const { date, notes } = r.data;
    if (!notes.length) return save(date);
    const title = el("p", t("sessions-is-right", { date: fmt.longDate(date) }), "strong");
    title.id = `${field.id}-check`;
    panel.setAttribute("aria-labelledby", title.id);
    const list = el("ul", undefined, "plain warning-list");
    for (const n of notes) list.append(el("li", n.message, "warning"));
    const yes = button(anyway, "primary");
    const change = button(t("sessions-change-the-date"), "secondary");
    yes.addEventListener("click", () => void save(date));
    change.addEventListener("click", () => {
      hide();
      field.control.focus();
      field.control.select();
    });
    const actions = el("div", undefined, "actions");
    actions.append(yes, change);
    panel.replaceChildren(title, list, actions);
    panel.hidden = false;
    if (submit) submit.hidden = true;
    panel.tabIndex = -1;
    panel.focus();
    // Both answers in view, above the tab bar (scroll-padding in styles.css).
    actions.scrollIntoView({ block: "nearest" });
  };
}

/** The warnings about one session (or the plan), shown beside it. */
function warningList(warnings: Warning[]): HTMLElement | null {
  if (!warnings.length) return null;
  const list = el("ul", undefined, "plain warning-list");
  for (const w of warnings) {
    const li = el("li", undefined, "warning");
    put(li, el("span", `${t("sessions-check-with-clinic")} `, "strong"), w.message);
    list.append(li);
  }
  return list;
}

function bookedCard(view: SessionsView, ctx: Ctx, today: string, done: Done, warnings: Warning[]): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "booked-h");
  const h = el("h2", t("sessions-booked"));
  h.id = "booked-h";
  card.append(h);
  const unreadable = unreadableList(view, done);
  if (unreadable) card.append(unreadable);
  if (!view.sessions.length) {
    card.append(el("p", t("sessions-none"), "muted"));
    return card;
  }
  card.append(el("p", t("sessions-booked-count", { n: view.sessions.length, count: view.planned_effective }), "muted"));
  const list = el("ol", undefined, "sessions");
  view.sessions.forEach((s, i) => {
    const li = el("li", undefined, "session-row");
    li.dataset.date = s.date;
    const n = i + 1;
    const show = () => {
      const line = el("p", undefined, "session-line");
      put(line, el("strong", t("timeline-session", { n })), " · ", timeEl(s.date, ctx.fmt.date(s.date, today)));
      const actions = el("div", undefined, "actions");
      const edit = button(t("sessions-change-date"), "secondary");
      edit.setAttribute("aria-label", t("sessions-change-date-label", { n }));
      const del = button(t("delete"), "danger");
      del.setAttribute("aria-label", t("sessions-delete-label", { n }));
      actions.append(edit, del);
      li.replaceChildren(line, actions);
      const about = warningList(warnings.filter((w) => w.session === n));
      if (about) line.after(about);
      edit.addEventListener("click", editing);
      del.addEventListener("click", confirming);
    };
    const editing = () => {
      const form = el("form", undefined, "inline-form");
      form.noValidate = true;
      const field = dateField(`edit-${s.id}`, t("sessions-new-date", { n }), typedForm(s.date));
      const errors = new FormErrors().on("date", field);
      const save = button(t("save"), "primary", true);
      const cancel = button(t("cancel"), "secondary");
      const actions = el("div", undefined, "actions");
      actions.append(save, cancel);
      const panel = el("div");
      form.append(field.wrap, errors.general, panel, actions);
      cancel.addEventListener("click", () => {
        show();
        li.querySelector<HTMLButtonElement>("button")?.focus();
      });
      const submit = checkedSubmit(ctx.fmt, field, errors, panel, s.id, t("sessions-move-anyway"), async (iso) => {
        const r = await commands.sessionEdit(s.id, iso);
        if (r.status === "error") return errors.show(r.error);
        await done(t("sessions-moved", { n, date: ctx.fmt.date(iso, today) }), rowOn(iso));
      });
      form.addEventListener("submit", (e) => void submit(e));
      li.replaceChildren(form);
      field.control.focus();
    };
    const confirming = () => {
      const box = el("div", undefined, "confirm");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", t("sessions-delete-question", { n }));
      const q = el("p", t("sessions-delete-confirm", { n, date: ctx.fmt.date(s.date, today) }));
      const errors = new FormErrors();
      const yes = button(t("yes-delete"), "danger");
      const no = button(t("keep-it"), "secondary");
      const actions = el("div", undefined, "actions");
      actions.append(yes, no);
      box.append(q, errors.general, actions);
      no.addEventListener("click", () => {
        show();
        li.querySelector<HTMLButtonElement>("button.danger")?.focus();
      });
      yes.addEventListener("click", async () => {
        const r = await commands.sessionDelete(s.id);
        if (r.status === "error") return errors.show(r.error);
        // Focus moves to the session that took its place, else to adding one.
        await done(
          t("sessions-deleted", { n }),
          () => document.querySelectorAll<HTMLElement>("li.session-row").item(i) ?? addButton(),
        );
      });
      li.replaceChildren(box);
      no.focus();
    };
    show();
    list.append(li);
  });
  card.append(list);
  return card;
}

/** Stored sessions whose date could not be read: left out of the plan,
 * offered for deletion so the client can enter the date again. */
function unreadableList(view: SessionsView, done: Done): HTMLElement | null {
  if (!view.unreadable.length) return null;
  const list = el("ul", undefined, "plain warning-list");
  for (const r of view.unreadable) {
    const li = el("li", undefined, "warning");
    const errors = new FormErrors();
    const del = button(t("sessions-delete-it"), "danger");
    del.setAttribute("aria-label", t("sessions-delete-it-label", { stored: r.stored }));
    del.addEventListener("click", async () => {
      if (r.session_id === null) return;
      const res = await commands.sessionDelete(r.session_id);
      if (res.status === "error") return errors.show(res.error);
      await done(t("sessions-unreadable-deleted"), () => document.getElementById("add-date"));
    });
    put(li, el("p", resetText(r)), errors.general, del);
    list.append(li);
  }
  return list;
}

function addCard(fmt: Formats, done: Done): HTMLElement {
  const form = el("form", undefined, "card");
  form.noValidate = true;
  form.setAttribute("aria-labelledby", "add-h");
  const h = el("h2", t("sessions-add-title"));
  h.id = "add-h";
  const field = dateField("add-date", t("sessions-date"));
  const errors = new FormErrors().on("date", field);
  const add = button(t("sessions-add"), "primary", true);
  add.id = "add-session";
  const panel = el("div");
  form.append(h, field.wrap, errors.general, panel, add);
  const submit = checkedSubmit(
    fmt,
    field,
    errors,
    panel,
    null,
    t("sessions-add-anyway"),
    async (iso) => {
      const r = await commands.sessionAdd(iso);
      if (r.status === "error") return errors.show(r.error);
      await done(t("sessions-added", { date: fmt.longDate(iso) }), rowOn(iso));
    },
    add,
  );
  form.addEventListener("submit", (e) => void submit(e));
  return form;
}

function plannedCard(view: SessionsView, done: Done, warnings: Warning[]): HTMLElement {
  const form = el("form", undefined, "card");
  form.noValidate = true;
  form.setAttribute("aria-labelledby", "planned-h");
  const h = el("h2", t("sessions-how-many"));
  h.id = "planned-h";
  const select = el("select");
  const follow = el("option", t("sessions-as-clinic-plans", { usual: view.usual }));
  follow.value = "";
  select.append(follow);
  for (let n = 1; n <= MAX_PLANNED; n++) {
    const o = el("option", n >= view.min && n <= view.max ? `${n}` : t("sessions-unusual", { n }));
    o.value = String(n);
    select.append(o);
  }
  select.value = view.planned === null ? "" : String(view.planned);
  const field = new Field(
    "planned",
    t("sessions-planned"),
    select,
    view.min === view.max
      ? t("sessions-usually", { count: view.min })
      : t("sessions-usually-range", { min: view.min, max: view.max }),
  );
  const errors = new FormErrors().on("planned", field);
  form.append(h, field.wrap);
  const about = warningList(warnings);
  if (about) form.append(about);
  form.append(errors.general, button(t("save"), "primary", true));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    errors.clear();
    const r = await commands.plannedSet(select.value === "" ? null : Number(select.value));
    if (r.status === "error") return errors.show(r.error);
    await done(t("sessions-planned-now", { count: r.data.planned_effective }), () =>
      document.getElementById("planned"),
    );
  });
  return form;
}

async function prepCard(ctx: Ctx, today: string, warnings: Warning[]): Promise<HTMLElement> {
  const card = el("section", undefined, "card prep");
  card.setAttribute("aria-labelledby", "prep-h");
  const r = await commands.preparation();
  const prep = r.status === "ok" ? r.data : null;
  const h = el("h2", prep ? t("prep-title-session", { n: prep.session }) : t("prep-title"));
  h.id = "prep-h";
  card.append(h);
  if (r.status === "error") {
    card.append(el("p", placeError(r.error, []).message, "form-error"));
    return card;
  }
  if (!prep) {
    card.append(el("p", t("prep-none-ahead"), "muted"));
    return card;
  }
  const f = ctx.fmt;
  const lead = el("p");
  if (prep.in_days === 0) put(lead, el("strong", t("prep-session-today")));
  else put(lead, t("prep-session-on", { date: f.longDate(prep.date), in: f.inDays(prep.in_days) }));
  card.append(lead);
  // A step the earlier session rules out is left out of the list; say why.
  const clash = warningList(warnings.filter((w) => w.session === prep.session && w.code === "prep_clash"));
  if (clash) card.append(clash);
  if (!prep.items.length) {
    card.append(el("p", t("prep-nothing"), "muted"));
    return card;
  }
  for (const group of prepGroups(prep.items)) {
    const h3 = el("h3");
    if (group.startsInDays === 0) h3.textContent = t("prep-now");
    else if (group.from === prep.date)
      put(h3, `${t("prep-on-the-day")} · `, timeEl(group.from, f.date(group.from, today)));
    else
      put(
        h3,
        `${t("prep-from")} `,
        timeEl(group.from, f.date(group.from, today)),
        ` · ${f.inDays(group.startsInDays)}`,
      );
    const list = el("ul", undefined, "checklist");
    for (const item of group.items) list.append(checkItem(item, group.from !== prep.date));
    card.append(h3, list);
  }
  return card;
}

const KIND_TAG: Record<PrepItem["kind"], string> = { do: "prep-do", avoid: "status-avoid", limited: "status-limited" };

function checkItem(item: PrepItem, sayUntil: boolean): HTMLLIElement {
  const li = el("li", undefined, `check-item check-${item.kind}`);
  const line = el("p");
  put(line, el("span", t(KIND_TAG[item.kind]), "tag"), " ", el("strong", item.label));
  li.append(line);
  if (item.note) li.append(el("p", item.note, "muted"));
  if (item.condition) li.append(el("p", t("for-now", { condition: item.condition })));
  if (sayUntil) li.append(el("p", prepUntil(item), "muted small"));
  return li;
}
