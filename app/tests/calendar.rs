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

/// The chair and the nine members of the demo taskforce (app/src/server/seed.rs).
const MEMBERS: [&str; 10] = [
    "Marie Louise Refsgaard",
    "Pernille Halberg Salamon",
    "Jonas Dahl",
    "Jesper Fisker",
    "Anette Bækgaard",
    "Lasse Sønderup",
    "Kasper Kyed",
    "Malene Kjær-Jepsen",
    "Lene Holm Pedersen",
    "Jesper Rosenberg Hansen",
];

/// Names that need care, each with its CN parameter exactly as RFC 5545 3.2 and RFC 6868
/// want it: always quoted here, `"` as `^'`, `^` as `^^`, a newline as `^n`; `,` `;` `:`
/// and `\` stand as they are inside the quotes.
const AWKWARD: [(&str, &str); 10] = [
    ("Kjær, Anne", "\"Kjær, Anne\""),
    ("Bækgaard; Anette", "\"Bækgaard; Anette\""),
    ("Dr.: Lasse Sønderup", "\"Dr.: Lasse Sønderup\""),
    ("Ole \"Bølle\" Bøllesen", "\"Ole ^'Bølle^' Bøllesen\""),
    ("Back\\slash Ærø", "\"Back\\slash Ærø\""),
    ("Caret ^ Ørsted ^n", "\"Caret ^^ Ørsted ^^n\""),
    ("Å", "\"Å\""),
    ("æøå Å", "\"æøå Å\""),
    ("Anne\nKjær", "\"Anne^nKjær\""),
    (
        "Marie-Louise Kjær-Jepsen Bækgaard Sønderup Refsgaard Halberg Salamon Rosenberg Hansen",
        "\"Marie-Louise Kjær-Jepsen Bækgaard Sønderup Refsgaard Halberg Salamon Rosenberg Hansen\"",
    ),
];

fn all_names() -> Vec<&'static str> {
    MEMBERS
        .into_iter()
        .chain(AWKWARD.iter().map(|(name, _)| *name))
        .collect()
}

fn person(index: usize, name: &str) -> Party {
    Party {
        name: name.into(),
        email: format!("person{index}@example.org"),
    }
}

fn utc_meeting() -> EventData {
    EventData {
        time_zone: "UTC".into(),
        ..meeting(utc(2022, 4, 5, 11, 0), utc(2022, 4, 5, 14, 0))
    }
}

/// RFC 6868 parameter value decoding (`^n`, `^'`, `^^`), which the `ical` parser leaves to
/// its caller.
fn decode_param(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\'') => out.push('"'),
            Some('^') => out.push('^'),
            Some(other) => {
                out.push('^');
                out.push(other);
            }
            None => out.push('^'),
        }
    }
    out
}

/// RFC 5545 3.3.11 TEXT unescaping, which the `ical` parser leaves to its caller too.
fn unescape_text(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn param(props: &[Prop], property: &str, name: &str) -> String {
    let (_, params, _) = props
        .iter()
        .find(|(n, _, _)| n == property)
        .unwrap_or_else(|| panic!("no {property}"));
    let values = params
        .as_ref()
        .and_then(|ps| ps.iter().find(|(k, _)| k == name))
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("no {name} on {property}"));
    assert_eq!(
        values.len(),
        1,
        "one {name} value on {property}: {values:?}"
    );
    decode_param(&values[0])
}

