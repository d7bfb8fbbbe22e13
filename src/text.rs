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

/// A clinic's phone number as the app takes it: digits with the usual
/// separators (spaces, `+`, `-`, `(`, `)`, `.` and `/`), at least one
/// digit. A tap-to-call link keeps only the digits and `+`, so nothing
/// else can reach the phone's dialler.
///
/// ```
/// use aftercare::text::is_phone_number;
///
/// assert!(is_phone_number("+44 (0)20 7946-0000") && is_phone_number("020/7946.0000"));
/// assert!(!is_phone_number("call me") && !is_phone_number("+ ( )"));
/// assert!(!is_phone_number("+44;phone-context=javascript:alert(1)"));
/// ```
pub fn is_phone_number(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-()./".contains(c))
}

/// A clinic's email address as the app takes it: one `@`, a local part of
/// letters, digits and the characters RFC 5322 allows unquoted
/// (``!#$%&'*+-/=?^_`{|}~`` and inner dots), and a domain of at least two
/// labels of letters, digits and hyphens. Letters may be any script's
/// (internationalised addresses). Quoted local parts, comments and
/// address literals are refused: no clinic needs them, and `<`, `>`, `"`,
/// `:` and `,` are how a `mailto:` link would be made to do more than
/// write to one address.
///
/// ```
/// use aftercare::text::is_email_address;
///
/// assert!(is_email_address("desk@hairline.example"));
/// assert!(is_email_address("o'neil+smp@clínica.example"));
/// for bad in ["desk", "desk@", "@clinic.example", "desk@clinic", "a@b@c.example",
///             "a b@c.example", "\"<script>\"@x.example", "javascript:alert(1)@x.example",
///             "a@x.example,b@y.example", "a@x.example?cc=b@y.example", ".a@x.example",
///             "a..b@x.example", "a@-x.example", "a@x..example"] {
///     assert!(!is_email_address(bad), "{bad}");
/// }
/// ```
pub fn is_email_address(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let atext = |c: char| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    let local_ok = !local.is_empty()
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(atext));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}
