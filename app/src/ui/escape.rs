//! Text for the two places where Leptos writes server-rendered text as it is: the `<title>`
//! (leptos_meta puts it into `<head>` unescaped) and the content of a `<textarea>` (tachys
//! does not escape its children). Elsewhere Leptos escapes text itself.
//!
//! On the server the text is escaped, so that a stored `</title>` or `</textarea>` stays text;
//! the browser decodes it back. In the browser the same text is set through the DOM, where it
//! is plain text already and must not be escaped again.

/// `text` as it may be written into a `<title>` or `<textarea>` by the server renderer.
pub fn raw_text(text: String) -> String {
    if cfg!(feature = "ssr") {
        escape(&text)
    } else {
        text
    }
}

/// Text as it may stand in an element's content or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_cannot_close_its_element_or_start_another() {
        assert_eq!(
            escape(r#"M8 </title><meta http-equiv="refresh">"#),
            "M8 &lt;/title&gt;&lt;meta http-equiv=&quot;refresh&quot;&gt;"
        );
        assert_eq!(
            escape("Bækgaard & Kjær-Jepsen 'A'"),
            "Bækgaard &amp; Kjær-Jepsen &#39;A&#39;"
        );
    }
}
