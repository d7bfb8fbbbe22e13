# Los textos propios de la app (src-tauri/src/messages.rs). Mismos ids y
# variables que en/app.ftl. Los formatos de fecha son patrones strftime de
# chrono, con los nombres de meses y días del idioma.

## Recordatorios reunidos en una sola notificación (reminders/decide.rs)
missed-title =
    { $count ->
        [one] Te has perdido { $count } recordatorio
       *[other] Te has perdido { $count } recordatorios
    }
missed-line = • { $date } — { $title }
missed-date-format = %a %-d %b
# Por qué dejaron de llegar las notificaciones, en el aviso de la app
notifier-stuck = el servidor de notificaciones no responde

## El menú de la bandeja (tray.rs)
tray-open = Abrir SMP Aftercare
tray-quit = Salir (sin más recordatorios)

## El diario que el cliente entrega a su clínica (share.rs)
share-date-format = %A %-d de %B de %Y
share-title = Diario de cicatrización, { $date }
share-heading = Diario de cicatrización
share-intro = Escrito por el cliente en SMP Aftercare el { $date }. Los niveles y las notas son suyos; la app no hace diagnósticos.
share-plan = Plan
share-clinic = Clínica
share-protocol = Protocolo de cuidados
share-session = Sesión { $number }
share-redness = Enrojecimiento
share-itching = Picor
share-scabs = Costras
share-soreness = Sensibilidad
share-swelling = Hinchazón
share-sunburn = Quemadura solar
share-level-none = nada
share-level-mild = leve
share-level-moderate = moderado
share-level-strong = fuerte
share-flag-clinic = Aviso de la clínica
share-flag-general = Orientación general, no de la clínica
share-photo-alt = Foto { $number } del { $date }
share-photos-missing =
    { $count ->
        [one] No se ha encontrado en el dispositivo { $count } foto de este día.
       *[other] No se han encontrado en el dispositivo { $count } fotos de este día.
    }

## Los diálogos de archivos del sistema (setup.rs)
dialog-save-journal = Guarda tu diario de cicatrización para tu clínica
dialog-web-page = Página web
dialog-save-calendar = Guarda tu calendario de cuidados
dialog-calendar = Calendario
dialog-open-plan = Abre el plan de tu clínica
dialog-plan-file = Plan de tu clínica

## El diálogo cuando la app no puede arrancar (startup.rs)
startup-title = SMP Aftercare no se ha podido iniciar
startup-data-folder = SMP Aftercare no puede usar su carpeta de datos { $folder } ({ $reason }). Comprueba que puedes escribir en esa carpeta y que el disco no está lleno, y vuelve a abrir SMP Aftercare.
startup-store = SMP Aftercare no puede abrir tu plan en { $folder } ({ $reason }). Comprueba que el disco no está lleno y que puedes escribir en esa carpeta, y vuelve a abrir SMP Aftercare. Tu plan no ha cambiado.
startup-other = SMP Aftercare no se ha podido iniciar ({ $reason }). Vuelve a abrirla; si sigue pasando, envía el registro a tu clínica.
startup-log-is = El registro está en { $path }.

## Nombres de días y meses para los formatos de fecha (%A %a %B %b; el lunes es 1)

date-weekday-1 = lunes
date-weekday-2 = martes
date-weekday-3 = miércoles
date-weekday-4 = jueves
date-weekday-5 = viernes
date-weekday-6 = sábado
date-weekday-7 = domingo
date-weekday-short-1 = lun
date-weekday-short-2 = mar
date-weekday-short-3 = mié
date-weekday-short-4 = jue
date-weekday-short-5 = vie
date-weekday-short-6 = sáb
date-weekday-short-7 = dom
date-month-1 = enero
date-month-2 = febrero
date-month-3 = marzo
date-month-4 = abril
date-month-5 = mayo
date-month-6 = junio
date-month-7 = julio
date-month-8 = agosto
date-month-9 = septiembre
date-month-10 = octubre
date-month-11 = noviembre
date-month-12 = diciembre
date-month-short-1 = ene
date-month-short-2 = feb
date-month-short-3 = mar
date-month-short-4 = abr
date-month-short-5 = may
date-month-short-6 = jun
date-month-short-7 = jul
date-month-short-8 = ago
date-month-short-9 = sep
date-month-short-10 = oct
date-month-short-11 = nov
date-month-short-12 = dic
