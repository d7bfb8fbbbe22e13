// A field for typing a session date (Sessions, first run): plain text that
// the engine reads (`session_check`), with the form to type in its hint and
// no placeholder that could pass for a filled-in date.

import { MAX_VALUE_BYTES } from "../bindings";
import { example } from "../dateEntry";
import { el, Field } from "../dom";
import { t } from "../i18n";

/** A labelled date field; `lead` starts its hint, before the form to type. */
export function dateField(id: string, label: string, value = "", lead?: string): Field {
  const control = el("input");
  control.type = "text";
  control.value = value;
  control.autocomplete = "off";
  control.spellcheck = false;
  control.maxLength = MAX_VALUE_BYTES;
  const form = t("date-field-hint", { like: example() });
  return new Field(id, label, control, lead ? `${lead} ${form}` : form);
}
