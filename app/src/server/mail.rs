//! Invitation e-mails (RFC 6047 iMIP): one message per recipient, in their language, from the
//! secretariat's mailbox, with the readable invitation in text and HTML and the iTIP calendar
//! as the last alternative and as an `invite.ics` attachment.
//!
//! multipart/mixed
//! ├── multipart/alternative
//! │   ├── text/plain
//! │   ├── text/html
//! │   └── text/calendar; method=REQUEST|CANCEL   (base64, so CRLF survives every hop)
//! └── application/ics; name=invite.ics          (attachment, base64)
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use lettre::Message;
use lettre::message::header::{ContentDisposition, ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};

use crate::model::Lang;
use crate::model::time::{format_date, format_time_range};
use crate::server::calendar::{self, EventData, Method, Party};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Invitation,
    Update,
    Cancellation,
    /// A plain reminder e-mail; it carries no calendar.
    Reminder,
    /// "The papers are out"; no calendar either.
    Papers,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Invitation => "invitation",
            MailKind::Update => "update",
            MailKind::Cancellation => "cancel",
            MailKind::Reminder => "reminder",
            MailKind::Papers => "papers",
        }
    }
}

/// One line of the agenda summary: number, B/D/O and title.
#[derive(Debug, Clone)]
pub struct AgendaLine {
    pub number: usize,
    pub kind: &'static str,
    pub title: String,
}

/// Everything one recipient's message is made of.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub kind: MailKind,
    pub lang: Lang,
    pub taskforce: String,
    pub meeting_number: i32,
    pub event: EventData,
    pub online_link: Option<String>,
    pub agenda: Vec<AgendaLine>,
    pub organizer: Party,
    pub recipient: Party,
    /// accept, tentative, decline
    pub answer_links: Option<[String; 3]>,
    pub message_id: String,
    pub dtstamp: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("bad address {0:?}")]
    Address(String),
    #[error("a name a mail header cannot hold: {0:?}")]
    Name(String),
    #[error("cannot build the message: {0}")]
    Build(String),
}

struct Words {
    invitation_subject: &'static str,
    update_subject: &'static str,
    reminder_subject: &'static str,
    papers_subject: &'static str,
    papers: &'static str,
    reminder: &'static str,
    cancel_subject: &'static str,
    greeting: &'static str,
    meeting: &'static str,
    invites: &'static str,
    updated: &'static str,
    cancelled: &'static str,
    when: &'static str,
    place: &'static str,
    online: &'static str,
    agenda: &'static str,
    read_agenda: &'static str,
    answer: &'static str,
    accept: &'static str,
    tentative: &'static str,
    decline: &'static str,
    regards: &'static str,
}

const DA: Words = Words {
    invitation_subject: "Invitation",
    update_subject: "Ændret",
    reminder_subject: "Påmindelse",
    papers_subject: "Bilag udsendt",
    papers: "Bilagene til mødet er nu udsendt. Du finder dem ved dagsordenen:",
    reminder: "Påmindelse om mødet:",
    cancel_subject: "Aflyst",
    greeting: "Kære",
    meeting: "møde",
    invites: "inviterer dig til møde",
    updated: "Mødet er ændret. Her er de nye oplysninger.",
    cancelled: "Mødet er aflyst.",
    when: "Tidspunkt",
    place: "Sted",
    online: "Online",
    agenda: "Dagsorden",
    read_agenda: "Læs dagsorden og bilag",
    answer: "Svar på invitationen",
    accept: "Jeg deltager",
    tentative: "Måske",
    decline: "Jeg melder afbud",
    regards: "Med venlig hilsen",
};

