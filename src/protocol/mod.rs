//! Clinic protocols: the rules of one clinic, read from a TOML file.
//!
//! The file format is documented for clinics in `docs/protocol-format.md`.
//! Reading happens in two steps, one module each: serde turns the text into
//! raw structs that keep the position of every value (`raw`), then
//! `validate` checks what serde cannot (day windows, statuses, ids) and
//! reports the line and field of whatever is wrong. This module holds the
//! model the rest of the engine reads.

mod key_days;
pub(crate) mod raw;
mod sniff;
mod validate;

pub use key_days::{KeyDay, Lift};
pub use sniff::FileKind;

// The plan file (`crate::handover`) carries a whole protocol as a table and
// reads it with the same raw structs and checks, so its errors name lines of
// the plan file.
pub(crate) use raw::{RawProtocol, field_in, line_of, parse_message};

use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::activity::{Activity, Allowance};
use crate::error::Error;
use crate::lang::Lang;
use crate::red_flag::RedFlag;
use crate::words::Topic;

/// The largest protocol file the engine reads. Real protocols are a few
/// kilobytes; the limit keeps an imported file from holding anything else.
pub const MAX_PROTOCOL_BYTES: usize = 64 * 1024;

/// The most care items a protocol may have: the engine keeps a day's care
/// items as a 64-bit set. Real protocols have about ten.
pub const MAX_CARE_ITEMS: usize = 64;

/// The most times a day a care item may ask for (and be ticked): more
/// than a dozen is a typo, not a clinic's routine.
pub const MAX_TIMES_PER_DAY: u32 = 12;

/// The longest note, label or name, in characters: they are shown on a phone.
pub(crate) const MAX_TEXT_CHARS: usize = 200;

/// The last day number a rule may name: a year and a day covers every
/// clinic text while catching typos such as `to_day = 3000`.
pub(crate) const MAX_DAY: u32 = 366;

/// One clinic's aftercare protocol.
///
/// # Example
///
/// ```
/// use aftercare::Protocol;
///
/// let text = r#"
/// format = 1
/// id = "demo"
/// name = "Demo clinic"
/// summary = "Two sessions, five dry days."
///
/// [sessions]
/// usual = 2
/// min = 2
/// max = 3
///
/// [[rule]]
/// activity = "wash"
/// status = "avoid"
/// scope = "after_each"
/// from_day = 1
/// to_day = 5
/// note = "keep your scalp dry"
/// "#;
/// let protocol = Protocol::from_toml("demo.toml", text).unwrap();
/// assert_eq!(protocol.id(), "demo");
/// assert_eq!(protocol.rules().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Protocol {
    id: String,
    name: String,
    summary: String,
    sessions: SessionSpec,
    #[serde(skip_serializing_if = "Option::is_none")]
    healed_after_days: Option<u32>,
    /// Derived: the day after the final session (day 1 = its day) from
    /// which the client counts as fully healed; see [`Protocol::healed_day`].
    healed_day: Option<u32>,
    /// Derived: see [`Protocol::restrictions_over_day`].
    restrictions_over_day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    touch_up_after_years: Option<u32>,
    // The lists are shared, not copied, by every clone: a plan takes its
    // protocol by value, and the app builds a plan after every change
    // from the one protocol it loaded (copying every rule's note was a
    // tenth of building a plan).
    #[serde(serialize_with = "shared")]
    #[cfg_attr(feature = "specta", specta(type = Vec<Rule>))]
    rules: Arc<[Rule]>,
    #[serde(serialize_with = "shared")]
    #[cfg_attr(feature = "specta", specta(type = Vec<CareItem>))]
    care: Arc<[CareItem]>,
    #[serde(serialize_with = "shared")]
    #[cfg_attr(feature = "specta", specta(type = Vec<Advice>))]
    advice: Arc<[Advice]>,
    /// Not sent to the app as part of the protocol: it receives the cards
    /// a check-in matches ([`crate::Plan::red_flags`]), never the rules.
    #[serde(skip)]
    red_flags: Arc<[RedFlag]>,
    /// Derived: the activities the rules name, in [`Activity::ALL`] order
    /// ([`Protocol::activities`]), found once per protocol rather than
    /// once per plan.
    #[serde(skip)]
    activities: Arc<[Activity]>,
    /// The default language of the file's texts (`lang`, else English).
    #[serde(skip)]
    lang: Lang,
    /// The language the texts above are in ([`Protocol::in_lang`]).
    #[serde(skip)]
    text_lang: Lang,
    /// The text read, so that [`Protocol::in_lang`] can read it again in
    /// another language.
    #[serde(skip)]
    source: Arc<Source>,
    /// The milestone texts its plans have worded, shared by every clone
    /// (see `milestone::Worded`); provenance-free and not compared.
    #[serde(skip)]
    worded: Arc<crate::milestone::Worded>,
    /// This protocol in each other language, read once
    /// ([`Protocol::in_lang`]) and shared by every clone.
    #[serde(skip)]
    in_langs: Arc<InLangs>,
}

