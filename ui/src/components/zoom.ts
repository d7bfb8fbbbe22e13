// A photo shown large: a modal <dialog> with the screen-size copy. Esc (the
// dialog's own), the Close button or a tap outside the photo closes it, and
// focus goes back to what opened it.

import type { PhotoRef } from "../bindings";
import { button, el } from "../dom";
import { t } from "../i18n";

/** A button showing a thumbnail that opens the photo large. */
export function zoomableThumb(photo: PhotoRef, alt: string, className = "thumb-button"): HTMLButtonElement {
  const b = el("button", undefined, className);
  b.type = "button";
  const img = el("img", undefined, "thumb");
  img.src = photo.thumb_url;
  img.alt = alt;
  b.append(img);
  b.addEventListener("click", () => openZoom(photo, alt, b));
  return b;
}

/** Opens `photo` large; `opener` gets the focus back when it closes. */
export function openZoom(photo: PhotoRef, alt: string, opener: HTMLElement): HTMLDialogElement {
  const dialog = el("dialog", undefined, "zoom");
  dialog.setAttribute("aria-label", alt);
  const img = el("img", undefined, "zoom-img");
  img.src = photo.screen_url;
  img.alt = alt;
  const close = button(t("close"), "secondary");
  close.addEventListener("click", () => dialog.close());
  dialog.append(img, close);
  // A tap on the backdrop (the dialog itself, outside its content) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