const EN: Words = Words {
    invitation_subject: "Invitation",
    update_subject: "Changed",
    reminder_subject: "Reminder",
    papers_subject: "Papers out",
    papers: "The papers for the meeting are out. You find them with the agenda:",
    reminder: "A reminder of the meeting:",
    cancel_subject: "Cancelled",
    greeting: "Dear",
    meeting: "meeting",
    invites: "invites you to meeting",
    updated: "The meeting has changed. Here are the new details.",
    cancelled: "The meeting has been cancelled.",
    when: "Time",
    place: "Place",
    online: "Online",
    agenda: "Agenda",
    read_agenda: "Read the agenda and papers",
    answer: "Answer the invitation",
    accept: "I will attend",
    tentative: "Maybe",
    decline: "I cannot attend",
    regards: "Kind regards",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn subject(inv: &Invitation) -> String {
    let w = words(inv.lang);
    let prefix = match inv.kind {
        MailKind::Invitation => w.invitation_subject,
        MailKind::Update => w.update_subject,
        MailKind::Cancellation => w.cancel_subject,
        MailKind::Reminder => w.reminder_subject,
        MailKind::Papers => w.papers_subject,
    };
    let date = format_date(inv.lang, inv.event.starts_at, &inv.event.time_zone);
    format!(
        "{prefix}: {} – {} {}, {date}",
        inv.taskforce, w.meeting, inv.meeting_number
    )
}

fn when(inv: &Invitation) -> String {
    let zone = &inv.event.time_zone;
    format!(
        "{} {}",
        format_date(inv.lang, inv.event.starts_at, zone),
        format_time_range(inv.lang, inv.event.starts_at, inv.event.ends_at, zone)
    )
}

fn text_body(inv: &Invitation) -> String {
    let w = words(inv.lang);
    let mut out = format!("{} {},\n\n", w.greeting, inv.recipient.name);
    match inv.kind {
        MailKind::Invitation => out.push_str(&format!(
            "{} {} {}: {}\n\n",
            inv.organizer.name, w.invites, inv.meeting_number, inv.event.summary
        )),
        MailKind::Update => out.push_str(&format!("{}\n\n{}\n\n", w.updated, inv.event.summary)),
        MailKind::Cancellation => {
            out.push_str(&format!("{}\n\n{}\n\n", w.cancelled, inv.event.summary))
        }
        MailKind::Reminder => out.push_str(&format!("{}\n\n{}\n\n", w.reminder, inv.event.summary)),
        MailKind::Papers => out.push_str(&format!("{}\n\n{}\n\n", w.papers, inv.event.summary)),
    }
    out.push_str(&format!(
        "{}: {}\n{}: {}\n",
        w.when,
        when(inv),
        w.place,
        inv.event.location
    ));
    if let Some(link) = &inv.online_link {
        out.push_str(&format!("{}: {link}\n", w.online));
    }
    if inv.kind != MailKind::Cancellation {
        out.push_str(&format!("\n{}:\n", w.agenda));
        for line in &inv.agenda {
            out.push_str(&format!(
                "  {}. {} ({})\n",
                line.number, line.title, line.kind
            ));
        }
        out.push_str(&format!("\n{}: {}\n", w.read_agenda, inv.event.url));
        if let Some([accept, tentative, decline]) = &inv.answer_links {
            out.push_str(&format!(
                "\n{}:\n  {}: {accept}\n  {}: {tentative}\n  {}: {decline}\n",
                w.answer, w.accept, w.tentative, w.decline
            ));
        }
    }
    out.push_str(&format!(
        "\n{}\n{}\n{}\n",
        w.regards, inv.organizer.name, inv.organizer.email
    ));
    out
}

fn html_body(inv: &Invitation) -> String {
    let w = words(inv.lang);
    let e = html_escape;
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"{}\"><body style=\"font-family:Arial,sans-serif\"><p>{} {},</p>",
        inv.lang.code(),
        w.greeting,
        e(&inv.recipient.name)
    );
    match inv.kind {
        MailKind::Invitation => out.push_str(&format!(
            "<p>{} {} {}: <strong>{}</strong></p>",
            e(&inv.organizer.name),
            w.invites,
            inv.meeting_number,
            e(&inv.event.summary)
        )),
        MailKind::Update => out.push_str(&format!(
            "<p>{}</p><p><strong>{}</strong></p>",
            w.updated,
            e(&inv.event.summary)
        )),
        MailKind::Cancellation => out.push_str(&format!(
            "<p>{}</p><p><strong>{}</strong></p>",
            w.cancelled,
            e(&inv.event.summary)
        )),
        MailKind::Reminder => out.push_str(&format!(
            "<p>{}</p><p><strong>{}</strong></p>",
            w.reminder,
            e(&inv.event.summary)
        )),
        MailKind::Papers => out.push_str(&format!(
            "<p>{}</p><p><strong>{}</strong></p>",
            w.papers,
            e(&inv.event.summary)
        )),
    }
    out.push_str(&format!(
        "<p>{}: {}<br>{}: {}",
        w.when,
        e(&when(inv)),
        w.place,
        e(&inv.event.location)
    ));
    if let Some(link) = &inv.online_link {
        out.push_str(&format!(
            "<br>{}: <a href=\"{}\">{}</a>",
            w.online,
            e(link),
            e(link)
        ));
    }
    out.push_str("</p>");
    if inv.kind != MailKind::Cancellation {
        out.push_str(&format!("<h2>{}</h2><ol>", w.agenda));
        for line in &inv.agenda {
            out.push_str(&format!("<li>{} ({})</li>", e(&line.title), line.kind));
        }
        out.push_str(&format!(
            "</ol><p><a href=\"{}\">{}</a></p>",
            e(&inv.event.url),
            w.read_agenda
        ));
        if let Some([accept, tentative, decline]) = &inv.answer_links {
            out.push_str(&format!(
                "<p>{}: <a href=\"{}\">{}</a> · <a href=\"{}\">{}</a> · <a href=\"{}\">{}</a></p>",
                w.answer,
                e(accept),
                w.accept,
                e(tentative),
                w.tentative,
                e(decline),
                w.decline
            ));
        }
    }
    out.push_str(&format!(
        "<p>{}<br>{}<br>{}</p></body></html>",
        w.regards,
        e(&inv.organizer.name),
        e(&inv.organizer.email)
    ));
    out
}

