//! The command line, read before anything of Tauri starts: `--help` and
//! `--version` print and exit 0 without a display (Tauri would panic
//! opening one), and a mistyped option is one clear line and exit 2.
//!
//! Three options and one argument need no parser library: this small
//! function replaced clap here, which cost the shipped binary several
//! hundred kilobytes (issue 14, docs/performance.md). The engine's own
//! command line (`aftercare`), with its subcommands, keeps clap.

use std::ffi::OsString;
use std::path::PathBuf;

/// The program's name, as usage and errors print it.
const NAME: &str = "smp-aftercare";

/// `--help`'s text.
const HELP: &str = "\
SMP Aftercare: what you may do each day after scalp micropigmentation, and reminders.

Usage: smp-aftercare [OPTIONS] [PLAN]

Arguments:
  [PLAN]  A plan from your clinic to open: a smp-aftercare:// link or a .smpplan file. The app shows what it would change before anything changes

Options:
      --data-dir <DIR>  Keep your plan in DIR instead of the app's data folder (also SMP_AFTERCARE_DATA_DIR; this option wins)
      --minimized       Start in the tray without showing the window (used when the app starts at login)
  -h, --help            Print help
  -V, --version         Print version

Without options it opens the app. Your plan is kept in the app's data folder, or where --data-dir or SMP_AFTERCARE_DATA_DIR says.
";

/// What the command line asks for.
///
/// ```
/// use smp_aftercare_lib::cli::{Args, Parsed};
///
/// let parsed = Args::parse_from(["smp-aftercare", "--data-dir", "/tmp/plan", "--minimized"]).unwrap();
/// let Parsed::Run(args) = parsed else { panic!("not a run") };
/// assert_eq!(args.data_dir.as_deref(), Some(std::path::Path::new("/tmp/plan")));
/// assert!(args.minimized);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    /// Keep your plan in DIR instead of the app's data folder (also
    /// SMP_AFTERCARE_DATA_DIR; this option wins).
    pub data_dir: Option<PathBuf>,
    /// Start in the tray without showing the window (used when the app
    /// starts at login).
    pub minimized: bool,
    /// A plan from your clinic to open: a smp-aftercare:// link or a
    /// .smpplan file. The app shows what it would change before anything
    /// changes.
    pub open: Option<String>,
}

/// What a command line comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Start the app with these arguments.
    Run(Args),
    /// Print this text (`--help`, `--version`) on stdout and exit 0.
    Print(String),
}

/// A command line the app does not take: the message, without the
/// `error: ` prefix and the usage lines that [`ArgError::report`] adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgError(pub String);

impl ArgError {
    /// The text printed on stderr (exit status 2), worded as clap words
    /// its errors (the engine's CLI uses clap).
    pub fn report(&self) -> String {
        format!(
            "error: {}\n\nUsage: {NAME} [OPTIONS] [PLAN]\n\nFor more information, try '--help'.\n",
            self.0
        )
    }
}

impl Args {
    /// Reads the process's command line. `--help` and `--version` print
    /// and exit 0; a mistake prints one message and exits 2.
    #[cfg(desktop)]
    pub fn from_process() -> Args {
        match Args::parse_from(std::env::args_os()) {
            Ok(Parsed::Run(args)) => args,
            Ok(Parsed::Print(text)) => {
                print!("{text}");
                std::process::exit(0);
            }
            Err(e) => {
                eprint!("{}", e.report());
                std::process::exit(2);
            }
        }
    }

    /// Phones have no command line.
    #[cfg(mobile)]
    pub fn from_process() -> Args {
        Args::default()
    }

    /// Reads `argv` (the program's name first): options anywhere, `--`
    /// before a plan that starts with `-`, at most one plan.
    pub fn parse_from<I, T>(argv: I) -> Result<Parsed, ArgError>
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString>,
    {
        let mut args = Args::default();
        let mut words = argv.into_iter().map(Into::into).skip(1);
        let mut options_end = false;
        while let Some(word) = words.next() {
            let text = word.to_string_lossy();
            if options_end || !text.starts_with('-') || text == "-" {
                let plan = word.into_string().map_err(|w| {
                    ArgError(format!("invalid UTF-8 was detected in the plan {w:?}"))
                })?;
                if args.open.is_some() {
                    return Err(ArgError(format!("unexpected argument '{plan}' found")));
                }
                args.open = Some(plan);
                continue;
            }
            match text.as_ref() {
                "--" => options_end = true,
                "-h" | "--help" => return Ok(Parsed::Print(HELP.to_string())),
                "-V" | "--version" => {
                    return Ok(Parsed::Print(format!(
                        "{NAME} {}\n",
                        env!("CARGO_PKG_VERSION")
                    )));
                }
                "--minimized" => args.minimized = true,
                "--data-dir" => {
                    let dir = words.next().filter(|d| !d.is_empty());
                    args.set_data_dir(dir)?;
                }
                _ => match text.strip_prefix("--data-dir=") {
                    Some(_) => {
                        // The value as given, not lossily: a folder name
                        // need not be UTF-8.
                        let dir = os_after(&word, "--data-dir=").filter(|d| !d.is_empty());
                        args.set_data_dir(dir)?;
                    }
                    None => {
                        let name = text.split('=').next().unwrap_or(&text);
                        return Err(ArgError(format!("unexpected argument '{name}' found")));
                    }
                },
            }
        }
        Ok(Parsed::Run(args))
    }

