//! Golden tests of the generated iCalendar: REQUEST, update, CANCEL and PUBLISH with a fixed
//! clock and UID, on both sides of both DST changes in Europe/Copenhagen, with long Danish text
//! and characters that must be escaped. Run with UPDATE_GOLDEN=1 to rewrite the golden files
//! after a deliberate change (and read the diff).
use chrono::{DateTime, TimeZone, Utc};

use app::server::calendar::{self, EventData, Party};

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("a valid instant")
}

fn stamp() -> DateTime<Utc> {
    utc(2022, 3, 1, 9, 0)
}

fn organizer() -> Party {
    Party {
        name: "Sekretariatet for Taskforce om Ledermobilitet".into(),
        email: "taskforce-sekretariat@example.org".into(),
    }
}

fn jonas() -> Party {
    Party {
        name: "Jonas Dahl".into(),
        email: "jonas.dahl@example.org".into(),
    }
}

fn meeting(start: DateTime<Utc>, end: DateTime<Utc>) -> EventData {
    EventData {
        uid: "0f1e2d3c4b5a69788796a5b4c3d2e1f0@taskforce.example.org".into(),
        sequence: 0,
        starts_at: start,
        ends_at: end,
        time_zone: "Europe/Copenhagen".into(),
        summary: "Taskforce om Ledermobilitet: møde 4 – Foreløbige resultater af surveyen".into(),
        description: "Dagsorden og bilag: https://taskforce.example.org/meetings/4".into(),
        location: "Frederiksberg Rådhus, Smallegade 1, 2000 Frederiksberg".into(),
        url: "https://taskforce.example.org/meetings/4".into(),
        cancelled: false,
    }
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&path, actual).expect("write golden file");
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden file {}", path.display()));
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

/// CRLF everywhere, no bare LF or CR, and no line longer than 75 octets.
fn assert_wire_format(ics: &str) {
    let bytes = ics.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
    }
}

/// A parsed property: name, parameters, value.
type Prop = (String, Option<Vec<(String, Vec<String>)>>, String);

/// Reads the calendar back with the `ical` parser: (METHOD, event properties).
fn parse(ics: &str) -> (String, Vec<Prop>) {
    let mut reader = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = reader
        .next()
        .expect("one calendar")
        .expect("a calendar the ical crate can read");
    let method = cal
        .properties
        .iter()
        .find(|p| p.name == "METHOD")
        .and_then(|p| p.value.clone())
        .unwrap_or_default();
    let event = cal.events.first().expect("an event");
    let props = event
        .properties
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.params.clone(),
                p.value.clone().unwrap_or_default(),
            )
        })
        .collect();
    (method, props)
}

