// A day's check-in (`#/check-in`, `?date=` for yesterday's, `&from=journal`
// to go back there): each symptom's level, a note and photos. Photos are
// read in the page and sent to `photo_add`, which checks and stores them off
// the UI thread and reports its progress on a channel; the check-in then
// saves them by hash. A day the backend no longer lets the client change is
// shown read-only: a diary, not a form to rewrite.

import { Channel } from "@tauri-apps/api/core";
import { type CheckIn, commands, type Level, MAX_NOTE_CHARS, type PhotoProgress, type PhotoRef } from "../bindings";
import { need } from "../api";
import { button, card as cardOf, el, FormErrors, routeLink } from "../dom";
import { sentence } from "../format";
import { t } from "../i18n";
import {
  levels,
  noSymptoms,
  PHOTO_TYPES,
  photoAlt,
  progressText,
  progressValue,
  symptomLines,
  symptoms as symptomList,
  tooLarge,
} from "../journal";
import { placeError } from "../logic";
import { type Ctx, hashParams, screen } from "./common";

export async function checkInScreen(ctx: Ctx): Promise<HTMLElement> {
  const q = hashParams();
  const back = q.get("from") === "journal" ? "journal" : "today";
  const entry = await need(commands.checkInGet(q.get("date")));
  const shown = ctx.fmt.longDate(entry.date);
  const root = screen(t(entry.editable ? "check-in-title" : "check-in-read-only"));
  const lead = el("p", undefined, "lead");
  lead.append(el("span", shown), el("span", ` · ${entry.day_label}`, "muted"));
  root.append(lead);
  if (!entry.editable) {
    root.append(readOnly(entry, ctx), backLink(back));
    return root;
  }
  root.append(form(entry, ctx, back));
  return root;
}

function backLink(back: string): HTMLElement {
  const p = el("p");
  p.append(routeLink(t(back === "journal" ? "back-to-journal" : "back-to-today"), back));
  return p;
}

/** A past day as it was saved, with no control that could change it. */
function readOnly(entry: CheckIn, ctx: Ctx): HTMLElement {
  const card = cardOf(t("check-in-noted"));
  if (!entry.saved) {
    card.append(el("p", t("check-in-missed-day")));
    return card;
  }
  const lines = symptomLines(entry.symptoms);
  if (lines.length) {
    const list = el("ul", undefined, "plain symptom-list");
    for (const l of lines) list.append(el("li", l));
    card.append(list);
  } else card.append(el("p", t("nothing-to-note")));
  if (entry.note) card.append(el("p", entry.note, "entry-note"));
  if (entry.photos.length) {
    const list = el("ul", undefined, "thumbs");
    entry.photos.forEach((p, i) => {
      const li = el("li");
      const img = el("img");
      img.src = p.thumb_url;
      img.alt = photoAlt(entry, ctx.fmt.date(entry.date), i);
      li.append(img);
      list.append(li);
    });
    card.append(list);
  }
  card.append(el("p", t("check-in-older"), "muted small"));
  return card;
}

interface PhotoItem {
  ref: PhotoRef | null;
  li: HTMLLIElement;
}

