//! The everyday words "Can I…?" understands, and what each one asks about.
//!
//! The words live in a data file beside the activity list,
//! `src/activity_words.toml`, embedded with `include_str!` and read once
//! ([`Vocabulary::builtin`]). Keeping them out of code lets a word be added
//! (or a common misspelling) without touching the matching logic, and lets
//! one test check every entry.
//!
//! A word does not always mean "this activity's status today": "shampoo" is
//! only a part of washing (a "with care" day for washing may still rule
//! shampoo out), "ibuprofen" is pain relief (which a protocol describes in
//! its advice, not in a dated rule), and "helmet" is something no clinic
//! speaks of. Each entry therefore says where its answer comes from
//! ([`Meaning`]). Fuzzy matching of typos is the UI's job; the data file holds
//! the words themselves and the misspellings too far off to be caught by it.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::activity::{Activity, ActivityLabel, UnknownActivity};
use crate::error::Error;
use crate::lang::Lang;
use crate::messages::{Arg, tr};
use crate::protocol::raw::RawText;

/// The file's name in error messages.
const SOURCE_NAME: &str = "src/activity_words.toml";

/// The built-in word list.
const SOURCE: &str = include_str!("activity_words.toml");

/// The longest word or phrase, in bytes: a phrase is something a client
/// types into one search field ("wash my hair"), never a sentence.
pub const MAX_WORD_BYTES: usize = 40;

/// A subject a protocol may describe outside its dated rules, in its
/// `[[advice]]` section: what a clinic says about pain relief, or what is
/// normal while the scalp heals and when to call.
///
/// # Example
///
/// ```
/// use aftercare::Topic;
///
/// let t: Topic = "pain_relief".parse().unwrap();
/// assert_eq!((t.id(), t.label()), ("pain_relief", "Pain relief"));
/// assert!(!t.is_symptom());
/// assert!(Topic::Redness.is_symptom());
/// assert!("headache".parse::<Topic>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Painkillers a client may take around a session (not aspirin, which
    /// is the `aspirin` activity).
    PainRelief,
    /// Caps and silk hats, which clinics treat apart from woolly hats.
    Caps,
    /// A red or pink scalp.
    Redness,
    /// An itchy scalp, and scratching it.
    Itching,
    /// Scabs and flaking skin.
    Scabs,
    /// A swollen scalp or forehead.
    Swelling,
    /// A sore or tender scalp.
    Soreness,
}

impl Topic {
    /// Every topic, in the order the format documents them.
    pub const ALL: [Topic; 7] = [
        Topic::PainRelief,
        Topic::Caps,
        Topic::Redness,
        Topic::Itching,
        Topic::Scabs,
        Topic::Swelling,
        Topic::Soreness,
    ];

    /// The id used in files and JSON: `pain_relief`, `redness`.
    pub fn id(self) -> &'static str {
        match self {
            Topic::PainRelief => "pain_relief",
            Topic::Caps => "caps",
            Topic::Redness => "redness",
            Topic::Itching => "itching",
            Topic::Scabs => "scabs",
            Topic::Swelling => "swelling",
            Topic::Soreness => "soreness",
        }
    }

    /// [`Topic::label`] in `lang`.
    ///
    /// ```
    /// use aftercare::{Lang, Topic};
    ///
    /// assert_eq!(Topic::PainRelief.label_in(Lang::Es), "Analgésicos");
    /// ```
    pub fn label_in(self, lang: Lang) -> String {
        tr(lang, "topic-label", &[("topic", Arg::from(self.id()))])
    }

    /// A short name to head an answer: "Pain relief", "Scabs and flaking".
    pub fn label(self) -> &'static str {
        match self {
            Topic::PainRelief => "Pain relief",
            Topic::Caps => "Caps and silk hats",
            Topic::Redness => "Redness",
            Topic::Itching => "Itching",
            Topic::Scabs => "Scabs and flaking",
            Topic::Swelling => "Swelling",
            Topic::Soreness => "Soreness",
        }
    }

    /// Whether this is something the client notices on their scalp (an
    /// answer then says what is normal and when to call the clinic) rather
    /// than something they may do.
    pub fn is_symptom(self) -> bool {
        !matches!(self, Topic::PainRelief | Topic::Caps)
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Topic {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Topic::ALL.into_iter().find(|t| t.id() == s).ok_or_else(|| {
            let ids: Vec<&str> = Topic::ALL.iter().map(|t| t.id()).collect();
            format!("unknown topic {s:?} (expected one of: {})", ids.join(", "))
        })
    }
}

