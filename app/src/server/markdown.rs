//! Markdown to HTML that is safe to put in a page: raw HTML in the source is shown as text,
//! never passed through; links keep only http(s), mailto and local targets; images become
//! links. What comes out is built by pulldown-cmark, which escapes all text.
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (lower.starts_with('/') && !lower.starts_with("//"))
        || lower.starts_with('#')
}

pub fn render(source: &str) -> String {
    let parser = Parser::new_ext(
        source,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut in_image = false;
    let events = parser.map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = if safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::from("#")
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        Event::Start(Tag::Image {
            dest_url,
            title,
            id,
            ..
        }) => {
            in_image = true;
            let dest_url = if safe_url(&dest_url) {
                dest_url
            } else {
                CowStr::from("#")
            };
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url,
                title,
                id,
            })
        }
        Event::End(TagEnd::Image) if in_image => {
            in_image = false;
            Event::End(TagEnd::Link)
        }
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ordinary_markdown_renders() {
        let html = render("**Resumé**: taskforcen drøfter *surveyen*.\n\n- punkt 1\n- punkt 2");
        assert!(html.contains("<strong>Resumé</strong>"));
        assert!(html.contains("<li>punkt 1</li>"));
    }

    #[test]
    fn script_tags_and_event_handlers_come_out_as_text() {
        let html = render("<script>alert(1)</script>\n\nHej <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn javascript_links_lose_their_target() {
        let html = render(
            "[klik](javascript:alert(1)) [ok](https://example.org) ![x](data:text/html,boom)",
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains(r#"href="https://example.org""#));
    }

    const TAGS: &[&str] = &[
        "p",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "a",
        "code",
        "pre",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
    ];
    const ATTRIBUTES: &[&str] = &["href", "title", "start", "style"];

    /// Every tag the renderer wrote, with the names of its attributes. Text is escaped, so each
    /// `<` in the output opens a tag.
    fn tags(html: &str) -> Vec<(String, Vec<String>)> {
        html.split('<')
            .skip(1)
            .map(|rest| {
                let inside = rest.split('>').next().unwrap_or_default();
                let mut words = inside.trim_start_matches('/').split_whitespace();
                let name = words
                    .next()
                    .unwrap_or_default()
                    .trim_end_matches('/')
                    .to_string();
                let attributes = inside
                    .split('"')
                    .step_by(2)
                    .flat_map(str::split_whitespace)
                    .filter_map(|token| token.split_once('=').map(|(n, _)| n.to_string()))
                    .collect();
                (name, attributes)
            })
            .collect()
    }

    /// Every real link (a `<a href="` written by the renderer) points somewhere harmless.
    fn no_script_links(html: &str) -> bool {
        html.match_indices("<a href=\"").all(|(at, opening)| {
            let target = html[at + opening.len()..].to_ascii_lowercase();
            !(target.starts_with("javascript:")
                || target.starts_with("data:")
                || target.starts_with("vbscript:"))
        })
    }

    proptest! {
        #[test]
        fn any_input_yields_only_allowed_tags_and_attributes_and_no_script_urls(input in "\\PC{0,200}") {
            let html = render(&input);
            for (name, attributes) in tags(&html) {
                prop_assert!(TAGS.contains(&name.as_str()), "tag {name} in {html}");
                for attribute in attributes {
                    prop_assert!(ATTRIBUTES.contains(&attribute.as_str()), "attribute {attribute} in {html}");
                }
            }
            prop_assert!(no_script_links(&html), "{html}");
        }

        #[test]
        fn hostile_fragments_stay_inert(prefix in "[a-z ]{0,10}", tag in prop::sample::select(vec!["<script>x</script>", "<a href=\"javascript:x\">y</a>", "<svg onload=x>", "[l](javascript:x)", "<iframe src=x>", "[l](JaVaScRiPt:x)"])) {
            let html = render(&format!("{prefix}{tag}"));
            for (name, attributes) in tags(&html) {
                prop_assert!(TAGS.contains(&name.as_str()), "tag {name} in {html}");
                prop_assert!(attributes.iter().all(|a| ATTRIBUTES.contains(&a.as_str())), "{html}");
            }
            prop_assert!(no_script_links(&html), "{html}");
        }
    }
}
