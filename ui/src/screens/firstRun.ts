// The first run: protocol, first session date and reminder time on one
// short form, then straight to Today.

import { commands, type TodayScreen } from "../bindings";
import { dateField } from "../components/dateField";
import { protocolPicker } from "../components/protocolPicker";
import { dateOrder, typedForm } from "../dateEntry";
import { button, el, Field, FormErrors, input, put, routeLink } from "../dom";
import { t } from "../i18n";
import { banners, type Ctx, screen } from "./common";
import { handoverFirstRunLink } from "./handover";

/** The first-run form, from Today's answer (no plan yet: it lists the protocols). */
export function firstRun(ctx: Ctx, answer: TodayScreen): HTMLElement {
  const { overview, protocols: list, settings: currentSettings } = answer;
  const root = screen(t("first-title"), t("first-lead"));
  root.append(...banners(overview, [], ctx));
  root.append(handoverFirstRunLink());

  const form = el("form", undefined, "card first-run");
  form.noValidate = true;
  form.setAttribute("aria-label", t("first-form-label"));
  const errors = new FormErrors();

  // 1. Protocol
  const picker = protocolPicker("first-protocol", t("first-protocol"), list);
  const importLink = el("p", undefined, "hint");
  put(importLink, `${t("first-file-question")} `, routeLink(t("first-import-instead"), "protocol"));
  picker.fieldset.append(importLink);
  errors.on("protocol", picker);

  // 2. First session
  // Typed, and read by the engine: a date that is not one is said plainly.
  const date = dateField("first-date", t("first-date"), "", t("first-date-lead"));
  const quick = el("div", undefined, "quick");
  for (const [text, iso] of [
    [t("first-today"), overview.today],
    [t("first-yesterday"), overview.yesterday],
  ] as const) {
    const b = button(text, "secondary");
    b.setAttribute("aria-label", t("first-use-date", { text, date: ctx.fmt.date(iso) }));
    b.addEventListener("click", () => {
      date.control.value = typedForm(iso);
      date.setError(null);
    });
    quick.append(b);
  }
  date.wrap.append(quick);
  errors.on("date", date);

  // 3. Reminder time
  const time = new Field(
    "first-time",
    t("first-time"),
    input("time", currentSettings.reminder_time),
    t("first-time-hint"),
  );
  time.control.required = true;
  errors.on("reminder_time", time);

  const submit = button(t("first-submit"), "primary", true);
  put(form, picker.fieldset, date.wrap, time.wrap, errors.general, submit);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.clear();
    if (!date.control.value) {
      errors.showAt("date", t("first-date-missing"));
      return;
    }
    submit.disabled = true;
    try {
      const chosen = picker.chosen();
      // The engine reads the typed date first (nothing is stored).
      const checked = await commands.sessionCheck(null, date.control.value, dateOrder());
      if (checked.status === "error") return errors.show(checked.error);
      // A kept clinic file is followed first (nothing is booked yet, so
      // nothing is replaced); a built-in goes with the first run itself.
      if (chosen && chosen.imported_id !== null && !chosen.selected) {
        const r = await commands.protocolSelectImported(chosen.imported_id);
        if (r.status === "error") return errors.show(r.error);
      }
      const protocol = chosen && !chosen.imported ? chosen.id : null;
      // All three or none: a refused date leaves the protocol and time as they were.
      const r = await commands.firstRun(
        protocol,
        { ...currentSettings, reminder_time: time.control.value },
        checked.data.date,
      );
      if (r.status === "error") return errors.show(r.error);
      ctx.go("today");
    } finally {
      submit.disabled = false;
    }
  });

  root.append(form);
  return root;
}