/// Where the answer to a word comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum Meaning {
    /// The word names these activities: answer with each one's status today
    /// ("gym" is light exercise and heavy sweating).
    Status {
        /// One or more activities, in the order to answer them.
        activities: Vec<Activity>,
    },
    /// The word names a part of an activity ("shampoo" of washing). Where the
    /// activity is avoided or fine, so is the part; where it is allowed only
    /// with care, the answer gives the condition and never says "yes", since
    /// the condition may rule the part out ("no shampoo").
    Part {
        /// The activity it is part of.
        activity: Activity,
        /// The word's own name for answers: "Shampoo".
        label: String,
    },
    /// The word is about a topic of the protocol's advice (pain relief, a
    /// symptom): answer with what the clinic said, or that it said nothing.
    Advice {
        /// The topic.
        topic: Topic,
        /// Its name for answers, [`Topic::label`].
        label: String,
        /// [`Topic::is_symptom`]: the answer says what is normal and when
        /// to call the clinic.
        symptom: bool,
    },
    /// Recognised, but no activity or topic covers it ("helmet"): the
    /// clinic's aftercare does not mention it, so the client asks them.
    Ask {
        /// The word's own name for answers: "Helmets".
        label: String,
    },
}

impl Meaning {
    /// The meaning of a word about `topic`, with the topic's name.
    ///
    /// ```
    /// use aftercare::{Meaning, Topic};
    ///
    /// assert_eq!(
    ///     Meaning::advice(Topic::Itching),
    ///     Meaning::Advice { topic: Topic::Itching, label: "Itching".into(), symptom: true },
    /// );
    /// ```
    pub fn advice(topic: Topic) -> Meaning {
        Meaning::advice_in(topic, Lang::En)
    }

    /// [`Meaning::advice`] with the topic's name in `lang`.
    pub fn advice_in(topic: Topic, lang: Lang) -> Meaning {
        Meaning::Advice {
            topic,
            label: topic.label_in(lang),
            symptom: topic.is_symptom(),
        }
    }
}

/// Words that mean the same thing, and what they mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WordEntry {
    /// Lower-case words and short phrases, with their common misspellings.
    pub words: Vec<String>,
    /// Where the answer comes from.
    #[serde(flatten)]
    pub meaning: Meaning,
}

/// Everything "Can I…?" needs to understand a question: the activities with
/// their names, and the everyday words for them. Returned by the app's
/// `activities` command and by `aftercare activities --json`.
///
/// # Example
///
/// ```
/// use aftercare::{Activity, Meaning, Topic, Vocabulary};
///
/// let v = Vocabulary::builtin();
/// assert_eq!(v.activities.len(), Activity::ALL.len());
/// assert_eq!(
///     v.meaning_of("pool"),
///     Some(&Meaning::Status { activities: vec![Activity::Swim] }),
/// );
/// assert_eq!(v.meaning_of("ibuprofen"), Some(&Meaning::advice(Topic::PainRelief)));
/// assert_eq!(v.meaning_of("skydiving"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Vocabulary {
    /// Every activity with its name, in [`Activity::ALL`] order.
    pub activities: Vec<ActivityLabel>,
    /// The word list, in file order.
    pub entries: Vec<WordEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    entry: Vec<Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    words: Spanned<Vec<Spanned<String>>>,
    answer: Option<Spanned<String>>,
    activities: Option<Spanned<Vec<Spanned<String>>>>,
    topic: Option<Spanned<String>>,
    /// One name, or one per language (`label.en`, `label.es`).
    label: Option<Spanned<RawText>>,
}

