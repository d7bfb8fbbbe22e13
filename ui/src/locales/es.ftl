## Encabezado de Hoy (logic.ts dayHeading)
day-healed = Ya has cicatrizado por completo
day-restrictions-over = Se acabaron las restricciones de tu clínica
day-before-first = Antes de tu primera sesión
day-session-today = Hoy tienes la sesión { $session } de { $planned }
day-after-session = Día { $day } tras la sesión { $session } de { $planned }

## Cuándo vuelve a estar permitido algo que aún debes evitar
avoid-from = desde el { $when }
avoid-until-after-next = hasta después de tu próxima sesión
avoid-until-next = hasta tu próxima sesión
avoid-ask-from = no antes del { $date }; después, pregunta a tu clínica
avoid-no-end = aún sin fecha de fin
fine-lasting = Para siempre: es un consejo permanente de tu clínica.
fine-silent-from = El plan de tu clínica no dice nada a partir del { $date }: pregúntales entonces.
fine-from = Sin ninguna restricción desde el { $date }.
fold-longer =
    { $count ->
        [one] y { $count } más que tiene que esperar más
       *[other] y { $count } más que tienen que esperar más
    }
fold-until =
    { $count ->
        [one] y { $count } más que espera hasta el { $date }
       *[other] y { $count } más que esperan hasta el { $date }
    }
fold-until-or-longer =
    { $count ->
        [one] y { $count } más que espera hasta el { $date } o más
       *[other] y { $count } más que esperan hasta el { $date } o más
    }

## Respuestas de ¿Puedo…? (logic.ts)
answer-ok = { $label }: sí, hoy no hay problema.
answer-care = { $label }: sí, con cuidado.
answer-care-note = { $label }: sí, con cuidado: { $note }.
answer-fine-from = Podrás desde el { $when }.
answer-fine-care-from = Podrás, con cuidado, desde el { $when }.
answer-not-until-after-next = No hasta después de tu próxima sesión.
answer-not-before-next = No antes de tu próxima sesión.
answer-not-before-ask = No antes del { $date }, y el plan de tu clínica no dice nada para después: pregúntales antes.
answer-no-end = El plan de tu clínica aún no da fecha de fin; pregunta a tu clínica.
answer-not-yet = { $label }: todavía no.
answer-not-yet-note = { $label }: todavía no ({ $note }).
answer-unmentioned-today = { $label }: las indicaciones de tu clínica no dicen nada de esto para hoy.
answer-unmentioned = { $label }: las indicaciones de tu clínica no dicen nada de esto.
answer-ask-first = Pregunta a tu clínica antes de hacerlo.
answer-unknown-word = «{ $text }»: las indicaciones de tu clínica no dicen nada de esto.
answer-try-another = O prueba con otra palabra, como nadar, gimnasio, afeitarse o sauna, o elige una de abajo.
part-ok = { $label }: sí; hoy { $whole } está permitido.
part-fine-again = { $whole }: sin ninguna restricción de nuevo desde el { $date }.
part-ask-when = Pregunta a tu clínica cuándo se permite de nuevo ({ $part }).
part-on-hold = { $label }: todavía no; hoy { $whole } sigue en pausa.
part-on-hold-note = { $label }: todavía no; hoy { $whole } sigue en pausa ({ $note }).
part-if-unsettled = Si con eso no te queda claro lo de { $part }, pregunta a tu clínica.
part-care = { $label }: hoy { $whole } solo está permitido con cuidado.
part-care-note = { $label }: hoy { $whole } solo está permitido con cuidado ({ $note }).
symptom-undescribed = { $label }: las indicaciones de tu clínica no hablan de esto.
symptom-if-worried = Si te preocupa, llama a tu clínica.
symptom-call-if = Llama a tu clínica si empeora, dura más de esto o te preocupa.
advice-says = { $label }: { $note }.
advice-not-covered = Para lo que no cubra, pregunta a tu clínica.

## Errores que redacta la interfaz
error-store = No se han podido guardar o leer tus datos: { $message }
error-protocol-line-field = Línea { $line }, campo «{ $field }»: { $detail }
error-protocol-line = Línea { $line }: { $detail }
error-protocol-field = Campo «{ $field }»: { $detail }
file-too-big = Este archivo ocupa { $kib } KB; un archivo de protocolo puede ocupar como mucho { $max } KB. Elige el archivo de protocolo que te dio tu clínica.
file-name-too-long = El nombre de este archivo es demasiado largo (como mucho { $max } bytes). Cámbiale el nombre y vuelve a elegirlo.

## Tipos de hito, estados de las reglas y periodos
kind-session = Sesión
kind-change = Cambios
kind-prep = Prepárate
kind-healed = Cicatrizado
kind-restrictions-over = Fin de restricciones
kind-touch-up = Retoque
prep-until-day = Hasta tu sesión, incluido el mismo día
prep-until-before = Hasta el día antes de tu sesión
status-avoid = Evitar
status-limited = Con cuidado
status-ok = Permitido
window-from-day = Desde el día { $from }
window-day = Día { $from }
window-days = Días { $from }–{ $to }
window-after-each = { $days } tras cada sesión
window-between = { $days } tras una sesión, hasta la siguiente
window-after-final = { $days } tras tu última sesión
window-on-session-day = El día de cada sesión
window-before-each = Antes de cada sesión
window-days-before =
    { $count ->
        [one] El día antes de cada sesión
       *[other] Los { $count } días antes de cada sesión
    }
