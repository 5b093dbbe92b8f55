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

use crate::i18n::{kind_name, texts};
use crate::model::Lang;
use crate::model::agenda::ItemKind;
use crate::model::time::{format_date, format_time_range};
use crate::server::calendar::{self, EventData, Method, Party};

/// What a message in the outbox is; stored under these names (`outbox_message.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sea_orm::EnumIter, sea_orm::DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum MailKind {
    #[sea_orm(string_value = "invitation")]
    Invitation,
    #[sea_orm(string_value = "update")]
    Update,
    #[sea_orm(string_value = "cancel")]
    Cancellation,
    /// A plain reminder e-mail; it carries no calendar.
    #[sea_orm(string_value = "reminder")]
    Reminder,
    /// "The papers are out"; no calendar either.
    #[sea_orm(string_value = "papers")]
    Papers,
    /// A one-time link to sign in (`notice::build`, like the three below).
    #[sea_orm(string_value = "sign_in_link")]
    SignInLink,
    /// A one-time link to choose a new password.
    #[sea_orm(string_value = "reset")]
    PasswordReset,
    /// A new person's first link, to choose a password.
    #[sea_orm(string_value = "welcome")]
    Welcome,
    /// The address on a person's record was changed (sent to the old and the new one).
    #[sea_orm(string_value = "address_changed")]
    AddressChanged,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Invitation => "invitation",
            MailKind::Update => "update",
            MailKind::Cancellation => "cancel",
            MailKind::Reminder => "reminder",
            MailKind::Papers => "papers",
            MailKind::SignInLink => "sign_in_link",
            MailKind::PasswordReset => "reset",
            MailKind::Welcome => "welcome",
            MailKind::AddressChanged => "address_changed",
        }
    }

    /// Whether the message carries a secret (a sign-in link) that must not outlive its
    /// sending: the outbox blanks the stored body once it is sent.
    pub fn carries_secret(self) -> bool {
        matches!(
            self,
            MailKind::SignInLink | MailKind::PasswordReset | MailKind::Welcome
        )
    }

    /// Whether the message is about a meeting (built by [`build`]) rather than a notice to a
    /// person (built by `notice::build`).
    pub fn is_about_a_meeting(self) -> bool {
        matches!(
            self,
            MailKind::Invitation
                | MailKind::Update
                | MailKind::Cancellation
                | MailKind::Reminder
                | MailKind::Papers
        )
    }
}