/// A word's `label`: the text in `lang`, else English, checked as
/// before (not empty), and only known language tags.
fn label_in(
    label: &Spanned<RawText>,
    lang: Lang,
    err: &dyn Fn(std::ops::Range<usize>, &str, String) -> Error,
) -> Result<String, Error> {
    let checked = |text: &Spanned<String>, field: &str| {
        let t = text.get_ref().trim();
        if t.is_empty() {
            Err(err(text.span(), field, "must not be empty".to_string()))
        } else {
            Ok(t.to_string())
        }
    };
    match label.get_ref() {
        RawText::One(s) => checked(&Spanned::new(label.span(), s.clone()), "label"),
        RawText::ByLang(texts) => {
            let (mut wanted, mut english) = (None, None);
            for (tag, text) in texts {
                let field = format!("label.{tag}");
                let Some(l) = Lang::ALL.into_iter().find(|l| l.tag() == tag) else {
                    return Err(err(
                        text.span(),
                        &field,
                        format!("unknown language {tag:?} (expected en or es)"),
                    ));
                };
                let t = checked(text, &field)?;
                if l == lang {
                    wanted = Some(t.clone());
                }
                if l == Lang::En {
                    english = Some(t);
                }
            }
            match (wanted, english) {
                (Some(t), Some(_)) | (None, Some(t)) => Ok(t),
                _ => Err(err(
                    label.span(),
                    "label",
                    "has no English text; add label.en".to_string(),
                )),
            }
        }
    }
}

