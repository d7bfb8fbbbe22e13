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
