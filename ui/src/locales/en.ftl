## Today's heading (logic.ts dayHeading)
day-healed = You're fully healed
day-restrictions-over = Your clinic's restrictions are over
day-before-first = Before your first session
day-session-today = Session { $session } of { $planned } is today
day-after-session = Day { $day } after session { $session } of { $planned }

## When an avoided activity is allowed again
avoid-from = from { $when }
avoid-until-after-next = until after your next session
avoid-until-next = until your next session
avoid-ask-from = not before { $date }, then ask your clinic
avoid-no-end = no end date set yet
fine-lasting = For good: your clinic's lasting advice.
fine-silent-from = Your clinic's plan says nothing from { $date } on: ask them then.
fine-from = Fully fine from { $date }.
fold-longer =
    { $count ->
        [one] and { $count } more that waits longer
       *[other] and { $count } more that wait longer
    }
fold-until =
    { $count ->
        [one] and { $count } more that waits until { $date }
       *[other] and { $count } more that wait until { $date }
    }
fold-until-or-longer =
    { $count ->
        [one] and { $count } more that waits until { $date } or longer
       *[other] and { $count } more that wait until { $date } or longer
    }

## Can I…? answers (logic.ts)
answer-ok = { $label }: yes, that's fine today.
answer-care = { $label }: yes, with care.
answer-care-note = { $label }: yes, with care: { $note }.
answer-fine-from = It's fine from { $when }.
answer-fine-care-from = It's fine with care from { $when }.
answer-not-until-after-next = Not until after your next session.
answer-not-before-next = Not before your next session.
answer-not-before-ask = Not before { $date }, and your clinic's plan says nothing after that: ask them first.
answer-no-end = Your clinic's plan gives no end date yet; ask your clinic.
answer-not-yet = { $label }: not yet.
answer-not-yet-note = { $label }: not yet ({ $note }).
answer-unmentioned-today = { $label }: your clinic's aftercare doesn't mention this for today.
answer-unmentioned = { $label }: your clinic's aftercare doesn't mention this.
answer-ask-first = Ask your clinic before you do it.
answer-unknown-word = “{ $text }”: your clinic's aftercare doesn't mention this.
answer-try-another = Or try another word, such as swim, gym, shave or sauna, or pick one below.
part-ok = { $label }: yes, { $whole } is fine today.
part-fine-again = { $whole } is fully fine again from { $date }.
part-ask-when = Ask your clinic when { $part } is fine again.
part-on-hold = { $label }: not yet, { $whole } is on hold today.
part-on-hold-note = { $label }: not yet, { $whole } is on hold today ({ $note }).
part-if-unsettled = If that doesn't settle { $part }, ask your clinic.
part-care = { $label }: { $whole } is allowed only with care today.
part-care-note = { $label }: { $whole } is allowed only with care today ({ $note }).
symptom-undescribed = { $label }: your clinic's aftercare doesn't describe this.
symptom-if-worried = If it worries you, call your clinic.
symptom-call-if = Call your clinic if it gets worse, lasts longer than this, or worries you.
advice-says = { $label }: { $note }.
advice-not-covered = For anything it doesn't cover, ask your clinic.

## Errors worded by the UI
error-store = Your data could not be saved or read: { $message }
error-protocol-line-field = Line { $line }, field “{ $field }”: { $detail }
error-protocol-line = Line { $line }: { $detail }
error-protocol-field = Field “{ $field }”: { $detail }
file-too-big = This file is { $kib } KB; a protocol file can be at most { $max } KB. Choose the protocol file your clinic gave you.
file-name-too-long = This file's name is too long (at most { $max } bytes). Rename the file, then choose it again.

## Timeline kinds, rule statuses and windows
kind-session = Session
kind-change = Changes
kind-prep = Get ready
kind-healed = Fully healed
kind-restrictions-over = Restrictions over
kind-touch-up = Touch-up
prep-until-day = Until your session, and on the day itself
prep-until-before = Until the day before your session
status-avoid = Avoid
status-limited = With care
status-ok = OK
window-from-day = From day { $from }
window-day = Day { $from }
window-days = Days { $from }–{ $to }
window-after-each = { $days } after each session
window-between = { $days } after a session, until the next one
window-after-final = { $days } after your final session
window-on-session-day = On each session day
window-before-each = Before each session
window-days-before =
    { $count ->
        [one] The day before each session
       *[other] The { $count } days before each session
    }
