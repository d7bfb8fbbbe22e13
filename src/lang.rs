//! The languages the app, the engine and the CLI speak.
//!
//! Every text the engine writes (milestones, reminders, day labels, the
//! CLI's output) comes from a Fluent message file per language under
//! `locales/` (see `docs/developer/i18n.md`); a protocol's own texts may
//! carry several languages and fall back to the protocol's default one.
//!
//! ```
//! use aftercare::Lang;
//!
//! assert_eq!(Lang::from_locale("es_ES.UTF-8"), Some(Lang::Es));
//! assert_eq!(Lang::from_locale("en-GB"), Some(Lang::En));
//! assert_eq!(Lang::from_locale("de_DE"), None);
//! assert_eq!(Lang::Es.tag(), "es");
//! ```

use serde::{Deserialize, Serialize};

/// A language the app has message files for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the default and the fallback.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, default first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 language tag: `en`, `es`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of a locale name as systems write it (`es_ES.UTF-8`,
    /// `es-MX`, `en`), or `None` when the app has no messages for it (the
    /// caller falls back to English). `C` and `POSIX` are `None` too.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let primary = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }
}