#[test]
fn every_members_name_and_every_awkward_name_comes_out_exactly_as_organizer_and_attendee() {
    let names = all_names();
    let mut all = String::new();
    for (i, name) in names.iter().enumerate() {
        // Each name is the attendee of its own invitation and the organiser of the next one.
        let organizer_index = (i + names.len() - 1) % names.len();
        let ics = calendar::request(
            &utc_meeting(),
            stamp(),
            &person(organizer_index, names[organizer_index]),
            &person(i, name),
        );
        assert_wire_format(&ics);
        let unfolded = ics.replace("\r\n ", "");
        let expected = AWKWARD
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, cn)| cn.to_string())
            .unwrap_or_else(|| format!("\"{name}\""));
        assert!(
            unfolded.contains(&format!(
                "\r\nATTENDEE;CN={expected};CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:person{i}@example.org\r\n"
            )),
            "{name}: {unfolded}"
        );
        let next = (i + 1) % names.len();
        let ics_as_organizer = calendar::request(
            &utc_meeting(),
            stamp(),
            &person(i, name),
            &person(next, "X"),
        );
        assert!(
            ics_as_organizer.replace("\r\n ", "").contains(&format!(
                "\r\nORGANIZER;CN={expected}:mailto:person{i}@example.org\r\n"
            )),
            "{name} as organiser"
        );
        all.push_str(&ics);
    }
    golden("names.ics", &all);
}

#[test]
fn every_name_and_text_reads_back_equal_through_an_independent_parser() {
    for (i, name) in all_names().into_iter().enumerate() {
        let mut event = utc_meeting();
        event.summary = format!("Møde med {name} om «Foreløbige resultater af surveyen»");
        event.description =
            format!("{name}\nDagsorden og bilag: https://taskforce.example.org/meetings/4");
        event.location = format!("Hos {name}, Frederiksberg Rådhus; 2. sal");
        let ics = calendar::request(&event, stamp(), &person(i, name), &person(i, name));
        let (_, props) = parse(&ics);
        assert_eq!(param(&props, "ORGANIZER", "CN"), name);
        assert_eq!(param(&props, "ATTENDEE", "CN"), name);
        assert_eq!(unescape_text(value(&props, "SUMMARY")), event.summary);
        assert_eq!(
            unescape_text(value(&props, "DESCRIPTION")),
            event.description
        );
        assert_eq!(unescape_text(value(&props, "LOCATION")), event.location);
    }
}

#[test]
fn the_meeting_summary_reads_back_whole_where_a_line_is_folded_after_a_space() {
    let ics = calendar::request(
        &meeting(utc(2022, 4, 5, 11, 0), utc(2022, 4, 5, 14, 0)),
        stamp(),
        &organizer(),
        &jonas(),
    );
    let (_, props) = parse(&ics);
    assert_eq!(
        unescape_text(value(&props, "SUMMARY")),
        "Taskforce om Ledermobilitet: møde 4 – Foreløbige resultater af surveyen"
    );
}

proptest::proptest! {
    #[test]
    fn any_printable_name_and_text_comes_back_from_the_parser_as_given(
        name in "\\PC{1,90}",
        text in "\\PC{0,200}",
    ) {
        let mut event = utc_meeting();
        // The parser drops colons at the start of a value and whitespace at the end of a
        // line, so the text is framed by letters.
        event.summary = format!("Møde {text} slut");
        let ics = calendar::request(&event, stamp(), &person(1, &name), &person(2, &name));
        assert_wire_format(&ics);
        let (_, props) = parse(&ics);
        proptest::prop_assert_eq!(param(&props, "ATTENDEE", "CN"), name.clone());
        proptest::prop_assert_eq!(param(&props, "ORGANIZER", "CN"), name);
        proptest::prop_assert_eq!(unescape_text(value(&props, "SUMMARY")), event.summary);
    }

    #[test]
    fn no_text_whatsoever_breaks_the_wire_format(name in proptest::prelude::any::<String>(), text in proptest::prelude::any::<String>()) {
        let mut event = utc_meeting();
        event.summary = text.clone();
        event.location = text;
        let ics = calendar::request(&event, stamp(), &person(1, &name), &person(2, &name));
        assert_wire_format(&ics);
        proptest::prop_assert_eq!(ics.matches("\r\nATTENDEE;").count(), 1);
        proptest::prop_assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
