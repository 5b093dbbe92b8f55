//! Received mail: the iTIP answer (METHOD:REPLY) in a message a calendar sent back, and who
//! sent it. Messages are read with a MIME parser (`mail-parser`), so any transfer encoding
//! (base64, quoted-printable, 8bit), folded and encoded-word headers, nested multiparts and a
//! calendar that comes only as an attachment are read the way mail clients write them.
use mail_parser::{MessageParser, MimeHeaders, PartType};

/// What a REPLY says: whose answer (their address, lower-cased), to which UID, and the
/// PARTSTAT (upper-cased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub uid: String,
    pub attendee: String,
    pub partstat: String,
}

/// A received message as far as answers go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The address in the From header, lower-cased; `None` if there is none.
    pub sender: Option<String>,
    /// Every calendar in the message (body parts and attachments), decoded to text.
    pub calendars: Vec<String>,
}

impl Received {
    /// The answer in the message: the first REPLY calendar whose ATTENDEE is the sender, or
    /// failing that the first REPLY at all (the caller then refuses it as not the invitee's).
    pub fn reply(&self) -> Option<Reply> {
        let replies: Vec<Reply> = self
            .calendars
            .iter()
            .flat_map(|text| parse_replies(text))
            .collect();
        replies
            .iter()
            .find(|r| Some(&r.attendee) == self.sender.as_ref())
            .or(replies.first())
            .cloned()
    }
}

/// Reads a message as received (raw bytes, CRLF or LF). A bare calendar pasted on its own is
/// taken as the calendar of a message without headers.
pub fn read(raw: &[u8]) -> Received {
    let text = String::from_utf8_lossy(raw);
    if text.trim_start().starts_with("BEGIN:VCALENDAR") {
        return Received {
            sender: None,
            calendars: vec![text.trim_start().to_string()],
        };
    }
    let Some(message) = MessageParser::default().parse(raw) else {
        return Received {
            sender: None,
            calendars: Vec::new(),
        };
    };
    let sender = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| addr.address())
        .map(|address| address.trim().to_lowercase());
    let decoded = |part: &mail_parser::MessagePart| match &part.body {
        PartType::Text(text) | PartType::Html(text) => Some(text.to_string()),
        PartType::Binary(bytes) | PartType::InlineBinary(bytes) => {
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
        PartType::Message(_) | PartType::Multipart(_) => None,
    };
    let mut calendars: Vec<String> = message
        .parts
        .iter()
        .filter(|part| is_calendar(part))
        .filter_map(decoded)
        .filter(|text| text.contains("BEGIN:VCALENDAR"))
        .collect();
    if calendars.is_empty() {
        // A calendar written into a plain-text body (a hand-made or forwarded answer).
        calendars = message
            .parts
            .iter()
            .filter(|part| matches!(part.body, PartType::Text(_)))
            .filter_map(decoded)
            .filter_map(|text| calendar_within(&text))
            .collect();
    }
    Received { sender, calendars }
}

/// The BEGIN:VCALENDAR … END:VCALENDAR stretch of a text, if it has one.
fn calendar_within(text: &str) -> Option<String> {
    const END: &str = "END:VCALENDAR";
    let start = text.find("BEGIN:VCALENDAR")?;
    let end = start + text[start..].find(END)? + END.len();
    Some(text[start..end].to_string())
}

/// text/calendar, application/ics, or an attachment named `*.ics` (some clients label it
/// application/octet-stream).
fn is_calendar(part: &mail_parser::MessagePart) -> bool {
    let typed = part.content_type().is_some_and(|ct| {
        let (main, sub) = (ct.ctype(), ct.subtype().unwrap_or_default());
        (main.eq_ignore_ascii_case("text") && sub.eq_ignore_ascii_case("calendar"))
            || (main.eq_ignore_ascii_case("application") && sub.eq_ignore_ascii_case("ics"))
    });
    typed
        || part
            .attachment_name()
            .is_some_and(|name| name.to_ascii_lowercase().ends_with(".ics"))
}

/// The answers in a METHOD:REPLY calendar, read with the `ical` parser: one per ATTENDEE of
/// each event that has a UID and a PARTSTAT. Anything but a REPLY gives none.
pub fn parse_replies(text: &str) -> Vec<Reply> {
    let reader = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let mut replies = Vec::new();
    for cal in reader.flatten() {
        let method = cal
            .properties
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case("METHOD"))
            .and_then(|p| p.value.as_deref())
            .map(|m| m.trim().to_ascii_uppercase());
        if method.as_deref() != Some("REPLY") {
            continue;
        }
        for ev in &cal.events {
            let Some(uid) = ev
                .properties
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case("UID"))
                .and_then(|p| p.value.clone())
            else {
                continue;
            };
            for attendee in ev
                .properties
                .iter()
                .filter(|p| p.name.eq_ignore_ascii_case("ATTENDEE"))
            {
                let Some(address) = attendee.value.as_deref().map(mailto_address) else {
                    continue;
                };
                let partstat = attendee
                    .params
                    .iter()
                    .flatten()
                    .find(|(k, _)| k.eq_ignore_ascii_case("PARTSTAT"))
                    .and_then(|(_, v)| v.first())
                    .map(|v| v.trim().to_ascii_uppercase());
                if let Some(partstat) = partstat {
                    replies.push(Reply {
                        uid: uid.trim().to_string(),
                        attendee: address,
                        partstat,
                    });
                }
            }
        }
    }
    replies
}

/// The address of a `mailto:` URI in any case, lower-cased.
fn mailto_address(value: &str) -> String {
    let value = value.trim();
    let address = match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &value[7..],
        _ => value,
    };
    address.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mailto_address_is_read_in_any_case() {
        assert_eq!(
            mailto_address("MAILTO:Lasse.Soenderup@example.org"),
            "lasse.soenderup@example.org"
        );
        assert_eq!(mailto_address("Mailto:a@b.dk"), "a@b.dk");
        assert_eq!(mailto_address("a@b.dk"), "a@b.dk");
    }

    #[test]
    fn a_calendar_that_is_not_a_reply_gives_no_answer() {
        let request = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:u@x\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.dk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assert!(parse_replies(request).is_empty());
        assert_eq!(
            parse_replies(&request.replace("METHOD:REQUEST", "METHOD:REPLY")).len(),
            1
        );
    }
}
