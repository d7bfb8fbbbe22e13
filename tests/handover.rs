//! The clinic's hand-over: `.smpplan` files and `smp-aftercare://plan`
//! links, written and read back, and the exact errors of hostile ones.

use aftercare::handover::{Fault, MAX_LINK_BYTES, MAX_PLAN_FILE_BYTES};
use aftercare::{ClinicDetails, HandoverProtocol, PlanFile, Protocol, builtin_ids, parse_date};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

fn clinic() -> ClinicDetails {
    ClinicDetails {
        name: "Hairline Studio".into(),
        phone: "+44 20 7946 0000".into(),
        email: "desk@hairline.example".into(),
        address: "1 High Street, Leeds LS1 1AA".into(),
    }
}

fn plan_with(protocol: HandoverProtocol) -> PlanFile {
    PlanFile {
        protocol,
        sessions: vec![
            parse_date("2026-03-01").unwrap(),
            parse_date("2026-03-15").unwrap(),
        ],
        planned: Some(3),
        zone: Some(chrono_tz::Europe::London),
        clinic: clinic(),
    }
}

fn builtin_plan(id: &str) -> PlanFile {
    plan_with(HandoverProtocol::builtin(id).unwrap())
}

/// A clinic's own protocol with `rules` rules, each with its own note so
/// that deflate cannot pack them into nothing.
fn own_protocol_text(rules: usize) -> String {
    let mut text = String::from(
        "# Our clinic's rules\nformat = 1\nid = \"our-clinic\"\nname = \"Our clinic\"\n\
         summary = \"Three sessions, a week apart.\"\n\n[sessions]\nusual = 3\nmin = 2\nmax = 4\n",
    );
    let activities = ["wash", "sweat", "swim", "sun", "shave", "alcohol"];
    for i in 0..rules {
        let activity = activities[i % activities.len()];
        text.push_str(&format!(
            "\n[[rule]]\nactivity = \"{activity}\"\nstatus = \"avoid\"\nscope = \"after_each\"\n\
             from_day = {}\nto_day = {}\nnote = \"rule {i}: {} {}\"\n",
            1 + i % 5,
            6 + i % 300,
            [
                "keep it dry",
                "no gym",
                "stay out of pools",
                "wear a hat",
                "no razor",
                "none"
            ][i % 6],
            (i * 7919) % 10007,
        ));
    }
    text
}

fn inline(rules: usize) -> HandoverProtocol {
    HandoverProtocol::inline("ours.toml", &own_protocol_text(rules)).unwrap()
}

/// A link with its checksum recomputed, as a forger (or a bug) would.
fn signed(query: &str) -> String {
    format!(
        "smp-aftercare://plan?{query}&c={:08x}",
        crc32fast::hash(query.as_bytes())
    )
}

fn file_error(text: &[u8]) -> String {
    PlanFile::from_bytes("plan.smpplan", text)
        .unwrap_err()
        .to_string()
}

fn link_error(link: &str) -> String {
    PlanFile::from_link(link).unwrap_err().to_string()
}

#[test]
fn every_builtin_round_trips_through_a_file_and_a_link() {
    for id in builtin_ids() {
        let plan = builtin_plan(id);
        let text = plan.to_toml();
        assert_eq!(
            PlanFile::from_bytes("p.smpplan", text.as_bytes()).unwrap(),
            plan,
            "{id}"
        );
        let link = plan.to_link().unwrap();
        assert!(link.len() <= MAX_LINK_BYTES);
        assert_eq!(PlanFile::from_link(&link).unwrap(), plan, "{id}");
        // As pasted from a message, with a line break after it.
        assert_eq!(PlanFile::from_link(&format!(" {link}\n")).unwrap(), plan);
    }
}