impl Vocabulary {
    /// The built-in word list, read once from `src/activity_words.toml`.
    ///
    /// The file is part of the program and a test reads it, so it cannot be
    /// wrong in a build that passed its tests; should it be, the list holds
    /// only the activities' ids and names rather than stopping the app.
    pub fn builtin() -> &'static Vocabulary {
        Vocabulary::builtin_in(Lang::En)
    }

    /// [`Vocabulary::builtin`] with its names (activities, topics, labels)
    /// in `lang`; the words are the same in every language.
    ///
    /// ```
    /// use aftercare::{Lang, Meaning, Topic, Vocabulary};
    ///
    /// let es = Vocabulary::builtin_in(Lang::Es);
    /// assert_eq!(es.activities[8].label, "Natación");
    /// assert_eq!(es.meaning_of("ibuprofen"), Some(&Meaning::advice_in(Topic::PainRelief, Lang::Es)));
    /// ```
    pub fn builtin_in(lang: Lang) -> &'static Vocabulary {
        static PARSED: [OnceLock<Vocabulary>; Lang::ALL.len()] =
            [const { OnceLock::new() }; Lang::ALL.len()];
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        PARSED[i % PARSED.len()].get_or_init(|| {
            Vocabulary::from_toml_in(SOURCE_NAME, SOURCE, lang).unwrap_or_else(|_| Vocabulary {
                activities: ActivityLabel::all_in(lang),
                entries: Activity::ALL
                    .into_iter()
                    .map(|a| WordEntry {
                        words: vec![a.id().replace('_', " ")],
                        meaning: Meaning::Status {
                            activities: vec![a],
                        },
                    })
                    .collect(),
            })
        })
    }

    /// Reads and checks a word list in the format of `src/activity_words.toml`.
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] (the data-file error: source, line, field) for a
    /// word listed twice, an unknown activity id or topic, a word that is not
    /// lower case or too long, an entry whose `answer` does not fit its
    /// fields, or an activity or topic that no entry names.
    ///
    /// ```
    /// use aftercare::Vocabulary;
    ///
    /// let text = "[[entry]]\nactivities = [\"swim\"]\nwords = [\"pool\", \"pool\"]\n";
    /// assert_eq!(
    ///     Vocabulary::from_toml("w.toml", text).unwrap_err().to_string(),
    ///     "w.toml: line 3, field \"words\": \"pool\" is listed twice (also on line 3)",
    /// );
    /// ```
    pub fn from_toml(source_name: &str, text: &str) -> Result<Vocabulary, Error> {
        Vocabulary::from_toml_in(source_name, text, Lang::En)
    }

    /// [`Vocabulary::from_toml`] with the names in `lang`: a `label` may be
    /// one string or one per language (`label.en`, `label.es`, English
    /// required), the others falling back to English.
    ///
    /// # Errors
    ///
    /// Those of [`Vocabulary::from_toml`], and an unknown language tag or a
    /// label without English.
    pub fn from_toml_in(source_name: &str, text: &str, lang: Lang) -> Result<Vocabulary, Error> {
        let err = |span: std::ops::Range<usize>, field: &str, message: String| {
            Error::protocol(
                source_name,
                Some(line_of(text, span.start)),
                Some(field),
                message,
            )
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            Error::protocol(
                source_name,
                e.span().map(|s| line_of(text, s.start)),
                None,
                e.message().lines().next().unwrap_or("unreadable").trim(),
            )
        })?;
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut entries = Vec::with_capacity(raw.entry.len());
        for spanned in raw.entry {
            let entry_span = spanned.span();
            let e = spanned.into_inner();
            let answer = e.answer.as_ref().map_or("status", |a| a.get_ref().as_str());
            let answer_span = e.answer.as_ref().map_or(entry_span.clone(), |a| a.span());
            let activities = match &e.activities {
                Some(list) => list
                    .get_ref()
                    .iter()
                    .map(|a| {
                        a.get_ref()
                            .parse::<Activity>()
                            .map_err(|u: UnknownActivity| {
                                err(a.span(), "activities", u.to_string())
                            })
                    })
                    .collect::<Result<Vec<_>, _>>()?,
                None => Vec::new(),
            };
            let label = match &e.label {
                Some(l) => Some(label_in(l, lang, &err)?),
                None => None,
            };
            let misfit = |what: &str| err(answer_span.clone(), "answer", what.to_string());
            let meaning = match answer {
                "status" => {
                    if activities.is_empty() || e.topic.is_some() || label.is_some() {
                        return Err(misfit(
                            "answer \"status\" needs activities, and no topic or label",
                        ));
                    }
                    Meaning::Status { activities }
                }
                "part" => match (activities.as_slice(), &label, &e.topic) {
                    ([activity], Some(label), None) => Meaning::Part {
                        activity: *activity,
                        label: label.clone(),
                    },
                    _ => {
                        return Err(misfit(
                            "answer \"part\" needs exactly one activity and a label, and no topic",
                        ));
                    }
                },
                "advice" => match (&e.topic, activities.is_empty(), &label) {
                    (Some(t), true, None) => Meaning::advice_in(
                        t.get_ref()
                            .parse()
                            .map_err(|m: String| err(t.span(), "topic", m))?,
                        lang,
                    ),
                    _ => {
                        return Err(misfit(
                            "answer \"advice\" needs a topic, and no activities or label",
                        ));
                    }
                },
                "ask" => match (&label, activities.is_empty(), &e.topic) {
                    (Some(label), true, None) => Meaning::Ask {
                        label: label.clone(),
                    },
                    _ => {
                        return Err(misfit(
                            "answer \"ask\" needs a label, and no activities or topic",
                        ));
                    }
                },
                other => {
                    return Err(misfit(&format!(
                        "unknown answer {other:?} (expected status, part, advice or ask)"
                    )));
                }
            };
            if e.words.get_ref().is_empty() {
                return Err(err(
                    e.words.span(),
                    "words",
                    "an entry needs at least one word".to_string(),
                ));
            }
            let mut words = Vec::with_capacity(e.words.get_ref().len());
            for w in e.words.get_ref() {
                let word = w.get_ref();
                let line = line_of(text, w.span().start) as usize;
                if word.len() > MAX_WORD_BYTES {
                    return Err(err(
                        w.span(),
                        "words",
                        format!("{word:?} is longer than {MAX_WORD_BYTES} bytes"),
                    ));
                }
                if *word != normalise(word) || word.is_empty() {
                    return Err(err(
                        w.span(),
                        "words",
                        format!(
                            "{word:?} must be written as typed words are compared: lower case \
                             letters, digits, ' and -, single spaces ({:?})",
                            normalise(word)
                        ),
                    ));
                }
                if let Some(first) = seen.insert(word.clone(), line) {
                    return Err(err(
                        w.span(),
                        "words",
                        format!("{word:?} is listed twice (also on line {first})"),
                    ));
                }
                words.push(word.clone());
            }
            entries.push(WordEntry { words, meaning });
        }
        for a in Activity::ALL {
            let named = entries.iter().any(
                |e| matches!(&e.meaning, Meaning::Status { activities } if activities.contains(&a)),
            );
            if !named {
                return Err(Error::protocol(
                    source_name,
                    None,
                    Some("activities"),
                    format!("no entry answers with the status of activity {:?}", a.id()),
                ));
            }
        }
        for t in Topic::ALL {
            if !entries
                .iter()
                .any(|e| e.meaning == Meaning::advice_in(t, lang))
            {
                return Err(Error::protocol(
                    source_name,
                    None,
                    Some("topic"),
                    format!("no entry asks about topic {:?}", t.id()),
                ));
            }
        }
        Ok(Vocabulary {
            activities: ActivityLabel::all_in(lang),
            entries,
        })
    }

    /// What a word or phrase of the list means, compared exactly (the UI
    /// adds typo tolerance); `None` when the list doesn't have it.
    pub fn meaning_of(&self, word: &str) -> Option<&Meaning> {
        let word = normalise(word);
        self.entries
            .iter()
            .find(|e| e.words.contains(&word))
            .map(|e| &e.meaning)
    }
}