/// A display name and address for a header. lettre panics on a line break in a display name
/// and encodes other control characters as they are, so any control character is an error
/// here; the forms refuse them before they get this far.
fn mailbox(party: &Party) -> Result<Mailbox, MailError> {
    if party.name.chars().any(char::is_control) {
        return Err(MailError::Name(party.name.clone()));
    }
    let address = party
        .email
        .parse()
        .map_err(|_| MailError::Address(party.email.clone()))?;
    let name = party.name.trim();
    Ok(Mailbox::new(
        (!name.is_empty()).then(|| name.to_string()),
        address,
    ))
}

fn content_type(value: &str) -> Result<ContentType, MailError> {
    ContentType::parse(value).map_err(|e| MailError::Build(e.to_string()))
}

/// The calendar this message carries; reminders carry none.
pub fn calendar_for(inv: &Invitation) -> Option<(Method, String)> {
    match inv.kind {
        MailKind::Invitation | MailKind::Update => Some((
            Method::Request,
            calendar::request(&inv.event, inv.dtstamp, &inv.organizer, &inv.recipient),
        )),
        MailKind::Cancellation => Some((
            Method::Cancel,
            calendar::cancel(&inv.event, inv.dtstamp, &inv.organizer, &inv.recipient),
        )),
        MailKind::Reminder | MailKind::Papers => None,
    }
}

/// The complete message, ready for the outbox.
pub fn build(inv: &Invitation) -> Result<Vec<u8>, MailError> {
    let builder = Message::builder()
        .message_id(Some(format!("<{}>", inv.message_id)))
        .from(mailbox(&inv.organizer)?)
        .reply_to(mailbox(&inv.organizer)?)
        .to(mailbox(&inv.recipient)?)
        .subject(subject(inv))
        .date(SystemTime::from(inv.dtstamp));
    let text_parts = MultiPart::alternative()
        .singlepart(SinglePart::plain(text_body(inv)))
        .singlepart(SinglePart::html(html_body(inv)));
    let Some((method, ics)) = calendar_for(inv) else {
        let message = builder
            .multipart(text_parts)
            .map_err(|e| MailError::Build(e.to_string()))?;
        return Ok(message.formatted());
    };
    let calendar_part = SinglePart::builder()
        .header(content_type(&format!(
            "text/calendar; charset=UTF-8; method={}",
            method.as_str()
        ))?)
        .header(ContentTransferEncoding::Base64)
        .body(ics.clone());
    let attachment = SinglePart::builder()
        .header(content_type("application/ics; name=\"invite.ics\"")?)
        .header(ContentDisposition::attachment("invite.ics"))
        .header(ContentTransferEncoding::Base64)
        .body(ics);
    let alternative = text_parts.singlepart(calendar_part);
    let message = builder
        .multipart(
            MultiPart::mixed()
                .multipart(alternative)
                .singlepart(attachment),
        )
        .map_err(|e| MailError::Build(e.to_string()))?;
    Ok(message.formatted())
}

/// The calendar in a received message: a text/calendar part (plain or base64) or a bare
/// calendar pasted as the message.
pub fn calendar_in_message(raw: &str) -> Option<String> {
    use base64::Engine;
    let normalised = raw.replace("\r\n", "\n");
    if let (Some(start), Some(end)) = (
        normalised.find("BEGIN:VCALENDAR"),
        normalised.find("END:VCALENDAR"),
    ) && start < end
    {
        return Some(normalised[start..end + "END:VCALENDAR".len()].replace('\n', "\r\n"));
    }
    let lower = normalised.to_ascii_lowercase();
    let part = lower.find("content-type: text/calendar")?;
    let headers_end = part + lower[part..].find("\n\n")? + 2;
    let encoded: String = normalised[headers_end..]
        .lines()
        .take_while(|line| !line.starts_with("--") && !line.trim().is_empty())
        .collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    String::from_utf8(bytes)
        .ok()
        .filter(|text| text.contains("BEGIN:VCALENDAR"))
}

/// The address in a received message's From header, lower-cased.
pub fn sender_of(raw: &str) -> Option<String> {
    let line = raw
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .find(|line| line.to_ascii_lowercase().starts_with("from:"))?;
    let value = &line[5..];
    let address = match (value.rfind('<'), value.rfind('>')) {
        (Some(open), Some(close)) if open < close => &value[open + 1..close],
        _ => value,
    };
    Some(address.trim().to_lowercase())
}
