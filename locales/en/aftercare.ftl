# The engine's and the CLI's texts in English, the default and the fallback.
# Every id here must exist in locales/es/aftercare.ftl with the same
# placeables, and be used by the code: tests/messages.rs checks both.
# Texts are plain (no markup); see docs/developer/i18n.md.

## Lists. $sound is "i" or "o" when the last item starts with that sound
## (Spanish writes "e"/"u" then); English ignores it.

list-and = { $head } { $sound ->
   *[other] and
} { $last }
list-or = { $head } { $sound ->
   *[other] or
} { $last }
list-nor = { $head } { $sound ->
   *[other] or
} { $last }
list-comma = { $head }, { $last }

## Where a date stands in the plan (Plan::day_label).

day-label-before-first = Before your first session
day-label-session = Day of session { $session }
day-label-after = Day { $day } after session { $session }

## How often a care item is done (Repeat::per_day_text) and its nudges.

care-times-range = { $min }-{ $max } times a day
care-times-exact = { $min ->
    [1] once a day
    [2] twice a day
   *[other] { $min } times a day
}
care-times-at-least = { $min ->
    [1] at least once a day
    [2] at least twice a day
   *[other] at least { $min } times a day
}
care-nudge-none = Not ticked off yet today; your clinic asks for { $often }.
care-nudge-some = Ticked off { $done } so far today; your clinic asks for { $often }.

## Activities, one message per form, selected by the activity's id.

# a short name for lists (Activity::label)
activity-label = { $activity ->
   *[wash] Washing
    [wet] Getting your scalp wet
    [rinse] Rinsing
    [shave] Shaving
    [haircut] Haircut
    [moisturise] Moisturiser
    [exercise] Light exercise
    [sweat] Heavy exercise and sweating
    [swim] Swimming
    [sauna] Sauna and steam
    [sun] Sun on your scalp
    [sunbed] Sunbeds
    [woolly_hat] Woolly hats
    [hair_colour] Hair colour
    [bath] Bath soak
    [alcohol] Alcohol
    [stimulants] Stimulant drinks
    [aspirin] Aspirin and blood thinners
}
# what the client does, after "you may" (Activity::verb)
activity-verb = { $activity ->
   *[wash] wash your hair
    [wet] get your scalp wet
    [rinse] rinse your scalp
    [shave] shave
    [haircut] have your hair cut
    [moisturise] moisturise
    [exercise] exercise lightly
    [sweat] exercise hard and sweat
    [swim] swim
    [sauna] use a sauna or steam room
    [sun] spend time in the sun
    [sunbed] use a sunbed
    [woolly_hat] wear a woolly hat
    [hair_colour] colour your hair
    [bath] soak in a bath
    [alcohol] drink alcohol
    [stimulants] have stimulant drinks
    [aspirin] take aspirin
}
# what the client avoids, after "no" (Activity::noun)
activity-noun = { $activity ->
   *[wash] washing or shampoo
    [wet] wetting your scalp
    [rinse] rinsing
    [shave] shaving
    [haircut] haircuts
    [moisturise] moisturiser
    [exercise] exercise
    [sweat] heavy sweating
    [swim] swimming
    [sauna] saunas and steam rooms
    [sun] sun on your scalp
    [sunbed] sunbeds
    [woolly_hat] woolly hats
    [hair_colour] hair colouring
    [bath] baths
    [alcohol] alcohol
    [stimulants] stimulant drinks
    [aspirin] aspirin
}
# the short word of a headline, before "again"
activity-again = { $activity ->
   *[wash] wash
    [wet] get wet
    [rinse] rinse
    [shave] shave
    [haircut] haircuts
    [moisturise] moisturise
    [exercise] exercise
    [sweat] exercise hard
    [swim] swim
    [sauna] sauna
    [sun] sun
    [sunbed] sunbeds
    [woolly_hat] woolly hats
    [hair_colour] hair colour
    [bath] baths
    [alcohol] alcohol
    [stimulants] energy drinks
    [aspirin] aspirin
}
# the short noun of headlines and points: "no …", "… as usual"
activity-short = { $activity ->
   *[wash] washing
    [wet] getting your scalp wet
    [rinse] rinsing
    [shave] shaving
    [haircut] haircuts
    [moisturise] moisturiser
    [exercise] exercise
    [sweat] hard exercise
    [swim] swimming
    [sauna] saunas
    [sun] sun on your scalp
    [sunbed] sunbeds
    [woolly_hat] woolly hats
    [hair_colour] hair colour
    [bath] baths
    [alcohol] alcohol
    [stimulants] stimulant drinks
    [aspirin] aspirin
}

