//! The register's and the action list's filters, and their CSV downloads.
//!
//! The CSV is what Danish spreadsheet programs open without an import dialog: UTF-8 with a
//! byte-order mark, `;` between fields, CRLF between records, fields quoted where they must be.
//! A field that a spreadsheet would read as a formula (starting `=`, `+`, `-`, `@`, tab or CR)
//! is prefixed with `'`, so a decision's wording can never run in someone's Excel.
use serde::{Deserialize, Serialize};

use crate::model::minutes::{ActionRow, ActionStatus, DecisionRow, DecisionStatus};

/// The register as one search shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Register {
    pub rows: Vec<DecisionRow>,
    /// How many decisions the caller may see in all.
    pub total: usize,
    /// The numbers of the meetings that have decisions, for the meeting filter.
    pub meetings: Vec<i32>,
}

impl Register {
    pub fn new(all: Vec<DecisionRow>, filter: &RegisterFilter) -> Register {
        let total = all.len();
        let mut meetings: Vec<i32> = all.iter().map(|d| d.meeting_number).collect();
        meetings.sort_unstable();
        meetings.dedup();
        let rows = all.into_iter().filter(|d| filter.matches(d)).collect();
        Register {
            rows,
            total,
            meetings,
        }
    }
}

/// What the register's search form asks for; empty fields ask for everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterFilter {
    /// Words that must all occur in the number, the wording, the item or the meeting.
    pub q: String,
    /// A meeting's number.
    pub meeting: Option<i32>,
    pub status: Option<DecisionStatus>,
}

impl RegisterFilter {
    /// Reads the page's query (`q`, `meeting`, `status`); what cannot be read is ignored.
    pub fn from_query(q: Option<&str>, meeting: Option<&str>, status: Option<&str>) -> Self {
        RegisterFilter {
            q: q.unwrap_or_default().trim().to_string(),
            meeting: meeting.and_then(|m| m.trim().parse().ok()),
            status: status.and_then(DecisionStatus::parse),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.q.is_empty() && self.meeting.is_none() && self.status.is_none()
    }

    pub fn matches(&self, row: &DecisionRow) -> bool {
        if self.meeting.is_some_and(|m| m != row.meeting_number) {
            return false;
        }
        if self.status.is_some_and(|s| s != row.status) {
            return false;
        }
        let haystack = format!(
            "{} {} {} {}",
            row.code,
            row.text,
            row.item_title.as_deref().unwrap_or_default(),
            row.meeting_title
        )
        .to_lowercase();
        self.q
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// The query string that asks for this filter again (for the CSV link).
    pub fn query_string(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.q)));
        }
        if let Some(m) = self.meeting {
            parts.push(format!("meeting={m}"));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.as_str()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One CSV field, quoted where needed and defused where a spreadsheet would compute it.
fn field(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if defused.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn csv<const N: usize>(header: [&str; N], rows: impl Iterator<Item = [String; N]>) -> String {
    let mut out = String::from("\u{feff}");
    let line = |fields: &[String]| {
        fields
            .iter()
            .map(|f| field(f))
            .collect::<Vec<_>>()
            .join(";")
    };
    out.push_str(&line(&header.map(str::to_string)));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&line(&row));
        out.push_str("\r\n");
    }
    out
}