#[test]
fn the_file_reads_as_documented() {
    let text = builtin_plan("four-to-thirty").to_toml();
    assert_eq!(
        text,
        "# SMP Aftercare plan: the aftercare plan your clinic gave you.\n\
         # Open it with SMP Aftercare; the app shows what it will change first.\n\
         \n\
         smpplan = 1\n\
         protocol = \"four-to-thirty\"\n\
         sessions = [\"2026-03-01\", \"2026-03-15\"]\n\
         planned = 3\n\
         zone = \"Europe/London\"\n\
         \n\
         [clinic]\n\
         name = \"Hairline Studio\"\n\
         phone = \"+44 20 7946 0000\"\n\
         email = \"desk@hairline.example\"\n\
         address = \"1 High Street, Leeds LS1 1AA\"\n"
    );
}

#[test]
fn every_builtin_carried_inline_round_trips() {
    // The built-ins are the largest real protocols there are.
    for id in builtin_ids() {
        let source = Protocol::builtin_source(id).unwrap();
        let handover = HandoverProtocol::inline(id, source).unwrap();
        let HandoverProtocol::Inline { protocol, toml } = &handover else {
            panic!("inline")
        };
        assert_eq!(protocol, &Protocol::builtin(id).unwrap());
        assert_eq!(&Protocol::from_toml("stored", toml).unwrap(), protocol);
        let plan = plan_with(handover.clone());
        let text = plan.to_toml();
        assert_eq!(
            PlanFile::from_bytes("p.smpplan", text.as_bytes()).unwrap(),
            plan,
            "{id}"
        );
        // Carried in a link too, where it fits.
        if let Ok(link) = plan.to_link() {
            assert_eq!(PlanFile::from_link(&link).unwrap(), plan, "{id}");
        }
    }
}

#[test]
fn an_inline_protocol_error_names_the_plan_file_line() {
    let text = "smpplan = 1\nsessions = [\"2026-03-01\"]\n\n[inline_protocol]\nformat = 1\n\
                id = \"ours\"\nname = \"Ours\"\nsummary = \"S.\"\n[inline_protocol.sessions]\n\
                usual = 2\nmin = 1\nmax = 3\n[[inline_protocol.rule]]\nactivity = \"wash\"\n\
                status = \"avoid\"\nscope = \"after_each\"\nfrom_day = 5\nto_day = 3\nnote = \"dry\"\n";
    assert_eq!(
        file_error(text.as_bytes()),
        "plan.smpplan: line 18, field \"inline_protocol.to_day\": 3 is before from_day 5"
    );
}

#[test]
fn the_largest_inline_protocol_that_fits_a_link_round_trips() {
    let mut largest = None;
    let mut rules = 1;
    loop {
        let plan = plan_with(inline(rules));
        match plan.to_link() {
            Ok(link) => {
                largest = Some((plan, link));
                rules += 1;
            }
            Err(e) => {
                assert!(
                    e.to_string().ends_with(&format!(
                        "too long for a link or QR code (at most {MAX_LINK_BYTES}): \
                         share the .smpplan file instead"
                    )),
                    "{e}"
                );
                assert!(e.to_string().starts_with("plan link: the link would be 20"));
                // The file still carries it.
                let text = plan.to_toml();
                assert_eq!(
                    PlanFile::from_bytes("p.smpplan", text.as_bytes()).unwrap(),
                    plan
                );
                break;
            }
        }
    }
    let (plan, link) = largest.expect("a one-rule protocol fits");
    assert!(rules > 20, "only {rules} rules fit");
    assert!(link.len() <= MAX_LINK_BYTES && link.len() > MAX_LINK_BYTES - 100);
    assert_eq!(PlanFile::from_link(&link).unwrap(), plan);
}

#[test]
fn html_in_the_clinic_name_is_kept_as_text() {
    let mut plan = builtin_plan("four-day-dry");
    plan.clinic.name = "<script>alert(1)</script> & <b>Studio</b>".into();
    let text = plan.to_toml();
    let read = PlanFile::from_bytes("p.smpplan", text.as_bytes()).unwrap();
    assert_eq!(
        read.clinic.name,
        "<script>alert(1)</script> & <b>Studio</b>"
    );
    let link = plan.to_link().unwrap();
    assert_eq!(PlanFile::from_link(&link).unwrap(), plan);
}

