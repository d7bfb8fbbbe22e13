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
list-nor = { $head } { $sound ->
   *[other] ni
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

## Actividades: un mensaje por forma, elegida por el id de la actividad.

# a short name for lists (Activity::label)
activity-label = { $activity ->
   *[wash] Lavado del pelo
    [wet] Mojarte el cuero cabelludo
    [rinse] Aclarado
    [shave] Afeitado
    [haircut] Corte de pelo
    [moisturise] Crema hidratante
    [exercise] Ejercicio suave
    [sweat] Ejercicio intenso y sudor
    [swim] Natación
    [sauna] Sauna y baño de vapor
    [sun] Sol en el cuero cabelludo
    [sunbed] Rayos UVA
    [woolly_hat] Gorros de lana
    [hair_colour] Tinte de pelo
    [bath] Baño en bañera
    [alcohol] Alcohol
    [stimulants] Bebidas estimulantes
    [aspirin] Aspirina y anticoagulantes
}
# what the client does, after "you may" (Activity::verb)
activity-verb = { $activity ->
   *[wash] lavarte el pelo
    [wet] mojarte el cuero cabelludo
    [rinse] aclararte el cuero cabelludo
    [shave] afeitarte
    [haircut] cortarte el pelo
    [moisturise] ponerte crema hidratante
    [exercise] hacer ejercicio suave
    [sweat] hacer ejercicio intenso y sudar
    [swim] nadar
    [sauna] ir a la sauna o al baño de vapor
    [sun] tomar el sol
    [sunbed] usar rayos UVA
    [woolly_hat] ponerte un gorro de lana
    [hair_colour] teñirte el pelo
    [bath] bañarte en la bañera
    [alcohol] beber alcohol
    [stimulants] tomar bebidas estimulantes
    [aspirin] tomar aspirina
}
# what the client avoids, after "no" (Activity::noun)
activity-noun = { $activity ->
   *[wash] lavado ni champú
    [wet] mojar el cuero cabelludo
    [rinse] aclarado
    [shave] afeitado
    [haircut] cortes de pelo
    [moisturise] crema hidratante
    [exercise] ejercicio
    [sweat] sudar mucho
    [swim] natación
    [sauna] sauna ni baño de vapor
    [sun] sol en el cuero cabelludo
    [sunbed] rayos UVA
    [woolly_hat] gorros de lana
    [hair_colour] tinte
    [bath] baños en bañera
    [alcohol] alcohol
    [stimulants] bebidas estimulantes
    [aspirin] aspirina
}
# the short word of a headline, before "again"
activity-again = { $activity ->
   *[wash] lavarte
    [wet] mojarte
    [rinse] aclararte
    [shave] afeitarte
    [haircut] cortarte el pelo
    [moisturise] hidratarte
    [exercise] hacer ejercicio
    [sweat] sudar
    [swim] nadar
    [sauna] ir a la sauna
    [sun] tomar el sol
    [sunbed] usar rayos UVA
    [woolly_hat] ponerte gorro
    [hair_colour] teñirte
    [bath] bañarte
    [alcohol] beber alcohol
    [stimulants] tomar estimulantes
    [aspirin] tomar aspirina
}
# the short noun of headlines and points: "no …", "… as usual"
activity-short = { $activity ->
   *[wash] lavado
    [wet] mojar la cabeza
    [rinse] aclarado
    [shave] afeitado
    [haircut] cortes de pelo
    [moisturise] crema hidratante
    [exercise] ejercicio
    [sweat] ejercicio intenso
    [swim] natación
    [sauna] sauna
    [sun] sol en la cabeza
    [sunbed] rayos UVA
    [woolly_hat] gorros de lana
    [hair_colour] tinte
    [bath] baños
    [alcohol] alcohol
    [stimulants] bebidas estimulantes
    [aspirin] aspirina
}

## Hitos (src/milestone/wording.rs). Los titulares tienen 40 caracteres
## como mucho; los puntos son frases cortas.

milestone-name-session = Sesión { $session } de { $planned }
milestone-name-touch-up = Toca retoque
milestone-name-healed = Día { $day }: curación completa
milestone-name-restrictions-over = Día { $day }: fin de las restricciones
milestone-name-and-countdown = { $name } ({ $countdown })
milestone-countdown = { $days ->
    [1] el día antes de la sesión { $session }
   *[other] { $days } días antes de la sesión { $session }
}
headline-session-today = Hoy, sesión { $session }
headline-session-tomorrow = Mañana: sesión { $session }
headline-touch-up = Es hora de un retoque
headline-days-to-session = { $days } días para la sesión { $session }
headline-day = Día { $day }
headline-news = { $prefix }: { $news }
news-again = ya puedes { $list }
news-as-usual = { $list } sin límites
news-no = nada de { $list }
news-care-with = cuidado con { $list }
news-fully-healed = curación completa
news-restrictions-over = fin de las restricciones
news-touch-up = hora del retoque
news-get-ready = prepárate
news-care-to-start = cuidados nuevos
point-again-with-care = Ya puedes { $verb }.
point-again-with-care-note = Ya puedes { $verb } ({ $note }).
point-limit = Con moderación: { $noun }.
point-limit-note = Con moderación: { $noun } ({ $note }).
point-may-again = Ya puedes { $list }.
point-no-more-limits = Ya no hay límites: { $list }.
point-no = { $from ->
    [today] Desde hoy, nada de
   *[now] Nada de
} { $list } { $until ->
    [day] hasta el día { $day }.
    [unsaid] hasta el día { $day }; después, pregunta a tu clínica.
    [next-session] hasta tu próxima sesión.
    [after-next-session] hasta después de tu próxima sesión.
    [today-or-tomorrow] ni hoy ni mañana.
    [session-over] hasta que termine tu sesión.
    [session] hasta tu sesión.
   *[for-now] por ahora.
}
point-session-today = Hoy es tu sesión { $session } de { $planned }.
point-session-tomorrow = Mañana es tu sesión { $session } de { $planned }.
point-step = { $step }.
point-from-today = Desde hoy: { $care }.
point-from-today-note = Desde hoy: { $care } ({ $note }).
point-today = Hoy: { $list }.
point-healed = Tu clínica da tu cuero cabelludo por curado del todo.
point-restrictions-over = Se acabaron las restricciones de tu clínica.
point-touch-up = Han pasado { $years } años desde tu última sesión: buen momento para pedir un retoque a tu clínica.

## Recordatorios (src/reminder.rs): el texto tiene 180 caracteres como mucho.

reminder-before-you-come = Antes de venir: { $point }
reminder-more = … y { $count } más en la app.

## La exportación al calendario (src/calendar.rs).

calendar-name = Cuidados SMP: { $protocol }
calendar-session = Sesión SMP { $session } de { $planned }
calendar-avoid = Evitar: { $label }
calendar-with-care = Con cuidado: { $label }
calendar-with-care-lasting = Con cuidado a partir de ahora: { $label }
calendar-note = { $note }.
calendar-note-until-next-session = { $note }. Hasta tu próxima sesión.
calendar-note-until-after-next-session = { $note }. Hasta después de tu próxima sesión.
calendar-note-for-good = { $note }. Para siempre.

## Avisos de alarma (src/red_flag.rs).

red-flag-headline = { $when ->
    [session-day] { $symptom ->
        [itching] Picor
        [scabs] Costras
        [soreness] Dolor
        [swelling] Hinchazón
        [sunburn] Quemadura solar
       *[redness] Rojez
    } el día de tu sesión
    [before] { $symptom ->
        [itching] Picor
        [scabs] Costras
        [soreness] Dolor
        [swelling] Hinchazón
        [sunburn] Quemadura
       *[redness] Rojez
    } antes de tu próxima sesión
   *[day] { $still ->
        [yes] { $symptom ->
            [itching] Sigue el picor
            [scabs] Siguen las costras
            [soreness] Sigue el dolor
            [swelling] Sigue la hinchazón
            [sunburn] Sigue la quemadura
           *[redness] Sigue la rojez
        }
       *[no] { $symptom ->
            [itching] Picor
            [scabs] Costras
            [soreness] Dolor
            [swelling] Hinchazón
            [sunburn] Quemadura solar
           *[redness] Rojez
        }
    } el día { $day }
}
red-flag-infection-headline = Vigila si hay signos de infección
red-flag-infection-meaning = Consejo general, no de tu clínica: una rojez que se extiende, calor, pus o fiebre pueden ser signos de infección.
red-flag-infection-action = Si notas alguno, ve al médico hoy mismo.

## Lo que no cuadra en un plan (src/warning.rs).

warning-planned-out-of-range = Tienes { $planned } { $planned ->
    [one] sesión prevista
   *[other] sesiones previstas
}; el plan de tu clínica tiene de { $min } a { $max }. Consúltalo con tu clínica.
warning-gap-short = La sesión { $later } es { $gap } { $gap ->
    [one] día
   *[other] días
} después de la sesión { $earlier }; el plan de tu clínica separa las sesiones al menos { $limit } días. Confirma la fecha con tu clínica.
warning-gap-long = La sesión { $later } es { $gap } { $gap ->
    [one] día
   *[other] días
} después de la sesión { $earlier }; el plan de tu clínica separa las sesiones como mucho { $limit } días. Confirma la fecha con tu clínica.
warning-prep-clash = Tu cuero cabelludo aún se está curando de la sesión { $earlier }: pregunta a tu clínica antes de { $verbs } para la sesión { $session }.

## Los días clave que muestra el selector de protocolos (src/protocol/key_days.rs).

key-day-name = { $activity ->
    [shave] Afeitarte
    [sweat] Sudar
    [swim] Nadar
   *[wash] Lavarte
}
key-day = { $form ->
    [ask-clinic-from] { $name }: pregunta a tu clínica desde el día { $day }
    [until-next-visit] { $name }: no hasta tu próxima visita
    [not-said] { $name }: sin indicaciones
    [both] { $name } desde el día { $day } (el día { $last } tras tu última visita)
    [after-last-visit] { $name } desde el día { $day } tras tu última visita
    [between-visits] { $name } desde el día { $day } entre visitas
   *[from] { $name } desde el día { $day }
}

## El estado de hoy (src/status.rs).

status-get-ready = Prepárate para la sesión { $session }

## La línea de órdenes (src/bin/aftercare/). Las fechas salen del locale.

cli-today = hoy
cli-tomorrow = mañana
cli-yesterday = ayer
cli-in-days = dentro de { $days } días
cli-days-ago = hace { $days } días
cli-default = { $name } (por defecto)
cli-checked = { $path }: ok: "{ $name }" ({ $id }), { $rules } reglas, { $care } cuidados, { $usual } sesiones normalmente
cli-heading-day = { $date }: día { $day } tras la sesión { $session } de { $planned }
cli-heading-before = { $date }: antes de tu primera sesión ({ $when })
cli-protocol = Protocolo: { $name } ({ $zone })
cli-new-today = Novedad de hoy: { $headline }
cli-from-date = desde el { $date } ({ $when })
cli-until-after-next-session = hasta después de tu próxima sesión
cli-until-next-session = hasta tu próxima sesión
cli-ask-clinic-about = pregunta a tu clínica por el { $date }
cli-not-yet = Todavía no
cli-with-care = Con cuidado
cli-with-care-note = con cuidado
cli-freely-from = (sin límites desde el { $date })
cli-ask-clinic-about-brackets = (pregunta a tu clínica por el { $date })
cli-for-good = (para siempre)
cli-ok-now = Ya puedes
cli-todays-care = Cuidados de hoy
cli-for-now = de momento: { $condition }
cli-next = Lo próximo: { $date } ({ $when })
cli-plan-heading = { $name }: { $booked } de { $planned } { $planned ->
    [one] sesión reservada
   *[other] sesiones reservadas
} ({ $zone })
cli-session-date = Sesión { $session }: { $date }
cli-final = { $text } (la última)
cli-fully-healed = Curación completa: { $date }
cli-restrictions-over = Fin de las restricciones: { $date }
cli-touch-up-due = Toca retoque: { $date }
cli-check-with-clinic = Consúltalo con tu clínica
cli-reminders-in = Recordatorios en { $zone }:
cli-no-session-ahead = No tienes ninguna sesión reservada.
cli-getting-ready = Preparación para la sesión { $session } del { $date } ({ $when })
cli-nothing-to-prepare = Nada que preparar.
cli-prep-kind = { $kind ->
    [avoid] evita
    [care] ojo
   *[do] haz
}
cli-prep-to-session-day = hasta el día de la sesión
cli-prep-to-day-before = hasta el día antes
cli-prep-now = ya
cli-prep-from = desde el { $date }
cli-chart-heading = Del { $from } al { $to } ({ $days } días)
cli-chart-today = Hoy: { $date }
cli-chart-status = { $status ->
    [avoid] evitar
    [limited] con cuidado
    [ok] permitido
   *[unsaid] no se menciona
}
cli-chart-and-on = y después

## Temas de "¿Puedo…?" (src/words.rs).

topic-label = { $topic ->
    [caps] Gorras y gorros de seda
    [redness] Rojez
    [itching] Picor
    [scabs] Costras y descamación
    [swelling] Hinchazón
    [soreness] Dolor
   *[pain_relief] Analgésicos
}

# `aftercare open`: what a plan file or link holds (labels line up in one column).
cli-open-protocol = Protocolo
cli-open-builtin = { $name } ({ $id }, incluido en la app)
cli-open-inline = { $name } ({ $id }, propio de la clínica)
cli-open-sessions = Sesiones
cli-open-planned = Previstas
cli-open-usual-count = { $planned } (lo habitual en este protocolo)
cli-open-zone = Zona
cli-open-zone-none = no indicada (la del teléfono)
cli-open-clinic = Clínica
cli-open-phone = Teléfono
cli-open-email = Email
cli-open-address = Dirección
cli-open-link = Enlace
cli-open-link-too-long = demasiado largo para un enlace o código QR; comparte el archivo

## Errores: los del motor (src/error_text.rs, `Error::message_in`) y los
## de la CLI (src/bin/aftercare/). En minúscula: van tras "aftercare: ".
## $value, $field y $path llegan entrecomillados por `error-quote`; el
## detalle de los errores de protocolo y de archivo de plan queda en inglés.

error-quote = «{ $text }»
error-invalid-date = fecha no válida { $value }: { $reason } (escríbela como AAAA-MM-DD)
error-date-not-in-form = no tiene la forma de una fecha
error-date-no-such-day = ese día no existe en el calendario
error-date-unsupported = solo se admiten los años de 1970 a 2199
error-invalid-time = hora no válida { $value }: escribe HH:MM en formato de 24 horas, por ejemplo 09:00
error-unknown-zone = zona horaria desconocida { $value }: escribe un nombre de zona IANA, por ejemplo Europe/Madrid
error-unknown-protocol = protocolo desconocido { $value } (protocolos incluidos: { $known })
error-at-line-field = { $source }: línea { $line }, campo { $field }: { $detail }
error-at-line = { $source }: línea { $line }: { $detail }
error-at-field = { $source }, campo { $field }: { $detail }
error-at = { $source }: { $detail }
error-no-sessions = un plan necesita al menos una fecha de sesión
error-duplicate-session = la sesión del { $date } está repetida
error-planned-range = el número de sesiones previstas tiene que estar entre 1 y { $max }, no { $planned }
error-planned-too-few = has indicado { $sessions } sesiones, pero solo { $planned ->
    [one] hay { $planned } prevista
   *[other] hay { $planned } previstas
}
error-plan-link = enlace del plan: { $detail }
cli-error-planned-count = número de sesiones previstas no válido { $value }: escribe un número entero, por ejemplo 3
cli-error-read-protocol = no se puede leer el archivo de protocolo { $path }: { $reason }
cli-error-read-plan = no se puede leer el archivo del plan { $path }: { $reason }
cli-error-write = no se puede escribir { $path }: { $reason }
cli-error-no-such-file = no existe
cli-error-permission-denied = no tienes permiso
cli-error-not-a-file = no es un archivo
cli-error-too-big = es demasiado grande
cli-error-protocol-too-big = { $path }: el archivo ocupa { $size } bytes; un archivo de protocolo puede ocupar como mucho { $max } bytes
cli-error-plan-too-big = { $path }: el archivo ocupa { $size } bytes; un archivo de plan puede ocupar como mucho { $max } bytes
cli-error-the-plan-file = el archivo del plan
cli-error-plan-reads-back = { $name }: el plan no se lee igual que se ha escrito; informa de este fallo, por favor
cli-error-link-reads-back = el enlace no se lee igual que se ha escrito; informa de este fallo, por favor
cli-error-qr-too-big = el enlace no cabe en un código QR ({ $reason }): comparte el archivo .smpplan
cli-error-write-output = no se ha podido escribir la salida: { $reason }

## Qué es en realidad un archivo elegido como protocolo (protocol/sniff.rs)
file-not-a-protocol = { $file ->
        [pdf] Esto es un PDF, no un archivo de protocolo
        [png] Esto es una imagen (PNG), no un archivo de protocolo
        [jpeg] Esto es una foto (JPEG), no un archivo de protocolo
        [gif] Esto es una imagen (GIF), no un archivo de protocolo
        [webp] Esto es una imagen (WebP), no un archivo de protocolo
       *[binary] Este archivo no es de texto, así que no es un archivo de protocolo
    }: pide a tu clínica su protocolo .toml o elige uno de los planes de arriba.