/// A text as typed words are compared: lower case, only letters, digits,
/// `'` and `-` kept, words separated by single spaces. The UI's `normalise`
/// (ui/src/logic.ts) does the same to what the client types.
///
/// ```
/// assert_eq!(aftercare::words::normalise("  Can I go Swimming?! "), "can i go swimming");
/// ```
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '\'' || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let lines = text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count();
    u32::try_from(lines + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Vocabulary::from_toml("w.toml", text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn the_builtin_file_is_valid() {
        let v = Vocabulary::from_toml(SOURCE_NAME, SOURCE).unwrap();
        assert_eq!(&v, Vocabulary::builtin());
        assert_eq!(v.activities, ActivityLabel::all());
    }

    #[test]
    fn the_brief_s_words_are_listed_with_their_meaning() {
        let v = Vocabulary::builtin();
        let status = |ids: &[Activity]| Meaning::Status {
            activities: ids.to_vec(),
        };
        let cases: [(&str, Meaning); 19] = [
            ("cap", Meaning::advice(Topic::Caps)),
            ("beanie", status(&[Activity::WoollyHat])),
            (
                "helmet",
                Meaning::Ask {
                    label: "Helmets".into(),
                },
            ),
            (
                "shampoo",
                Meaning::Part {
                    activity: Activity::Wash,
                    label: "Shampoo".into(),
                },
            ),
            (
                "conditioner",
                Meaning::Part {
                    activity: Activity::Wash,
                    label: "Conditioner".into(),
                },
            ),
            ("gym", status(&[Activity::Exercise, Activity::Sweat])),
            ("run", status(&[Activity::Exercise, Activity::Sweat])),
            ("pool", status(&[Activity::Swim])),
            ("sea", status(&[Activity::Swim])),
            ("steam", status(&[Activity::Sauna])),
            ("tanning", status(&[Activity::Sun, Activity::Sunbed])),
            ("sunscreen", status(&[Activity::Sun])),
            ("hair dye", status(&[Activity::HairColour])),
            ("ibuprofen", Meaning::advice(Topic::PainRelief)),
            ("paracetamol", Meaning::advice(Topic::PainRelief)),
            ("coffee", status(&[Activity::Stimulants])),
            ("energy drinks", status(&[Activity::Stimulants])),
            ("itchy", Meaning::advice(Topic::Itching)),
            ("aspirin", status(&[Activity::Aspirin])),
        ];
        for (word, meaning) in cases {
            assert_eq!(v.meaning_of(word), Some(&meaning), "{word}");
        }
    }

    #[test]
    fn every_activity_id_and_name_is_a_word_for_it() {
        let v = Vocabulary::builtin();
        for a in Activity::ALL {
            for word in [a.id().replace('_', " "), normalise(a.label())] {
                let Some(Meaning::Status { activities }) = v.meaning_of(&word) else {
                    panic!("{word:?} does not answer with a status");
                };
                assert!(activities.contains(&a), "{word:?} is not about {a}");
            }
        }
    }

    #[test]
    fn a_word_listed_twice_is_refused_with_both_lines() {
        let text = "[[entry]]\nactivities = [\"swim\"]\nwords = [\"pool\"]\n\n\
                    [[entry]]\nactivities = [\"sauna\"]\nwords = [\"steam\", \"pool\"]\n";
        assert_eq!(
            err(text),
            "w.toml: line 7, field \"words\": \"pool\" is listed twice (also on line 3)"
        );
    }

    #[test]
    fn an_unknown_activity_id_is_refused_by_name() {
        let text = "[[entry]]\nactivities = [\"swim\", \"skydive\"]\nwords = [\"x\"]\n";
        assert!(
            err(text).starts_with(
                "w.toml: line 2, field \"activities\": unknown activity \"skydive\" (expected one of: wash,"
            ),
            "{}",
            err(text)
        );
    }

    #[test]
    fn an_unknown_topic_or_answer_is_refused_by_name() {
        let topic = "[[entry]]\nanswer = \"advice\"\ntopic = \"headache\"\nwords = [\"x\"]\n";
        assert_eq!(
            err(topic),
            "w.toml: line 3, field \"topic\": unknown topic \"headache\" (expected one of: \
             pain_relief, caps, redness, itching, scabs, swelling, soreness)"
        );
        let answer = "[[entry]]\nanswer = \"maybe\"\nactivities = [\"swim\"]\nwords = [\"x\"]\n";
        assert_eq!(
            err(answer),
            "w.toml: line 2, field \"answer\": unknown answer \"maybe\" (expected status, part, advice or ask)"
        );
    }

    #[test]
    fn an_answer_that_does_not_fit_its_fields_is_refused() {
        let part = "[[entry]]\nanswer = \"part\"\nactivities = [\"wash\", \"rinse\"]\nlabel = \"Soap\"\nwords = [\"soap\"]\n";
        assert_eq!(
            err(part),
            "w.toml: line 2, field \"answer\": answer \"part\" needs exactly one activity and a label, and no topic"
        );
        let status = "[[entry]]\nwords = [\"soap\"]\n";
        assert_eq!(
            err(status),
            "w.toml: line 1, field \"answer\": answer \"status\" needs activities, and no topic or label"
        );
    }

    #[test]
    fn words_must_be_written_as_they_are_compared() {
        let text = "[[entry]]\nactivities = [\"swim\"]\nwords = [\"Pool\"]\n";
        assert_eq!(
            err(text),
            "w.toml: line 3, field \"words\": \"Pool\" must be written as typed words are compared: \
             lower case letters, digits, ' and -, single spaces (\"pool\")"
        );
        let long = format!(
            "[[entry]]\nactivities = [\"swim\"]\nwords = [\"{}\"]\n",
            "a".repeat(41)
        );
        assert_eq!(
            err(&long),
            format!(
                "w.toml: line 3, field \"words\": \"{}\" is longer than 40 bytes",
                "a".repeat(41)
            )
        );
    }

    #[test]
    fn unknown_fields_and_missing_activities_are_refused() {
        assert_eq!(
            err("[[entry]]\nactivities = [\"swim\"]\nwords = [\"pool\"]\ncolour = 1\n"),
            "w.toml: line 4: unknown field `colour`, expected one of `words`, `answer`, `activities`, `topic`, `label`"
        );
        assert_eq!(
            err("[[entry]]\nactivities = [\"swim\"]\nwords = [\"pool\"]\n"),
            "w.toml, field \"activities\": no entry answers with the status of activity \"wash\""
        );
    }

    #[test]
    fn labels_by_language_fall_back_to_english() {
        let file =
            |label: &str| format!("[[entry]]\nanswer = \"ask\"\n{label}\nwords = [\"helmet\"]\n");
        let ask = |text: &str, lang| {
            Vocabulary::from_toml_in("w.toml", text, lang)
                .map(|v| v.entries[0].meaning.clone())
                .map_err(|e| e.to_string())
        };
        let both = file("label.en = \"Helmets\"\nlabel.es = \"Cascos\"");
        let label = |s: &str| Meaning::Ask { label: s.into() };
        // Only an "ask" entry: the completeness checks fail after the
        // labels are read, so the labels are checked through the error.
        assert!(
            ask(&both, Lang::Es)
                .unwrap_err()
                .contains("no entry answers")
        );
        let entry = |text: &str, lang| {
            let raw: RawFile = toml::from_str(text).unwrap();
            let e = raw.entry.into_iter().next().unwrap().into_inner();
            let err = |_: std::ops::Range<usize>, field: &str, m: String| {
                Error::protocol("w.toml", None, Some(field), m)
            };
            label_in(e.label.as_ref().unwrap(), lang, &err).map(|s| label(&s))
        };
        assert_eq!(entry(&both, Lang::Es).unwrap(), label("Cascos"));
        assert_eq!(entry(&both, Lang::En).unwrap(), label("Helmets"));
        let english = file("label = \"Helmets\"");
        assert_eq!(entry(&english, Lang::Es).unwrap(), label("Helmets"));
        assert_eq!(
            entry(&file("label.es = \"Cascos\""), Lang::Es)
                .unwrap_err()
                .to_string(),
            "w.toml, field \"label\": has no English text; add label.en"
        );
        assert_eq!(
            entry(&file("label.en = \"H\"\nlabel.fr = \"Casques\""), Lang::En)
                .unwrap_err()
                .to_string(),
            "w.toml, field \"label.fr\": unknown language \"fr\" (expected en or es)"
        );
    }
}
