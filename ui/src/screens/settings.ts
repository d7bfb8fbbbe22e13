// Settings: reminders, quiet hours, time zone, the app's language, launch at login, the clinic's
// contact details, the way to the clinic's plan (no longer a tab) and the
// calendar export.

import { commands, type Lang, MAX_NOTE_CHARS, MAX_VALUE_BYTES, type SettingsForm } from "../bindings";
import { need } from "../api";
import { button, checkbox, el, Field, FormErrors, input, liveNote, put, routeLink } from "../dom";
import { locale, t } from "../i18n";
import { isSettingReset, placeError, resetText } from "../logic";
import { clinicContact, type Ctx, screen } from "./common";
import { handoverCard } from "./handover";

export async function settingsScreen(ctx: Ctx): Promise<HTMLElement> {
  const [settings, overview, logPath, language] = await Promise.all([
    need(commands.settings()),
    need(commands.overview()),
    commands.logLocation(),
    need(commands.language()),
  ]);
  const root = screen(t("nav-settings"));
  // Stored values that no longer read: shown at their defaults until saved.
  const resets = overview.notices.values_reset.filter(isSettingReset).map((r) => el("p", resetText(r), "form-error"));
  const form = el("form", undefined, "settings");
  form.noValidate = true;
  form.setAttribute("aria-label", t("nav-settings"));
  const errors = new FormErrors();

  // Reminders
  const reminders = fieldset(t("settings-reminders"));
  const enabled = checkbox(
    "reminders-on",
    t("settings-reminders-on"),
    settings.reminders_enabled,
    t("settings-reminders-on-hint"),
  );
  const time = new Field("reminder-time", t("settings-reminder-time"), input("time", settings.reminder_time));
  const quiet = checkbox("quiet-on", t("settings-quiet"), settings.quiet_hours != null, t("settings-quiet-hint"));
  const qStart = new Field(
    "quiet-start",
    t("settings-quiet-from"),
    input("time", settings.quiet_hours?.start ?? "22:00"),
  );
  const qEnd = new Field("quiet-end", t("settings-quiet-until"), input("time", settings.quiet_hours?.end ?? "07:00"));
  const qRow = el("div", undefined, "row2");
  qRow.append(qStart.wrap, qEnd.wrap);
  const syncQuiet = () => (qRow.hidden = !quiet.box.checked);
  quiet.box.addEventListener("change", syncQuiet);
  syncQuiet();
  reminders.append(enabled.wrap);
  if (overview.notices.permission === "denied") {
    // Beside the switch it concerns: on, but the phone blocks them.
    enabled.wrap.append(el("p", t("settings-denied"), "form-error"));
  }
  // Care nudges (off until turned on): only with care ticked off on Today.
  const careNudges = checkbox("care-reminders", t("settings-care"), settings.care_reminders, t("settings-care-hint"));
  reminders.append(time.wrap, quiet.wrap, qRow, careNudges.wrap);
  errors.on("care_reminders", careNudges);
  errors.on("reminder_time", time).on("quiet_hours.start", qStart).on("quiet_hours.end", qEnd);

  // Time zone
  const zone = fieldset(t("settings-zone"));
  const deviceZone = Intl.DateTimeFormat(locale()).resolvedOptions().timeZone;
  const fixed = settings.zone.mode === "fixed" ? settings.zone.zone : "";
  const zDevice = radio("zone-mode", "zone-device", "device", t("settings-zone-device", { zone: deviceZone }), !fixed);
  const zFixed = radio("zone-mode", "zone-fixed", "fixed", t("settings-zone-fixed"), !!fixed);
  const zoneName = new Field(
    "zone-name",
    t("settings-zone-name"),
    input("text", fixed || deviceZone, { autocomplete: "off", spellcheck: false, maxLength: MAX_VALUE_BYTES }),
    t("settings-zone-name-hint"),
  );
  const zones = el("datalist");
  zones.id = "zone-list";
  const supported =
    (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  for (const z of supported) {
    const o = el("option");
    o.value = z;
    zones.append(o);
  }
  zoneName.control.setAttribute("list", zones.id);
  const syncZone = () => (zoneName.wrap.hidden = !zFixed.box.checked);
  zDevice.box.addEventListener("change", syncZone);
  zFixed.box.addEventListener("change", syncZone);
  syncZone();
  zone.append(
    el("p", t("settings-zone-now", { zone: overview.zone }), "hint"),
    zDevice.wrap,
    zFixed.wrap,
    zoneName.wrap,
    zones,
  );
  errors.on("zone", zoneName);

  // Language: the device's (the default) or one chosen; applied on saving.
  const app = fieldset(t("settings-app"));
  const languageSelect = el("select");
  const choices: [string, string][] = [
    ["device", t("settings-language-device", { language: t(LANGUAGE_NAME[language.device]) })],
    ["en", t("language-en")],
    ["es", t("language-es")],
  ];
  for (const [value, text] of choices) {
    const o = el("option", text);
    o.value = value;
    // Each language's name is written in that language.
    if (value !== "device") o.lang = value;
    languageSelect.append(o);
  }
  languageSelect.value = settings.language;
  const languageField = new Field("language", t("settings-language"), languageSelect);
  errors.on("language", languageField);

  // Start at login
  const login = checkbox("login", t("settings-login"), settings.launch_at_login, t("settings-login-hint"));
  app.append(languageField.wrap, login.wrap);
  errors.on("launch_at_login", login);

  // Clinic
  const clinic = fieldset(t("settings-clinic"));
  const cName = new Field(
    "clinic-name",
    t("settings-clinic-name"),
    input("text", settings.clinic.name, { autocomplete: "organization", maxLength: MAX_NOTE_CHARS }),
  );
  const cPhone = new Field(
    "clinic-phone",
    t("settings-clinic-phone"),
    input("tel", settings.clinic.phone, { autocomplete: "off", maxLength: MAX_NOTE_CHARS }),
  );
  const cEmail = new Field(
    "clinic-email",
    t("settings-clinic-email"),
    input("email", settings.clinic.email, { autocomplete: "off", maxLength: MAX_NOTE_CHARS }),
  );
  const cAddress = new Field(
    "clinic-address",
    t("settings-clinic-address"),
    input("text", settings.clinic.address, { autocomplete: "off", maxLength: MAX_NOTE_CHARS }),
  );
  clinic.append(cName.wrap, cPhone.wrap, cEmail.wrap, cAddress.wrap);
  errors.on("clinic.name", cName).on("clinic.phone", cPhone).on("clinic.email", cEmail).on("clinic.address", cAddress);

  const note = liveNote();
  const save = button(t("settings-save"), "primary", true);
  put(form, ...resets, reminders, zone, app, clinic, errors.general, save, note);

  const contactSlot = el("div");
  const showContact = (s: SettingsForm) =>
    contactSlot.replaceChildren(...[clinicContact(s.clinic)].filter((x): x is HTMLElement => x !== null));
  showContact(settings);

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    errors.clear();
    note.textContent = "";
    const next: SettingsForm = {
      reminders_enabled: enabled.box.checked,
      reminder_time: time.control.value,
      quiet_hours: quiet.box.checked ? { start: qStart.control.value, end: qEnd.control.value } : null,
      zone: zFixed.box.checked ? { mode: "fixed", zone: zoneName.control.value } : { mode: "device" },
      launch_at_login: login.box.checked,
      care_reminders: careNudges.box.checked,
      language: languageSelect.value,
      clinic: {
        name: cName.control.value,
        phone: cPhone.control.value,
        email: cEmail.control.value,
        address: cAddress.control.value,
      },
    };
    save.disabled = true;
    const r = await commands.settingsSet(next);
    save.disabled = false;
    if (r.status === "error") return errors.show(r.error);
    const saved = r.data;
    cName.control.value = saved.clinic.name;
    cPhone.control.value = saved.clinic.phone;
    cEmail.control.value = saved.clinic.email;
    cAddress.control.value = saved.clinic.address;
    if (saved.zone.mode === "fixed") zoneName.control.value = saved.zone.zone;
    showContact(saved);
    for (const r of resets) r.remove();
    if (saved.language !== settings.language) {
      // A new language: every screen (this one too) is drawn again in it,
      // and the engine's texts follow (the plan is built in it).
      await ctx.reload();
      document.querySelector<HTMLElement>("#language")?.focus();
      const fresh = document.querySelector<HTMLElement>(".settings > .note");
      if (fresh) fresh.textContent = t("settings-saved");
      return;
    }
    note.textContent = t("settings-saved");
  });

  root.append(
    form,
    contactSlot,
    planCard(overview.plan?.protocol_name ?? null),
    handoverCard(),
    calendarCard(),
    logCard(logPath),
  );
  return root;
}