window-days-before-and-day =
    { $count ->
        [one] El día antes de cada sesión y el mismo día
       *[other] Los { $count } días antes de cada sesión y el mismo día
    }

## Valores guardados que no se pudieron leer
reset-session = No se ha podido leer la fecha de una sesión
reset-plan = No se ha podido leer parte de tu plan
reset-protocol = No se ha podido leer el protocolo que elegiste
reset-setting = Se ha restablecido un ajuste
reset-open-sessions = Abrir sesiones
reset-choose-protocol = Elegir protocolo
reset-open-settings = Abrir ajustes

## El diario (journal.ts)
symptom-redness = Enrojecimiento
symptom-itching = Picor
symptom-scabs = Costras
symptom-soreness = Sensibilidad
symptom-swelling = Hinchazón
symptom-sunburn = Quemadura solar
level-none = Nada
level-mild = Leve
level-moderate = Moderado
level-strong = Fuerte
symptom-line = { $symptom }: { $level }
photo-checking = Comprobando…
photo-decoding = Leyendo la foto…
photo-saving = Guardando { $n } de { $of }
photo-too-large = Este archivo ocupa { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB; el máximo es { $max } MB: elige una foto más pequeña.
photo-alt = Foto del cuero cabelludo, { $day }, { $date }
photo-alt-nth = Foto del cuero cabelludo, { $day }, { $date } ({ $n } de { $of })

## Fechas escritas (dateEntry.ts)
date-empty = Escribe la fecha: día, mes y año, por ejemplo { $like }.
date-not-a-date = «{ $text }» no es una fecha. Escribe el día, el mes y el año, por ejemplo { $like }.
date-short-year = Escribe el año con 4 cifras, por ejemplo { $like }.
date-no-such-month = No existe el mes { $month }. Escribe el día, el mes y el año, por ejemplo { $like }.
date-no-such-day = No existe el { $name }.
date-no-such-day-in = En { $year } no hay { $name }.
date-out-of-range = La app no puede planificar el año { $year }: elige una fecha entre 1970 y 2199.
date-booked = Ya tienes una sesión el { $date }.
time-placeholder = HH:MM

## Cuidados de hoy (components/careToday.ts)
care-title = Cuidados de hoy
care-not-ticked = Aún no marcado hoy
care-done-times =
    { $count ->
        [one] Hecho una vez hoy
        [2] Hecho dos veces hoy
       *[other] Hecho { $count } veces hoy
    }
care-not-done-range = Aún no hecho hoy ({ $min }-{ $max } veces al día)
care-not-done-times =
    { $count ->
        [one] Aún no hecho hoy (una vez al día)
        [2] Aún no hecho hoy (dos veces al día)
       *[other] Aún no hecho hoy ({ $count } veces al día)
    }
care-done-of-range = Hecho { $count } de { $min }-{ $max } hoy
care-done-of = Hecho { $count } de { $min } hoy
care-not-done-at-least =
    { $min ->
        [one] Aún no hecho hoy (al menos una vez al día)
        [2] Aún no hecho hoy (al menos dos veces al día)
       *[other] Aún no hecho hoy (al menos { $min } veces al día)
    }
care-done-times-at-least =
    { $count ->
        [one] Hecho una vez hoy
        [2] Hecho dos veces hoy
       *[other] Hecho { $count } veces hoy
    } { $min ->
        [one] (al menos una vez al día)
        [2] (al menos dos veces al día)
       *[other] (al menos { $min } veces al día)
    }
care-did-it = Hecho
care-did-it-label = Hecho: { $label }
care-undo = Deshacer
care-undo-label = Deshacer: { $label }
care-tick-summary =
    { $count ->
        [one] { $label }: hecho una vez
        [2] { $label }: hecho dos veces
       *[other] { $label }: hecho { $count } veces
    }
care-ticked-off = Marcado
for-now = Por ahora: { $condition }

## El gráfico de la cronología (components/chart.ts)
chart-title = De un vistazo
chart-unsaid = Sin indicaciones
chart-word-avoid = evitar
chart-word-limited = con cuidado
chart-word-ok = permitido
chart-word-unsaid = sin indicaciones
chart-throughout = { $word } todo el tiempo
chart-from-on = { $word } desde el { $from }
chart-on = { $word } el { $from }
chart-until = { $word } hasta el { $to }
chart-from-to = { $word } del { $from } al { $to }
chart-row = { $label }: { $parts }.
chart-caption-healed = Desde tu primera sesión hasta el día en que habrás cicatrizado: del { $from } al { $to }.
chart-caption-restrictions-over = Desde tu primera sesión hasta el fin de las restricciones de tu clínica: del { $from } al { $to }.
chart-caption-unbooked = La sesión { $session } aún no está reservada, así que esto muestra del { $from } al { $to }; añade su fecha para ver el resto.
chart-caption-last-rule = Desde tu primera sesión hasta la última indicación con fecha de tu clínica: del { $from } al { $to }.
chart-today = Hoy
chart-rows-label = Cada actividad, día a día
chart-marked-session = sesión { $number } el { $date }
chart-marked = Marcado: { $sessions }.
chart-marked-today = Marcado: { $sessions }, y hoy.
chart-key = Leyenda
chart-unsaid-ask = Sin indicaciones: pregunta a tu clínica
chart-your-sessions =
    { $count ->
        [one] { $numbers }: tu sesión
       *[other] { $numbers }: tus sesiones
    }

## Otras piezas compartidas (components/)
date-field-hint = Día, mes y año, por ejemplo { $like }.
plan-clinic-file = { $name } (el archivo de tu clínica)
key-days-label = Cuándo puedes volver a hacer cada cosa tras una sesión
plan-usual-sessions =
    { $count ->
        [one] Normalmente { $count } sesión.
       *[other] Normalmente { $count } sesiones.
    }
plan-from-file = De { $file }.
flag-from-clinic = Del plan de tu clínica
flag-general = Consejo general, no de tu clínica
flag-call-clinic = Llama a tu clínica.
flag-add-contact = Añade su teléfono y su email en Ajustes
flag-call-name = Llamar a { $name }: { $phone }
flag-call-your-clinic = Llamar a tu clínica: { $phone }
close = Cerrar

## El marco de la app (index.html, main.ts)
app-name = SMP Aftercare
skip-link = Saltar al contenido
nav-label = Principal
nav-today = Hoy
nav-can-i = ¿Puedo?
nav-timeline = Fechas
nav-journal = Diario
nav-sessions = Sesiones
nav-settings = Ajustes
loading = Cargando…
failure-title = Algo ha fallado
failure-retry = Reintentar

## Palabras que comparten varias pantallas
save = Guardar
cancel = Cancelar
delete = Borrar
edit = Editar
yes-delete = Sí, borrar
keep-it = Conservar
nothing-to-note = Nada que destacar
back-to-journal = Volver a tu diario
back-to-today = Volver a Hoy
check-with-clinic = Consúltalo con tu clínica
enter-first-session = Añade tu primera sesión
language-en = English
language-es = Español

## Avisos (screens/common.ts)
banner-recovered-title = No se han podido abrir tus datos guardados
banner-recovered = Se han guardado a salvo en { $path } ({ $reason }) y la app ha empezado de cero. Vuelve a añadir tus sesiones o pide ayuda para recuperar el archivo anterior.
banner-read-only-title = Ahora mismo no se puede cambiar tu plan
banner-read-only = SMP Aftercare puede leer tu plan, pero no guardar en { $folder } ({ $reason }), así que los cambios no se conservarán. Los recordatorios siguen llegando. Libera espacio en el disco o da permiso de escritura a esa carpeta y reinicia la app.
banner-reminders-off-title = Los recordatorios están desactivados
banner-reminders-off = No te avisaremos cuando algo cambie.
banner-reminders-off-link = Activar recordatorios
banner-denied-title = Tu móvil bloquea los recordatorios
banner-denied = SMP Aftercare no tiene permiso para mostrar notificaciones, así que los recordatorios no te llegan. Para permitirlas, abre los Ajustes del móvil, ve a Aplicaciones (o Notificaciones), elige SMP Aftercare y activa las notificaciones.
banner-ask-title = Permite los recordatorios
banner-ask = Tu móvil necesita tu permiso para que SMP Aftercare pueda recordarte cosas.
banner-ask-button = Permitir notificaciones
banner-refused-title = Los recordatorios no te llegan
banner-refused = Tu ordenador ha rechazado la notificación: { $error }
banner-missed-title =
    { $count ->
        [one] Te has perdido un recordatorio
       *[other] Te has perdido { $count } recordatorios
    }
banner-missed = La app estaba cerrada o el ordenador en reposo cuando tocaba avisarte.
banner-missed-show =
    { $count ->
        [one] Verlo
       *[other] Verlos
    }
banner-missed-error = No se pudo mostrar: { $error }
contact-title = ¿Dudas? Pregunta a tu clínica
contact-call = Llamar al { $phone }
contact-email = Escribir a { $email }

## Hoy (screens/today.ts)
today-checked-in = Ya has hecho el registro de hoy
today-check-in-title = ¿Cómo ves hoy tu cuero cabelludo?
today-checked-in-change = Puedes cambiarlo hoy y mañana.
today-check-in-lead = Anota el enrojecimiento, el picor y lo demás, y añade una foto: tu diario muestra cómo cicatriza.
today-check-in = Registrar
today-check-in-edit-label = Editar el registro de hoy
today-not-yet = Todavía no
today-not-yet-sub = { $count } en espera, lo más próximo primero
today-with-care = Con cuidado
today-with-care-sub = Permitido, con una condición
today-ok-now = Ya puedes
today-ok-now-sub = Sin restricciones hoy
today-silent = El plan de tu clínica no dice nada sobre hoy.
today-silent-ask = Antes de lavarte, sudar, nadar o tomar el sol, pregunta a tu clínica qué puedes hacer ya.
today-ask-else = Pregunta por otra cosa: ¿Puedo?
today-new = Novedades de hoy
today-next = Próximo cambio
today-what-changes = Qué cambia

## ¿Puedo…? (screens/canI.ts)
can-i-lead = Pregunta por cualquier cosa que quieras hacer hoy.
can-i-needs-session = Aquí tendrás respuestas en cuanto añadas tu primera sesión.
can-i-form-label = Preguntar por una actividad
can-i-question = ¿Qué te gustaría hacer?
can-i-hint = Por ejemplo: nadar, gimnasio, champú, gorra, ibuprofeno, picor.
can-i-ask = Preguntar
can-i-pick = O elige una
can-i-empty = Escribe una actividad o elige una de abajo.

## Primer uso (screens/firstRun.ts)
first-title = Te damos la bienvenida
first-lead = Tres pasos rápidos y verás qué puedes hacer hoy y cuándo podrás hacer el resto.
first-form-label = Configura tus cuidados
first-protocol = 1. El plan de cuidados de tu clínica
first-file-question = ¿Tu clínica te dio un archivo?
first-import-instead = Impórtalo
first-date = 2. La fecha de tu primera sesión
first-date-lead = El día del tratamiento (día 1).
first-today = Hoy
first-yesterday = Ayer
first-use-date = { $text }: usar el { $date } como fecha de la sesión
first-time = 3. ¿A qué hora te lo recordamos?
first-time-hint = Las mañanas en que algo cambie, te llegará un breve recordatorio a esta hora.
first-submit = Ver mi día
first-date-missing = Elige la fecha de tu primera sesión.

## Cronología (screens/timeline.ts)
timeline-title = Tus fechas
timeline-lead = Cada actividad de un vistazo y, después, cada día en que algo cambia.
timeline-needs-session = Tus fechas aparecerán aquí en cuanto añadas tu primera sesión.
timeline-earlier =
    { $count ->
        [one] { $count } día anterior
       *[other] { $count } días anteriores
    }
timeline-earlier-label = Días anteriores en los que algo cambió
timeline-ahead-label = Hoy y los próximos días en los que algo cambia
timeline-today = Hoy
timeline-nothing-today = Hoy no cambia nada.
timeline-plan = Tu plan
timeline-done = (hecha)
timeline-is-today = (hoy)
timeline-session = Sesión { $n }
timeline-unbooked = Aún sin reservar
timeline-unbooked-gap = Aún sin reservar; normalmente { $min }–{ $max } días después de la anterior
timeline-unbooked-min = Aún sin reservar; al menos { $min } días después de la anterior
timeline-shown-once = Se mostrará cuando estén reservadas las { $count } sesiones

## Diario, registro y comparación
journal-lead = Cómo cicatriza tu cuero cabelludo, día a día.
journal-check-in-today = Registrar hoy
journal-check-in-yesterday = Registrar ayer
journal-empty = Aún no hay registros. Registra cada día cómo estás para ver cómo cicatriza tu cuero cabelludo.
journal-list-label = Registros, del más reciente al más antiguo
journal-edit-label = Editar el { $date }
share-title = Compartir con mi clínica
share-lead = Guarda un archivo con tu plan y los días que elijas, fotos incluidas. Adjúntalo a un mensaje para tu clínica: la app no envía nada.
share-all-days =
    { $count ->
        [one] El único día
       *[other] Los { $count } días
    }
share-some-days = { $n } de { $count } días
share-days = Días que compartir
share-save = Guardar un archivo para compartir
share-none = Elige al menos un día para compartir.
share-saved = Guardado en { $path }. Adjúntalo a un mensaje para tu clínica.
check-in-title = Registro
check-in-read-only = Registro (solo lectura)
check-in-noted = Lo que anotaste
check-in-missed-day = Ese día no hiciste registro.
check-in-older = Los días anteriores no se pueden cambiar: tu diario los guarda tal como eran.
check-in-note = Nota (opcional)
check-in-note-count = { $n } de { $max } caracteres
check-in-photos = Fotos
check-in-add-photos = Añadir fotos
check-in-photos-hint = JPEG, PNG o WebP, hasta 30 MB cada una. Solo las ves tú, salvo que compartas tu diario.
check-in-photo-alt = Foto { $n } de este registro
check-in-remove = Quitar
check-in-remove-label = Quitar la foto { $n }
check-in-photo-removed = Foto quitada.
check-in-delete = Borrar este registro
check-in-delete-question = ¿Borrar este registro?
check-in-delete-confirm = ¿Borrar los niveles, la nota y las fotos de este día? No se puede deshacer.
check-in-photo-n = Foto { $n }
check-in-file-nth = { $name } ({ $n } de { $of })
check-in-opening = Abriendo…
check-in-adding = Añadiendo { $name }
check-in-adding-now = Añadiendo { $name }…
check-in-added = { $name } añadida.
check-in-unreadable = No se ha podido leer ({ $error }).
compare-title = Comparar dos días
compare-empty = Aún no hay registros: no hay nada que comparar.
compare-lead = Elige un día a cada lado. Usa las flechas del teclado o desliza para pasar de un día a otro.
compare-first = Primer día
compare-second = Segundo día
compare-previous = Día anterior
compare-next = Día siguiente
compare-no-photo = Ese día no hay foto.

## El plan de tu clínica (screens/protocol.ts)
protocol-title = El plan de tu clínica
protocol-choose = Elige un plan
protocol-plans = Planes de cuidados
protocol-use = Usar este plan
protocol-choose-first = Primero elige uno de los planes.
protocol-already = Ya sigues este plan.
protocol-now-follow = Ahora sigues «{ $name }».
protocol-import-title = Importa el archivo de tu clínica
protocol-file = Archivo de protocolo
protocol-file-hint = El archivo .toml que te dio tu clínica (como mucho { $max } KB). No cambia nada si el archivo no está bien entero, y conservas los planes que ya tienes.
protocol-import = Importar
protocol-file-first = Primero elige el archivo de protocolo de tu clínica.
protocol-file-unreadable = No se ha podido leer ese archivo. Vuelve a guardarlo y elígelo otra vez.
protocol-imported = «{ $name }» importado. Ahora sigues el plan de tu clínica.
protocol-switch = Cambiar
protocol-switch-question = ¿Cambiar a { $name }? Tus recordatorios seguirán el nuevo plan.
protocol-follow = Sigues
protocol-follow-file = Sigues el archivo de tu clínica
protocol-sessions = Sesiones
protocol-sessions-range = Normalmente { $usual } (de { $min } a { $max })
protocol-gap = Tiempo entre sesiones
protocol-gap-range = De { $min } a { $max } días
protocol-gap-min = Al menos { $min } días
protocol-day-after-final = Día { $day } tras tu última sesión
protocol-touch-up =
    { $count ->
        [one] Al cabo de { $count } año
       *[other] Al cabo de { $count } años
    }
protocol-advice = Más indicaciones de tu clínica
protocol-rules = Todas las reglas
protocol-day-one = El día 1 es el día de la sesión.
protocol-rules-caption = Todas las reglas de «{ $name }», por actividad y día
protocol-when = Cuándo
protocol-status = Estado
protocol-note = Nota
protocol-care = Cuidados

## Sesiones (screens/sessions.ts)
sessions-title = Tus sesiones
sessions-is-right = ¿Es correcto el { $date }?
sessions-change-the-date = Cambiar la fecha
sessions-check-with-clinic = Consúltalo con tu clínica:
sessions-booked = Reservadas
sessions-none = Aún no hay sesiones. Añade abajo la fecha de tu primera sesión.
sessions-booked-count = { $n } de { $count } sesiones previstas reservadas.
sessions-change-date = Cambiar fecha
sessions-change-date-label = Cambiar fecha de la sesión { $n }
sessions-delete-label = Borrar la sesión { $n }
sessions-new-date = Nueva fecha de la sesión { $n }
sessions-move-anyway = Moverla igualmente
sessions-moved = Sesión { $n } movida al { $date }.
sessions-delete-question = ¿Borrar la sesión { $n }?
sessions-delete-confirm = ¿Borrar la sesión { $n } del { $date }? Tu plan se volverá a calcular sin ella.
sessions-deleted = Sesión { $n } borrada.
sessions-delete-it = Borrarla
sessions-delete-it-label = Borrarla: la sesión ilegible { $stored }
sessions-unreadable-deleted = Se ha borrado la sesión ilegible. Vuelve a añadir su fecha abajo.
sessions-add-title = Añadir una sesión
sessions-date = Fecha de la sesión
sessions-add = Añadir sesión
sessions-add-anyway = Añadirla igualmente
sessions-added = Sesión añadida: { $date }.
sessions-how-many = Cuántas sesiones en total
sessions-as-clinic-plans = Lo que prevé tu clínica ({ $usual })
sessions-unusual = { $n } (poco habitual en este plan)
sessions-planned = Sesiones previstas
sessions-usually =
    { $count ->
        [one] El plan de tu clínica suele tener { $count } sesión.
       *[other] El plan de tu clínica suele tener { $count } sesiones.
    }
sessions-usually-range = El plan de tu clínica suele tener de { $min } a { $max } sesiones.
sessions-planned-now = Sesiones previstas: { $count }.
prep-title = Prepárate
prep-title-session = Prepárate para la sesión { $n }
prep-none-ahead = No tienes ninguna sesión próxima con fecha. Cuando reserves la siguiente, añádela arriba para ver cómo prepararte.
prep-session-today = Tu sesión es hoy.
prep-session-on = Tu sesión es el { $date }, { $in }.
prep-nothing = El plan de tu clínica no pide nada especial antes de una sesión.
prep-now = Ahora
prep-on-the-day = El mismo día
prep-from = Desde el
prep-do = Haz

## Ajustes (screens/settings.ts)
settings-reminders = Recordatorios
settings-reminders-on = Enviarme recordatorios
settings-reminders-on-hint = Las mañanas en que algo cambia y antes de cada sesión.
settings-reminder-time = Hora del recordatorio
settings-quiet = Horas de silencio
settings-quiet-hint = Sin notificaciones durante esas horas; lo que toque espera a que terminen.
settings-quiet-from = Silencio desde
settings-quiet-until = Silencio hasta
settings-denied = Tu móvil bloquea las notificaciones de SMP Aftercare. Permítelas en los Ajustes del móvil, en Aplicaciones, SMP Aftercare, Notificaciones.
settings-care = Recordarme hidratar el cuero cabelludo durante el día
settings-care-hint = Los días en que tu clínica lo pide más de una vez: un aviso a primera hora de la tarde y otro al anochecer, salvo que ya lo hayas marcado bastantes veces en Hoy. Nunca en horas de silencio.
settings-zone = Zona horaria
settings-zone-device = Seguir este dispositivo (ahora { $zone })
settings-zone-fixed = Mantener mi zona horaria de casa, también de viaje
settings-zone-name = Zona horaria de casa
settings-zone-name-hint = Un nombre como Europe/Madrid.
settings-zone-now = Los días se cuentan en { $zone }.
settings-app = App
settings-language = Idioma
settings-language-device = Idioma del dispositivo ({ $language })
settings-login = Abrir la app al iniciar sesión
settings-login-hint = Espera en la bandeja del sistema para que los recordatorios lleguen a tiempo.
settings-clinic = Tu clínica
settings-clinic-name = Nombre de la clínica
settings-clinic-phone = Teléfono
settings-clinic-email = Email
settings-save = Guardar ajustes
settings-saved = Guardado.
settings-you-follow = Sigues { $name }.
settings-plan-link = Ver, cambiar o importar tu plan
calendar-title = Añádelo a tu calendario
calendar-export = Exportar archivo de calendario
calendar-cancelled = No se ha guardado: cerraste la ventana de guardar.
calendar-saved = Guardado en { $path }. Ábrelo con tu app de calendario para añadir cada paso de tu plan.
calendar-lead = Guarda tus sesiones, cambios y recordatorios en un archivo de calendario (.ics).
log-title = El archivo de registro de la app
log-none = La app no ha podido escribir su archivo de registro en este dispositivo.
log-open = Abrir el archivo de registro
log-copy = Copiar su ubicación
log-copied = Copiado.
log-copy-failed = Selecciona la ubicación de arriba y cópiala.
log-lead = Si algo falla, puede que tu clínica te pida este archivo.

## Plan from your clinic (screens/handover.ts)
handover-title = Abrir un plan de tu clínica
handover-lead = Tu clínica puede darte su plan como archivo o como enlace (impreso como código QR). Verás qué cambiaría antes de que cambie nada.
handover-where = Dónde está el plan de tu clínica
handover-file-label = Un archivo de tu clínica
handover-file-hint = Termina en .smpplan.
handover-choose-file = Elegir el archivo…
handover-link-label = O pega el enlace
handover-link-hint = Empieza por smp-aftercare://
handover-open-link = Abrir el enlace
handover-empty-link = Pega el enlace que te dio tu clínica.
handover-preview-title = Qué cambiaría
handover-the-link = el enlace
handover-nothing-changes = Ya tienes este plan: usarlo no cambia nada.
handover-what = Qué
handover-now = Ahora
handover-from-clinic = De tu clínica
handover-protocol = Plan de cuidados
handover-removed-session = Sesión que ya no está reservada
handover-none = —
handover-planned = Sesiones previstas
handover-clinic-name = Clínica
handover-clinic-phone = Teléfono
handover-clinic-email = Email
handover-clinic-address = Dirección
handover-use = Usar este plan
handover-cancel = Cancelar
handover-settings-card-title = Un archivo o código QR de tu clínica
handover-settings-card-text = Tu clínica puede darte su plan, las fechas y sus datos de contacto de una vez. Antes verás qué cambiaría.
handover-open = Abrir un plan de tu clínica
handover-first-run = Mi clínica me dio un archivo de plan o un código QR
handover-preview-lead = De { $source }. Todavía no ha cambiado nada.
handover-also-same = Igual que ahora: { $labels }.
handover-builtin = { $name } (incluido en la app)
handover-own = { $name } (propio de tu clínica)
handover-session = Sesión { $n }
handover-zone = El plan de tu clínica indica la zona horaria { $zone }. La app mantiene su propio ajuste de zona horaria (en Ajustes); este plan no lo cambia.
settings-clinic-address = Dirección

## Valores guardados que no se han podido leer, en palabras (logic.ts resetText; área: shell)
reset-text-setting =
    { $field ->
        [reminders_enabled] No se ha podido leer el ajuste guardado de los recordatorios, { $stored }: quedan activados hasta que guardes tus ajustes.
        [reminder_time] No se ha podido leer la hora guardada de los recordatorios, { $stored }: se usa { $used } hasta que guardes tus ajustes.
        [quiet_hours] No se han podido leer las horas de silencio guardadas, { $stored }: no hay horas de silencio hasta que guardes tus ajustes.
        [zone] No se ha podido leer la zona horaria guardada, { $stored }: se usa la del dispositivo hasta que guardes tus ajustes.
        [launch_at_login] No se ha podido leer el ajuste guardado de abrir la app al iniciar sesión, { $stored }: queda desactivado hasta que guardes tus ajustes.
        [clinic] No se han podido leer los datos guardados de tu clínica, { $stored }: quedan vacíos hasta que guardes tus ajustes.
        [care_reminders] No se ha podido leer el ajuste guardado de los avisos de cuidados, { $stored }: quedan desactivados hasta que guardes tus ajustes.
        [language] No se ha podido leer el idioma guardado, { $stored }: se usa el del dispositivo hasta que guardes tus ajustes.
       *[other] No se ha podido leer un ajuste guardado, { $stored }: se usa su valor por defecto hasta que guardes tus ajustes.
    }
reset-text-settings = No se han podido leer tus ajustes guardados, { $stored }, así que se usan los valores por defecto hasta que guardes tus ajustes.
reset-text-session = No se ha podido leer la fecha guardada de una sesión, { $stored }, así que esa sesión queda fuera de tu plan: bórrala y vuelve a introducir su fecha.
reset-text-planned = No se ha podido usar el número de sesiones previstas guardado, { $stored }, así que se usa el habitual de tu clínica hasta que elijas uno.
reset-text-plan = No se ha podido usar el plan guardado, así que se usa el número de sesiones habitual de tu clínica hasta que elijas uno. { $reason }
reset-text-sessions = Con tus sesiones guardadas no se ha podido hacer un plan: revísalas en la pantalla Sesiones. { $reason }
reset-text-protocol = No se ha podido usar el protocolo que tenías elegido, { $stored }, así que se sigue el protocolo por defecto hasta que vuelvas a elegir el tuyo. { $reason }

## err: cada rechazo que puede ver el cliente, redactado desde su problema (logic.ts `problemText`)
error-not-found = Eso ya no está: { $message }
error-io = No se ha podido guardar el archivo: { $message }
error-what-file-name = el nombre del archivo
error-what-protocol-file = el archivo de protocolo
error-what-protocol-id = el identificador del protocolo
error-what-date = la fecha
error-what-care-id = el identificador del cuidado
error-what-reminder-time = la hora del recordatorio
error-what-quiet-start = el inicio de las horas de silencio
error-what-quiet-end = el final de las horas de silencio
error-what-zone = la zona horaria
error-what-language = el idioma
error-what-clinic-name = el nombre de la clínica
error-what-clinic-phone = el teléfono de la clínica
error-what-clinic-email = el correo de la clínica
error-what-clinic-address = la dirección de la clínica
error-what-note = la nota
error-what-photo-id = el identificador de una foto
error-what-file-path = la ruta del archivo
error-too-long = { $what } supera el máximo de { $most } { $unit ->
    [bytes] bytes
   *[characters] caracteres
  }.
error-range-backwards = El { $to } es anterior al { $from }: pon primero la fecha más temprana.
error-range-too-long = Del { $from } al { $to } hay { $days } días; pide como mucho { $most } cada vez.
error-too-many-sessions = Un plan tiene como mucho { $most } sesiones; borra una antes de reservar otra.
error-too-many-photos = Un registro admite como mucho { $most } fotos; quita { $over } para guardarlo.
error-photo-too-large = Esta foto es demasiado grande ({ $megabytes } MB): el máximo es { $most } MB.
error-photo-not-an-image = Este archivo no es una foto que la app pueda leer: elige una foto JPEG, PNG o WebP.
error-photo-empty = Este archivo está vacío: elige una foto JPEG, PNG o WebP.
error-photo-heic = Esta es una foto HEIC, que la app aún no puede leer: elige una foto JPEG, PNG o WebP. En un iPhone, Ajustes › Cámara › Formatos › Más compatible hace las fotos en JPEG; en Android, desactiva HEIF en los ajustes de la cámara.
error-photo-avif = Esta es una imagen AVIF, que la app aún no puede leer: elige una foto JPEG, PNG o WebP.
error-photo-video = Esto es un vídeo, no una foto: elige una foto JPEG, PNG o WebP.
error-photo-gif = Esta es una imagen GIF, no una foto que la app pueda leer: elige una foto JPEG, PNG o WebP.
error-photo-pdf = Esto es un documento PDF, no una foto que la app pueda leer: elige una foto JPEG, PNG o WebP.
error-photo-tiff = Esto es un archivo TIFF o RAW de cámara, no una foto que la app pueda leer: elige una foto JPEG, PNG o WebP.
error-photo-bmp = Esta es una imagen BMP, no una foto que la app pueda leer: elige una foto JPEG, PNG o WebP.
error-photo-zip = Esto es un archivo ZIP o un documento de oficina, no una foto que la app pueda leer: elige una foto JPEG, PNG o WebP.
error-photo-text = Esto es un archivo de texto, no una foto que la app pueda leer: elige una foto JPEG, PNG o WebP.
error-photo-unreadable = La app no puede leer este tipo de foto: elige otra o vuelve a guardarla como JPEG.
error-photo-too-big = Esta foto es demasiado grande para que la app la abra: elige una más pequeña.
error-photo-damaged = Esta foto está cortada o dañada (puede que no terminara de copiarse): vuelve a elegirla o elige otra.
error-photo-not-saved = No se ha podido guardar la foto en este dispositivo: vuelve a añadirla.
error-photo-incomplete = La foto no ha llegado entera; vuelve a añadirla.
error-photo-gone = La foto { $number } ya no está en este dispositivo: vuelve a añadirla.
error-too-many-days = Se han pedido { $asked } días y tu diario tiene { $held ->
    [one] { $held } registro
   *[other] { $held } registros
  }.
error-no-day-chosen = Elige al menos un día para compartir.
error-no-check-in = No hay ningún registro el { $date }.
error-no-session-check-in = Los registros empiezan con tu primera sesión: introduce antes su fecha.
error-no-session-calendar = Añade tu primera sesión antes de exportar un calendario.
error-no-session-care = No hay cuidados que marcar hasta que introduzcas tu primera sesión.
error-check-in-too-early = El { $date } todavía no ha llegado: haz el registro ese día.
error-check-in-too-late = Un registro se puede cambiar el mismo día y el siguiente; el del { $date } ya no.
error-nothing-to-tick = «{ $label }» no se marca: tu clínica no lo pide varias veces al día.
error-ticks-full-clinic = Ya has marcado «{ $label }» { $most } veces hoy, lo máximo que pide tu clínica.
error-ticks-full-app = Ya has marcado «{ $label }» { $most } veces hoy, lo máximo que cuenta la app en un día.
error-not-asked-today = «{ $care }» no toca hoy.
error-quiet-hours-empty = Unas horas de silencio de { $start } a { $end } no duran nada; elige otra hora de fin.
error-unknown-language = «{ $text }» no es un idioma de la app: elige el del dispositivo, inglés o español.
error-not-a-phone = «{ $text }» no es un número de teléfono: usa cifras, espacios y + - ( ).
error-not-an-email = «{ $text }» no es una dirección de correo como clinica@ejemplo.com.
error-launch-at-login = No se ha podido activar o desactivar «Abrir la app al iniciar sesión»: { $detail }
error-not-a-date = «{ $text }» no es una fecha.
error-not-a-time = «{ $text }» no es una hora: usa horas y minutos en formato de 24 horas, por ejemplo 09:00.
error-unknown-zone = La app no conoce la zona horaria «{ $text }»: usa un nombre como Europe/Madrid.
error-unknown-protocol = «{ $id }» no es uno de los planes de la app: elige uno de la lista.
error-no-sessions = Un plan necesita al menos una fecha de sesión.
error-session-twice = La sesión del { $date } aparece dos veces.
error-planned-out-of-range = El número de sesiones previstas debe ir de 1 a { $most }, no { $planned }.
error-planned-too-few = Hay { $sessions } sesiones reservadas, pero solo { $planned ->
    [one] { $planned } prevista
   *[other] { $planned } previstas
  }.
error-not-a-protocol = { $file ->
    [pdf] Esto es un PDF, no un archivo de protocolo
    [png] Esto es una imagen (PNG), no un archivo de protocolo
    [jpeg] Esto es una foto (JPEG), no un archivo de protocolo
    [gif] Esto es una imagen (GIF), no un archivo de protocolo
    [webp] Esto es una imagen (WebP), no un archivo de protocolo
   *[binary] Este archivo no es de texto, así que no es un archivo de protocolo
  }: pide a tu clínica su protocolo .toml o elige uno de los planes de arriba.
error-handover-not-a-link = Esto no es un enlace de plan de SMP Aftercare. Copia el enlace completo que te envió tu clínica o pídele uno nuevo.
error-handover-damaged = { $from ->
    [link] Este enlace está dañado o se cambió después de que tu clínica lo creara. Pide uno nuevo a tu clínica.
   *[file] Este archivo de plan está dañado o se cambió después de que tu clínica lo creara. Pide uno nuevo a tu clínica.
  }
error-handover-too-long = Este enlace es demasiado largo para ser un enlace de plan. Pide a tu clínica su archivo .smpplan.
error-handover-too-large = Este archivo es demasiado grande para ser un archivo de plan. Pide a tu clínica su archivo .smpplan o su enlace.
error-handover-newer = Tu clínica creó este plan con una versión más nueva de SMP Aftercare. Actualiza la app y vuelve a abrir el plan.
error-handover-not-a-plan = Este archivo no es un archivo de plan. Pide a tu clínica su archivo .smpplan o su enlace.
error-handover-pdf = Esto es un PDF, no un archivo de plan. Pide a tu clínica su archivo .smpplan o su enlace.
error-handover-picture = Esto es una imagen, no un archivo de plan. Pide a tu clínica su archivo .smpplan o su enlace.
error-handover-binary = Este archivo no es de texto, así que no es un archivo de plan. Pide a tu clínica su archivo .smpplan o su enlace.
error-handover-nonsense = { $from ->
    [link] El plan de este enlace no tiene sentido y la app no puede usarlo. Pide uno nuevo a tu clínica.
   *[file] El plan de este archivo no tiene sentido y la app no puede usarlo. Pide uno nuevo a tu clínica.
  }
error-handover-detail = Detalles para tu clínica: { $detail }
error-plan-changed = El plan ha cambiado desde que lo viste; vuelve a abrirlo.
error-file-unreadable = No se puede abrir «{ $name }» ({ $reason }).
error-not-a-file = «{ $name }» no es un archivo.