window-days-before-and-day =
    { $count ->
        [one] The day before each session, and the session day
       *[other] The { $count } days before each session, and the session day
    }

## Stored values that could not be read
reset-session = A session date could not be read
reset-plan = Part of your plan could not be read
reset-protocol = Your protocol choice could not be read
reset-setting = A setting was reset
reset-open-sessions = Open sessions
reset-choose-protocol = Choose your protocol
reset-open-settings = Open settings

## The journal's words (journal.ts)
symptom-redness = Redness
symptom-itching = Itching
symptom-scabs = Scabbing
symptom-soreness = Tenderness
symptom-swelling = Swelling
symptom-sunburn = Sunburn
level-none = None
level-mild = Mild
level-moderate = Moderate
level-strong = Strong
symptom-line = { $symptom }: { $level }
photo-checking = Checking…
photo-decoding = Reading the photo…
photo-saving = Saving { $n } of { $of }
photo-too-large = This file is { NUMBER($mb, minimumFractionDigits: 1, maximumFractionDigits: 1) } MB; the most is { $max } MB: choose a smaller photo.
photo-alt = Scalp photo, { $day }, { $date }
photo-alt-nth = Scalp photo, { $day }, { $date } ({ $n } of { $of })

## Typed dates (dateEntry.ts)
date-empty = Enter the date: day, month and year, for example { $like }.
date-not-a-date = “{ $text }” is not a date. Type the day, month and year, for example { $like }.
date-short-year = Use a 4-digit year, for example { $like }.
date-no-such-month = There is no month { $month }. Type the day, month and year, for example { $like }.
date-no-such-day = There is no { $name }.
date-no-such-day-in = There is no { $name } in { $year }.
date-out-of-range = The app can't plan for the year { $year }: choose a date from 1970 to 2199.
date-booked = You already have a session on { $date }.
time-placeholder = HH:MM

## Today's care (components/careToday.ts)
care-title = Today's care
care-not-ticked = Not ticked off yet today
care-done-times =
    { $count ->
        [one] Done once today
        [2] Done twice today
       *[other] Done { $count } times today
    }
care-not-done-range = Not done yet today ({ $min }-{ $max } times a day)
care-not-done-times =
    { $count ->
        [one] Not done yet today (once a day)
        [2] Not done yet today (twice a day)
       *[other] Not done yet today ({ $count } times a day)
    }
care-done-of-range = Done { $count } of { $min }-{ $max } today
care-done-of = Done { $count } of { $min } today
care-not-done-at-least =
    { $min ->
        [one] Not done yet today (at least once a day)
        [2] Not done yet today (at least twice a day)
       *[other] Not done yet today (at least { $min } times a day)
    }
care-done-times-at-least =
    { $count ->
        [one] Done once today
        [2] Done twice today
       *[other] Done { $count } times today
    } { $min ->
        [one] (at least once a day)
        [2] (at least twice a day)
       *[other] (at least { $min } times a day)
    }
care-did-it = I did it
care-did-it-label = I did it: { $label }
care-undo = Undo
care-undo-label = Undo: { $label }
care-tick-summary =
    { $count ->
        [one] { $label }: done once
        [2] { $label }: done twice
       *[other] { $label }: done { $count } times
    }
care-ticked-off = Ticked off
for-now = For now: { $condition }

## The timeline's chart (components/chart.ts)
chart-title = At a glance
chart-unsaid = Not mentioned
chart-word-avoid = avoid
chart-word-limited = with care
chart-word-ok = OK
chart-word-unsaid = not mentioned
chart-throughout = { $word } throughout
chart-from-on = { $word } from { $from } on
chart-on = { $word } on { $from }
chart-until = { $word } until { $to }
chart-from-to = { $word } from { $from } to { $to }
chart-row = { $label }: { $parts }.
chart-caption-healed = From your first session to the day you're fully healed: { $from } to { $to }.
chart-caption-restrictions-over = From your first session to the day your clinic's restrictions are over: { $from } to { $to }.
chart-caption-unbooked = Session { $session } isn't booked yet, so this shows { $from } to { $to }; add its date to see the rest.
chart-caption-last-rule = From your first session to the end of your clinic's dated advice: { $from } to { $to }.
chart-today = Today
chart-rows-label = Each activity, day by day
chart-marked-session = session { $number } on { $date }
chart-marked = Marked: { $sessions }.
chart-marked-today = Marked: { $sessions }, and today.
chart-key = Key
chart-unsaid-ask = Not mentioned: ask your clinic
chart-your-sessions =
    { $count ->
        [one] { $numbers }: your session
       *[other] { $numbers }: your sessions
    }

