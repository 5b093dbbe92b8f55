//! Notices to a person by e-mail: a sign-in link, a welcome, a changed address. From the
//! secretariat's mailbox, in the recipient's language, as text and HTML; no calendar.
//!
//! multipart/alternative
//! ├── text/plain
//! └── text/html
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use lettre::Message;
use lettre::message::{MultiPart, SinglePart};

use crate::i18n::texts;
use crate::model::Lang;
use crate::server::calendar::Party;
use crate::server::mail::{MailError, MailKind, html_escape, mailbox};

/// One notice, its texts already in the recipient's language.
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: MailKind,
    pub lang: Lang,
    pub sender: Party,
    pub recipient: Party,
    pub subject: String,
    /// The message, a paragraph each, before the link.
    pub paragraphs: Vec<String>,
    /// A button's words and where it leads.
    pub link: Option<(String, String)>,
    /// Paragraphs after the link (how long it works, what to do if it was not you).
    pub after: Vec<String>,
    pub message_id: String,
    pub date: DateTime<Utc>,
}

fn text_body(notice: &Notice) -> String {
    let w = texts(notice.lang);
    let mut out = format!(
        "{} {},\n\n",
        w.invitations.mail_greeting, notice.recipient.name
    );
    for paragraph in &notice.paragraphs {
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
    if let Some((label, url)) = &notice.link {
        out.push_str(&format!("{label}:\n{url}\n\n"));
    }
    for paragraph in &notice.after {
        out.push_str(paragraph);
        out.push_str("\n\n");
    }
    out.push_str(&format!(
        "{}\n{}\n{}\n",
        w.invitations.mail_regards, notice.sender.name, notice.sender.email
    ));
    out
}

fn html_body(notice: &Notice) -> String {
    let w = texts(notice.lang);
    let e = html_escape;
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"{}\"><body style=\"font-family:Arial,sans-serif\"><p>{} {},</p>",
        notice.lang.code(),
        w.invitations.mail_greeting,
        e(&notice.recipient.name)
    );
    for paragraph in &notice.paragraphs {
        out.push_str(&format!("<p>{}</p>", e(paragraph)));
    }
    if let Some((label, url)) = &notice.link {
        out.push_str(&format!(
            "<p><a href=\"{}\" style=\"display:inline-block;padding:8px 16px;background:#0059b3;color:#ffffff;text-decoration:none\">{}</a></p><p>{}</p>",
            e(url),
            e(label),
            e(url)
        ));
    }
    for paragraph in &notice.after {
        out.push_str(&format!("<p>{}</p>", e(paragraph)));
    }
    out.push_str(&format!(
        "<p>{}<br>{}<br>{}</p></body></html>",
        w.invitations.mail_regards,
        e(&notice.sender.name),
        e(&notice.sender.email)
    ));
    out
}

/// The complete message, ready for the outbox.
pub fn build(notice: &Notice) -> Result<Vec<u8>, MailError> {
    let message = Message::builder()
        .message_id(Some(format!("<{}>", notice.message_id)))
        .from(mailbox(&notice.sender)?)
        .reply_to(mailbox(&notice.sender)?)
        .to(mailbox(&notice.recipient)?)
        .subject(notice.subject.clone())
        .date(SystemTime::from(notice.date))
        .multipart(
            MultiPart::alternative()
                .singlepart(SinglePart::plain(text_body(notice)))
                .singlepart(SinglePart::html(html_body(notice))),
        )
        .map_err(|e| MailError::Build(e.to_string()))?;
    Ok(message.formatted())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn notice() -> Notice {
        Notice {
            kind: MailKind::Welcome,
            lang: Lang::Da,
            sender: Party {
                name: "Sekretariatet for Taskforce om Ledermobilitet".into(),
                email: "taskforce@example.org".into(),
            },
            recipient: Party {
                name: "Malene Kjær-Jepsen".into(),
                email: "malene.kjaer.jepsen@example.org".into(),
            },
            subject: "Velkommen – vælg din adgangskode".into(),
            paragraphs: vec!["Sekretariatet har oprettet dig <som medlem>.".into()],
            link: Some((
                "Vælg adgangskode".into(),
                "https://taskforce.example.org/link/abc".into(),
            )),
            after: vec!["Linket virker én gang.".into()],
            message_id: "n1@taskforce.example.org".into(),
            date: Utc.with_ymd_and_hms(2022, 3, 1, 9, 0, 0).unwrap(),
        }
    }

    #[test]
    fn a_notice_reads_back_with_the_name_the_link_and_escaped_html() {
        let bytes = build(&notice()).expect("built");
        let parsed = mail_parser::MessageParser::default()
            .parse(&bytes)
            .expect("a message");
        assert_eq!(parsed.subject(), Some("Velkommen – vælg din adgangskode"));
        let to = parsed.to().and_then(|a| a.first()).expect("a recipient");
        assert_eq!(to.name(), Some("Malene Kjær-Jepsen"));
        let text = parsed.body_text(0).expect("a text part");
        assert!(text.starts_with("Kære Malene Kjær-Jepsen,"), "{text}");
        assert!(text.contains("https://taskforce.example.org/link/abc"));
        let html = parsed.body_html(0).expect("an html part");
        assert!(html.contains("&lt;som medlem&gt;"), "{html}");
        assert!(!html.contains("<som medlem>"));
    }

    #[test]
    fn every_line_of_a_notice_ends_in_crlf() {
        let bytes = build(&notice()).expect("built");
        for (i, byte) in bytes.iter().enumerate() {
            if *byte == b'\n' {
                assert_eq!(bytes.get(i.wrapping_sub(1)), Some(&b'\r'), "bare LF at {i}");
            }
        }
    }
}