/// The column headings and status names of a download, in the reader's language.
pub struct CsvWords {
    pub decision_header: [&'static str; 7],
    pub action_header: [&'static str; 7],
    pub decision_status: fn(DecisionStatus) -> &'static str,
    pub action_status: fn(ActionStatus) -> &'static str,
}

pub fn decisions_csv(rows: &[DecisionRow], words: &CsvWords) -> String {
    csv(
        words.decision_header,
        rows.iter().map(|d| {
            [
                d.code.clone(),
                d.meeting_number.to_string(),
                d.meeting_title.clone(),
                d.item_title.clone().unwrap_or_default(),
                d.text.clone(),
                (words.decision_status)(d.status).to_string(),
                d.decided_at.format("%Y-%m-%d").to_string(),
            ]
        }),
    )
}

pub fn actions_csv(rows: &[ActionRow], words: &CsvWords) -> String {
    csv(
        words.action_header,
        rows.iter().map(|a| {
            [
                a.what.clone(),
                a.owner.clone(),
                a.due_on.format("%Y-%m-%d").to_string(),
                (words.action_status)(a.status).to_string(),
                a.meeting_number.to_string(),
                a.item_title.clone().unwrap_or_default(),
                if a.overdue { "x" } else { "" }.to_string(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn decision(code: &str, meeting: i32, text: &str, status: DecisionStatus) -> DecisionRow {
        DecisionRow {
            id: 1,
            code: code.into(),
            meeting_id: meeting,
            meeting_number: meeting,
            meeting_title: "Surveyens design".into(),
            item_id: Some(1),
            item_title: Some("Spørgeskema til virksomhederne".into()),
            text: text.into(),
            status,
            decided_at: Utc.with_ymd_and_hms(2022, 2, 10, 9, 0, 0).unwrap(),
        }
    }

    fn words() -> CsvWords {
        CsvWords {
            decision_header: [
                "Nr.",
                "Møde",
                "Mødetitel",
                "Punkt",
                "Beslutning",
                "Status",
                "Dato",
            ],
            action_header: [
                "Hvad",
                "Ansvarlig",
                "Frist",
                "Status",
                "Møde",
                "Punkt",
                "Overskredet",
            ],
            decision_status: |s| s.as_str(),
            action_status: |s| s.as_str(),
        }
    }

    #[test]
    fn the_register_filter_wants_every_word_the_meeting_and_the_status() {
        let row = decision(
            "TF-3.2",
            3,
            "Taskforcen godkender VIVEs interviewguide",
            DecisionStatus::FollowUp,
        );
        let filter = RegisterFilter::from_query(Some(" vive GODKENDER "), Some("3"), None);
        assert!(filter.matches(&row));
        assert!(!RegisterFilter::from_query(Some("vive kl"), None, None).matches(&row));
        assert!(!RegisterFilter::from_query(None, Some("2"), None).matches(&row));
        assert!(!RegisterFilter::from_query(None, None, Some("done")).matches(&row));
        assert!(RegisterFilter::from_query(Some("tf-3.2"), None, Some("follow_up")).matches(&row));
        assert!(RegisterFilter::from_query(None, Some("x"), Some("nonsense")).is_empty());
    }

    #[test]
    fn the_filter_asks_for_itself_again_in_a_query_string() {
        let filter = RegisterFilter::from_query(Some("Bæk & co"), Some("3"), Some("done"));
        assert_eq!(
            filter.query_string(),
            "?q=B%C3%A6k%20%26%20co&meeting=3&status=done"
        );
        assert_eq!(RegisterFilter::default().query_string(), "");
    }

    #[test]
    fn the_csv_opens_in_danish_excel_with_every_character_and_no_formula() {
        let rows = [
            decision(
                "TF-1.1",
                1,
                "Ærø; \"Øst\" og Å\nanden linje",
                DecisionStatus::Noted,
            ),
            decision(
                "TF-1.2",
                1,
                "=HYPERLINK(\"http://evil\")",
                DecisionStatus::Done,
            ),
        ];
        let text = decisions_csv(&rows, &words());
        assert!(text.starts_with("\u{feff}Nr.;Møde;Mødetitel;"));
        let records: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(records.len(), 4, "header, two rows, and the final CRLF");
        assert_eq!(
            records[1],
            "TF-1.1;1;Surveyens design;Spørgeskema til virksomhederne;\"Ærø; \"\"Øst\"\" og Å\nanden linje\";noted;2022-02-10"
        );
        assert!(records[2].contains(";\"'=HYPERLINK(\"\"http://evil\"\")\";"));
        assert_eq!(records[3], "");
    }
}
