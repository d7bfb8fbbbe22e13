# Los textos del motor y de la CLI en español (de España, neutro), de tú.
# Cada id existe también en locales/en/aftercare.ftl con los mismos
# argumentos; tests/messages.rs lo comprueba.

## Listas. $sound es "i" u "o" cuando el último elemento empieza por ese
## sonido: "e" en vez de "y", "u" en vez de "o".

list-and = { $head } { $sound ->
    [i] e
   *[other] y
} { $last }
list-or = { $head } { $sound ->
    [o] u
   *[other] o
} { $last }
list-comma = { $head }, { $last }

## Dónde cae una fecha en el plan (Plan::day_label).

day-label-before-first = Antes de tu primera sesión
day-label-session = Día de la sesión { $session }
day-label-after = Día { $day } tras la sesión { $session }

## Cada cuánto se hace un cuidado (Repeat::per_day_text) y sus avisos.

care-times-range = { $min }-{ $max } veces al día
care-times-exact = { $min ->
    [1] una vez al día
    [2] dos veces al día
   *[other] { $min } veces al día
}
care-times-at-least = { $min ->
    [1] al menos una vez al día
    [2] al menos dos veces al día
   *[other] al menos { $min } veces al día
}
care-nudge-none = Aún no lo has marcado hoy; tu clínica pide { $often }.
care-nudge-some = Lo has marcado { $done } { $done ->
    [one] vez
   *[other] veces
} hoy; tu clínica pide { $often }.
