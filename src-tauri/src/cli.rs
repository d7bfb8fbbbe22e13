//! The command line, read with clap before anything of Tauri starts: `--help`
//! and `--version` print and exit 0 without a display (Tauri would panic
//! opening one), and a mistyped option is one clear line and exit 2.

use std::path::PathBuf;

use clap::Parser;

/// What the command line asks for.
///
/// ```
/// use clap::Parser;
/// use smp_aftercare_lib::cli::Args;
///
/// let args = Args::try_parse_from(["smp-aftercare", "--data-dir", "/tmp/plan", "--minimized"]).unwrap();
/// assert_eq!(args.data_dir.as_deref(), Some(std::path::Path::new("/tmp/plan")));
/// assert!(args.minimized);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Parser)]
#[command(
    name = "smp-aftercare",
    version,
    about = "SMP Aftercare: what you may do each day after scalp micropigmentation, and reminders.",
    long_about = None,
    after_help = "Without options it opens the app. Your plan is kept in the app's data folder, or where --data-dir or SMP_AFTERCARE_DATA_DIR says."
)]
pub struct Args {
    /// Keep your plan in DIR instead of the app's data folder (also
    /// SMP_AFTERCARE_DATA_DIR; this option wins).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Start in the tray without showing the window (used when the app
    /// starts at login).
    #[arg(long)]
    pub minimized: bool,
    /// A plan from your clinic to open: a smp-aftercare:// link or a
    /// .smpplan file. The app shows what it would change before anything
    /// changes.
    #[arg(value_name = "PLAN")]
    pub open: Option<String>,
}

impl Args {
    /// This process's command line on a desktop: prints and exits for
    /// `--help`, `--version` and a mistake. Phones have none: the defaults.
    pub fn from_process() -> Args {
        #[cfg(desktop)]
        return Args::parse();
        #[cfg(mobile)]
        return Args::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_arguments_are_well_formed() {
        Args::command().debug_assert();
    }

    #[test]
    fn data_dir_in_both_forms_and_the_login_flag() {
        let a = Args::try_parse_from(["smp-aftercare", "--data-dir=/c"]).unwrap();
        assert_eq!(a.data_dir, Some(PathBuf::from("/c")));
        assert!(!a.minimized);
        // The login item starts the app with this very flag.
        let a = Args::try_parse_from(["smp-aftercare", crate::setup::MINIMIZED_ARG]).unwrap();
        assert!(a.minimized);
        assert_eq!(
            Args::try_parse_from(["smp-aftercare"]).unwrap(),
            Args::default()
        );
    }

    #[test]
    fn a_plan_link_or_file_is_taken_as_the_one_argument() {
        let a = Args::try_parse_from(["smp-aftercare", "smp-aftercare://plan?v=1"]).unwrap();
        assert_eq!(a.open.as_deref(), Some("smp-aftercare://plan?v=1"));
        let a = Args::try_parse_from(["smp-aftercare", "--minimized", "/tmp/a.smpplan"]).unwrap();
        assert_eq!(a.open.as_deref(), Some("/tmp/a.smpplan"));
        assert!(a.minimized);
    }

    #[test]
    fn a_mistake_is_refused() {
        let e = Args::try_parse_from(["smp-aftercare", "--data-dir"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::InvalidValue);
        let e = Args::try_parse_from(["smp-aftercare", "--colour"]).unwrap_err();
        assert_eq!(e.kind(), clap::error::ErrorKind::UnknownArgument);
    }
}