/** Each language's name, written in that language. */
const LANGUAGE_NAME: Record<Lang, string> = { en: "language-en", es: "language-es" };

function fieldset(legend: string): HTMLFieldSetElement {
  const f = el("fieldset", undefined, "card");
  f.append(el("legend", legend));
  return f;
}

function radio(
  name: string,
  id: string,
  value: string,
  text: string,
  checked: boolean,
): { wrap: HTMLDivElement; box: HTMLInputElement } {
  const wrap = el("div", undefined, "check");
  const box = input("radio");
  box.name = name;
  box.id = id;
  box.value = value;
  box.checked = checked;
  const label = el("label", text);
  label.htmlFor = id;
  wrap.append(box, label);
  return { wrap, box };
}

function calendarCard(): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "cal-h");
  const h = el("h2", t("calendar-title"));
  h.id = "cal-h";
  const result = el("p", undefined, "note");
  result.setAttribute("role", "status");
  const go = button(t("calendar-export"), "secondary");
  go.addEventListener("click", async () => {
    result.textContent = "";
    result.classList.remove("form-error");
    go.disabled = true;
    const r = await commands.calendarExport();
    go.disabled = false;
    if (r.status === "error") {
      result.textContent = placeError(r.error, []).message;
      result.classList.add("form-error");
    } else if (r.data === null) {
      result.textContent = t("calendar-cancelled");
    } else {
      result.textContent = t("calendar-saved", { path: r.data });
    }
  });
  card.append(h, el("p", t("calendar-lead")), go, result);
  return card;
}