#[test]
fn a_newer_or_missing_format_is_refused() {
    let text = builtin_plan("four-day-dry").to_toml();
    let newer = text.replace("smpplan = 1", "smpplan = 2\nnew_field = true");
    assert_eq!(
        file_error(newer.as_bytes()),
        "plan.smpplan: line 4, field \"smpplan\": written by a newer version of SMP Aftercare \
         (format 2); update the app"
    );
    assert_eq!(
        file_error(b"smpplan = 0\n"),
        "plan.smpplan: line 1, field \"smpplan\": unsupported format 0 (this version reads format 1)"
    );
    assert_eq!(
        file_error(b"format = 1\nid = \"x\"\n"),
        "plan.smpplan, field \"smpplan\": this is not a plan file: it has no \"smpplan = 1\" line"
    );
}

#[test]
fn a_truncated_file_names_what_is_missing() {
    let text = builtin_plan("four-day-dry").to_toml();
    let cut = &text[..text.find("sessions").unwrap() + 15];
    assert_eq!(
        file_error(cut.as_bytes()),
        "plan.smpplan: line 6: unclosed array, expected `]`"
    );
    let cut = &text[..text.find("sessions").unwrap()];
    assert_eq!(
        file_error(cut.as_bytes()),
        "plan.smpplan: line 1, field \"sessions\": missing field `sessions`"
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let mut big = builtin_plan("four-day-dry").to_toml().into_bytes();
    big.resize(10 * 1024 * 1024, b'#');
    assert_eq!(
        file_error(&big),
        format!(
            "plan.smpplan: the file is 10485760 bytes; a plan file may be at most \
             {MAX_PLAN_FILE_BYTES} bytes"
        )
    );
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(10 * 1024 * 1024, 0);
    assert_eq!(
        file_error(&pdf),
        "plan.smpplan: This is a PDF, not a plan file: ask your clinic for their .smpplan file or link"
    );
    assert_eq!(
        file_error(b"smpplan = 1\0"),
        "plan.smpplan: This file is not text, so it is not a plan file: ask your clinic for their \
         .smpplan file or link"
    );
}

#[test]
fn bad_values_name_their_line_and_field() {
    let text = builtin_plan("four-day-dry").to_toml();
    let cases = [
        (
            text.replace("\"four-day-dry\"", "\"five-to-fifty\""),
            "plan.smpplan: line 5, field \"protocol\": unknown protocol \"five-to-fifty\" \
             (built-in protocols: four-to-thirty, four-day-dry, light-exercise-day-five, two-week-rest)",
        ),
        (
            text.replace("2026-03-15", "2026-02-30"),
            "plan.smpplan: line 6, field \"sessions\": invalid date \"2026-02-30\": there is no such \
             day in the calendar (expected YYYY-MM-DD)",
        ),
        (
            text.replace("Europe/London", "Mars/Olympus"),
            "plan.smpplan: line 8, field \"zone\": unknown time zone \"Mars/Olympus\": expected an \
             IANA zone name such as Europe/London",
        ),
        (
            text.replace("planned = 3", "planned = 1"),
            "plan.smpplan: line 7, field \"planned\": 2 sessions are given but only 1 is planned",
        ),
        (
            text.replace("planned = 3", "planned = 99"),
            "plan.smpplan: line 7, field \"planned\": 99 is out of range (expected 1 to 12)",
        ),
        (
            text.replace("2026-03-15", "2026-03-01"),
            "plan.smpplan: line 6, field \"sessions\": session 2026-03-01 is given twice",
        ),
        (
            text.replace("+44 20 7946 0000", "call us"),
            "plan.smpplan: line 12, field \"clinic.phone\": \"call us\" is not a phone number: use \
             digits, spaces and + ( ) - . /",
        ),
        (
            text.replace("Hairline Studio", "Hairline\\u001b[31m"),
            "plan.smpplan: line 11, field \"clinic.name\": \"Hairline\\u{1b}[31m\" contains the \
             control character U+001B; write one line of plain text",
        ),
        (
            text.replace("[clinic]", "[clinic]\ncolour = \"red\""),
            "plan.smpplan: line 11, field \"colour\": unknown field `colour`, expected one of \
             `name`, `phone`, `email`, `address`",
        ),
        (
            text.replace("protocol = \"four-day-dry\"\n", ""),
            "plan.smpplan, field \"protocol\": the file names no protocol: add protocol = \"<id>\" \
             or an [inline_protocol] table",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(file_error(text.as_bytes()), expected);
    }
}

#[test]
fn link_errors_are_exact() {
    let link = builtin_plan("four-day-dry").to_link().unwrap();
    let damaged = "plan link: the link is damaged or was changed: ask your clinic for a new one";
    // One character changed, anywhere.
    let tampered = link.replace("2026-03-15", "2026-03-16");
    assert_eq!(link_error(&tampered), damaged);
    // Cut short, as a half-copied link is.
    assert_eq!(link_error(&link[..link.len() - 20]), damaged);
    assert_eq!(link_error(&link[..link.len() - 1]), damaged);
    assert_eq!(
        link_error("https://example.com/plan?v=1"),
        "plan link: \"https://example.com/plan?v=1\" is not an SMP Aftercare plan link (it should \
         start with smp-aftercare://plan?)"
    );
    assert_eq!(
        link_error("smp-aftercare://settings?v=1"),
        "plan link: \"smp-aftercare://settings?v=1\" is not an SMP Aftercare plan link (it should \
         start with smp-aftercare://plan?)"
    );
    let long = format!("{link}&pad={}", "a".repeat(MAX_LINK_BYTES));
    assert_eq!(
        link_error(&long),
        format!(
            "plan link: the link is {} characters; a plan link may be at most 2000",
            long.len()
        )
    );
    assert_eq!(
        link_error(&signed("p=four-day-dry&s=2026-03-01")),
        "plan link: the link has no version (v): it is not complete; ask your clinic for a new one"
    );
    assert_eq!(
        link_error(&signed("v=2&p=four-day-dry&s=2026-03-01&w=1")),
        "plan link: written by a newer version of SMP Aftercare (link version 2); update the app"
    );
    assert_eq!(
        link_error(&signed("v=1&x=not*base64&s=2026-03-01")),
        "plan link: the clinic's protocol (x) is not valid base64url: the link is damaged"
    );
    assert_eq!(
        link_error(&signed(&format!(
            "v=1&x={}&s=2026-03-01",
            URL_SAFE_NO_PAD.encode(b"not deflate at all")
        ))),
        "plan link: the clinic's protocol (x) could not be unpacked: the link is damaged"
    );
    assert_eq!(
        link_error(&signed("v=1&p=five-to-fifty&s=2026-03-01")),
        "plan link: unknown protocol \"five-to-fifty\" (built-in protocols: four-to-thirty, \
         four-day-dry, light-exercise-day-five, two-week-rest)"
    );
    assert_eq!(
        link_error(&signed("v=1&p=four-day-dry&s=2026-03-01%2C2026-13-01")),
        "plan link: invalid date \"2026-13-01\": there is no such day in the calendar (expected \
         YYYY-MM-DD)"
    );
    assert_eq!(
        link_error(&signed("v=1&p=four-day-dry&s=2026-03-01%2C2026-04-01&n=1")),
        "plan link: 2 sessions are given but only 1 is planned"
    );
    assert_eq!(
        link_error(&signed("v=1&p=four-day-dry&s=2026-03-01&cp=call+us")),
        "plan link: clinic phone: \"call us\" is not a phone number: use digits, spaces and + ( ) - . /"
    );
    assert_eq!(
        link_error(&signed("v=1&p=four-day-dry&s=2026-03-01&q=1")),
        "plan link: unknown part \"q\" in the link"
    );
}

#[test]
fn a_deflate_bomb_is_stopped_at_the_protocol_limit() {
    // 10 MB of one byte packs into about 10 KB: the link limit would stop
    // it, so unpacking is tested with one that fits the length too.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b'a'; 1024 * 1024], 10);
    let x = URL_SAFE_NO_PAD.encode(&bomb);
    assert!(x.len() < 1500, "{}", x.len());
    assert_eq!(
        link_error(&signed(&format!("v=1&x={x}&s=2026-03-01"))),
        "plan link: the clinic's protocol (x) unpacks to more than 65536 bytes"
    );
}

#[test]
fn an_inline_protocol_in_a_link_is_checked_like_a_file() {
    let toml = "format = 1\nid = \"Bad Id\"\nname = \"N\"\nsummary = \"S\"\n\
                [sessions]\nusual = 1\nmin = 1\nmax = 1\n";
    let x = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(toml.as_bytes(), 10));
    assert_eq!(
        link_error(&signed(&format!("v=1&x={x}&s=2026-03-01"))),
        "plan link: the clinic's protocol (x): line 2, field \"id\": \"Bad Id\" is not a valid id \
         (use lowercase letters, digits and hyphens)"
    );
}

#[test]
fn to_link_refuses_what_from_link_would() {
    let mut plan = builtin_plan("four-day-dry");
    plan.clinic.email = "desk".into();
    assert_eq!(
        plan.to_link().unwrap_err().to_string(),
        "plan link: clinic email: \"desk\" is not an email address such as desk@clinic.example"
    );
}

#[test]
fn a_protocol_in_a_link_is_stored_as_canonical_text() {
    // Packed by someone else, comments and all.
    let text = own_protocol_text(2);
    assert!(text.starts_with("# Our clinic's rules"));
    let x = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 10));
    let read = PlanFile::from_link(&signed(&format!("v=1&x={x}&s=2026-03-01"))).unwrap();
    assert_eq!(read.protocol, inline(2));
    let HandoverProtocol::Inline { toml, .. } = &read.protocol else {
        panic!("inline")
    };
    assert!(
        toml.starts_with("format = 1\nid = \"our-clinic\"\n"),
        "{toml}"
    );
}

