//! The built-in protocols, embedded at compile time from `protocols/*.toml`.

use std::sync::OnceLock;

use crate::error::Error;
use crate::protocol::Protocol;

/// The protocol a new plan uses unless the client picks another.
pub const DEFAULT_PROTOCOL: &str = "four-to-thirty";

/// (id, file text). The id must match the file's own `id`; a unit test
/// checks that every file parses and says the id it is listed under.
const SOURCES: [(&str, &str); 4] = [
    (
        "four-to-thirty",
        include_str!("../protocols/four-to-thirty.toml"),
    ),
    (
        "four-day-dry",
        include_str!("../protocols/four-day-dry.toml"),
    ),
    (
        "light-exercise-day-five",
        include_str!("../protocols/light-exercise-day-five.toml"),
    ),
    (
        "two-week-rest",
        include_str!("../protocols/two-week-rest.toml"),
    ),
];

fn parsed() -> &'static [Result<Protocol, Error>] {
    static PARSED: OnceLock<Vec<Result<Protocol, Error>>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(id, text)| Protocol::from_toml(&format!("protocols/{id}.toml"), text))
            .collect()
    })
}

impl Protocol {
    /// A built-in protocol by id.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownProtocol`] listing the ids there are.
    ///
    /// ```
    /// use aftercare::Protocol;
    ///
    /// assert_eq!(Protocol::builtin("four-day-dry").unwrap().id(), "four-day-dry");
    /// assert_eq!(
    ///     Protocol::builtin("five-to-fifty").unwrap_err().to_string(),
    ///     "unknown protocol \"five-to-fifty\" (built-in protocols: four-to-thirty, four-day-dry, \
    ///      light-exercise-day-five, two-week-rest)",
    /// );
    /// ```
    pub fn builtin(id: &str) -> Result<Protocol, Error> {
        match SOURCES.iter().position(|(known, _)| *known == id) {
            Some(i) => parsed()[i].clone(),
            None => Err(Error::UnknownProtocol {
                value: id.to_string(),
                known: builtin_ids().collect::<Vec<_>>().join(", "),
            }),
        }
    }

    /// Every built-in protocol, the default first.
    ///
    /// ```
    /// let all = aftercare::Protocol::builtins();
    /// assert_eq!(all[0].id(), aftercare::DEFAULT_PROTOCOL);
    /// assert_eq!(all.len(), 4);
    /// ```
    pub fn builtins() -> Vec<Protocol> {
        parsed()
            .iter()
            .filter_map(|p| p.as_ref().ok().cloned())
            .collect()
    }

    /// The TOML text of a built-in protocol, as shipped (for a clinic to copy
    /// and adapt).
    pub fn builtin_source(id: &str) -> Option<&'static str> {
        SOURCES
            .iter()
            .find(|(known, _)| *known == id)
            .map(|(_, text)| *text)
    }
}

/// The ids of the built-in protocols, the default first.
pub fn builtin_ids() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|(id, _)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_parses_under_its_own_id() {
        for ((id, _), parsed) in SOURCES.iter().zip(parsed()) {
            match parsed {
                Ok(p) => assert_eq!(p.id(), *id),
                Err(e) => panic!("{e}"),
            }
        }
    }
}