/// One line of the agenda summary: number, kind and title; a closed item's title is not
/// mailed (`None`), the recipient reads "closed item" in their language.
#[derive(Debug, Clone)]
pub struct AgendaLine {
    pub number: usize,
    pub kind: ItemKind,
    pub title: Option<String>,
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

pub(crate) fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn subject(inv: &Invitation) -> String {
    let w = texts(inv.lang);
    let prefix = match inv.kind {
        MailKind::Invitation => w.invitations.mail_invitation_subject,
        MailKind::Update => w.invitations.mail_update_subject,
        MailKind::Cancellation => w.invitations.mail_cancel_subject,
        MailKind::Reminder => w.invitations.mail_reminder_subject,
        MailKind::Papers => w.invitations.mail_papers_subject,
        // Notices to a person are not built here (`notice::build`).
        MailKind::SignInLink
        | MailKind::PasswordReset
        | MailKind::Welcome
        | MailKind::AddressChanged => w.invitations.mail_update_subject,
    };
    let date = format_date(inv.lang, inv.event.starts_at, &inv.event.time_zone);
    format!(
        "{prefix}: {} – {} {}, {date}",
        inv.taskforce, w.invitations.mail_meeting, inv.meeting_number
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
    let w = texts(inv.lang);
    let mut out = format!(
        "{} {},\n\n",
        w.invitations.mail_greeting, inv.recipient.name
    );
    match inv.kind {
        MailKind::Invitation => out.push_str(&format!(
            "{} {} {}: {}\n\n",
            inv.organizer.name, w.invitations.mail_invites, inv.meeting_number, inv.event.summary
        )),
        MailKind::Update => out.push_str(&format!(
            "{}\n\n{}\n\n",
            w.invitations.mail_updated, inv.event.summary
        )),
        MailKind::Cancellation => out.push_str(&format!(
            "{}\n\n{}\n\n",
            w.invitations.mail_cancelled, inv.event.summary
        )),
        MailKind::Reminder => out.push_str(&format!(
            "{}\n\n{}\n\n",
            w.invitations.mail_reminder, inv.event.summary
        )),
        MailKind::Papers => out.push_str(&format!(
            "{}\n\n{}\n\n",
            w.invitations.mail_papers, inv.event.summary
        )),
        _ => out.push_str(&format!("{}\n\n", inv.event.summary)),
    }
    out.push_str(&format!(
        "{}: {}\n{}: {}\n",
        w.invitations.mail_when,
        when(inv),
        w.invitations.mail_place,
        inv.event.location
    ));
    if let Some(link) = &inv.online_link {
        out.push_str(&format!("{}: {link}\n", w.invitations.mail_online));
    }
    if inv.kind != MailKind::Cancellation {
        out.push_str(&format!("\n{}:\n", w.invitations.mail_agenda));
        for line in &inv.agenda {
            out.push_str(&format!(
                "  {}. {} ({})\n",
                line.number,
                line.title
                    .as_deref()
                    .unwrap_or(w.invitations.mail_closed_item),
                kind_name(inv.lang, line.kind)
            ));
        }
        out.push_str(&format!(
            "\n{}: {}\n",
            w.invitations.mail_read_agenda, inv.event.url
        ));
        if let Some([accept, tentative, decline]) = &inv.answer_links {
            out.push_str(&format!(
                "\n{}:\n  {}: {accept}\n  {}: {tentative}\n  {}: {decline}\n",
                w.invitations.mail_answer,
                w.invitations.mail_accept,
                w.invitations.mail_tentative,
                w.invitations.mail_decline
            ));
        }
    }
    out.push_str(&format!(
        "\n{}\n{}\n{}\n",
        w.invitations.mail_regards, inv.organizer.name, inv.organizer.email
    ));
    out
}

fn html_body(inv: &Invitation) -> String {
    let w = texts(inv.lang);
    let e = html_escape;
    let mut out = format!(
        "<!DOCTYPE html><html lang=\"{}\"><body style=\"font-family:Arial,sans-serif\"><p>{} {},</p>",
        inv.lang.code(),
        w.invitations.mail_greeting,
        e(&inv.recipient.name)
    );
    match inv.kind {
        MailKind::Invitation => out.push_str(&format!(
            "<p>{} {} {}: <strong>{}</strong></p>",
            e(&inv.organizer.name),
            w.invitations.mail_invites,
            inv.meeting_number,
            e(&inv.event.summary)
        )),
        MailKind::Update => out.push_str(&format!(
            "<p>{}</p><p><strong>{}</strong></p>",
            w.invitations.mail_updated,
            e(&inv.event.summary)
        )),
        MailKind::Cancellation => out.push_str(&format!(
            "<p>{}</p><p><strong>{}</strong></p>",
            w.invitations.mail_cancelled,
            e(&inv.event.summary)
        )),
        MailKind::Reminder => out.push_str(&format!(
            "<p>{}</p><p><strong>{}</strong></p>",
            w.invitations.mail_reminder,
            e(&inv.event.summary)
        )),
        MailKind::Papers => out.push_str(&format!(
            "<p>{}</p><p><strong>{}</strong></p>",
            w.invitations.mail_papers,
            e(&inv.event.summary)
        )),
        _ => out.push_str(&format!(
            "<p><strong>{}</strong></p>",
            e(&inv.event.summary)
        )),
    }
    out.push_str(&format!(
        "<p>{}: {}<br>{}: {}",
        w.invitations.mail_when,
        e(&when(inv)),
        w.invitations.mail_place,
        e(&inv.event.location)
    ));
    if let Some(link) = &inv.online_link {
        out.push_str(&format!(
            "<br>{}: <a href=\"{}\">{}</a>",
            w.invitations.mail_online,
            e(link),
            e(link)
        ));
    }
    out.push_str("</p>");
    if inv.kind != MailKind::Cancellation {
        out.push_str(&format!("<h2>{}</h2><ol>", w.invitations.mail_agenda));
        for line in &inv.agenda {
            out.push_str(&format!(
                "<li>{} ({})</li>",
                e(line
                    .title
                    .as_deref()
                    .unwrap_or(w.invitations.mail_closed_item)),
                kind_name(inv.lang, line.kind)
            ));
        }
        out.push_str(&format!(
            "</ol><p><a href=\"{}\">{}</a></p>",
            e(&inv.event.url),
            w.invitations.mail_read_agenda
        ));
        if let Some([accept, tentative, decline]) = &inv.answer_links {
            out.push_str(&format!(
                "<p>{}: <a href=\"{}\">{}</a> · <a href=\"{}\">{}</a> · <a href=\"{}\">{}</a></p>",
                w.invitations.mail_answer,
                e(accept),
                w.invitations.mail_accept,
                e(tentative),
                w.invitations.mail_tentative,
                e(decline),
                w.invitations.mail_decline
            ));
        }
    }
    out.push_str(&format!(
        "<p>{}<br>{}<br>{}</p></body></html>",
        w.invitations.mail_regards,
        e(&inv.organizer.name),
        e(&inv.organizer.email)
    ));
    out
}

/// A display name and address for a header. lettre panics on a line break in a display name
/// and encodes other control characters as they are, so any control character is an error
/// here; the forms refuse them before they get this far.
pub(crate) fn mailbox(party: &Party) -> Result<Mailbox, MailError> {
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
        _ => None,
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
