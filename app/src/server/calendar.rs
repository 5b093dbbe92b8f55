//! iCalendar (RFC 5545) for invitations (iTIP REQUEST/CANCEL, RFC 5546), feeds and downloads
//! (PUBLISH). Calendars are written by [`content`], which is correct by construction for any
//! text; the `ical` crate only parses (replies).
use chrono::{DateTime, Utc};

use crate::model::time::Zone;

mod content;

pub use content::escape_text;
use content::{Line, Writer};

pub const PRODID: &str = "-//Medarbejder- og Kompetencestyrelsen//Taskforce//DA";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Request,
    Cancel,
    Publish,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
            Method::Publish => "PUBLISH",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub name: String,
    pub email: String,
}

/// One meeting as a calendar event.
#[derive(Debug, Clone)]
pub struct EventData {
    pub uid: String,
    pub sequence: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub time_zone: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: String,
    pub cancelled: bool,
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn write_copenhagen_timezone(cal: &mut Writer) {
    cal.begin("VTIMEZONE");
    cal.push(Line::new("TZID").value("Europe/Copenhagen"));
    for (kind, name, from, to, start, rule) in [
        (
            "DAYLIGHT",
            "CEST",
            "+0100",
            "+0200",
            "19700329T020000",
            "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        ),
        (
            "STANDARD",
            "CET",
            "+0200",
            "+0100",
            "19701025T030000",
            "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        ),
    ] {
        cal.begin(kind);
        cal.push(Line::new("TZOFFSETFROM").value(from));
        cal.push(Line::new("TZOFFSETTO").value(to));
        cal.push(Line::new("TZNAME").value(name));
        cal.push(Line::new("DTSTART").value(start));
        cal.push(Line::new("RRULE").value(rule));
        cal.end(kind);
    }
    cal.end("VTIMEZONE");
}

/// DTSTART/DTEND in the meeting's zone with its VTIMEZONE, or in UTC for any other zone.
fn time_line(name: &str, at: DateTime<Utc>, zone: &str) -> Line {
    match Zone::parse(zone) {
        Some(Zone::EuropeCopenhagen) => Line::new(name).param("TZID", "Europe/Copenhagen").value(
            &Zone::EuropeCopenhagen
                .to_local(at)
                .format("%Y%m%dT%H%M%S")
                .to_string(),
        ),
        _ => Line::new(name).value(&utc_stamp(at)),
    }
}

fn write_event(
    cal: &mut Writer,
    data: &EventData,
    dtstamp: DateTime<Utc>,
    organizer: Option<&Party>,
    attendee: Option<(&Party, &str)>,
) {
    cal.begin("VEVENT");
    cal.push(Line::new("UID").value(&data.uid));
    cal.push(Line::new("SEQUENCE").value(&data.sequence.to_string()));
    cal.push(Line::new("DTSTAMP").value(&utc_stamp(dtstamp)));
    cal.push(time_line("DTSTART", data.starts_at, &data.time_zone));
    cal.push(time_line("DTEND", data.ends_at, &data.time_zone));
    cal.push(Line::new("SUMMARY").text(&data.summary));
    cal.push(Line::new("LOCATION").text(&data.location));
    cal.push(Line::new("DESCRIPTION").text(&data.description));
    cal.push(Line::new("URL").value(&data.url));
    let status = if data.cancelled {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    cal.push(Line::new("STATUS").value(status));
    cal.push(Line::new("TRANSP").value("OPAQUE"));
    if let Some(org) = organizer {
        cal.push(
            Line::new("ORGANIZER")
                .param("CN", &org.name)
                .value(&format!("mailto:{}", org.email)),
        );
    }
    if let Some((who, partstat)) = attendee {
        cal.push(
            Line::new("ATTENDEE")
                .param("CN", &who.name)
                .param("CUTYPE", "INDIVIDUAL")
                .param("ROLE", "REQ-PARTICIPANT")
                .param("PARTSTAT", partstat)
                .param("RSVP", "TRUE")
                .value(&format!("mailto:{}", who.email)),
        );
    }
    cal.end("VEVENT");
}

/// A whole VCALENDAR: its properties, the VTIMEZONE if an event needs it, then the events.
fn calendar(method: Method, needs_copenhagen: bool, events: impl FnOnce(&mut Writer)) -> String {
    let mut cal = Writer::default();
    cal.begin("VCALENDAR");
    cal.push(Line::new("VERSION").value("2.0"));
    cal.push(Line::new("PRODID").value(PRODID));
    cal.push(Line::new("CALSCALE").value("GREGORIAN"));
    cal.push(Line::new("METHOD").value(method.as_str()));
    if needs_copenhagen {
        write_copenhagen_timezone(&mut cal);
    }
    events(&mut cal);
    cal.end("VCALENDAR");
    cal.finish()
}

fn in_copenhagen(data: &EventData) -> bool {
    Zone::parse(&data.time_zone) == Some(Zone::EuropeCopenhagen)
}

/// An invitation or update (METHOD:REQUEST) for one recipient, who is the only ATTENDEE.
pub fn request(
    data: &EventData,
    dtstamp: DateTime<Utc>,
    organizer: &Party,
    recipient: &Party,
) -> String {
    calendar(Method::Request, in_copenhagen(data), |cal| {
        write_event(
            cal,
            data,
            dtstamp,
            Some(organizer),
            Some((recipient, "NEEDS-ACTION")),
        )
    })
}

/// A cancellation (METHOD:CANCEL, STATUS:CANCELLED) for one recipient.
pub fn cancel(
    data: &EventData,
    dtstamp: DateTime<Utc>,
    organizer: &Party,
    recipient: &Party,
) -> String {
    let mut cancelled = data.clone();
    cancelled.cancelled = true;
    calendar(Method::Cancel, in_copenhagen(data), |cal| {
        write_event(
            cal,
            &cancelled,
            dtstamp,
            Some(organizer),
            Some((recipient, "NEEDS-ACTION")),
        )
    })
}

/// A feed or download (METHOD:PUBLISH): no ORGANIZER, no ATTENDEE.
pub fn publish(events: &[EventData], dtstamp: DateTime<Utc>) -> String {
    calendar(Method::Publish, events.iter().any(in_copenhagen), |cal| {
        for event in events {
            write_event(cal, event, dtstamp, None, None);
        }
    })
}