function form(entry: CheckIn, ctx: Ctx, back: string): HTMLElement {
  const f = el("form", undefined, "check-in-form");
  f.noValidate = true;
  const errors = new FormErrors();
  const symptoms = { ...(entry.saved ? entry.symptoms : noSymptoms()) };

  // One fieldset per symptom: a legend and four radios, shown as a row of segments.
  const levelList = levels();
  for (const s of symptomList()) {
    const fs = el("fieldset", undefined, "card levels");
    fs.append(el("legend", s.label));
    const row = el("div", undefined, "segments");
    for (const l of levelList) {
      const id = `level-${s.id}-${l.id}`;
      const radio = el("input");
      radio.type = "radio";
      radio.name = `level-${s.id}`;
      radio.id = id;
      radio.value = l.id;
      radio.checked = symptoms[s.id] === l.id;
      radio.addEventListener("change", () => {
        if (radio.checked) symptoms[s.id] = l.id as Level;
      });
      const label = el("label", l.label);
      label.htmlFor = id;
      const seg = el("div", undefined, "segment");
      seg.append(radio, label);
      row.append(seg);
    }
    fs.append(row);
    f.append(fs);
  }

  // The note, with a counter of what is left.
  const noteWrap = el("div", undefined, "card field");
  const noteLabel = el("label", t("check-in-note"));
  noteLabel.htmlFor = "note";
  const note = el("textarea");
  note.id = "note";
  note.name = "note";
  note.rows = 3;
  note.maxLength = MAX_NOTE_CHARS;
  note.value = entry.note;
  const counter = el("p", undefined, "hint counter");
  counter.id = "note-count";
  const count = () => {
    counter.textContent = t("check-in-note-count", { n: [...note.value].length, max: MAX_NOTE_CHARS });
  };
  count();
  note.addEventListener("input", count);
  const noteError = errorLine("note-error");
  noteWrap.append(noteLabel, note, counter, noteError);
  describe(note, counter, noteError);
  errors.on("note", target(note, noteError, counter));

  // Photos: the file input styled as a button; progress and thumbnails below.
  const photoWrap = el("div", undefined, "card field photo-field");
  const photoH = el("h2", t("check-in-photos"));
  photoH.id = "photos-h";
  photoWrap.setAttribute("role", "group");
  photoWrap.setAttribute("aria-labelledby", "photos-h");
  const file = el("input", undefined, "file-input");
  file.type = "file";
  file.id = "photos";
  file.name = "photos";
  file.accept = PHOTO_TYPES;
  file.multiple = true;
  // No `capture`: on a phone the chooser offers the camera and the gallery.
  const fileLabel = el("label", t("check-in-add-photos"), "btn secondary file-button");
  fileLabel.htmlFor = "photos";
  const hint = el("p", t("check-in-photos-hint"), "hint");
  hint.id = "photos-hint";
  const photoError = errorLine("photos-error");
  // Set after a file is read, away from any click: said when it appears.
  photoError.setAttribute("role", "alert");
  describe(file, hint, photoError);
  const photoTarget = target(file, photoError, hint);
  errors.on("photos", photoTarget);
  const list = el("ul", undefined, "photo-list");
  const items: PhotoItem[] = [];
  const status = el("p", undefined, "sr-only");
  status.setAttribute("role", "status");
  photoWrap.append(photoH, hint, file, fileLabel, photoError, list, status);

  const addDone = (ref: PhotoRef) => {
    const li = el("li", undefined, "photo-item");
    const item: PhotoItem = { ref, li };
    showThumb(item);
    items.push(item);
    list.append(li);
  };
  const showThumb = (item: PhotoItem) => {
    const ref = item.ref!;
    const n = () => items.indexOf(item) + 1;
    const img = el("img", undefined, "thumb");
    img.src = ref.thumb_url;
    img.alt = t("check-in-photo-alt", { n: n() });
    const remove = button(t("check-in-remove"), "secondary");
    remove.setAttribute("aria-label", t("check-in-remove-label", { n: n() }));
    remove.addEventListener("click", () => {
      items.splice(items.indexOf(item), 1);
      item.li.remove();
      status.textContent = t("check-in-photo-removed");
      file.focus();
    });
    item.li.replaceChildren(img, remove);
  };
  entry.photos.forEach(addDone);

  let busy = 0;
  const save = button(t("save"), "primary", true);
  file.addEventListener("change", async () => {
    const files = [...(file.files ?? [])];
    file.value = "";
    photoTarget.setError(null);
    const problems: string[] = [];
    busy++;
    save.disabled = true;
    for (const [i, picked] of files.entries()) {
      const err = await importOne(picked, i, files.length, list, status, addDone);
      if (err) problems.push(err);
    }
    busy--;
    save.disabled = busy > 0;
    if (problems.length) photoTarget.setError(problems.join(" "));
  });

  // Save, and delete once saved (after a question).
  const actions = el("div", undefined, "actions");
  actions.append(save);
  const confirmBox = el("div", undefined, "confirm");
  if (entry.saved) {
    const del = button(t("check-in-delete"), "danger");
    actions.append(del);
    del.addEventListener("click", () => {
      confirmBox.replaceChildren();
      confirmBox.setAttribute("role", "group");
      confirmBox.setAttribute("aria-label", t("check-in-delete-question"));
      const yes = button(t("yes-delete"), "danger");
      const no = button(t("keep-it"), "secondary");
      const row = el("div", undefined, "actions");
      row.append(yes, no);
      confirmBox.append(el("p", t("check-in-delete-confirm")), row);
      yes.focus();
      no.addEventListener("click", () => {
        confirmBox.replaceChildren();
        del.focus();
      });
      yes.addEventListener("click", async () => {
        yes.disabled = true;
        const r = await commands.checkInDelete(entry.date);
        if (r.status === "error") {
          yes.disabled = false;
          errors.show(r.error);
          return;
        }
        ctx.go(back);
      });
    });
  }
  const cancel = routeLink(t("cancel"), back, "btn secondary");
  actions.append(cancel);

  f.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy > 0) return;
    errors.clear();
    save.disabled = true;
    const hashes = items.map((i) => i.ref!.hash);
    const r = await commands.checkInSave(entry.date, symptoms, note.value, hashes);
    save.disabled = false;
    if (r.status === "error") {
      errors.show(r.error);
      return;
    }
    ctx.go(back);
  });

  const dateError = el("p", undefined, "form-error");
  dateError.hidden = true;
  dateError.setAttribute("role", "alert");
  errors.on("date", {
    setError(m) {
      dateError.textContent = m ?? "";
      dateError.hidden = m === null;
    },
  });
  f.append(noteWrap, photoWrap, dateError, errors.general, actions, confirmBox);
  return f;
}

