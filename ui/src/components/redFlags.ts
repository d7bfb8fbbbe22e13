// The cards at the top of Today when a check-in matches a warning: what it
// may mean in plain words (the backend's, never a diagnosis), what to do, and
// the clinic's phone and email (and its address) as tap-to-call and tap-to-write links. A card
// of the app's general guidance says so, so it is never taken for the
// clinic's words.

import type { Clinic, RedFlagCard } from "../bindings";
import { el, routeLink } from "../dom";
import { t } from "../i18n";
import { callOrWrite } from "../screens/common";

/** One card per red flag, each a region named by its headline. */
export function redFlagCards(cards: RedFlagCard[], clinic: Clinic | undefined): HTMLElement[] {
  return cards.map((c, i) => {
    const card = el("section", undefined, `card red-flag red-flag-${c.source}`);
    card.dataset.flag = c.id;
    const id = `red-flag-${i}`;
    card.setAttribute("aria-labelledby", id);
    const whose =
      c.source === "clinic"
        ? el("p", t("flag-from-clinic"), "eyebrow")
        : el("p", t("flag-general"), "eyebrow red-flag-general-mark");
    const h = el("h2", c.headline);
    h.id = id;
    card.append(whose, h, el("p", c.meaning), el("p", c.action, "strong"), contactLinks(clinic));
    return card;
  });
}

/** The clinic's tel:/mailto: links, or where to add them. */
function contactLinks(clinic: Clinic | undefined): HTMLElement {
  const phone = clinic?.phone.trim() ?? "";
  const email = clinic?.email.trim() ?? "";
  const wrap = el("div", undefined, "red-flag-contact");
  if (!phone && !email) {
    const p = el("p", `${t("flag-call-clinic")} `);
    p.append(routeLink(t("flag-add-contact"), "settings"));
    wrap.append(p);
    return wrap;
  }
  const name = clinic?.name.trim();
  const address = clinic?.address.trim();
  if (address) wrap.append(el("p", address, "clinic-address"));
  const call = name ? t("flag-call-name", { name, phone }) : t("flag-call-your-clinic", { phone });
  wrap.append(callOrWrite(phone, email, call, "primary"));
  return wrap;
}
