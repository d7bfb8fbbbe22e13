//! Which characters keep text inert, in one place.
//!
//! Clinic text (protocol names, summaries, notes, labels) and user input
//! leave the app through notifications, calendars and terminals. Each sink
//! has its own escaping function next to it (`calendar.rs` for `.ics`, the
//! CLI's `render.rs` for terminals, the app's notifier for notification
//! markup); they and protocol validation agree on what is unsafe through
//! the predicates here:
//!
//! - [`is_control`]: C0 and C1 control characters, DEL, and the Unicode
//!   line and paragraph separators. They move a terminal's cursor, recolour
//!   it (ESC), end an iCalendar line (CR) or cut a C string (NUL).
//! - [`is_bidi_control`]: the explicit bidirectional embeddings, overrides
//!   and isolates (U+202A-U+202E, U+2066-U+2069), which make text read in
//!   an order other than the one stored ("Trojan Source").
//! - [`is_invisible`]: whitespace and Unicode's default-ignorable code
//!   points (zero-width space, soft hyphen, variation selectors, fillers):
//!   a text made only of these looks empty where it is shown.
//!
//! The engine refuses the first two, and invisible-only text, in every
//! protocol string; the sinks still neutralise them, so that text from
//! elsewhere (a command-line value, a file name) stays inert too.

/// A control character: C0 (including tab, line feed, CR, ESC, NUL), DEL,
/// C1, or a Unicode line or paragraph separator (U+2028, U+2029).
///
/// ```
/// use aftercare::text::is_control;
///
/// assert!(is_control('\r') && is_control('\u{1b}') && is_control('\0'));
/// assert!(is_control('\u{2028}'));
/// assert!(!is_control('a') && !is_control('é') && !is_control(' '));
/// ```
pub fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// An explicit bidirectional formatting character: LRE, RLE, PDF, LRO, RLO
/// (U+202A-U+202E) and LRI, RLI, FSI, PDI (U+2066-U+2069). The implicit
/// marks (LRM, RLM, ALM) are not: they cannot reorder text around them.
///
/// ```
/// use aftercare::text::is_bidi_control;
///
/// assert!(is_bidi_control('\u{202e}') && is_bidi_control('\u{2066}'));
/// assert!(!is_bidi_control('\u{200f}') && !is_bidi_control('a'));
/// ```
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Shows nothing: whitespace, or a default-ignorable code point
/// (Unicode's `Default_Ignorable_Code_Point`, which renderers draw as
/// nothing: zero-width spaces and joiners, soft hyphen, word joiner,
/// byte-order mark, variation selectors, Hangul fillers, tags).
///
/// ```
/// use aftercare::text::is_invisible;
///
/// assert!(is_invisible(' ') && is_invisible('\u{200b}') && is_invisible('\u{feff}'));
/// assert!(!is_invisible('a') && !is_invisible('.'));
/// ```
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Neither a control character nor a bidirectional control: safe to pass
/// on as it is to any sink that escapes its own syntax.
///
/// ```
/// use aftercare::text::is_inert;
///
/// assert!("Rinse, then dry — gently".chars().all(is_inert));
/// assert!(!is_inert('\u{1b}') && !is_inert('\u{202e}'));
/// ```
pub fn is_inert(c: char) -> bool {
    !is_control(c) && !is_bidi_control(c)
}
