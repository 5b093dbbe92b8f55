use std::fmt;

use serde::{Deserialize, Serialize};

/// An e-mail address that has passed a deliberately plain check: one `@`, a non-empty local
/// part, a dotted domain, no whitespace or control characters, at most 254 characters.
/// Stored lower-cased so that look-ups do not depend on how a person typed it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooLong,
    Malformed,
}

impl EmailAddress {
    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        let value = input.trim();
        if value.is_empty() {
            return Err(EmailError::Empty);
        }
        if value.chars().count() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = value.split_once('@').ok_or(EmailError::Malformed)?;
        let well_formed = !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !value
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
        if !well_formed {
            return Err(EmailError::Malformed);
        }
        Ok(EmailAddress(value.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The demo convention: firstname.lastname on a reserved domain, lower case, with
    /// æ→ae, ø→oe, å→aa and other letters reduced to plain ASCII.
    pub fn demo_for_name(name: &str, domain: &str) -> EmailAddress {
        let mut local = String::new();
        for word in name.split_whitespace() {
            let mut part = String::new();
            for c in word.to_lowercase().chars() {
                match c {
                    'æ' => part.push_str("ae"),
                    'ø' => part.push_str("oe"),
                    'å' => part.push_str("aa"),
                    'é' | 'è' => part.push('e'),
                    'ü' => part.push('u'),
                    'ö' => part.push_str("oe"),
                    'ä' => part.push_str("ae"),
                    '-' => part.push('-'),
                    c if c.is_ascii_alphanumeric() => part.push(c),
                    _ => {}
                }
            }
            if !part.is_empty() {
                if !local.is_empty() {
                    local.push('.');
                }
                local.push_str(&part);
            }
        }
        EmailAddress(format!("{local}@{}", domain.to_lowercase()))
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_ordinary_address_is_accepted_and_lower_cased() {
        let email = EmailAddress::parse("  Ann.Maskell@Example.ORG ").expect("valid");
        assert_eq!(email.as_str(), "ann.maskell@example.org");
    }

    #[test]
    fn addresses_without_a_dotted_domain_are_refused() {
        assert_eq!(
            EmailAddress::parse("ann@localhost"),
            Err(EmailError::Malformed)
        );
        assert_eq!(
            EmailAddress::parse("ann@@example.org"),
            Err(EmailError::Malformed)
        );
        assert_eq!(
            EmailAddress::parse("@example.org"),
            Err(EmailError::Malformed)
        );
        assert_eq!(
            EmailAddress::parse("ann@example..org"),
            Err(EmailError::Malformed)
        );
        assert_eq!(EmailAddress::parse(""), Err(EmailError::Empty));
    }

    #[test]
    fn demo_addresses_follow_the_danish_transliteration() {
        let cases = [
            (
                "Marie Louise Refsgaard",
                "marie.louise.refsgaard@example.org",
            ),
            ("Anette Bækgaard", "anette.baekgaard@example.org"),
            ("Lasse Sønderup", "lasse.soenderup@example.org"),
            ("Malene Kjær-Jepsen", "malene.kjaer-jepsen@example.org"),
            ("Åse Ørsted", "aase.oersted@example.org"),
        ];
        for (name, expected) in cases {
            assert_eq!(
                EmailAddress::demo_for_name(name, "example.org").as_str(),
                expected
            );
        }
    }

    proptest! {
        #[test]
        fn any_parsed_address_parses_again_to_itself(local in "[a-zA-Z0-9._%+-]{1,30}", host in "[a-z0-9-]{1,20}", tld in "[a-z]{2,6}") {
            let input = format!("{local}@{host}.{tld}");
            let first = EmailAddress::parse(&input).expect("valid by construction");
            let second = EmailAddress::parse(first.as_str()).expect("still valid");
            prop_assert_eq!(first, second);
        }

        #[test]
        fn parsing_never_panics_and_never_accepts_whitespace(input in "\\PC{0,80}") {
            if let Ok(email) = EmailAddress::parse(&input) {
                prop_assert!(!email.as_str().chars().any(char::is_whitespace));
                prop_assert_eq!(email.as_str().matches('@').count(), 1);
            }
        }

        #[test]
        fn demo_addresses_are_always_valid_ascii(name in "[A-Za-zæøåÆØÅé -]{1,40}") {
            prop_assume!(name.chars().any(|c| c.is_alphabetic()));
            let email = EmailAddress::demo_for_name(&name, "example.org");
            prop_assert!(email.as_str().is_ascii());
            prop_assert!(EmailAddress::parse(email.as_str()).is_ok());
        }
    }
}