/// A protocol in each language of [`Lang::ALL`], read when first asked.
#[derive(Default)]
pub(crate) struct InLangs([OnceLock<Protocol>; Lang::ALL.len()]);

impl fmt::Debug for InLangs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InLangs")
    }
}

/// The same protocol read in other languages is not part of what it says.
impl PartialEq for InLangs {
    fn eq(&self, _: &InLangs) -> bool {
        true
    }
}

impl Eq for InLangs {}

/// Serializes a shared list as the list itself.
fn shared<S: serde::Serializer, T: Serialize>(list: &Arc<[T]>, s: S) -> Result<S::Ok, S::Error> {
    list.as_ref().serialize(s)
}

/// The file a protocol was read from.
#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) name: String,
    pub(crate) text: String,
}

/// Where a protocol was read from is provenance, not content: the same
/// protocol read from a clinic's file, from a plan file or from a link
/// (each with its own name and comments) is the same protocol, and the
/// hand-over's round trips rely on that.
impl PartialEq for Source {
    fn eq(&self, _: &Source) -> bool {
        true
    }
}

impl Eq for Source {}

/// How many sessions a protocol expects and how far apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SessionSpec {
    /// The number most clients have.
    pub usual: u32,
    /// The fewest.
    pub min: u32,
    /// The most.
    pub max: u32,
    /// Fewest days from one session to the next, where the clinic says.
    pub min_gap_days: Option<u32>,
    /// Most days from one session to the next, where the clinic says.
    pub max_gap_days: Option<u32>,
}

/// When a rule or care item holds, relative to the sessions.
///
/// Day numbers count as clinics do: day 1 is the day of the treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum Window {
    /// Days `from_day..=to_day` after every session; `to_day: None` is open-ended.
    AfterEach {
        /// First day.
        from_day: u32,
        /// Last day, inclusive.
        to_day: Option<u32>,
    },
    /// From `from_day` after a session until the day before the next booked
    /// one (capped at `to_day`); open-ended while the next one is planned but
    /// not booked. Never after the final session.
    Between {
        /// First day.
        from_day: u32,
        /// Last day, inclusive, if earlier than the next session.
        to_day: Option<u32>,
    },
    /// Days after the final session only, on top of [`Window::AfterEach`].
    AfterFinal {
        /// First day.
        from_day: u32,
        /// Last day, inclusive.
        to_day: Option<u32>,
    },
    /// The `days_before` calendar days before each booked session, and the
    /// session's own day when `session_day` is set.
    BeforeEach {
        /// How many days before the session the window opens.
        days_before: u32,
        /// Whether the session's own day is included.
        session_day: bool,
    },
}

impl Window {
    /// The window's scope.
    ///
    /// ```
    /// use aftercare::{Scope, Window};
    ///
    /// let w = Window::Between { from_day: 6, to_day: None };
    /// assert_eq!(w.scope(), Scope::Between);
    /// assert_eq!(w.scope().id(), "between");
    /// ```
    pub fn scope(&self) -> Scope {
        match self {
            Window::AfterEach { .. } => Scope::AfterEach,
            Window::Between { .. } => Scope::Between,
            Window::AfterFinal { .. } => Scope::AfterFinal,
            Window::BeforeEach { .. } => Scope::BeforeEach,
        }
    }
}

/// Which sessions a window hangs on, as written in a file's `scope` field.
///
/// ```
/// use aftercare::Scope;
///
/// assert_eq!("after_final".parse::<Scope>(), Ok(Scope::AfterFinal));
/// assert_eq!(
///     "after_all".parse::<Scope>().unwrap_err(),
///     "unknown scope \"after_all\" (expected after_each, between, after_final or before_each)",
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Counted from every session.
    AfterEach,
    /// From a session until the day before the next booked one.
    Between,
    /// Counted from the final session only.
    AfterFinal,
    /// Counted back from every booked session.
    BeforeEach,
}

impl Scope {
    /// Every scope, in the order files document them.
    pub const ALL: [Scope; 4] = [
        Scope::AfterEach,
        Scope::Between,
        Scope::AfterFinal,
        Scope::BeforeEach,
    ];

