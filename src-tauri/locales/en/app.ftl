# The app shell's own texts (src-tauri/src/messages.rs): notifications the
# scheduler writes, the tray menu, the file a client shares with their
# clinic. The engine's texts are in locales/ at the root, the UI's in
# ui/src/locales/. Ids and variables must match es/app.ftl (the test in
# src-tauri/src/messages.rs checks it). Date formats are chrono's
# strftime patterns; their day and month names are the date-* messages at
# the end (`messages::date`).

## Reminders folded into one notification (reminders/decide.rs)
missed-title =
    { $count ->
        [one] { $count } reminder you missed
       *[other] { $count } reminders you missed
    }
missed-line = • { $date } — { $title }
missed-date-format = %a %-d %b
# Why notifications stopped, shown in the app's banner (reminders/scheduler.rs)
notifier-stuck = the notification server does not answer

## The tray menu (tray.rs)
tray-open = Open SMP Aftercare
tray-quit = Quit (no more reminders)

## The journal file a client hands their clinic (share.rs)
share-date-format = %A %-d %B %Y
share-title = Healing journal, { $date }
share-heading = Healing journal
share-intro = Written by the client in SMP Aftercare on { $date }. The levels and notes are theirs; the app does not diagnose.
share-plan = Plan
share-clinic = Clinic
share-protocol = Aftercare protocol
share-session = Session { $number }
share-redness = Redness
share-itching = Itching
share-scabs = Scabbing
share-soreness = Tenderness
share-swelling = Swelling
share-sunburn = Sunburn
share-level-none = none
share-level-mild = mild
share-level-moderate = moderate
share-level-strong = strong
share-flag-clinic = The clinic's warning
share-flag-general = General guidance, not the clinic's
share-photo-alt = Photo { $number } of { $date }
share-photos-missing =
    { $count ->
        [one] { $count } photo of this day could not be found on the device.
       *[other] { $count } photos of this day could not be found on the device.
    }

## The system's file dialogs (setup.rs)
dialog-save-journal = Save your healing journal for your clinic
dialog-web-page = Web page
dialog-save-calendar = Save your aftercare calendar
dialog-calendar = Calendar
dialog-open-plan = Open the plan from your clinic
dialog-plan-file = Plan from your clinic

## The dialog when the app cannot start (startup.rs)
startup-title = SMP Aftercare could not start
startup-data-folder = SMP Aftercare cannot use its data folder { $folder } ({ $reason }). Check that this is a folder you can write to and that the disk is not full, then start SMP Aftercare again.
startup-store = SMP Aftercare cannot open your plan in { $folder } ({ $reason }). Check that the disk is not full and that you can write to this folder, then start SMP Aftercare again. Your plan has not been changed.
startup-other = SMP Aftercare could not start ({ $reason }). Start it again; if this keeps happening, send the log to your clinic.
startup-log-is = The log is { $path }.

## Day and month names for the date formats above (%A %a %B %b; Monday is 1)

date-weekday-1 = Monday
date-weekday-2 = Tuesday
date-weekday-3 = Wednesday
date-weekday-4 = Thursday
date-weekday-5 = Friday
date-weekday-6 = Saturday
date-weekday-7 = Sunday
date-weekday-short-1 = Mon
date-weekday-short-2 = Tue
date-weekday-short-3 = Wed
date-weekday-short-4 = Thu
date-weekday-short-5 = Fri
date-weekday-short-6 = Sat
date-weekday-short-7 = Sun
date-month-1 = January
date-month-2 = February
date-month-3 = March
date-month-4 = April
date-month-5 = May
date-month-6 = June
date-month-7 = July
date-month-8 = August
date-month-9 = September
date-month-10 = October
date-month-11 = November
date-month-12 = December
date-month-short-1 = Jan
date-month-short-2 = Feb
date-month-short-3 = Mar
date-month-short-4 = Apr
date-month-short-5 = May
date-month-short-6 = Jun
date-month-short-7 = Jul
date-month-short-8 = Aug
date-month-short-9 = Sep
date-month-short-10 = Oct
date-month-short-11 = Nov
date-month-short-12 = Dec