/// The fault the engine gives a refused file or link.
fn fault_of<T: std::fmt::Debug>(result: Result<T, aftercare::Error>) -> Fault {
    match result {
        Err(
            aftercare::Error::PlanFile { fault, .. } | aftercare::Error::PlanLink { fault, .. },
        ) => fault,
        other => panic!("{other:?}"),
    }
}

#[test]
fn each_file_refusal_says_what_kind_of_fault_it_is() {
    let huge = vec![b'#'; MAX_PLAN_FILE_BYTES + 1];
    let written = builtin_plan("four-day-dry").to_toml();
    let cut = &written.as_bytes()[..written.find("sessions = [").unwrap() + 14];
    let cases: [(&str, &[u8], Fault); 17] = [
        ("a PDF", b"%PDF-1.7\n", Fault::Pdf),
        ("a PNG", b"\x89PNG\r\n\x1a\n\0\0", Fault::Picture),
        ("a JPEG", b"\xFF\xD8\xFF\xE0\0\x10JFIF", Fault::Picture),
        ("a GIF", b"GIF89a\x01\0\x01\0", Fault::Picture),
        ("a NUL byte", b"smpplan = 1\0\n", Fault::Binary),
        ("not UTF-8", b"smpplan = 1 # caf\xE9\n", Fault::Binary),
        ("over 64 KiB", &huge, Fault::TooLarge),
        ("a protocol file", b"format = 1\nid = \"ours\"\n", Fault::NotAPlan),
        ("a newer version", b"smpplan = 2\n", Fault::Newer),
        ("a version as text", b"smpplan = \"1\"\n", Fault::Damaged),
        ("cut off mid-array", cut, Fault::Damaged),
        ("an unclosed quote", b"smpplan = 1\nprotocol = \"four-day-dry\n", Fault::Damaged),
        (
            "an unknown key",
            b"smpplan = 1\ncolour = 1\nprotocol = \"four-day-dry\"\nsessions = [\"2026-03-02\"]\n",
            Fault::Nonsense,
        ),
        (
            "an unknown protocol",
            b"smpplan = 1\nprotocol = \"nope\"\nsessions = [\"2026-03-02\"]\n",
            Fault::Nonsense,
        ),
        (
            "no real date",
            b"smpplan = 1\nprotocol = \"four-day-dry\"\nsessions = [\"2026-02-30\"]\n",
            Fault::Nonsense,
        ),
        (
            "more sessions than planned",
            b"smpplan = 1\nprotocol = \"four-day-dry\"\nsessions = [\"2026-03-02\", \"2026-02-02\"]\nplanned = 1\n",
            Fault::Nonsense,
        ),
        (
            "a clinic phone that is not one",
            b"smpplan = 1\nprotocol = \"four-day-dry\"\nsessions = [\"2026-03-02\"]\n[clinic]\nphone = \"call us\"\n",
            Fault::Nonsense,
        ),
    ];
    for (what, bytes, expected) in cases {
        assert_eq!(
            fault_of(PlanFile::from_bytes("plan.smpplan", bytes)),
            expected,
            "{what}"
        );
    }
}

