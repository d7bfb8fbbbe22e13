//! `aftercare`: the engine's headless face, for clinics, scripts and tests.
//!
//! The contract (kept stable; the app's own tests rely on it):
//!
//! ```text
//! aftercare protocols [--json]
//! aftercare check FILE
//! aftercare status    PLAN [--on DATE] [--json]
//! aftercare plan      PLAN [--json]
//! aftercare reminders PLAN [--at HH:MM] [--json]
//! aftercare chart     PLAN [--on DATE] [--json]
//! aftercare ics       PLAN [--at HH:MM]
//! aftercare share     PLAN --clinic-name N --clinic-phone P --clinic-email E
//!                     [--clinic-address A] [--out FILE] [--link] [--qr FILE.svg]
//! aftercare open      FILE|LINK [--json]
//! PLAN = --session DATE [--session DATE ...] [--planned N] [--protocol ID|FILE] [--tz ZONE]
//! every command also takes --lang en|es (default: from LC_ALL, LC_MESSAGES, LANG)
//! ```
//!
//! Human output, the texts inside `--json` and the error line follow the
//! language; JSON field names and ids do not. The detail of a protocol or
//! plan file's error (the validator's words) stays in English, and so do
//! clap's usage errors (clap has no translations; they come before the
//! language is known).
//!
//! Bad input exits with status 2 and one line on stderr; stdout stays empty
//! and `share` writes no file.

mod render;
mod share;

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use aftercare::error_text::quote;
use aftercare::messages::{Arg, tr, tr_plain};
use aftercare::{DEFAULT_PROTOCOL, Lang, Plan, Protocol, parse_date, parse_time, parse_zone};
use chrono::{NaiveDate, NaiveTime, SubsecRound, Utc};
use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand};

