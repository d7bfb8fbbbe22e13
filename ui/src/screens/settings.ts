// Settings: reminders, quiet hours, time zone, launch at login, the clinic's
// contact details, the way to the clinic's plan (no longer a tab) and the
// calendar export.

import { commands, MAX_NOTE_CHARS, MAX_VALUE_BYTES, type SettingsForm } from "../bindings";
import { need } from "../api";
import { button, checkbox, el, Field, FormErrors, input, liveNote, put, routeLink } from "../dom";
import { sentence } from "../format";
import { isSettingReset, placeError } from "../logic";
import { clinicContact, type Ctx, screen } from "./common";
import { handoverCard } from "./handover";

export async function settingsScreen(_ctx: Ctx): Promise<HTMLElement> {
  const [settings, overview, logPath] = await Promise.all([
    need(commands.settings()),
    need(commands.overview()),
    commands.logLocation(),
  ]);
  const root = screen("Settings");
  // Stored values that no longer read: shown at their defaults until saved.
  const resets = overview.notices.values_reset
    .filter(isSettingReset)
    .map((r) => el("p", sentence(r.message), "form-error"));
  const form = el("form", undefined, "settings");
  form.noValidate = true;
  form.setAttribute("aria-label", "Settings");
  const errors = new FormErrors();

  // Reminders
  const reminders = fieldset("Reminders");
  const enabled = checkbox(
    "reminders-on",
    "Send me reminders",
    settings.reminders_enabled,
    "On mornings when something changes, and before each session.",
  );
  const time = new Field("reminder-time", "Reminder time", input("time", settings.reminder_time));
  const quiet = checkbox(
    "quiet-on",
    "Quiet hours",
    settings.quiet_hours != null,
    "No notifications during these hours; anything due waits until they end.",
  );
  const qStart = new Field("quiet-start", "Quiet from", input("time", settings.quiet_hours?.start ?? "22:00"));
  const qEnd = new Field("quiet-end", "Quiet until", input("time", settings.quiet_hours?.end ?? "07:00"));
  const qRow = el("div", undefined, "row2");
  qRow.append(qStart.wrap, qEnd.wrap);
  const syncQuiet = () => (qRow.hidden = !quiet.box.checked);
  quiet.box.addEventListener("change", syncQuiet);
  syncQuiet();
  reminders.append(enabled.wrap);
  if (overview.notices.permission === "denied") {
    // Beside the switch it concerns: on, but the phone blocks them.
    enabled.wrap.append(
      el(
        "p",
        "Your phone blocks SMP Aftercare's notifications. Allow them in your phone's Settings, under Apps, SMP Aftercare, Notifications.",
        "form-error",
      ),
    );
  }
  // Care nudges (off until turned on): only with care ticked off on Today.
  const careNudges = checkbox(
    "care-reminders",
    "Remind me to moisturise during the day",
    settings.care_reminders,
    "On days your clinic asks for it more than once: a nudge early in the afternoon and early in the evening, unless you've ticked it off enough times on Today. Never in quiet hours.",
  );
  reminders.append(time.wrap, quiet.wrap, qRow, careNudges.wrap);
  errors.on("care_reminders", careNudges);
  errors.on("reminder_time", time).on("quiet_hours.start", qStart).on("quiet_hours.end", qEnd);

  // Time zone
  const zone = fieldset("Time zone");
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const fixed = settings.zone.mode === "fixed" ? settings.zone.zone : "";
  const zDevice = radio("zone-mode", "zone-device", "device", `Follow this device (now ${deviceZone})`, !fixed);
  const zFixed = radio("zone-mode", "zone-fixed", "fixed", "Keep my home time zone, also when I travel", !!fixed);
  const zoneName = new Field(
    "zone-name",
    "Home time zone",
    input("text", fixed || deviceZone, { autocomplete: "off", spellcheck: false, maxLength: MAX_VALUE_BYTES }),
    "A name such as Europe/London.",
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
    el("p", `Days are counted in ${overview.zone}.`, "hint"),
    zDevice.wrap,
    zFixed.wrap,
    zoneName.wrap,
    zones,
  );
  errors.on("zone", zoneName);

  // Start at login
  const app = fieldset("App");
  const login = checkbox(
    "login",
    "Start the app when I log in",
    settings.launch_at_login,
    "It waits quietly in the tray, so reminders arrive on time.",
  );
  app.append(login.wrap);
  errors.on("launch_at_login", login);

  // Clinic
  const clinic = fieldset("Your clinic");
  const cName = new Field(
    "clinic-name",
    "Clinic name",
    input("text", settings.clinic.name, { autocomplete: "organization", maxLength: MAX_NOTE_CHARS }),
  );
  const cPhone = new Field(
    "clinic-phone",
    "Phone",
    input("tel", settings.clinic.phone, { autocomplete: "off", maxLength: MAX_NOTE_CHARS }),
  );
  const cEmail = new Field(
    "clinic-email",
    "Email",
    input("email", settings.clinic.email, { autocomplete: "off", maxLength: MAX_NOTE_CHARS }),
  );
  const cAddress = new Field(
    "clinic-address",
    "Address",
    input("text", settings.clinic.address, { autocomplete: "off", maxLength: MAX_NOTE_CHARS }),
  );
  clinic.append(cName.wrap, cPhone.wrap, cEmail.wrap, cAddress.wrap);
  errors.on("clinic.name", cName).on("clinic.phone", cPhone).on("clinic.email", cEmail).on("clinic.address", cAddress);

  const note = liveNote();
  const save = button("Save settings", "primary", true);
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
    note.textContent = "Saved.";
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
  const h = el("h2", "Add to your calendar");
  h.id = "cal-h";
  const result = el("p", undefined, "note");
  result.setAttribute("role", "status");
  const go = button("Export calendar file", "secondary");
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
      result.textContent = "Not saved: you closed the save window.";
    } else {
      result.textContent = `Saved to ${r.data}. Open it with your calendar app to add every step of your plan.`;
    }
  });
  card.append(h, el("p", "Saves your sessions, changes and reminders as a calendar file (.ics)."), go, result);
  return card;
}

/** Where the app's log is, to send to the clinic if something goes wrong. */
function logCard(path: string | null): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "log-h");
  const h = el("h2", "The app's log");
  h.id = "log-h";
  if (path === null) {
    card.append(h, el("p", "The app could not write its log on this device."));
    return card;
  }
  const where = el("p");
  const code = el("code", path);
  code.id = "log-path";
  where.append(code);
  const result = el("p", undefined, "note");
  result.setAttribute("role", "status");
  const open = button("Open the log", "secondary");
  open.addEventListener("click", async () => {
    result.textContent = "";
    result.classList.remove("form-error");
    const r = await commands.logOpen();
    if (r.status === "error") {
      result.textContent = placeError(r.error, []).message;
      result.classList.add("form-error");
    }
  });
  const copy = button("Copy its location", "secondary");
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(path);
      result.textContent = "Copied.";
    } catch {
      result.textContent = "Select the location above and copy it.";
    }
  });
  card.append(
    h,
    el("p", "If something goes wrong, your clinic may ask you to send this file."),
    where,
    open,
    copy,
    result,
  );
  return card;
}

/** The clinic's plan followed, and the way to change it (the Protocol screen). */
function planCard(name: string | null): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "plan-h");
  const h = el("h2", "Your clinic's plan");
  h.id = "plan-h";
  card.append(h);
  if (name) card.append(el("p", `You follow ${name}.`));
  card.append(routeLink("See, change or import your plan", "protocol", "btn secondary"));
  return card;
}