## Other shared parts (components/)
date-field-hint = Day, month and year, for example { $like }.
plan-clinic-file = { $name } (your clinic's file)
key-days-label = When you may do things again after a session
plan-usual-sessions =
    { $count ->
        [one] Usually { $count } session.
       *[other] Usually { $count } sessions.
    }
plan-from-file = From { $file }.
flag-from-clinic = From your clinic's plan
flag-general = General guidance, not from your clinic
flag-call-clinic = Call your clinic.
flag-add-contact = Add their phone and email in Settings
flag-call-name = Call { $name }: { $phone }
flag-call-your-clinic = Call your clinic: { $phone }
close = Close

## The app's frame (index.html, main.ts)
app-name = SMP Aftercare
skip-link = Skip to content
nav-label = Main
nav-today = Today
nav-can-i = Can I…?
nav-timeline = Timeline
nav-journal = Journal
nav-sessions = Sessions
nav-settings = Settings
loading = Loading…
failure-title = Something went wrong
failure-retry = Try again

## Words many screens share
save = Save
cancel = Cancel
delete = Delete
edit = Edit
yes-delete = Yes, delete
keep-it = Keep it
nothing-to-note = Nothing to note
back-to-journal = Back to your journal
back-to-today = Back to Today
check-with-clinic = Check with your clinic
enter-first-session = Enter your first session
language-en = English
language-es = Español

## Banners (screens/common.ts)
banner-recovered-title = Your saved data could not be opened
banner-recovered = It was kept safe at { $path } ({ $reason }), and the app started afresh. Enter your sessions again, or ask for help to bring the old file back.
banner-read-only-title = Your plan can't be changed right now
banner-read-only = SMP Aftercare can read your plan but can't save to { $folder } ({ $reason }), so changes won't be kept. Reminders still come. Free some disk space or make that folder writable, then restart the app.
banner-reminders-off-title = Reminders are off
banner-reminders-off = You won't be told when something changes.
banner-reminders-off-link = Turn reminders on
banner-denied-title = Your phone blocks reminders
banner-denied = SMP Aftercare is not allowed to show notifications, so reminders can't reach you. To allow them, open your phone's Settings, go to Apps (or Notifications), choose SMP Aftercare and turn notifications on.
banner-ask-title = Allow reminders
banner-ask = Your phone needs your permission before SMP Aftercare can remind you.
banner-ask-button = Allow notifications
banner-refused-title = Reminders can't reach you
banner-refused = Your computer refused the notification: { $error }
banner-missed-title =
    { $count ->
        [one] You missed a reminder
       *[other] You missed { $count } reminders
    }
banner-missed = The app was closed or your computer was asleep when they were due.
banner-missed-show =
    { $count ->
        [one] Show it
       *[other] Show them
    }
banner-missed-error = It could not be shown: { $error }
contact-title = Questions? Ask your clinic
contact-call = Call { $phone }
contact-email = Email { $email }

## Today (screens/today.ts)
today-checked-in = Checked in today
today-check-in-title = How does your scalp look today?
today-checked-in-change = You can change it today and tomorrow.
today-check-in-lead = Note redness, itching and the rest, and add a photo: your journal shows how it heals.
today-check-in = Check in
today-check-in-edit-label = Edit today's check-in
today-not-yet = Not yet
today-not-yet-sub = { $count } to wait for, soonest first
today-with-care = With care
today-with-care-sub = Allowed, with a condition
today-ok-now = OK now
today-ok-now-sub = No restrictions today
today-silent = Your clinic's plan says nothing about today.
today-silent-ask = Before you wash, sweat, swim or sit in the sun, ask your clinic what is fine now.
today-ask-else = Ask about something else: Can I…?
today-new = New today
today-next = Next change
today-what-changes = What changes

## Can I…? (screens/canI.ts)
can-i-lead = Ask about anything you'd like to do today.
can-i-needs-session = You'll get answers here once you've entered your first session.
can-i-form-label = Ask about an activity
can-i-question = What would you like to do?
can-i-hint = For example: swim, gym, shampoo, a cap, ibuprofen, itchy.
can-i-ask = Ask
can-i-pick = Or pick one
can-i-empty = Type an activity, or pick one below.

## First run (screens/firstRun.ts)
first-title = Welcome
first-lead = Three quick steps, and you'll see what you may do today and when you may do the rest.
first-form-label = Set up your aftercare
first-protocol = 1. Your clinic's aftercare plan
first-file-question = Did your clinic give you a file?
first-import-instead = Import it instead
first-date = 2. The date of your first session
first-date-lead = The day of your treatment (day 1).
first-today = Today
first-yesterday = Yesterday
first-use-date = { $text }: use { $date } as the session date
first-time = 3. When should we remind you?
first-time-hint = On the mornings something changes, you'll get a short reminder at this time.
first-submit = Show my day
first-date-missing = Choose the date of your first session.

## Timeline (screens/timeline.ts)
timeline-title = Your timeline
timeline-lead = Each activity at a glance, then every day something changes.
timeline-needs-session = Your timeline appears here once you've entered your first session.
timeline-earlier =
    { $count ->
        [one] { $count } earlier day
       *[other] { $count } earlier days
    }
timeline-earlier-label = Earlier days on which something changed
timeline-ahead-label = Today and the days ahead on which something changes
timeline-today = Today
timeline-nothing-today = Nothing changes today.
timeline-plan = Your plan
timeline-done = (done)
timeline-is-today = (today)
timeline-session = Session { $n }
timeline-unbooked = Not booked yet
timeline-unbooked-gap = Not booked yet, usually { $min }–{ $max } days after the one before
timeline-unbooked-min = Not booked yet, at least { $min } days after the one before
timeline-shown-once = Shown once all { $count } sessions are booked

## Journal, check-in and compare
journal-lead = How your scalp heals, day by day.
journal-check-in-today = Check in today
journal-check-in-yesterday = Check in for yesterday
journal-empty = No check-ins yet. Check in once a day to see how your scalp heals.
journal-list-label = Check-ins, newest first
journal-edit-label = Edit { $date }
share-title = Share with my clinic
share-lead = Saves one file with your plan and the days you choose, photos included. Attach it to a message to your clinic: nothing is sent from the app.
share-all-days =
    { $count ->
        [one] The only day
       *[other] All { $count } days
    }
share-some-days = { $n } of { $count } days
share-days = Days to share
share-save = Save a file to share
share-none = Choose at least one day to share.
share-saved = Saved to { $path }. Attach it to a message to your clinic.
check-in-title = Check-in
check-in-read-only = Check-in (read-only)
check-in-noted = What you noted
check-in-missed-day = You did not check in on this day.
check-in-older = Older days can't be changed: your journal keeps them as they were.
check-in-note = Note (optional)
check-in-note-count = { $n } of { $max } characters
check-in-photos = Photos
check-in-add-photos = Add photos
check-in-photos-hint = JPEG, PNG or WebP, up to 30 MB each. Only you see them unless you share your journal.
check-in-photo-alt = Photo { $n } of this check-in
check-in-remove = Remove
check-in-remove-label = Remove photo { $n }
check-in-photo-removed = Photo removed.
check-in-delete = Delete this check-in
check-in-delete-question = Delete this check-in?
check-in-delete-confirm = Delete this day's levels, note and photos? This can't be undone.
check-in-photo-n = Photo { $n }
check-in-file-nth = { $name } ({ $n } of { $of })
check-in-opening = Opening…
check-in-adding = Adding { $name }
check-in-adding-now = Adding { $name }…
check-in-added = { $name } added.
check-in-unreadable = It could not be read ({ $error }).
compare-title = Compare two days
compare-empty = No check-ins yet: there is nothing to compare.
compare-lead = Pick a day on each side. Use the arrow keys or swipe to move through the days.
compare-first = First day
compare-second = Second day
compare-previous = Previous day
compare-next = Next day
compare-no-photo = No photo on this day.

## Your clinic's plan (screens/protocol.ts)
protocol-title = Your clinic's plan
protocol-choose = Choose a plan
protocol-plans = Aftercare plans
protocol-use = Use this plan
protocol-choose-first = Choose one of the plans first.
protocol-already = You already follow this plan.
protocol-now-follow = You now follow “{ $name }”.
protocol-import-title = Import your clinic's file
protocol-file = Protocol file
protocol-file-hint = The .toml file your clinic gave you (at most { $max } KB). Nothing changes unless the whole file is right, and you keep the plans you have.
protocol-import = Import
protocol-file-first = Choose your clinic's protocol file first.
protocol-file-unreadable = That file could not be read. Try saving it again and choose it once more.
protocol-imported = Imported “{ $name }”. You now follow your clinic's plan.
protocol-switch = Switch
protocol-switch-question = Switch to { $name }? Your reminders will follow the new plan.
protocol-follow = You follow
protocol-follow-file = You follow your clinic's file
protocol-sessions = Sessions
protocol-sessions-range = Usually { $usual } ({ $min } to { $max })
protocol-gap = Time between sessions
protocol-gap-range = { $min } to { $max } days
protocol-gap-min = At least { $min } days
protocol-day-after-final = Day { $day } after your final session
protocol-touch-up =
    { $count ->
        [one] After { $count } year
       *[other] After { $count } years
    }
protocol-advice = Also from your clinic
protocol-rules = All the rules
protocol-day-one = Day 1 is the day of a session.
protocol-rules-caption = Every rule of “{ $name }”, by activity and day
protocol-when = When
protocol-status = Status
protocol-note = Note
protocol-care = Care steps

## Sessions (screens/sessions.ts)
sessions-title = Your sessions
sessions-is-right = Is { $date } right?
sessions-change-the-date = Change the date
sessions-check-with-clinic = Check with your clinic:
sessions-booked = Booked
sessions-none = No sessions yet. Add the date of your first session below.
sessions-booked-count = { $n } of { $count } planned sessions booked.
sessions-change-date = Change date
sessions-change-date-label = Change date of session { $n }
sessions-delete-label = Delete session { $n }
sessions-new-date = New date for session { $n }
sessions-move-anyway = Move it anyway
sessions-moved = Session { $n } moved to { $date }.
sessions-delete-question = Delete session { $n }?
sessions-delete-confirm = Delete session { $n } on { $date }? Your plan will be worked out again without it.
sessions-deleted = Session { $n } deleted.
sessions-delete-it = Delete it
sessions-delete-it-label = Delete it: the unreadable session { $stored }
sessions-unreadable-deleted = The unreadable session was deleted. Enter its date again below.
sessions-add-title = Add a session
sessions-date = Session date
sessions-add = Add session
sessions-add-anyway = Add it anyway
sessions-added = Session added: { $date }.
sessions-how-many = How many sessions in all
sessions-as-clinic-plans = As your clinic plans ({ $usual })
sessions-unusual = { $n } (unusual for this plan)
sessions-planned = Sessions planned
sessions-usually =
    { $count ->
        [one] Your clinic's plan usually has { $count } session.
       *[other] Your clinic's plan usually has { $count } sessions.
    }
sessions-usually-range = Your clinic's plan usually has { $min } to { $max } sessions.
sessions-planned-now = Planned sessions: { $count }.
prep-title = Getting ready
prep-title-session = Getting ready for session { $n }
prep-none-ahead = No session is booked ahead. When you book your next one, add it above to see how to get ready.
prep-session-today = Your session is today.
prep-session-on = Your session is on { $date }, { $in }.
prep-nothing = Your clinic's plan asks nothing special before a session.
prep-now = Now
prep-on-the-day = On the day
prep-from = From
prep-do = Do

## Settings (screens/settings.ts)
settings-reminders = Reminders
settings-reminders-on = Send me reminders
settings-reminders-on-hint = On mornings when something changes, and before each session.
settings-reminder-time = Reminder time
settings-quiet = Quiet hours
settings-quiet-hint = No notifications during these hours; anything due waits until they end.
settings-quiet-from = Quiet from
settings-quiet-until = Quiet until
settings-denied = Your phone blocks SMP Aftercare's notifications. Allow them in your phone's Settings, under Apps, SMP Aftercare, Notifications.
settings-care = Remind me to moisturise during the day
settings-care-hint = On days your clinic asks for it more than once: a nudge early in the afternoon and early in the evening, unless you've ticked it off enough times on Today. Never in quiet hours.
settings-zone = Time zone
settings-zone-device = Follow this device (now { $zone })
settings-zone-fixed = Keep my home time zone, also when I travel
settings-zone-name = Home time zone
settings-zone-name-hint = A name such as Europe/London.
settings-zone-now = Days are counted in { $zone }.
settings-app = App
settings-language = Language
settings-language-device = Device language ({ $language })
settings-login = Start the app when I log in
settings-login-hint = It waits quietly in the tray, so reminders arrive on time.
settings-clinic = Your clinic
settings-clinic-name = Clinic name
settings-clinic-phone = Phone
settings-clinic-email = Email
settings-save = Save settings
settings-saved = Saved.
settings-you-follow = You follow { $name }.
settings-plan-link = See, change or import your plan
calendar-title = Add to your calendar
calendar-export = Export calendar file
calendar-cancelled = Not saved: you closed the save window.
calendar-saved = Saved to { $path }. Open it with your calendar app to add every step of your plan.
calendar-lead = Saves your sessions, changes and reminders as a calendar file (.ics).
log-title = The app's log
log-none = The app could not write its log on this device.
log-open = Open the log
log-copy = Copy its location
log-copied = Copied.
log-copy-failed = Select the location above and copy it.
log-lead = If something goes wrong, your clinic may ask you to send this file.

## Plan from your clinic (screens/handover.ts)
handover-title = Open a plan from your clinic
handover-lead = Your clinic can give you its plan as a file or as a link (printed as a QR code). You'll see what would change before anything changes.
handover-where = Where your clinic's plan is
handover-file-label = A file from your clinic
handover-file-hint = It ends in .smpplan.
handover-choose-file = Choose the file…
handover-link-label = Or paste the link
handover-link-hint = It starts with smp-aftercare://
handover-open-link = Open the link
handover-empty-link = Paste the link your clinic gave you.
handover-preview-title = What would change
handover-the-link = the link
handover-nothing-changes = You already have this plan: using it changes nothing.
handover-what = What
handover-now = Now
handover-from-clinic = From your clinic
handover-protocol = Aftercare plan
handover-removed-session = Session no longer booked
handover-none = —
handover-planned = Sessions planned
handover-clinic-name = Clinic
handover-clinic-phone = Phone
handover-clinic-email = Email
handover-clinic-address = Address
handover-use = Use this plan
handover-cancel = Cancel
handover-settings-card-title = A file or QR code from your clinic
handover-settings-card-text = Your clinic can hand you its plan, dates and contact details in one go. You see what would change first.
handover-open = Open a plan from your clinic
handover-first-run = My clinic gave me a plan file or QR code
handover-preview-lead = From { $source }. Nothing has changed yet.
handover-also-same = The same as now: { $labels }.
handover-builtin = { $name } (built into the app)
handover-own = { $name } (your clinic's own)
handover-session = Session { $n }
handover-zone = Your clinic's plan names the time zone { $zone }. The app keeps its own time zone setting (in Settings); this plan does not change it.
settings-clinic-address = Address

## Stored values that could not be read, in words (logic.ts resetText; area: shell)
reset-text-setting =
    { $field ->
        [reminders_enabled] The stored reminders setting { $stored } could not be read; reminders on is used until you save your settings.
        [reminder_time] The stored reminder time { $stored } could not be read; { $used } is used until you save your settings.
        [quiet_hours] The stored quiet hours { $stored } could not be read; no quiet hours is used until you save your settings.
        [zone] The stored time zone { $stored } could not be read; the device's zone is used until you save your settings.
        [launch_at_login] The stored launch at login setting { $stored } could not be read; off is used until you save your settings.
        [clinic] The stored clinic details { $stored } could not be read; none is used until you save your settings.
        [care_reminders] The stored care reminders setting { $stored } could not be read; off is used until you save your settings.
        [language] The stored language { $stored } could not be read; the device's language is used until you save your settings.
       *[other] The stored setting { $stored } could not be read; its default is used until you save your settings.
    }
reset-text-settings = Your stored settings, { $stored }, could not be read, so the defaults are used until you save your settings.
reset-text-session = A stored session date, { $stored }, could not be read, so that session is left out of your plan: delete it and enter its date again.
reset-text-planned = The stored number of planned sessions, { $stored }, could not be used, so your clinic's usual number is used until you choose one.
reset-text-plan = The stored plan could not be used, so your clinic's usual number of sessions is used until you choose one. { $reason }
reset-text-sessions = Your stored sessions could not be turned into a plan: check them on the Sessions screen. { $reason }
reset-text-protocol = Your stored protocol choice, { $stored }, could not be used, so the default protocol is followed until you choose yours again. { $reason }

## err: every refusal a client can meet, worded from its problem (logic.ts `problemText`)
error-not-found = That is no longer here: { $message }
error-io = The file could not be saved: { $message }
error-what-file-name = the file name
error-what-protocol-file = the protocol file
error-what-protocol-id = the protocol id
error-what-date = the date
error-what-care-id = the care id
error-what-reminder-time = the reminder time
error-what-quiet-start = the start of quiet hours
error-what-quiet-end = the end of quiet hours
error-what-zone = the time zone
error-what-language = the language
error-what-clinic-name = the clinic's name
error-what-clinic-phone = the clinic's phone
error-what-clinic-email = the clinic's email
error-what-clinic-address = the clinic's address
error-what-note = the note
error-what-photo-id = a photo's id
error-what-file-path = the file's path
error-too-long = { $what } is too long: at most { $most } { $unit ->
    [bytes] bytes
   *[characters] characters
  }.
error-range-backwards = { $to } is before { $from }: give the earlier date first.
error-range-too-long = { $from } to { $to } is { $days } days; ask for at most { $most } at a time.
error-too-many-sessions = A plan holds at most { $most } sessions; delete one before booking another.
error-too-many-photos = A check-in holds at most { $most } photos; remove { $over } to save it.
error-photo-too-large = This photo is too large ({ $megabytes } MB): at most { $most } MB.
error-photo-not-an-image = This file is not a photo the app can read: choose a JPEG, PNG or WebP photo.
error-photo-empty = This file is empty: choose a JPEG, PNG or WebP photo.
error-photo-heic = This is a HEIC photo, which the app can't read yet: choose a JPEG, PNG or WebP photo. On an iPhone, Settings › Camera › Formats › Most Compatible takes JPEG photos; on Android, turn off HEIF in the camera's settings.
error-photo-avif = This is an AVIF image, which the app can't read yet: choose a JPEG, PNG or WebP photo.
error-photo-video = This is a video, not a photo: choose a JPEG, PNG or WebP photo.
error-photo-gif = This is a GIF image, not a photo the app can read: choose a JPEG, PNG or WebP photo.
error-photo-pdf = This is a PDF document, not a photo the app can read: choose a JPEG, PNG or WebP photo.
error-photo-tiff = This is a TIFF or camera raw file, not a photo the app can read: choose a JPEG, PNG or WebP photo.
error-photo-bmp = This is a BMP image, not a photo the app can read: choose a JPEG, PNG or WebP photo.
error-photo-zip = This is a ZIP archive or office document, not a photo the app can read: choose a JPEG, PNG or WebP photo.
error-photo-text = This is a text file, not a photo the app can read: choose a JPEG, PNG or WebP photo.
error-photo-unreadable = This photo is of a kind the app can't read: choose another photo, or save it again as JPEG.
error-photo-too-big = This photo is too large for the app to open: choose a smaller photo.
error-photo-damaged = This photo is cut off or damaged (it may not have finished copying): choose it again, or another photo.
error-photo-not-saved = The photo could not be saved on this device: try adding it again.
error-photo-incomplete = The photo did not arrive whole; try adding it again.
error-photo-gone = Photo { $number } is no longer on this device: add it again.
error-too-many-days = { $asked } days were asked for, and your journal has { $held ->
    [one] { $held } check-in
   *[other] { $held } check-ins
  }.
error-no-day-chosen = Choose at least one day to share.
error-no-check-in = There is no check-in on { $date }.
error-no-session-check-in = Check-ins start with your first session: enter its date first.
error-no-session-calendar = Add your first session before exporting a calendar.
error-no-session-care = There is no care to tick off before your first session is entered.
error-check-in-too-early = { $date } hasn't come yet: check in on the day.
error-check-in-too-late = Check-ins can be changed on their day and the next; { $date } is past that.
error-nothing-to-tick = “{ $label }” has nothing to tick off: your clinic doesn't ask for it several times a day.
error-ticks-full-clinic = “{ $label }” is already ticked off { $most } times today, the most your clinic asks for.
error-ticks-full-app = “{ $label }” is already ticked off { $most } times today, the most the app counts in a day.
error-not-asked-today = “{ $care }” is not asked for today.
error-quiet-hours-empty = Quiet hours from { $start } to { $end } cover no time; choose a different end.
error-unknown-language = “{ $text }” is not a language the app speaks: choose the device's language, English or Spanish.
error-not-a-phone = “{ $text }” is not a phone number: use digits, spaces and + - ( ).
error-not-an-email = “{ $text }” is not an email address such as clinic@example.com.
error-launch-at-login = Could not change launch at login: { $detail }
error-not-a-date = “{ $text }” is not a date.
error-not-a-time = “{ $text }” is not a time: use hours and minutes on a 24-hour clock, such as 09:00.
error-unknown-zone = “{ $text }” is not a time zone the app knows: use a name such as Europe/London.
error-unknown-protocol = “{ $id }” is not one of the app's plans: choose one from the list.
error-no-sessions = A plan needs at least one session date.
error-session-twice = The session on { $date } is given twice.
error-planned-out-of-range = The number of planned sessions must be from 1 to { $most }, not { $planned }.
error-planned-too-few = { $sessions } sessions are booked but only { $planned ->
    [one] { $planned } is
   *[other] { $planned } are
  } planned.
error-not-a-protocol = { $file ->
    [pdf] This is a PDF, not a protocol file
    [png] This is a picture (PNG), not a protocol file
    [jpeg] This is a photo (JPEG), not a protocol file
    [gif] This is a picture (GIF), not a protocol file
    [webp] This is a picture (WebP), not a protocol file
   *[binary] This file is not text, so it is not a protocol file
  }: ask your clinic for their .toml protocol, or pick one of the plans above.
error-handover-not-a-link = This is not an SMP Aftercare plan link. Copy the whole link your clinic sent you, or ask them for a new one.
error-handover-damaged = { $from ->
    [link] This link is damaged or was changed after your clinic made it. Ask your clinic for a new one.
   *[file] This plan file is damaged or was changed after your clinic made it. Ask your clinic for a new one.
  }
error-handover-too-long = This link is too long to be a plan link. Ask your clinic for their .smpplan file instead.
error-handover-too-large = This file is too large to be a plan file. Ask your clinic for their .smpplan file or link.
error-handover-newer = Your clinic made this plan with a newer version of SMP Aftercare. Update the app, then open the plan again.
error-handover-not-a-plan = This file is not a plan file. Ask your clinic for their .smpplan file or link.
error-handover-pdf = This is a PDF, not a plan file. Ask your clinic for their .smpplan file or link.
error-handover-picture = This is a picture, not a plan file. Ask your clinic for their .smpplan file or link.
error-handover-binary = This file is not text, so it is not a plan file. Ask your clinic for their .smpplan file or link.
error-handover-nonsense = { $from ->
    [link] The plan in this link doesn't make sense, so the app can't use it. Ask your clinic for a new one.
   *[file] The plan in this file doesn't make sense, so the app can't use it. Ask your clinic for a new one.
  }
error-handover-detail = Details for your clinic: { $detail }
error-plan-changed = The plan changed since you saw it; open it again.
error-file-unreadable = “{ $name }” cannot be opened ({ $reason }).
error-not-a-file = “{ $name }” is not a file.
