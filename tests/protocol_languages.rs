//! The built-in protocols speak Spanish: every text a client reads has a
//! Spanish version (none falls back to English), and a Spanish plan says
//! the clinic's words in Spanish inside the engine's Spanish sentences.

use aftercare::{Lang, Meaning, Plan, Protocol, Vocabulary, builtin_ids, nth_day};
use chrono::{NaiveDate, NaiveTime};

/// Every text of `p` a client reads, with where it is.
fn texts(p: &Protocol) -> Vec<(String, String)> {
    let mut out = vec![
        ("name".to_string(), p.name().to_string()),
        ("summary".to_string(), p.summary().to_string()),
    ];
    for (i, r) in p.rules().iter().enumerate() {
        out.push((format!("rule {i} note"), r.note.clone()));
    }
    for c in p.care() {
        out.push((format!("care {} label", c.id), c.label.clone()));
        if let Some(note) = &c.note {
            out.push((format!("care {} note", c.id), note.clone()));
        }
    }
    for a in p.advice() {
        out.push((format!("advice {} note", a.topic.id()), a.note.clone()));
    }
    for f in p.red_flags() {
        out.push((format!("warning {} meaning", f.id), f.meaning.clone()));
        out.push((format!("warning {} note", f.id), f.note.clone()));
    }
    out
}

#[test]
fn every_builtin_text_has_a_spanish_version() {
    let mut checked = 0;
    for id in builtin_ids() {
        let en = Protocol::builtin(id).unwrap();
        assert_eq!(en.lang(), Lang::En, "{id}");
        let es = en.in_lang(Lang::Es);
        assert_eq!(es.text_lang(), Lang::Es);
        let (en_texts, es_texts) = (texts(&en), texts(&es));
        assert_eq!(en_texts.len(), es_texts.len(), "{id}");
        for ((what, english), (_, spanish)) in en_texts.iter().zip(&es_texts) {
            assert_ne!(english, spanish, "{id}: {what} has no Spanish text");
            checked += 1;
        }
        // Only the texts change: rules, days and ids are the same.
        assert_eq!(es.key_days().len(), en.key_days().len());
        assert_eq!(es.in_lang(Lang::En), en, "{id}");
    }
    assert!(checked > 100, "only {checked} texts");
}

#[test]
fn a_spanish_plan_says_the_clinics_words_in_spanish() {
    let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let plan = Plan::new(
        Protocol::builtin("four-to-thirty").unwrap(),
        vec![s1],
        None,
        chrono_tz::Europe::Madrid,
    )
    .unwrap()
    .with_lang(Lang::Es);
    let day6 = plan
        .reminders(NaiveTime::from_hms_opt(9, 0, 0).unwrap())
        .into_iter()
        .find(|r| r.id == "day:2026-03-02:6")
        .unwrap();
    assert_eq!(&*day6.title, "Día 6: ya puedes aclararte y afeitarte");
    assert!(
        day6.body
            .starts_with("Ya puedes aclararte el cuero cabelludo (con agua tibia"),
        "{}",
        day6.body
    );
    let status = plan.status(nth_day(s1, 3));
    assert_eq!(plan.day_label(nth_day(s1, 3)), "Día 3 tras la sesión 1");
    assert!(
        status
            .activities
            .iter()
            .all(|a| a.label != a.activity.label())
    );
}

#[test]
fn can_i_names_things_in_spanish() {
    let es = Vocabulary::builtin_in(Lang::Es);
    assert!(matches!(
        es.meaning_of("shampoo"),
        Some(Meaning::Part { label, .. }) if label == "Champú"
    ));
    let en = Vocabulary::builtin();
    assert!(matches!(
        en.meaning_of("champu"),
        Some(Meaning::Part { label, .. }) if label == "Shampoo"
    ));
}