#[test]
fn each_link_refusal_says_what_kind_of_fault_it_is() {
    let good = builtin_plan("four-day-dry").to_link().unwrap();
    let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
        &vec![b'a'; 1024 * 1024],
        10,
    ));
    let cases: Vec<(&str, String, Fault)> = vec![
        (
            "a web address",
            "https://example.com/plan".into(),
            Fault::NotALink,
        ),
        (
            "over 2000 bytes",
            format!("{good}{}", "a".repeat(MAX_LINK_BYTES)),
            Fault::TooLong,
        ),
        ("a newer version", good.replace("v=1", "v=2"), Fault::Newer),
        (
            "a version as text",
            good.replace("v=1", "v=one"),
            Fault::Damaged,
        ),
        (
            "no version",
            signed("p=four-day-dry&s=2026-03-01"),
            Fault::Damaged,
        ),
        (
            "a changed date",
            good.replace("2026-03-15", "2026-03-16"),
            Fault::Damaged,
        ),
        (
            "cut off",
            good[..good.len() - 3].to_string(),
            Fault::Damaged,
        ),
        (
            "an unknown part",
            signed("v=1&p=four-day-dry&s=2026-03-01&q=1"),
            Fault::Damaged,
        ),
        (
            "a part twice",
            signed("v=1&p=four-day-dry&s=2026-03-01&s=2026-03-02"),
            Fault::Damaged,
        ),
        ("no protocol", signed("v=1&s=2026-03-01"), Fault::Damaged),
        ("no sessions", signed("v=1&p=four-day-dry"), Fault::Damaged),
        (
            "a planned count as words",
            signed("v=1&p=four-day-dry&s=2026-03-01&n=three"),
            Fault::Damaged,
        ),
        (
            "a protocol not base64",
            signed("v=1&x=%21%21&s=2026-03-01"),
            Fault::Damaged,
        ),
        (
            "a protocol that unpacks too large",
            signed(&format!("v=1&x={bomb}&s=2026-03-01")),
            Fault::TooLong,
        ),
        (
            "an unknown protocol",
            signed("v=1&p=nope&s=2026-03-01"),
            Fault::Nonsense,
        ),
        (
            "a session twice",
            signed("v=1&p=four-day-dry&s=2026-03-01,2026-03-01"),
            Fault::Nonsense,
        ),
        (
            "no real date",
            signed("v=1&p=four-day-dry&s=2026-02-30"),
            Fault::Nonsense,
        ),
        (
            "an unknown zone",
            signed("v=1&p=four-day-dry&s=2026-03-01&z=Mars%2FBase"),
            Fault::Nonsense,
        ),
    ];
    for (what, link, expected) in cases {
        assert_eq!(fault_of(PlanFile::from_link(&link)), expected, "{what}");
    }
}

#[test]
fn a_link_too_long_to_write_is_too_long() {
    let plan = plan_with(inline(100));
    assert_eq!(fault_of(plan.to_link()), Fault::TooLong);
}

#[test]
fn the_fault_is_serialized_beside_the_message() {
    let err = PlanFile::from_bytes("plan.smpplan", b"%PDF-1.7\n").unwrap_err();
    assert_eq!(
        serde_json::to_value(&err).unwrap(),
        serde_json::json!({
            "kind": "plan_file",
            "source_name": "plan.smpplan",
            "line": null,
            "field": null,
            "message": "This is a PDF, not a plan file: ask your clinic for their .smpplan file or link",
            "fault": "pdf",
        })
    );
}
