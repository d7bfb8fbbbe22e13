//! Where the store lives: `--data-dir DIR`, else `SMP_AFTERCARE_DATA_DIR`,
//! else the platform's app data folder. The first two serve portable
//! installs and tests, which must never touch a real user's data.

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable that moves the store.
pub const ENV_VAR: &str = "SMP_AFTERCARE_DATA_DIR";

/// The data folder named on the command line or in the environment, if any.
/// Accepts `--data-dir DIR` and `--data-dir=DIR`; the command line wins.
pub fn from_args_or_env(
    args: impl IntoIterator<Item = OsString>,
    env: Option<OsString>,
) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            if let Some(dir) = args.next() {
                return Some(PathBuf::from(dir));
            }
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            return Some(PathBuf::from(dir));
        }
    }
    env.filter(|v| !v.is_empty()).map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn command_line_then_environment() {
        assert_eq!(
            from_args_or_env(args(&["app", "--data-dir", "/a"]), Some("/b".into())),
            Some(PathBuf::from("/a"))
        );
        assert_eq!(
            from_args_or_env(args(&["app", "--data-dir=/c"]), None),
            Some(PathBuf::from("/c"))
        );
        assert_eq!(
            from_args_or_env(args(&["app"]), Some("/b".into())),
            Some(PathBuf::from("/b"))
        );
        assert_eq!(from_args_or_env(args(&["app"]), Some("".into())), None);
        assert_eq!(from_args_or_env(args(&["app", "--data-dir"]), None), None);
    }
}
