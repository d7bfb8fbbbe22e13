//! Where the store lives: `--data-dir DIR` (see `crate::cli`), else `SMP_AFTERCARE_DATA_DIR`,
//! else the platform's app data folder. The first two serve portable
//! installs and tests, which must never touch a real user's data.

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable that moves the store.
pub const ENV_VAR: &str = "SMP_AFTERCARE_DATA_DIR";

/// The data folder named on the command line (`--data-dir`, read by
/// `crate::cli`) or in the environment, if any; the command line wins and
/// an empty variable counts as unset.
pub fn from_args_or_env(arg: Option<PathBuf>, env: Option<OsString>) -> Option<PathBuf> {
    arg.or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_then_environment() {
        assert_eq!(
            from_args_or_env(Some("/a".into()), Some("/b".into())),
            Some(PathBuf::from("/a"))
        );
        assert_eq!(
            from_args_or_env(None, Some("/b".into())),
            Some(PathBuf::from("/b"))
        );
        assert_eq!(from_args_or_env(None, Some("".into())), None);
        assert_eq!(from_args_or_env(None, None), None);
    }
}
