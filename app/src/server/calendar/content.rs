//! iCalendar content lines (RFC 5545 3.1), written so that any text comes out intact:
//! `NAME;PARAM=value:VALUE`, parameter values quoted unless they are plain tokens and
//! encoded with RFC 6868 (`^'` for `"`, `^n` for a newline, `^^` for `^`) because RFC 5545
//! 3.2 allows no DQUOTE inside them, TEXT values escaped (RFC 5545 3.3.11), and lines folded
//! at 75 octets on UTF-8 boundaries with CRLF. Control characters that iCalendar cannot
//! carry are left out.

/// A calendar being written, one folded content line at a time.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    pub fn begin(&mut self, component: &str) {
        self.push(Line::new("BEGIN").value(component));
    }

    pub fn end(&mut self, component: &str) {
        self.push(Line::new("END").value(component));
    }

    pub fn push(&mut self, Line(line): Line) {
        fold_into(&line, &mut self.out);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// One unfolded content line. Property and parameter names are this module's callers' own
/// constants; only values come from people.
#[derive(Debug)]
pub struct Line(String);

impl Line {
    pub fn new(name: &str) -> Line {
        debug_assert!(is_name(name), "not an iCalendar name: {name}");
        Line(name.to_string())
    }

    pub fn param(mut self, name: &str, value: &str) -> Line {
        debug_assert!(is_name(name), "not an iCalendar name: {name}");
        self.0.push(';');
        self.0.push_str(name);
        self.0.push('=');
        self.0.push_str(&param_value(value));
        self
    }

    /// A value that is not TEXT (a date, a number, a URI, a keyword): written as given, less
    /// any control character, so it can never end the line early.
    pub fn value(mut self, value: &str) -> Line {
        self.0.push(':');
        self.0.extend(value.chars().filter(|c| !c.is_control()));
        self
    }

    /// A TEXT value, escaped.
    pub fn text(mut self, value: &str) -> Line {
        self.0.push(':');
        self.0.push_str(&escape_text(value));
        self
    }
}

fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
}

/// CRLF and lone CR become LF, so that every kind of line break is one newline.
fn normalise_newlines(value: &str) -> String {
    value.replace("\r\n", "\n").replace('\r', "\n")
}

/// Tab is the one control character TEXT and quoted parameter values may hold (WSP).
fn droppable(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
pub fn escape_text(value: &str) -> String {
    let normalised = normalise_newlines(value);
    let mut out = String::with_capacity(normalised.len());
    for c in normalised.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if droppable(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: RFC 6868 encoded, and in DQUOTEs unless it is a plain token (letters,
/// digits and `-` `/` `.` `_` `+`), so `,` `;` `:` and any non-ASCII text are always quoted.
pub fn param_value(value: &str) -> String {
    let normalised = normalise_newlines(value);
    let mut encoded = String::with_capacity(normalised.len());
    for c in normalised.chars() {
        match c {
            '^' => encoded.push_str("^^"),
            '"' => encoded.push_str("^'"),
            '\n' => encoded.push_str("^n"),
            c if droppable(c) => {}
            c => encoded.push(c),
        }
    }
    let token = !encoded.is_empty()
        && encoded
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'.' | b'_' | b'+'));
    if token {
        encoded
    } else {
        format!("\"{encoded}\"")
    }
}

/// Appends one content line: physical lines of at most 75 octets, continuations starting
/// with a space, never splitting a UTF-8 character, CRLF after each. A physical line does
/// not end in whitespace where that can be helped: parsers (the `ical` crate among them) and
/// mail relays trim it, so the break goes before the whitespace instead.
fn fold_into(line: &str, out: &mut String) {
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let kept = rest[..cut].trim_end().len();
        if kept > 0 {
            cut = kept;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_tokens_stay_unquoted_and_everything_else_is_quoted() {
        assert_eq!(param_value("NEEDS-ACTION"), "NEEDS-ACTION");
        assert_eq!(param_value("Europe/Copenhagen"), "Europe/Copenhagen");
        assert_eq!(param_value("Jonas Dahl"), "\"Jonas Dahl\"");
        assert_eq!(param_value("Å"), "\"Å\"");
        assert_eq!(param_value(""), "\"\"");
    }

    #[test]
    fn quotes_carets_and_newlines_in_parameter_values_are_rfc_6868_encoded() {
        assert_eq!(
            param_value("Ole \"Bølle\"\r\n^ Bøllesen"),
            "\"Ole ^'Bølle^'^n^^ Bøllesen\""
        );
    }

    #[test]
    fn a_line_is_never_broken_inside_a_character_or_after_a_space() {
        let mut out = String::new();
        fold_into(&format!("SUMMARY:{}", "æø å".repeat(40)), &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{physical}");
            assert!(!physical.ends_with(' '), "«{physical}»");
        }
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "æø å".repeat(40))
        );
    }

    #[test]
    fn a_line_of_nothing_but_spaces_still_folds_within_75_octets() {
        let mut out = String::new();
        fold_into(&format!("SUMMARY:{}", " ".repeat(200)), &mut out);
        assert!(out.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", " ".repeat(200))
        );
    }
}