## Milestones (src/milestone/wording.rs). Headlines are at most 40
## characters; points are short sentences.

milestone-name-session = Session { $session } of { $planned }
milestone-name-touch-up = Touch-up due
milestone-name-healed = Day { $day }: fully healed
milestone-name-restrictions-over = Day { $day }: restrictions over
milestone-name-and-countdown = { $name } ({ $countdown })
milestone-countdown = { $days ->
    [1] the day before session { $session }
   *[other] { $days } days before session { $session }
}
headline-session-today = Session { $session } today
headline-session-tomorrow = Tomorrow: session { $session }
headline-touch-up = Time for a touch-up
headline-days-to-session = { $days } days to session { $session }
headline-day = Day { $day }
headline-news = { $prefix }: { $news }
news-again = { $list } again
news-as-usual = { $list } as usual
news-no = no { $list }
news-care-with = care with { $list }
news-fully-healed = fully healed
news-restrictions-over = restrictions over
news-touch-up = time for a touch-up
news-get-ready = get ready
news-care-to-start = care to start
point-again-with-care = { $verb } again.
point-again-with-care-note = { $verb } again ({ $note }).
point-limit = Limit { $noun }.
point-limit-note = Limit { $noun } ({ $note }).
point-may-again = You may { $list } again.
point-no-more-limits = No more limits on { $list }.
# $from is "today" (a day after a session) or "now" (a session's own day or
# the day before); $until says how long: $day is the day it ends on.
point-no = { $from ->
    [today] From today, no
   *[now] No
} { $list } { $until ->
    [day] until day { $day }.
    [unsaid] up to day { $day }; after that, ask your clinic.
    [next-session] until your next session.
    [after-next-session] until after your next session.
    [today-or-tomorrow] today or tomorrow.
    [session-over] until your session is over.
    [session] until your session.
   *[for-now] for now.
}
point-session-today = Your session { $session } of { $planned } is today.
point-session-tomorrow = Your session { $session } of { $planned } is tomorrow.
point-step = { $step }.
point-from-today = From today: { $care }.
point-from-today-note = From today: { $care } ({ $note }).
point-today = Today: { $list }.
point-healed = Your clinic counts your scalp as fully healed.
point-restrictions-over = Your clinic's restrictions are over.
point-touch-up = It is { $years } years since your final session: a good time to book a touch-up with your clinic.

## Reminders (src/reminder.rs): a body is at most 180 characters.

reminder-before-you-come = Before you come: { $point }
reminder-more = … and { $count } more in the app.

## The calendar export (src/calendar.rs).

calendar-name = SMP aftercare: { $protocol }
calendar-session = SMP session { $session } of { $planned }
calendar-avoid = Avoid: { $label }
calendar-with-care = With care: { $label }
calendar-with-care-lasting = With care from now on: { $label }
calendar-note = { $note }.
calendar-note-until-next-session = { $note }. Until your next session.
calendar-note-until-after-next-session = { $note }. Until after your next session.
calendar-note-for-good = { $note }. For good.

## Red-flag cards (src/red_flag.rs). $symptom is the symptom's id; $when is
## "day" (with $day, and $still "yes" where the clinic expects it on the
## first days), "session-day" or "before" (the next session).

red-flag-headline = { $when ->
    [session-day] { $symptom ->
        [itching] Itchy
        [scabs] Scabbing
        [soreness] Sore
        [swelling] Swollen
        [sunburn] Sunburnt
       *[redness] Red
    } on your session day
    [before] { $symptom ->
        [itching] Itchy
        [scabs] Scabbing
        [soreness] Sore
        [swelling] Swollen
        [sunburn] Sunburnt
       *[redness] Red
    } before your next session
   *[day] { $still ->
        [yes] Still { $symptom ->
            [itching] itchy
            [scabs] scabbing
            [soreness] sore
            [swelling] swollen
            [sunburn] sunburnt
           *[redness] red
        }
       *[no] { $symptom ->
            [itching] Itchy
            [scabs] Scabbing
            [soreness] Sore
            [swelling] Swollen
            [sunburn] Sunburnt
           *[redness] Red
        }
    } on day { $day }
}
red-flag-infection-headline = Watch for signs of infection
red-flag-infection-meaning = General guidance, not your clinic's: redness that spreads, heat, pus or a fever can be signs of infection.
red-flag-infection-action = If you notice any of them, see a doctor today.

