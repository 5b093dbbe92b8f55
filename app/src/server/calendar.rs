//! iCalendar (RFC 5545) for invitations (iTIP REQUEST/CANCEL, RFC 5546), feeds and downloads
//! (PUBLISH). The calendar objects are `ical` crate components emitted by its generator; its
//! folding counts characters, so the output is re-folded at 75 octets on UTF-8 boundaries, and
//! TEXT values are escaped here (the generator writes values as given).
use chrono::{DateTime, Utc};
use ical::generator::Emitter;
use ical::parser::ical::component::{
    IcalCalendar, IcalEvent, IcalTimeZone, IcalTimeZoneTransition, IcalTimeZoneTransitionType,
};
use ical::property::Property;

use crate::model::time::Zone;

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

fn property(name: &str, params: &[(&str, &str)], value: impl Into<String>) -> Property {
    Property {
        name: name.to_string(),
        params: (!params.is_empty()).then(|| {
            params
                .iter()
                .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
                .collect()
        }),
        value: Some(value.into()),
    }
}

/// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let normalised = value.replace("\r\n", "\n").replace('\r', "\n");
    for c in normalised.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value, quoted so that `,`, `;` and `:` inside it are safe; DQUOTE is not
/// allowed in parameter values at all and is dropped.
fn param_value(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{clean}\"")
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Lines of at most 75 octets, continuation lines starting with a space, never splitting a
/// UTF-8 character, CRLF everywhere (RFC 5545 3.1).
pub fn fold(unfolded: &str) -> String {
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 70 * 3);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > 75 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += len;
        }
        out.push_str("\r\n");
    }
    out
}

/// Undoes the generator's own (character-counting) folding.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "")
}

fn copenhagen_timezone() -> IcalTimeZone {
    let transition = |kind, name: &str, from: &str, to: &str, start: &str, rule: &str| {
        let mut t = IcalTimeZoneTransition::new(kind);
        t.properties = vec![
            property("TZOFFSETFROM", &[], from),
            property("TZOFFSETTO", &[], to),
            property("TZNAME", &[], name),
            property("DTSTART", &[], start),
            property("RRULE", &[], rule),
        ];
        t
    };
    let mut tz = IcalTimeZone::new();
    tz.properties = vec![property("TZID", &[], "Europe/Copenhagen")];
    tz.transitions = vec![
        transition(
            IcalTimeZoneTransitionType::DAYLIGHT,
            "CEST",
            "+0100",
            "+0200",
            "19700329T020000",
            "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        ),
        transition(
            IcalTimeZoneTransitionType::STANDARD,
            "CET",
            "+0200",
            "+0100",
            "19701025T030000",
            "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        ),
    ];
    tz
}

/// DTSTART/DTEND in the meeting's zone with its VTIMEZONE, or in UTC for any other zone.
fn time_property(name: &str, at: DateTime<Utc>, zone: &str) -> Property {
    match Zone::parse(zone) {
        Some(Zone::EuropeCopenhagen) => property(
            name,
            &[("TZID", "Europe/Copenhagen")],
            Zone::EuropeCopenhagen
                .to_local(at)
                .format("%Y%m%dT%H%M%S")
                .to_string(),
        ),
        _ => property(name, &[], utc_stamp(at)),
    }
}

fn event(
    data: &EventData,
    dtstamp: DateTime<Utc>,
    organizer: Option<&Party>,
    attendee: Option<(&Party, &str)>,
) -> IcalEvent {
    let mut ev = IcalEvent::new();
    let mut props = vec![
        property("UID", &[], data.uid.clone()),
        property("SEQUENCE", &[], data.sequence.to_string()),
        property("DTSTAMP", &[], utc_stamp(dtstamp)),
        time_property("DTSTART", data.starts_at, &data.time_zone),
        time_property("DTEND", data.ends_at, &data.time_zone),
        property("SUMMARY", &[], escape_text(&data.summary)),
        property("LOCATION", &[], escape_text(&data.location)),
        property("DESCRIPTION", &[], escape_text(&data.description)),
        property("URL", &[], data.url.clone()),
        property(
            "STATUS",
            &[],
            if data.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        ),
        property("TRANSP", &[], "OPAQUE"),
    ];
    if let Some(org) = organizer {
        let cn = param_value(&org.name);
        props.push(property(
            "ORGANIZER",
            &[("CN", &cn)],
            format!("mailto:{}", org.email),
        ));
    }
    if let Some((who, partstat)) = attendee {
        let cn = param_value(&who.name);
        props.push(property(
            "ATTENDEE",
            &[
                ("CN", &cn),
                ("CUTYPE", "INDIVIDUAL"),
                ("ROLE", "REQ-PARTICIPANT"),
                ("PARTSTAT", partstat),
                ("RSVP", "TRUE"),
            ],
            format!("mailto:{}", who.email),
        ));
    }
    ev.properties = props;
    ev
}

fn calendar(method: Method, events: Vec<IcalEvent>, needs_copenhagen: bool) -> String {
    let mut cal = IcalCalendar::new();
    cal.properties = vec![
        property("VERSION", &[], "2.0"),
        property("PRODID", &[], PRODID),
        property("CALSCALE", &[], "GREGORIAN"),
        property("METHOD", &[], method.as_str()),
    ];
    if needs_copenhagen {
        cal.timezones.push(copenhagen_timezone());
    }
    cal.events = events;
    fold(&unfold(&cal.generate()))
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
    let ev = event(
        data,
        dtstamp,
        Some(organizer),
        Some((recipient, "NEEDS-ACTION")),
    );
    calendar(Method::Request, vec![ev], in_copenhagen(data))
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
    let ev = event(
        &cancelled,
        dtstamp,
        Some(organizer),
        Some((recipient, "NEEDS-ACTION")),
    );
    calendar(Method::Cancel, vec![ev], in_copenhagen(data))
}

/// A feed or download (METHOD:PUBLISH): no ORGANIZER, no ATTENDEE.
pub fn publish(events: &[EventData], dtstamp: DateTime<Utc>) -> String {
    let needs_tz = events.iter().any(in_copenhagen);
    calendar(
        Method::Publish,
        events
            .iter()
            .map(|e| event(e, dtstamp, None, None))
            .collect(),
        needs_tz,
    )
}