/// Scalp micropigmentation aftercare: what you may do each day after a session.
#[derive(Parser)]
#[command(name = "aftercare", version, about, propagate_version = true)]
struct Cli {
    /// The language of the output: en or es; default: from LC_ALL,
    /// LC_MESSAGES or LANG, English where none names one of these.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the built-in clinic protocols.
    Protocols {
        /// Print JSON: every protocol with all its rules.
        #[arg(long)]
        json: bool,
    },
    /// Validate a protocol file; errors name the line and field.
    Check {
        /// The TOML file to check.
        file: String,
    },
    /// What you may do on a date.
    Status {
        #[command(flatten)]
        plan: PlanArgs,
        /// The date to ask about (YYYY-MM-DD); default: today in --tz.
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// How to get ready for the next booked session.
    Prep {
        #[command(flatten)]
        plan: PlanArgs,
        /// The date to count from (YYYY-MM-DD); default: today in --tz.
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Print JSON (`null` when no session is booked ahead).
        #[arg(long)]
        json: bool,
    },
    /// Every activity a protocol can name, with its id and display name
    /// (with --json, also the everyday words "Can I…?" understands).
    Activities {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every day on which something changes.
    Plan {
        #[command(flatten)]
        plan: PlanArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The notification plan.
    Reminders {
        #[command(flatten)]
        plan: PlanArgs,
        /// Local time of day for reminders (HH:MM).
        #[arg(long, value_name = "HH:MM", default_value = "09:00")]
        at: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Each activity's days from the first session to the end of the
    /// restrictions: avoid, with care, OK or not mentioned.
    Chart {
        #[command(flatten)]
        plan: PlanArgs,
        /// The date to mark as today (YYYY-MM-DD); default: today in --tz.
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Print JSON: the chart with today's place on it.
        #[arg(long)]
        json: bool,
    },
    /// The plan as an iCalendar (RFC 5545) file on stdout.
    Ics {
        #[command(flatten)]
        plan: PlanArgs,
        /// Local time of day for reminders (HH:MM).
        #[arg(long, value_name = "HH:MM", default_value = "09:00")]
        at: String,
    },
    /// Hand a plan to a client: a .smpplan file, a link and a QR code for
    /// the aftercare card, checked as the app will read them. A protocol
    /// file (--protocol FILE) travels inside; the zone only with --tz.
    Share {
        #[command(flatten)]
        plan: PlanArgs,
        /// The clinic's name, as the client's app will show it (plain text).
        #[arg(long, value_name = "NAME")]
        clinic_name: String,
        /// The clinic's phone number.
        #[arg(long, value_name = "PHONE")]
        clinic_phone: String,
        /// The clinic's email address.
        #[arg(long, value_name = "EMAIL")]
        clinic_email: String,
        /// The clinic's postal address, one line.
        #[arg(long, value_name = "ADDRESS")]
        clinic_address: Option<String>,
        /// Where to write the .smpplan file; without it the file goes to
        /// stdout, unless --link prints the link there.
        #[arg(long, value_name = "FILE")]
        out: Option<String>,
        /// Print the smp-aftercare://plan link.
        #[arg(long)]
        link: bool,
        /// Write the link as a QR code (SVG) to print on the aftercare card.
        #[arg(long, value_name = "FILE.svg")]
        qr: Option<String>,
    },
    /// Show what a .smpplan file or a smp-aftercare://plan link holds.
    Open {
        /// The file, or the link.
        #[arg(value_name = "FILE|LINK")]
        source: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct PlanArgs {
    /// A booked session date (YYYY-MM-DD); repeat for each session.
    #[arg(long = "session", value_name = "DATE", required = true)]
    sessions: Vec<String>,
    /// How many sessions are planned in all; default: the protocol's usual count.
    #[arg(long, value_name = "N")]
    planned: Option<String>,
    /// A built-in protocol id or a protocol file.
    #[arg(long, value_name = "ID|FILE", default_value = DEFAULT_PROTOCOL)]
    protocol: String,
    /// IANA time zone, such as Europe/London; default: the system's.
    #[arg(long, value_name = "ZONE")]
    tz: Option<String>,
}

/// Bad input or a failed read or write: the run ends with status 2.
enum Failure {
    /// The engine's refusal, worded in the run's language when printed.
    Engine(aftercare::Error),
    /// The CLI's own message, already in the run's language.
    Input(String),
}

impl From<aftercare::Error> for Failure {
    fn from(e: aftercare::Error) -> Self {
        Failure::Engine(e)
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version: print as clap does.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => return fail(&one_line(&usage_error(e))),
    };
    let lang = cli.lang.unwrap_or_else(lang_from_env);
    match run(cli.command, lang) {
        Ok(out) => emit(&out, lang),
        Err(Failure::Engine(e)) => fail(&e.message_in(lang)),
        Err(Failure::Input(message)) => fail(&message),
    }
}

/// Writes everything at once; a closed pipe (`| head`) is not an error.
fn emit(out: &str, lang: Lang) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let reason = ("reason", Arg::from(e.to_string()));
            let message = tr(lang, "cli-error-write-output", &[reason]);
            eprintln!("aftercare: {}", render::terminal_line(&message));
            ExitCode::from(1)
        }
    }
}

/// The one stderr line: values in messages are already quoted with escapes
/// (`"2026-01-01\n"`); whatever else could hold a control character (a
/// file name, a TOML or clap message) is escaped here.
fn fail(message: &str) -> ExitCode {
    eprintln!("aftercare: {}", render::terminal_line(message));
    ExitCode::from(2)
}

/// clap's message for a usage error. clap writes the values it names as
/// they are: a line break would split the message (and [`one_line`] would
/// join it with a space) and ESC sequences are dropped. So the message is
/// that of the same arguments with their control characters escaped, which
/// fail the same way; the original where they do not (non-UTF-8 input).
fn usage_error(original: clap::Error) -> String {
    let escaped =
        std::env::args_os().map(|arg| render::terminal_line(&arg.to_string_lossy()).into_owned());
    match Cli::try_parse_from(escaped) {
        Err(e) if e.kind() == original.kind() => e.render().to_string(),
        _ => original.render().to_string(),
    }
}

/// clap's usage errors span several lines; keep what names the problem.
fn one_line(rendered: &str) -> String {
    rendered
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:"))
        .filter(|l| {
            !l.is_empty() && !l.starts_with("For more information") && !l.starts_with("tip:")
        })
        .map(|l| l.trim_start_matches("error: "))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `--lang`: a language the output can be written in.
fn parse_lang(value: &str) -> Result<Lang, String> {
    Lang::ALL
        .into_iter()
        .find(|l| l.tag() == value)
        .ok_or_else(|| {
            let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
            format!("expected {}", tags.join(" or "))
        })
}

/// The language the environment asks for: the first of LC_ALL,
/// LC_MESSAGES and LANG that is set and not empty decides, as for every
/// POSIX program; English where it names no language the CLI speaks
/// (`C`, `POSIX`, `de_DE.UTF-8`).
fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_locale(&value))
        .unwrap_or_default()
}

fn run(command: Command, lang: Lang) -> Result<String, Failure> {
    match command {
        Command::Protocols { json } => {
            let all = Protocol::builtins();
            Ok(if json {
                // Each protocol as the engine serializes it, plus the days a
                // client compares with their leaflet (the app's picker shows
                // the same `key_days`).
                let all: Vec<Protocol> = all.iter().map(|p| p.in_lang(lang)).collect();
                let listed: Vec<Listed<'_>> = all
                    .iter()
                    .map(|protocol| Listed {
                        protocol,
                        key_days: protocol.key_days(),
                    })
                    .collect();
                to_json(&listed)
            } else {
                human(render::protocols(lang, &all))
            })
        }
        Command::Check { file } => {
            let protocol = read_protocol_file(&file, lang)?;
            Ok(human(render::checked(lang, &file, &protocol)))
        }
        Command::Status { plan, on, json } => {
            let plan = build_plan(&plan, lang)?;
            let date = date_or_today(&plan, on.as_deref())?;
            let status = plan.status(date);
            Ok(if json {
                to_json(&status)
            } else {
                human(render::status(&plan, &status))
            })
        }
        Command::Prep { plan, on, json } => {
            let plan = build_plan(&plan, lang)?;
            let date = date_or_today(&plan, on.as_deref())?;
            let prep = plan.preparation(date);
            Ok(if json {
                to_json(&prep)
            } else {
                human(render::preparation(
                    lang,
                    date,
                    prep.as_ref(),
                    plan.warnings(),
                ))
            })
        }
        Command::Activities { json } => Ok(if json {
            to_json(aftercare::Vocabulary::builtin_in(lang))
        } else {
            human(render::activities(lang))
        }),
        Command::Plan { plan, json } => {
            let plan = build_plan(&plan, lang)?;
            Ok(if json {
                to_json(&render::PlanJson::new(&plan))
            } else {
                human(render::plan(&plan))
            })
        }
        Command::Reminders { plan, at, json } => {
            let at = parse_time(&at)?;
            let plan = build_plan(&plan, lang)?;
            let reminders = plan.reminders(at);
            Ok(if json {
                to_json(&reminders)
            } else {
                human(render::reminders(&plan, &reminders))
            })
        }
        Command::Chart { plan, on, json } => {
            let plan = build_plan(&plan, lang)?;
            let date = date_or_today(&plan, on.as_deref())?;
            let chart = plan.chart().on(date);
            Ok(if json {
                to_json(&chart)
            } else {
                human(render::chart(lang, &chart))
            })
        }
        Command::Ics { plan, at } => {
            let at: NaiveTime = parse_time(&at)?;
            let plan = build_plan(&plan, lang)?;
            Ok(plan.ics(at, Utc::now().trunc_subsecs(0)))
        }
        Command::Share {
            plan,
            clinic_name,
            clinic_phone,
            clinic_email,
            clinic_address,
            out,
            link,
            qr,
        } => share::share(
            &plan,
            share::ClinicArgs {
                name: clinic_name,
                phone: clinic_phone,
                email: clinic_email,
                address: clinic_address,
            },
            &share::Outputs { out, link, qr },
            lang,
        ),
        Command::Open { source, json } => {
            let file = share::open(&source, lang)?;
            Ok(if json {
                to_json(&share::OpenedJson::new(&file))
            } else {
                human(share::opened(&file, lang))
            })
        }
    }
}

/// Output for people, made inert for the terminal. JSON is left as it is
/// (it must stay valid JSON holding the exact values; serde_json escapes
/// C0 controls, and validation keeps control characters out of protocol
/// text), and the calendar escapes its own text.
fn human(out: String) -> String {
    match render::terminal(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

/// `--on DATE`, or else today in the plan's zone.
fn date_or_today(plan: &Plan, on: Option<&str>) -> Result<NaiveDate, Failure> {
    Ok(match on {
        Some(text) => parse_date(text)?,
        None => plan.today(Utc::now()),
    })
}

fn build_plan(args: &PlanArgs, lang: Lang) -> Result<Plan, Failure> {
    let sessions = args
        .sessions
        .iter()
        .map(|s| parse_date(s))
        .collect::<Result<Vec<_>, _>>()?;
    let planned = parse_planned(args.planned.as_deref(), lang)?;
    let zone = match &args.tz {
        Some(name) => parse_zone(name)?,
        None => system_zone(),
    };
    let protocol = load_protocol(&args.protocol, lang)?;
    Ok(Plan::new(protocol, sessions, planned, zone)?.with_lang(lang))
}

/// `--planned N`, where given.
fn parse_planned(text: Option<&str>, lang: Lang) -> Result<Option<u32>, Failure> {
    text.map(|text| {
        text.parse::<u32>().map_err(|_| {
            let value = ("value", Arg::from(quote(lang, text)));
            Failure::Input(tr(lang, "cli-error-planned-count", &[value]))
        })
    })
    .transpose()
}

/// The system's zone, or UTC where it cannot be told.
fn system_zone() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| name.parse().ok())
        .unwrap_or(Tz::UTC)
}

/// A built-in id, or else a file: anything that names an existing file or
/// looks like a path is read as one.
fn load_protocol(value: &str, lang: Lang) -> Result<Protocol, Failure> {
    if aftercare::builtin_ids().any(|id| id == value) {
        return Ok(Protocol::builtin(value)?);
    }
    if looks_like_a_file(value) {
        return read_protocol_file(value, lang);
    }
    Ok(Protocol::builtin(value)?)
}

/// Whether `--protocol` names a file rather than a built-in id.
fn looks_like_a_file(value: &str) -> bool {
    Path::new(value).is_file() || value.contains('/') || value.ends_with(".toml")
}

fn read_protocol_file(path: &str, lang: Lang) -> Result<Protocol, Failure> {
    let text = read_protocol_text(path, lang)?;
    Ok(Protocol::from_toml(path, &text)?)
}

/// A protocol file's text, refusing what [`Protocol::from_bytes`] would
/// refuse without reading a huge file whole.
fn read_protocol_text(path: &str, lang: Lang) -> Result<String, Failure> {
    let cannot = |why: String| {
        let args = [
            ("path", Arg::from(quote(lang, path))),
            ("reason", Arg::from(why)),
        ];
        Failure::Input(tr(lang, "cli-error-read-protocol", &args))
    };
    let meta = std::fs::metadata(path).map_err(|e| cannot(io_reason(&e, lang)))?;
    if !meta.is_file() {
        return Err(cannot(tr_plain(lang, "cli-error-not-a-file")));
    }
    let limit = aftercare::protocol::MAX_PROTOCOL_BYTES as u64;
    if meta.len() > limit {
        // A PDF leaflet is usually bigger than a protocol may be: say what it
        // is, from its first bytes, rather than only that it is too big.
        let mut head = Vec::with_capacity(16);
        std::fs::File::open(path)
            .and_then(|f| f.take(16).read_to_end(&mut head))
            .map_err(|e| cannot(io_reason(&e, lang)))?;
        if let Some(file) = aftercare::FileKind::of_bytes(&head) {
            return Err(aftercare::Error::NotAProtocol {
                source_name: path.to_string(),
                file,
            }
            .into());
        }
        let args = [
            ("path", Arg::from(path)),
            ("size", size_arg(meta.len())),
            ("max", size_arg(limit)),
        ];
        return Err(Failure::Input(tr(
            lang,
            "cli-error-protocol-too-big",
            &args,
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| cannot(io_reason(&e, lang)))?;
    if let Some(file) = aftercare::FileKind::of_bytes(&bytes) {
        return Err(aftercare::Error::NotAProtocol {
            source_name: path.to_string(),
            file,
        }
        .into());
    }
    String::from_utf8(bytes).map_err(|_| {
        aftercare::Error::NotAProtocol {
            source_name: path.to_string(),
            file: aftercare::FileKind::Binary,
        }
        .into()
    })
}

/// A protocol in `aftercare protocols --json`.
#[derive(serde::Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    protocol: &'a Protocol,
    key_days: Vec<aftercare::KeyDay>,
}

/// Why a file could not be read or written, in `lang` for the common
/// cases; any other error as the system words it.
fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => tr_plain(lang, "cli-error-no-such-file"),
        std::io::ErrorKind::PermissionDenied => tr_plain(lang, "cli-error-permission-denied"),
        _ => e.to_string(),
    }
}

/// A byte count as a message argument, written in full (an `i64` holds any
/// file size; the largest is kept rather than wrapped).
fn size_arg(bytes: u64) -> Arg<'static> {
    Arg::from(i64::try_from(bytes).unwrap_or(i64::MAX))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serializing our own plain data cannot fail; fall back to null rather
    // than panic if it ever did.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn clap_errors_become_one_line() {
        let rendered = "error: the following required arguments were not provided:\n  --session <DATE>\n\n\
                        Usage: aftercare status --session <DATE>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "the following required arguments were not provided: --session <DATE>"
        );
    }
}