    /// The id used in files: `after_each`, `between`, `after_final`, `before_each`.
    pub fn id(self) -> &'static str {
        match self {
            Scope::AfterEach => "after_each",
            Scope::Between => "between",
            Scope::AfterFinal => "after_final",
            Scope::BeforeEach => "before_each",
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Scope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scope::ALL
            .into_iter()
            .find(|scope| scope.id() == s)
            .ok_or_else(|| {
                format!(
                    "unknown scope {s:?} (expected after_each, between, after_final or before_each)"
                )
            })
    }
}

/// What a protocol says about one activity in one window of days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rule {
    /// The activity concerned.
    pub activity: Activity,
    /// How far it is allowed during the window.
    pub status: Allowance,
    /// When the rule holds.
    #[serde(flatten)]
    pub window: Window,
    /// A short note; for `limited`, the condition ("foil shaver only").
    pub note: String,
}

/// Something to do, such as moisturising or sun cream, during a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CareItem {
    /// A `snake_case` id, unique within the protocol.
    pub id: String,
    /// A short imperative phrase: "Moisturise your scalp".
    pub label: String,
    /// A short detail: "2-3 times a day".
    pub note: Option<String>,
    /// The activity the item involves, if any. The item is only asked for
    /// on days that activity is not avoided: preparation for the next
    /// session may overlap the first days after the last one, and a client
    /// must never be told to moisturise while moisturiser is still off limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
    /// When to do it.
    #[serde(flatten)]
    pub window: Window,
    /// Whether it is done several times a day, and how often, where the
    /// clinic says (`times_per_day` or `repeat = true` in the file). Only
    /// such items can be ticked off in the app.
    pub repeat: Option<Repeat>,
}

/// How often in a day a care item is done, where the clinic says so.
///
/// ```
/// use aftercare::Repeat;
///
/// let moisturise = Repeat::Times { min: 2, max: Some(3) };
/// assert_eq!(moisturise.most(), 3);
/// assert_eq!(moisturise.least(), Some(2));
/// assert_eq!(Repeat::AsNeeded.most(), aftercare::protocol::MAX_TIMES_PER_DAY);
/// assert_eq!(Repeat::AsNeeded.least(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Repeat {
    /// `min` to `max` times a day (`max: None`: "at least `min` times").
    Times {
        /// The fewest times a day the clinic asks for.
        min: u32,
        /// The most, where the clinic gives a range.
        max: Option<u32>,
    },
    /// As often as needed, with no count ("whenever your scalp is in the sun").
    AsNeeded,
}

impl Repeat {
    /// The most ticks a day can hold for this item: the clinic's `max`, or
    /// [`MAX_TIMES_PER_DAY`] where it gives none.
    pub fn most(self) -> u32 {
        match self {
            Repeat::Times { max: Some(max), .. } => max,
            Repeat::Times { max: None, .. } | Repeat::AsNeeded => MAX_TIMES_PER_DAY,
        }
    }

    /// The fewest times a day the clinic asks for, if it gives a count.
    pub fn least(self) -> Option<u32> {
        match self {
            Repeat::Times { min, .. } => Some(min),
            Repeat::AsNeeded => None,
        }
    }
}

/// What a clinic says about a [`Topic`] outside its dated rules: pain
/// relief, caps, or what is normal while the scalp heals.
///
/// ```
/// use aftercare::{Protocol, Topic};
///
/// let p = Protocol::builtin("four-to-thirty")?;
/// let redness = p.advice_on(Topic::Redness).unwrap();
/// assert_eq!(redness.note, "some redness for a few hours, sometimes a few days, is normal");
/// assert_eq!(Protocol::builtin("two-week-rest")?.advice_on(Topic::Redness), None);
/// # Ok::<(), aftercare::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Advice {
    /// The topic, at most once per protocol.
    pub topic: Topic,
    /// What the clinic says, in the app's words: one short line.
    pub note: String,
}

