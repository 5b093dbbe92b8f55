//! Building URLs by hand without pulling in a crate for it, and reading the route's numbers.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A number in the route (`/meetings/:id`), 0 when it is missing or not a number.
pub fn id_param(name: &'static str) -> Memo<i32> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get(name).and_then(|v| v.parse().ok()).unwrap_or(0)))
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

pub fn query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The redirect target after sign-in: `next` if it is a path on this site, otherwise `/`.
///
/// `next` is first normalised the way a browser's URL parser (WHATWG URL) reads a `Location`:
/// leading and trailing C0 controls and spaces go, every tab and newline inside goes, and `\`
/// counts as `/`. What is left must be a path of its own (one `/`, then not `/`), without
/// dot segments, so that resolving it against this site's address keeps this site. Anything
/// outside printable ASCII is percent-encoded so the answer is always a valid header.
pub fn safe_next(next: &str) -> String {
    let trimmed = next.trim_matches(|c: char| c <= ' ');
    let normalised: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    let path_end = normalised.find(['?', '#']).unwrap_or(normalised.len());
    let dot_segment = normalised[..path_end].split('/').any(|segment| {
        let segment = segment.to_ascii_lowercase();
        matches!(
            segment.as_str(),
            "." | ".." | "%2e" | ".%2e" | "%2e." | "%2e%2e"
        )
    });
    let own_path = normalised.starts_with('/') && !normalised[1..].starts_with('/');
    if !own_path || dot_segment || normalised.chars().any(|c| c.is_control()) {
        return "/".to_string();
    }
    let mut out = String::with_capacity(normalised.len());
    for c in normalised.chars() {
        if c.is_ascii_graphic() && c != '"' && c != '<' && c != '>' && c != '`' {
            out.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_non_ascii_characters_are_encoded() {
        assert_eq!(encode("a b&c=d/æ"), "a%20b%26c%3Dd%2F%C3%A6");
    }

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next("/members"), "/members");
        assert_eq!(
            safe_next("/meetings/4?tab=agenda#punkt-2"),
            "/meetings/4?tab=agenda#punkt-2"
        );
        assert_eq!(safe_next(""), "/");
    }

    #[test]
    fn the_classic_open_redirect_bypasses_all_lead_home() {
        for bypass in [
            "//evil.example",
            "///evil.example",
            "////evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "\t//evil.example",
            " //evil.example",
            "\u{0}//evil.example",
            "\u{1f}/\\evil.example",
            "/\u{b}/evil.example",
            "https://evil.example",
            "http:/evil.example",
            "https:evil.example",
            "//evil.example/%2F..",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "%2F%2Fevil.example",
            "%2f/evil.example",
            "evil.example",
            "/.//evil.example",
            "/./\\evil.example",
            "/../evil.example",
            "/%2e%2e//evil.example",
            "/%2E/%2Fevil.example",
            "/.%2e/evil.example",
        ] {
            assert_eq!(safe_next(bypass), "/", "{bypass:?}");
        }
    }

    #[test]
    fn a_local_path_comes_back_as_a_valid_header_value() {
        assert_eq!(safe_next("/møder"), "/m%C3%B8der");
        assert_eq!(safe_next("/a\tb"), "/ab");
        assert_eq!(safe_next("/%09/evil.example"), "/%09/evil.example");
        assert_eq!(safe_next("/a b\"c<d>"), "/a%20b%22c%3Cd%3E");
        assert_eq!(safe_next("/members\u{7f}"), "/");
    }
}