## What looks wrong with a plan (src/warning.rs).

warning-planned-out-of-range = { $planned ->
    [1] 1 session is
   *[other] { $planned } sessions are
} planned; your clinic's plan has { $min } to { $max }. Check with your clinic.
warning-gap-short = Session { $later } is { $gap } { $gap ->
    [1] day
   *[other] days
} after session { $earlier }; your clinic's plan spaces sessions at least { $limit } days apart. Check the date with your clinic.
warning-gap-long = Session { $later } is { $gap } { $gap ->
    [1] day
   *[other] days
} after session { $earlier }; your clinic's plan spaces sessions at most { $limit } days apart. Check the date with your clinic.
warning-prep-clash = Your scalp is still healing from session { $earlier }: ask your clinic before you { $verbs } for session { $session }.

## The key days a protocol picker shows (src/protocol/key_days.rs).

key-day-name = { $activity ->
    [shave] Shave
    [sweat] Sweat
    [swim] Swim
   *[wash] Wash
}
# $form: how the activity comes back; $day, and $last for the last visit.
key-day = { $form ->
    [ask-clinic-from] { $name }: ask your clinic from day { $day }
    [until-next-visit] { $name }: not until your next visit
    [not-said] { $name }: not said
    [both] { $name } from day { $day } (day { $last } after your last visit)
    [after-last-visit] { $name } from day { $day } after your last visit
    [between-visits] { $name } from day { $day } between visits
   *[from] { $name } from day { $day }
}

## Today's status (src/status.rs).

status-get-ready = Get ready for session { $session }

## The command line (src/bin/aftercare/). Dates come from the locale.

cli-today = today
cli-tomorrow = tomorrow
cli-yesterday = yesterday
cli-in-days = in { $days } days
cli-days-ago = { $days } days ago
cli-default = { $name } (default)
cli-checked = { $path }: ok: "{ $name }" ({ $id }), { $rules } rules, { $care } care items, { $usual } sessions usually
cli-heading-day = { $date }: day { $day } after session { $session } of { $planned }
cli-heading-before = { $date }: before your first session ({ $when })
cli-protocol = Protocol: { $name } ({ $zone })
cli-new-today = New today: { $headline }
cli-from-date = from { $date } ({ $when })
cli-until-after-next-session = until after your next session
cli-until-next-session = until your next session
cli-ask-clinic-about = ask your clinic about { $date }
cli-not-yet = Not yet
cli-with-care = With care
cli-with-care-note = with care
cli-freely-from = (freely from { $date })
cli-ask-clinic-about-brackets = (ask your clinic about { $date })
cli-for-good = (for good)
cli-ok-now = OK now
cli-todays-care = Today's care
cli-for-now = for now: { $condition }
cli-next = Next: { $date } ({ $when })
cli-plan-heading = { $name }: { $booked } of { $planned } sessions booked ({ $zone })
cli-session-date = Session { $session }: { $date }
cli-final = { $text } (final)
cli-fully-healed = Fully healed: { $date }
cli-restrictions-over = Restrictions over: { $date }
cli-touch-up-due = Touch-up due: { $date }
cli-check-with-clinic = Check with your clinic
cli-reminders-in = Reminders in { $zone }:
cli-no-session-ahead = No session is booked ahead.
cli-getting-ready = Getting ready for session { $session } on { $date } ({ $when })
cli-nothing-to-prepare = Nothing to prepare.
cli-prep-kind = { $kind ->
    [avoid] avoid
    [care] care
   *[do] do
}
cli-prep-to-session-day = to the session day
cli-prep-to-day-before = to the day before
cli-prep-now = now
cli-prep-from = from { $date }
cli-chart-heading = { $from } to { $to } ({ $days } days)
cli-chart-today = Today: { $date }
cli-chart-status = { $status ->
    [avoid] avoid
    [limited] with care
    [ok] OK
   *[unsaid] not mentioned
}
cli-chart-and-on = and on