/**
 * Reads one picked file and sends it to the backend, with a progress bar
 * while it works; returns the problem to show beside the field, if any.
 */
async function importOne(
  picked: File,
  i: number,
  of: number,
  list: HTMLElement,
  status: HTMLElement,
  done: (ref: PhotoRef) => void,
): Promise<string | null> {
  const name = picked.name || t("check-in-photo-n", { n: i + 1 });
  const big = tooLarge(picked.size);
  if (big) return `${name}: ${sentence(big)}`;
  const li = el("li", undefined, "photo-item photo-pending");
  const label = el("p", of > 1 ? t("check-in-file-nth", { name, n: i + 1, of }) : name, "small");
  const bar = el("progress");
  bar.max = 1;
  bar.value = 0;
  const words = el("p", t("check-in-opening"), "small muted");
  bar.setAttribute("aria-label", t("check-in-adding", { name }));
  li.append(label, bar, words);
  list.append(li);
  status.textContent = t("check-in-adding-now", { name });
  const show = (p: PhotoProgress) => {
    bar.value = progressValue(p);
    words.textContent = progressText(p);
  };
  try {
    const data = await readBase64(picked);
    const channel = new Channel<PhotoProgress>(show);
    const r = await commands.photoAdd(data, channel);
    li.remove();
    if (r.status === "error") return `${name}: ${placeError(r.error, []).message}`;
    done(r.data);
    status.textContent = t("check-in-added", { name });
    return null;
  } catch (e) {
    li.remove();
    return `${name}: ${t("check-in-unreadable", { error: e instanceof Error ? e.message : String(e) })}`;
  }
}

/** A file's bytes as base64 (what `photo_add` takes). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsDataURL(file);
  });
}

function errorLine(id: string): HTMLParagraphElement {
  const p = el("p", undefined, "field-error");
  p.id = id;
  p.hidden = true;
  return p;
}

function describe(control: HTMLElement, hint: HTMLElement, error: HTMLElement): void {
  const ids = [hint.id, error.hidden ? null : error.id].filter(Boolean);
  control.setAttribute("aria-describedby", ids.join(" "));
}

/** A FormErrors target for a control that isn't a dom.ts Field. */
function target(control: HTMLElement, error: HTMLParagraphElement, hint: HTMLElement) {
  return {
    control,
    setError(message: string | null) {
      error.textContent = message ?? "";
      error.hidden = message === null;
      if (message === null) control.removeAttribute("aria-invalid");
      else control.setAttribute("aria-invalid", "true");
      describe(control, hint, error);
    },
  };
}
