use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::forms::FormProblem;

/// A person's name as it goes into mail headers, calendar CN parameters and pages: trimmed,
/// not empty, at most [`PersonName::MAX_CHARS`] characters, and free of control characters
/// (a line break in a display name cannot go into a mail header), line and paragraph
/// separators, and the bidirectional overrides that make a name read as something else.
/// Any other Unicode is kept exactly: "Anne Kjær", "Å", "Kjær, Anne \"Bølle\"".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    Unusable,
}

fn unusable(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl PersonName {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(input: &str) -> Result<PersonName, NameError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(NameError::TooLong);
        }
        if name.chars().any(unusable) {
            return Err(NameError::Unusable);
        }
        Ok(PersonName(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<NameError> for FormProblem {
    fn from(error: NameError) -> FormProblem {
        match error {
            NameError::Empty => FormProblem::NameEmpty,
            NameError::TooLong => FormProblem::NameTooLong,
            NameError::Unusable => FormProblem::NameUnusable,
        }
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn danish_names_and_punctuation_are_kept_exactly() {
        for name in [
            "Anne Kjær",
            "Å",
            "æøå Å",
            "Malene Kjær-Jepsen",
            "Kjær, Anne \"Bølle\"; \\ :",
        ] {
            assert_eq!(PersonName::parse(name).map(|n| n.0), Ok(name.to_string()));
        }
        assert_eq!(
            PersonName::parse("  Lasse Sønderup ").map(|n| n.0),
            Ok("Lasse Sønderup".into())
        );
    }

    #[test]
    fn names_a_mail_header_cannot_hold_are_refused() {
        for name in [
            "Anne\r\nBcc: eve@example.net",
            "Anne\nKjær",
            "Anne\u{0}Kjær",
            "Anne\tKjær",
            "Anne\u{2028}Kjær",
            "\u{202E}ræjK ennA",
        ] {
            assert_eq!(
                PersonName::parse(name),
                Err(NameError::Unusable),
                "{name:?}"
            );
        }
        assert_eq!(PersonName::parse(" \t "), Err(NameError::Empty));
        assert_eq!(
            PersonName::parse(&"Å".repeat(PersonName::MAX_CHARS + 1)),
            Err(NameError::TooLong)
        );
    }

    proptest! {
        #[test]
        fn a_parsed_name_parses_again_to_itself(input in "\\PC{0,60}") {
            if let Ok(name) = PersonName::parse(&input) {
                prop_assert_eq!(PersonName::parse(name.as_str()), Ok(name.clone()));
                prop_assert!(!name.as_str().chars().any(char::is_control));
            }
        }
    }
}