    fn set_data_dir(&mut self, dir: Option<OsString>) -> Result<(), ArgError> {
        let Some(dir) = dir else {
            return Err(ArgError(
                "a value is required for '--data-dir <DIR>' but none was supplied".into(),
            ));
        };
        if self.data_dir.is_some() {
            return Err(ArgError(
                "the argument '--data-dir <DIR>' cannot be used multiple times".into(),
            ));
        }
        self.data_dir = Some(PathBuf::from(dir));
        Ok(())
    }
}

/// `word` without its ASCII `prefix`, kept as an OS string.
#[cfg(unix)]
fn os_after(word: &OsString, prefix: &str) -> Option<OsString> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = word.as_bytes().strip_prefix(prefix.as_bytes())?;
    Some(std::ffi::OsStr::from_bytes(bytes).to_os_string())
}

/// `word` without its ASCII `prefix` (Windows: as text).
#[cfg(not(unix))]
fn os_after(word: &OsString, prefix: &str) -> Option<OsString> {
    word.to_str()?.strip_prefix(prefix).map(OsString::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(argv: &[&str]) -> Args {
        match Args::parse_from(argv) {
            Ok(Parsed::Run(args)) => args,
            other => panic!("{argv:?} gave {other:?}"),
        }
    }

    fn refused(argv: &[&str]) -> String {
        match Args::parse_from(argv) {
            Err(ArgError(message)) => message,
            other => panic!("{argv:?} gave {other:?}"),
        }
    }

    #[test]
    fn data_dir_in_both_forms_and_the_login_flag() {
        let a = run(&["smp-aftercare", "--data-dir=/c"]);
        assert_eq!(a.data_dir, Some(PathBuf::from("/c")));
        assert!(!a.minimized);
        let a = run(&["smp-aftercare", "--data-dir", "/c d"]);
        assert_eq!(a.data_dir, Some(PathBuf::from("/c d")));
        // The login item starts the app with this very flag.
        let a = run(&["smp-aftercare", crate::setup::MINIMIZED_ARG]);
        assert!(a.minimized);
        assert_eq!(run(&["smp-aftercare"]), Args::default());
    }

    #[test]
    fn a_plan_link_or_file_is_taken_as_the_one_argument() {
        let a = run(&["smp-aftercare", "smp-aftercare://plan?v=1"]);
        assert_eq!(a.open.as_deref(), Some("smp-aftercare://plan?v=1"));
        let a = run(&["smp-aftercare", "--minimized", "/tmp/a.smpplan"]);
        assert_eq!(a.open.as_deref(), Some("/tmp/a.smpplan"));
        assert!(a.minimized);
        let a = run(&["smp-aftercare", "plan.smpplan", "--data-dir", "/d"]);
        assert_eq!(a.open.as_deref(), Some("plan.smpplan"));
        assert_eq!(a.data_dir, Some(PathBuf::from("/d")));
        // After `--`, a plan may start with a dash.
        let a = run(&["smp-aftercare", "--", "-odd.smpplan"]);
        assert_eq!(a.open.as_deref(), Some("-odd.smpplan"));
    }

    #[test]
    fn help_and_version_print() {
        for flag in ["--help", "-h"] {
            assert_eq!(
                Args::parse_from(["smp-aftercare", "--minimized", flag]),
                Ok(Parsed::Print(HELP.to_string()))
            );
        }
        let version = Ok(Parsed::Print(format!(
            "smp-aftercare {}\n",
            env!("CARGO_PKG_VERSION")
        )));
        assert_eq!(Args::parse_from(["smp-aftercare", "-V"]), version);
        assert_eq!(Args::parse_from(["smp-aftercare", "--version"]), version);
    }

    #[test]
    fn a_mistake_is_refused_by_name() {
        let no_value = "a value is required for '--data-dir <DIR>' but none was supplied";
        assert_eq!(refused(&["smp-aftercare", "--data-dir"]), no_value);
        assert_eq!(refused(&["smp-aftercare", "--data-dir="]), no_value);
        assert_eq!(
            refused(&["smp-aftercare", "--data-dir", "/a", "--data-dir=/b"]),
            "the argument '--data-dir <DIR>' cannot be used multiple times"
        );
        assert_eq!(
            refused(&["smp-aftercare", "--colour=red"]),
            "unexpected argument '--colour' found"
        );
        assert_eq!(
            refused(&["smp-aftercare", "-x"]),
            "unexpected argument '-x' found"
        );
        assert_eq!(
            refused(&["smp-aftercare", "a.smpplan", "b.smpplan"]),
            "unexpected argument 'b.smpplan' found"
        );
        assert_eq!(
            ArgError("unexpected argument '-x' found".into()).report(),
            "error: unexpected argument '-x' found\n\nUsage: smp-aftercare [OPTIONS] [PLAN]\n\nFor more information, try '--help'.\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_data_dir_need_not_be_utf8() {
        use std::os::unix::ffi::OsStringExt;
        let mut raw = b"--data-dir=/tmp/caf".to_vec();
        raw.push(0xe9);
        let argv = [OsString::from("smp-aftercare"), OsString::from_vec(raw)];
        let Ok(Parsed::Run(a)) = Args::parse_from(argv) else {
            panic!("refused")
        };
        assert_eq!(
            a.data_dir.unwrap().into_os_string().into_vec(),
            b"/tmp/caf\xe9".to_vec()
        );
    }
}
