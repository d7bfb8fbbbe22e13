//! Inputs the fuzzers (`fuzz/`, docs/reliability.md "Fuzzing") found to
//! break a parser, each kept as it was found, with what the engine must
//! answer instead.

use aftercare::handover::Fault;
use aftercare::{ClinicDetails, Error, PlanFile};

/// `link` with the CRC-32 after its last `&c=` recomputed, as
/// `PlanFile::to_link` writes it, so that a test reaches what the
/// checksum guards.
fn sealed(link: &str) -> String {
    let (head, _) = link.rsplit_once("&c=").unwrap();
    let (_, body) = head.split_once('?').unwrap();
    format!("{head}&c={:08x}", crc32fast::hash(body.as_bytes()))
}

/// Found by `plan_link` after 200 s (AFL++ `id:000000,sig:06`): `%cb` is
/// not UTF-8, the query decoder put U+FFFD in the clinic's name, the link
/// was accepted, and the plan file written from it was refused by the file
/// reader as "not text": a plan that opens by link but cannot be saved or
/// shared as a file.
#[test]
fn a_link_escape_that_is_not_utf8_is_refused_as_damaged() {
    // The target reads each input again with its checksum recomputed
    // (fuzz/src/lib.rs): that second reading was accepted.
    let found = "smp-aftercare://plan?v=1&p=four-day-dry&s=2026-05-04&cn=Hairlind/Ipkehv#dq>1031+973+0000%cb?bcre%40hairline.example&c=c09e5057";
    match PlanFile::from_link(&sealed(found)) {
        Err(Error::PlanLink { fault, message }) => {
            assert_eq!(fault, Fault::Damaged);
            assert_eq!(
                message,
                "the link's \"cn\" holds bytes that are not text: the link is damaged; ask your clinic for a new one"
            );
        }
        other => panic!("expected a damaged link, got {other:?}"),
    }
}

/// U+FFFD written out in a link (`%EF%BF%BD`) is UTF-8, but a plan file
/// holding it is refused all the same: the link is refused too, and the
/// clinic's details as the CLI's `share` checks them.
#[test]
fn a_replacement_character_never_reaches_a_plan_file() {
    let link =
        sealed("smp-aftercare://plan?v=1&p=four-day-dry&s=2026-05-04&cn=Studio+%EF%BF%BD&c=0");
    assert!(matches!(
        PlanFile::from_link(&link),
        Err(Error::PlanLink {
            fault: Fault::Damaged,
            ..
        })
    ));
    let clinic = ClinicDetails {
        name: "Studio \u{FFFD}".into(),
        ..ClinicDetails::default()
    };
    assert_eq!(
        clinic.check(),
        Err((
            "name",
            "\"Studio \u{FFFD}\" contains U+FFFD, which stands for bytes that were not text; write the text again"
                .to_string()
        ))
    );
}

/// The fix refuses only what is not text: a clinic's name in any script,
/// escaped as UTF-8, still opens and writes back as a file that reads
/// back equal.
#[test]
fn a_link_with_utf8_escapes_still_round_trips_as_a_file() {
    let link = sealed(
        "smp-aftercare://plan?v=1&p=four-day-dry&s=2026-05-04&cn=Cl%C3%ADnica+%E6%9D%B1%E4%BA%AC&c=0",
    );
    let file = PlanFile::from_link(&link).unwrap();
    assert_eq!(file.clinic.name, "Clínica 東京");
    let text = file.to_toml();
    assert_eq!(
        PlanFile::from_bytes("plan.smpplan", text.as_bytes()).unwrap(),
        file
    );
}