impl Protocol {
    /// Reads and validates a protocol from TOML text.
    ///
    /// `source_name` names the text in error messages (a path, usually).
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] naming the line and field of the first problem.
    ///
    /// ```
    /// use aftercare::Protocol;
    ///
    /// let text = "format = 1\nid = \"Bad Id\"\nname = \"N\"\nsummary = \"S\"\n\
    ///             [sessions]\nusual = 1\nmin = 1\nmax = 1\n";
    /// let err = Protocol::from_toml("x.toml", text).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "x.toml: line 2, field \"id\": \"Bad Id\" is not a valid id \
    ///      (use lowercase letters, digits and hyphens)",
    /// );
    /// ```
    pub fn from_toml(source_name: &str, text: &str) -> Result<Protocol, Error> {
        // Before the size: a PDF leaflet is usually too big too, and "this is
        // a PDF" is what the client needs to hear.
        if let Some(kind) = FileKind::of_text(text) {
            return Err(Error::NotAProtocol {
                source_name: source_name.to_string(),
                file: kind,
            });
        }
        if text.len() > MAX_PROTOCOL_BYTES {
            return Err(Error::protocol(
                source_name,
                None,
                None,
                format!(
                    "the file is {} bytes; a protocol file may be at most {} bytes",
                    text.len(),
                    MAX_PROTOCOL_BYTES
                ),
            ));
        }
        let raw: RawProtocol = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| line_of(text, span.start));
            let message = parse_message(e.message());
            let field = field_in(&message).map(str::to_string);
            Error::protocol(source_name, line, field.as_deref(), message)
        })?;
        validate::validate(source_name, text, raw, None)
    }

    /// The same protocol with every text shown to the client (name,
    /// summary, notes, labels, warnings' meanings) in `lang` where the file
    /// gives it, else in the file's default language ([`Protocol::lang`]),
    /// field by field.
    ///
    /// ```
    /// use aftercare::{Lang, Protocol};
    ///
    /// let text = r#"
    /// format = 1
    /// id = "demo"
    /// name.en = "Demo clinic"
    /// name.es = "Clínica de prueba"
    /// summary = "Two sessions, five dry days."
    ///
    /// [sessions]
    /// usual = 2
    /// min = 2
    /// max = 3
    ///
    /// [[rule]]
    /// activity = "wash"
    /// status = "avoid"
    /// scope = "after_each"
    /// from_day = 1
    /// to_day = 5
    /// note.en = "keep your scalp dry"
    /// note.es = "mantén el cuero cabelludo seco"
    /// "#;
    /// let protocol = Protocol::from_toml("demo.toml", text)?;
    /// assert_eq!(protocol.name(), "Demo clinic");
    /// let es = protocol.in_lang(Lang::Es);
    /// assert_eq!(es.name(), "Clínica de prueba");
    /// assert_eq!(es.rules()[0].note, "mantén el cuero cabelludo seco");
    /// // No Spanish summary: the default language's.
    /// assert_eq!(es.summary(), "Two sessions, five dry days.");
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn in_lang(&self, lang: Lang) -> Protocol {
        if lang == self.text_lang {
            return self.clone();
        }
        // Read once per language and kept: the app builds a plan in the
        // client's language after every edit.
        let cell = Lang::ALL
            .iter()
            .position(|l| *l == lang)
            .and_then(|i| self.in_langs.0.get(i));
        if let Some(read) = cell.and_then(OnceLock::get) {
            return read.clone();
        }
        // The text was read once without error, and reading it again
        // checks the same things; should it fail anyway, the texts stay
        // as they are rather than the plan failing (and nothing is kept:
        // a copy of itself would keep itself alive).
        let read = toml::from_str(&self.source.text).ok().and_then(|raw| {
            validate::validate(&self.source.name, &self.source.text, raw, Some(lang)).ok()
        });
        match (read, cell) {
            (Some(read), Some(cell)) => cell.get_or_init(|| read).clone(),
            (Some(read), None) => read,
            (None, _) => self.clone(),
        }
    }

    /// The default language of the file's texts: its `lang` field, English
    /// when it has none.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The language of the texts as they are now: [`Protocol::lang`] unless
    /// [`Protocol::in_lang`] chose another (texts the file does not give
    /// in it stay in the default language).
    pub fn text_lang(&self) -> Lang {
        self.text_lang
    }

    /// The TOML text the protocol was read from, as given.
    pub fn source_text(&self) -> &str {
        &self.source.text
    }

    /// Validates a protocol read as raw structs from `text`, which may be a
    /// larger file holding the protocol as one table (a plan file's
    /// `[inline_protocol]`): spans are into `text`, so lines come out right.
    pub(crate) fn from_raw(
        source_name: &str,
        text: &str,
        raw: RawProtocol,
    ) -> Result<Protocol, Error> {
        validate::validate(source_name, text, raw, None)
    }

    /// Reads a protocol from a file's bytes: a PDF, a picture or any other
    /// file that is not UTF-8 text is named as such ([`Error::NotAProtocol`])
    /// before TOML is tried; text goes on to [`Protocol::from_toml`].
    ///
    /// # Errors
    ///
    /// [`Error::NotAProtocol`], or those of [`Protocol::from_toml`].
    ///
    /// ```
    /// use aftercare::Protocol;
    ///
    /// let err = Protocol::from_bytes("leaflet.pdf", b"%PDF-1.7\n%\xE2\xE3").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "leaflet.pdf: This is a PDF, not a protocol file: ask your clinic for their \
    ///      .toml protocol, or pick one of the plans above.",
    /// );
    /// ```
    pub fn from_bytes(source_name: &str, bytes: &[u8]) -> Result<Protocol, Error> {
        let not_a_protocol = |file| Error::NotAProtocol {
            source_name: source_name.to_string(),
            file,
        };
        if let Some(kind) = FileKind::of_bytes(bytes) {
            return Err(not_a_protocol(kind));
        }
        // `of_bytes` found it to be UTF-8 text.
        let text = std::str::from_utf8(bytes).map_err(|_| not_a_protocol(FileKind::Binary))?;
        Protocol::from_toml(source_name, text)
    }

    /// The protocol's id, such as `four-to-thirty`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// One sentence for a picker.
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// Session count and spacing.
    pub fn sessions(&self) -> SessionSpec {
        self.sessions
    }

    /// Days after the final session at which the clinic calls the scalp
    /// fully healed, where it says.
    pub fn healed_after_days(&self) -> Option<u32> {
        self.healed_after_days
    }

    /// The day after the final session (day 1 = its day) on which every
    /// time-limited restriction that follows it is over; lasting advice is
    /// not counted. `None` when nothing is restricted after sessions.
    ///
    /// ```
    /// use aftercare::Protocol;
    ///
    /// // 002: "Avoid swimming/saunas and steam rooms for 28 days after your
    /// // final treatment" is the last restriction to end.
    /// assert_eq!(Protocol::builtin("four-day-dry")?.restrictions_over_day(), Some(29));
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn restrictions_over_day(&self) -> Option<u32> {
        self.restrictions_over_day
    }

    /// The day after the final session from which the client counts as fully
    /// healed, only where the clinic gives a healing time: the later of the
    /// clinic's figure and [`Protocol::restrictions_over_day`], so that every
    /// screen names the same day as the plan's [`Plan::healed_on`](crate::Plan::healed_on).
    ///
    /// ```
    /// use aftercare::Protocol;
    ///
    /// // 003: healed "three weeks after your final session" (day 22), but
    /// // swimming stays off to day 30: healed on day 31.
    /// let p = Protocol::builtin("four-to-thirty")?;
    /// assert_eq!((p.healed_after_days(), p.healed_day()), (Some(21), Some(31)));
    /// assert_eq!(Protocol::builtin("two-week-rest")?.healed_day(), None);
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn healed_day(&self) -> Option<u32> {
        self.healed_day
    }

    /// Years after the final session at which a touch-up is due, where the
    /// clinic says (the earliest of its range).
    pub fn touch_up_after_years(&self) -> Option<u32> {
        self.touch_up_after_years
    }

    /// The rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The care items, in file order.
    pub fn care(&self) -> &[CareItem] {
        &self.care
    }

    /// The advice, in file order: what the clinic said on topics no dated
    /// rule covers.
    pub fn advice(&self) -> &[Advice] {
        &self.advice
    }

    /// The advice on `topic`, where the clinic gives any.
    pub fn advice_on(&self, topic: Topic) -> Option<&Advice> {
        self.advice.iter().find(|a| a.topic == topic)
    }

    /// The protocol's `[[warning]]`s, in file order: which logged symptoms,
    /// on which days, mean "tell your clinic". Empty when the file has none
    /// (a format-1 file without the section stays valid).
    pub fn red_flags(&self) -> &[RedFlag] {
        &self.red_flags
    }

    /// The activities this protocol says anything about, in [`Activity::ALL`] order.
    pub fn activities(&self) -> Vec<Activity> {
        self.activities.to_vec()
    }

    /// [`Protocol::activities`], lent.
    pub(crate) fn activities_named(&self) -> &[Activity] {
        &self.activities
    }

    /// The milestone texts worded for this protocol's plans so far.
    pub(crate) fn worded(&self) -> &crate::milestone::Worded {
        &self.worded
    }
}

#[cfg(test)]
impl Protocol {
    /// Tests only: this protocol with texts validation would refuse
    /// (`name`, and every rule note passed through `note`), to check that
    /// each sink stays inert by itself.
    pub(crate) fn with_unchecked_texts(
        mut self,
        name: &str,
        note: impl Fn(&str) -> String,
    ) -> Self {
        self.name = name.to_string();
        let mut rules = self.rules.to_vec();
        for rule in &mut rules {
            rule.note = note(&rule.note);
        }
        self.rules = rules.into();
        self.worded = Arc::default();
        self.in_langs = Arc::default();
        self
    }
}
