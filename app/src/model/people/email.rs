use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::forms::FormProblem;

/// An e-mail address every part of the system can carry: a plain ASCII local part (letters,
/// digits and `.` `_` `+` `-` `'`, dots only between characters) at a host name (letters,
/// digits and `-` in dotted labels, the last one starting with a letter), at most 254
/// characters. That is deliberately narrower than RFC 5321: no quoted local parts, no IP
/// literals such as `eve@[127.0.0.1]`, no non-ASCII (which needs SMTPUTF8), so whatever passes
/// goes into a mail header, an SMTP envelope and a `mailto:` URI without escaping.
/// Stored lower-cased so that look-ups do not depend on how a person typed it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooLong,
    /// Not `something@domain`.
    Malformed,
    /// A character before the @ that the address cannot hold (æ, a space, a quote …).
    LocalPart,
    /// What follows the @ is not a host name (an IP literal, an empty label …).
    Domain,
}

const MAX_LOCAL_OCTETS: usize = 64;
const MAX_LABEL_OCTETS: usize = 63;

fn local_part_ok(local: &str) -> bool {
    local.len() <= MAX_LOCAL_OCTETS
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'\''))
        })
}

fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= MAX_LABEL_OCTETS
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.starts_with(|c: char| c.is_ascii_alphabetic()))
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
        let (local, domain) = value.rsplit_once('@').ok_or(EmailError::Malformed)?;
        if local.is_empty() || domain.is_empty() {
            return Err(EmailError::Malformed);
        }
        if !local_part_ok(local) {
            return Err(EmailError::LocalPart);
        }
        if !domain_ok(domain) {
            return Err(EmailError::Domain);
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

impl From<EmailError> for FormProblem {
    fn from(error: EmailError) -> FormProblem {
        match error {
            EmailError::Empty | EmailError::TooLong | EmailError::Malformed => {
                FormProblem::EmailInvalid
            }
            EmailError::LocalPart => FormProblem::EmailLocalPart,
            EmailError::Domain => FormProblem::EmailDomain,
        }
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
            Err(EmailError::Domain)
        );
        assert_eq!(
            EmailAddress::parse("ann@example..org"),
            Err(EmailError::Domain)
        );
        assert_eq!(
            EmailAddress::parse("@example.org"),
            Err(EmailError::Malformed)
        );
        assert_eq!(EmailAddress::parse("ann"), Err(EmailError::Malformed));
        assert_eq!(EmailAddress::parse(""), Err(EmailError::Empty));
    }

    #[test]
    fn addresses_the_mail_library_would_refuse_or_mangle_are_refused() {
        for (input, problem) in [
            ("eve@[127.0.0.1]", EmailError::Domain),
            ("eve@127.0.0.1", EmailError::Domain),
            ("a\"b@example.net", EmailError::LocalPart),
            ("\"anne kjær\"@example.net", EmailError::LocalPart),
            ("ann@@example.org", EmailError::LocalPart),
            ("anne.kjær@example.net", EmailError::LocalPart),
            ("anne kjaer@example.net", EmailError::LocalPart),
            (".anne@example.net", EmailError::LocalPart),
            ("anne.@example.net", EmailError::LocalPart),
            ("an..ne@example.net", EmailError::LocalPart),
            ("anne,kjaer@example.net", EmailError::LocalPart),
            ("anne;kjaer@example.net", EmailError::LocalPart),
            ("anne<kjaer>@example.net", EmailError::LocalPart),
            ("anne\\kjaer@example.net", EmailError::LocalPart),
            ("anne\r\nbcc@example.net", EmailError::LocalPart),
            (
                &format!("{}@example.net", "a".repeat(65)),
                EmailError::LocalPart,
            ),
            ("anne@kjær.dk", EmailError::Domain),
            ("anne@-example.net", EmailError::Domain),
            ("anne@example-.net", EmailError::Domain),
            ("anne@example.net.", EmailError::Domain),
            ("anne@exa_mple.net", EmailError::Domain),
        ] {
            assert_eq!(EmailAddress::parse(input), Err(problem), "{input}");
        }
    }

    #[test]
    fn ordinary_addresses_of_every_shape_are_accepted() {
        for input in [
            "anne.kjaer@example.net",
            "o'neill@example.ie",
            "jesper+taskforce@sub.example.dk",
            "lasse_s-2@kk.dk",
            "x@xn--blbrgrd-fxak7p.dk",
        ] {
            assert!(EmailAddress::parse(input).is_ok(), "{input}");
        }
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
        fn any_parsed_address_parses_again_to_itself(local in "[a-zA-Z0-9_+'-]{1,20}(\\.[a-zA-Z0-9_+'-]{1,10}){0,2}", host in "[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?", tld in "[a-z]{2,6}") {
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