fn value<'a>(props: &'a [Prop], name: &str) -> &'a str {
    props
        .iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, _, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn an_invitation_is_a_request_in_copenhagen_time_with_the_recipient_as_attendee() {
    let ics = calendar::request(
        &meeting(utc(2022, 4, 5, 11, 0), utc(2022, 4, 5, 14, 0)),
        stamp(),
        &organizer(),
        &jonas(),
    );
    golden("request_after_spring_change.ics", &ics);
    assert_wire_format(&ics);
    let (method, props) = parse(&ics);
    assert_eq!(method, "REQUEST");
    assert_eq!(value(&props, "DTSTART"), "20220405T130000");
    assert_eq!(value(&props, "SEQUENCE"), "0");
    assert_eq!(
        value(&props, "ORGANIZER"),
        "mailto:taskforce-sekretariat@example.org"
    );
    let attendee = props
        .iter()
        .find(|(n, _, _)| n == "ATTENDEE")
        .expect("an attendee");
    assert_eq!(attendee.2, "mailto:jonas.dahl@example.org");
    let params = attendee.1.clone().unwrap_or_default();
    assert!(
        params
            .iter()
            .any(|(k, v)| k == "RSVP" && v == &vec!["TRUE".to_string()])
    );
    assert!(
        params
            .iter()
            .any(|(k, v)| k == "PARTSTAT" && v == &vec!["NEEDS-ACTION".to_string()])
    );
    assert!(
        ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"),
        "TZID comes with its VTIMEZONE"
    );
    assert!(ics.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    assert!(ics.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
    assert!(!ics.contains("VALARM"), "reminders are e-mails, not alarms");
}

#[test]
fn meetings_on_both_sides_of_both_dst_changes_keep_their_wall_clock_time() {
    let cases = [
        (
            "dst_before_spring_change.ics",
            utc(2022, 3, 22, 12, 0),
            "20220322T130000",
        ),
        (
            "dst_after_spring_change.ics",
            utc(2022, 4, 5, 11, 0),
            "20220405T130000",
        ),
        (
            "dst_before_autumn_change.ics",
            utc(2021, 10, 26, 11, 0),
            "20211026T130000",
        ),
        (
            "dst_after_autumn_change.ics",
            utc(2021, 11, 2, 12, 0),
            "20211102T130000",
        ),
    ];
    for (name, start, local) in cases {
        let ics = calendar::request(
            &meeting(start, start + chrono::Duration::hours(2)),
            stamp(),
            &organizer(),
            &jonas(),
        );
        golden(name, &ics);
        assert_wire_format(&ics);
        assert_eq!(value(&parse(&ics).1, "DTSTART"), local, "{name}");
    }
}

#[test]
fn an_update_keeps_the_uid_and_raises_the_sequence() {
    let mut event = meeting(utc(2022, 4, 5, 11, 0), utc(2022, 4, 5, 14, 0));
    let first = parse(&calendar::request(&event, stamp(), &organizer(), &jonas())).1;
    event.sequence = 1;
    event.starts_at = utc(2022, 4, 5, 12, 0);
    let ics = calendar::request(&event, stamp(), &organizer(), &jonas());
    golden("update.ics", &ics);
    let second = parse(&ics).1;
    assert_eq!(value(&first, "UID"), value(&second, "UID"));
    assert_eq!(value(&second, "SEQUENCE"), "1");
    assert_eq!(value(&second, "DTSTART"), "20220405T140000");
}

#[test]
fn a_cancellation_is_a_cancel_with_status_cancelled() {
    let mut event = meeting(utc(2022, 4, 5, 11, 0), utc(2022, 4, 5, 14, 0));
    event.sequence = 2;
    let ics = calendar::cancel(&event, stamp(), &organizer(), &jonas());
    golden("cancel.ics", &ics);
    assert_wire_format(&ics);
    let (method, props) = parse(&ics);
    assert_eq!(method, "CANCEL");
    assert_eq!(value(&props, "STATUS"), "CANCELLED");
    assert_eq!(value(&props, "SEQUENCE"), "2");
}

#[test]
fn a_feed_is_published_without_organizer_or_attendees() {
    let events = [
        meeting(utc(2021, 9, 14, 11, 0), utc(2021, 9, 14, 13, 0)),
        meeting(utc(2022, 1, 25, 8, 30), utc(2022, 1, 25, 11, 0)),
    ];
    let ics = calendar::publish(&events, stamp());
    golden("publish.ics", &ics);
    assert_wire_format(&ics);
    assert!(ics.contains("METHOD:PUBLISH\r\n"));
    assert!(!ics.contains("ORGANIZER") && !ics.contains("ATTENDEE"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
}

#[test]
fn long_danish_text_is_folded_on_character_boundaries_and_special_characters_are_escaped() {
    let mut event = meeting(utc(2022, 4, 5, 11, 0), utc(2022, 4, 5, 14, 0));
    event.summary =
        "Ærø, Øster Åby; Bækgaard\\Kjær – æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ"
            .into();
    event.description =
        "Linje 1\nLinje 2, med komma; og semikolon\r\nLinje 3: «anførselstegn»".into();
    let ics = calendar::request(&event, stamp(), &organizer(), &jonas());
    golden("danish_text.ics", &ics);
    assert_wire_format(&ics);
    assert!(ics.contains("SUMMARY:Ærø\\, Øster Åby\\; Bækgaard\\\\Kjær"));
    assert!(ics.contains("Linje 1\\nLinje 2\\, med komma\\; og semikolon\\nLinje 3"));
    // Every continuation starts with one space and no line breaks inside a character.
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains(&format!(
        "SUMMARY:{}",
        calendar::escape_text(&event.summary)
    )));
    let (_, props) = parse(&ics);
    assert!(
        value(&props, "SUMMARY").starts_with("Ærø\\, Øster"),
        "the parser reads the folded line back whole"
    );
}

#[test]
fn a_reply_is_read_back_for_its_uid_attendee_and_answer() {
    let reply = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:abc@taskforce.example.org\r\nDTSTAMP:20220301T090000Z\r\nATTENDEE;PARTSTAT=ACCEPTED;CN=Jonas Dahl:mailto:Jonas.Dahl@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let parsed = app::server::inbound::parse_replies(reply)
        .pop()
        .expect("a reply");
    assert_eq!(parsed.uid, "abc@taskforce.example.org");
    assert_eq!(parsed.attendee, "jonas.dahl@example.org");
    assert_eq!(parsed.partstat, "ACCEPTED");
    assert!(
        app::server::inbound::parse_replies(&reply.replace("METHOD:REPLY", "METHOD:REQUEST"))
            .is_empty(),
        "only replies"
    );
}