/** Where the app's log is, to send to the clinic if something goes wrong. */
function logCard(path: string | null): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "log-h");
  const h = el("h2", t("log-title"));
  h.id = "log-h";
  if (path === null) {
    card.append(h, el("p", t("log-none")));
    return card;
  }
  const where = el("p");
  const code = el("code", path);
  code.id = "log-path";
  where.append(code);
  const result = el("p", undefined, "note");
  result.setAttribute("role", "status");
  const open = button(t("log-open"), "secondary");
  open.addEventListener("click", async () => {
    result.textContent = "";
    result.classList.remove("form-error");
    const r = await commands.logOpen();
    if (r.status === "error") {
      result.textContent = placeError(r.error, []).message;
      result.classList.add("form-error");
    }
  });
  const copy = button(t("log-copy"), "secondary");
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(path);
      result.textContent = t("log-copied");
    } catch {
      result.textContent = t("log-copy-failed");
    }
  });
  card.append(h, el("p", t("log-lead")), where, open, copy, result);
  return card;
}

/** The clinic's plan followed, and the way to change it (the Protocol screen). */
function planCard(name: string | null): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "plan-h");
  const h = el("h2", t("protocol-title"));
  h.id = "plan-h";
  card.append(h);
  if (name) card.append(el("p", t("settings-you-follow", { name })));
  card.append(routeLink(t("settings-plan-link"), "protocol", "btn secondary"));
  return card;
}