## "Can I…?" topics (src/words.rs).

topic-label = { $topic ->
    [caps] Caps and silk hats
    [redness] Redness
    [itching] Itching
    [scabs] Scabs and flaking
    [swelling] Swelling
    [soreness] Soreness
   *[pain_relief] Pain relief
}

# `aftercare open`: what a plan file or link holds (labels line up in one column).
cli-open-protocol = Protocol
cli-open-builtin = { $name } ({ $id }, built in)
cli-open-inline = { $name } ({ $id }, the clinic's own)
cli-open-sessions = Sessions
cli-open-planned = Planned
cli-open-usual-count = { $planned } (the protocol's usual count)
cli-open-zone = Zone
cli-open-zone-none = not given (the phone's own)
cli-open-clinic = Clinic
cli-open-phone = Phone
cli-open-email = Email
cli-open-address = Address
cli-open-link = Link
cli-open-link-too-long = too long for a link or QR code; share the file

## Errors: the engine's (src/error_text.rs, `Error::message_in`, exactly
## its English Display) and the CLI's own (src/bin/aftercare/). Lower case:
## they follow "aftercare: ". $value, $field and $path arrive quoted by
## `error-quote`; the detail of protocol and plan-file errors stays English.

# a value as the user gave it, escaped ($text holds no raw control characters)
error-quote = "{ $text }"
error-invalid-date = invalid date { $value }: { $reason } (expected YYYY-MM-DD)
error-date-not-in-form = not in the form YYYY-MM-DD
error-date-no-such-day = there is no such day in the calendar
error-date-unsupported = outside the supported years 1970-2199
error-invalid-time = invalid time { $value }: expected HH:MM on a 24-hour clock, such as 09:00
error-unknown-zone = unknown time zone { $value }: expected an IANA zone name such as Europe/London
error-unknown-protocol = unknown protocol { $value } (built-in protocols: { $known })
# where a protocol or plan file is wrong; $detail is the validator's English
error-at-line-field = { $source }: line { $line }, field { $field }: { $detail }
error-at-line = { $source }: line { $line }: { $detail }
error-at-field = { $source }, field { $field }: { $detail }
error-at = { $source }: { $detail }
error-no-sessions = a plan needs at least one session date
error-duplicate-session = session { $date } is given twice
error-planned-range = planned sessions must be between 1 and { $max }, got { $planned }
error-planned-too-few = { $sessions } sessions are given but only { $planned } { $planned ->
        [one] is
       *[other] are
    } planned
error-plan-link = plan link: { $detail }
cli-error-planned-count = invalid planned count { $value }: expected a whole number such as 3
cli-error-read-protocol = cannot read protocol file { $path }: { $reason }
cli-error-read-plan = cannot read plan file { $path }: { $reason }
cli-error-write = cannot write { $path }: { $reason }
# the reasons of the three above; other system errors stay as the system words them
cli-error-no-such-file = no such file
cli-error-permission-denied = permission denied
cli-error-not-a-file = not a file
cli-error-too-big = too big
cli-error-protocol-too-big = { $path }: the file is { $size } bytes; a protocol file may be at most { $max } bytes
cli-error-plan-too-big = { $path }: the file is { $size } bytes; a plan file may be at most { $max } bytes
# `share` without --out
cli-error-the-plan-file = the plan file
cli-error-plan-reads-back = { $name }: the plan reads back differently; please report this
cli-error-link-reads-back = the link reads back differently; please report this
cli-error-qr-too-big = the link does not fit a QR code ({ $reason }): share the .smpplan file instead
cli-error-write-output = could not write the output: { $reason }

## What a file picked as a protocol is instead (protocol/sniff.rs)
file-not-a-protocol = { $file ->
        [pdf] This is a PDF, not a protocol file
        [png] This is a picture (PNG), not a protocol file
        [jpeg] This is a photo (JPEG), not a protocol file
        [gif] This is a picture (GIF), not a protocol file
        [webp] This is a picture (WebP), not a protocol file
       *[binary] This file is not text, so it is not a protocol file
    }: ask your clinic for their .toml protocol, or pick one of the plans above.
