//! The meeting form as posted, and the checks that turn it into a draft.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::forms::{FormProblem, title};
use crate::model::time::Zone;

/// The meeting form as posted: date and clock times in the meeting's zone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MeetingForm {
    #[serde(default)]
    pub meeting_id: Option<i32>,
    #[serde(default)]
    pub version: Option<i32>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub start: String,
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub online_link: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingDraft {
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: String,
    pub online_link: Option<String>,
}

impl MeetingForm {
    pub fn parse(&self, zone: Zone) -> Result<MeetingDraft, Vec<(&'static str, FormProblem)>> {
        let mut problems = Vec::new();
        let title = title(&self.title)
            .map_err(|p| problems.push(("title", p)))
            .ok();
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
            .map_err(|_| problems.push(("date", FormProblem::DateInvalid)))
            .ok();
        let mut clock = |field: &'static str, text: &str| {
            NaiveTime::parse_from_str(text.trim(), "%H:%M")
                .map_err(|_| problems.push((field, FormProblem::TimeInvalid)))
                .ok()
        };
        let start = clock("start", &self.start);
        let end = clock("end", &self.end);
        let mut instant = |field: &'static str, time: Option<NaiveTime>| {
            let local = date?.and_time(time?);
            zone.from_local(local)
                .map_err(|_| problems.push((field, FormProblem::TimeDoesNotExist)))
                .ok()
        };
        let starts_at = instant("start", start);
        let ends_at = instant("end", end);
        if let (Some(s), Some(e)) = (starts_at, ends_at)
            && e <= s
        {
            problems.push(("end", FormProblem::EndBeforeStart));
        }
        let location = self.location.trim().to_string();
        if location.is_empty() {
            problems.push(("location", FormProblem::LocationEmpty));
        }
        let link = self.online_link.trim();
        let online_link = if link.is_empty() {
            None
        } else if crate::model::meetings::is_web_link(link) {
            Some(link.to_string())
        } else {
            problems.push(("online_link", FormProblem::LinkInvalid));
            None
        };
        match (title, starts_at, ends_at, problems.is_empty()) {
            (Some(title), Some(starts_at), Some(ends_at), true) => Ok(MeetingDraft {
                title,
                starts_at,
                ends_at,
                location,
                online_link,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn meeting_form(date: &str, start: &str, end: &str) -> MeetingForm {
        MeetingForm {
            title: "Møde 4".into(),
            date: date.into(),
            start: start.into(),
            end: end.into(),
            location: "Frederiksberg Rådhus".into(),
            ..MeetingForm::default()
        }
    }

    #[test]
    fn a_meeting_that_ends_before_it_starts_is_refused_at_the_end_field() {
        let problems = meeting_form("2022-04-05", "15:00", "13:00")
            .parse(Zone::EuropeCopenhagen)
            .expect_err("ends first");
        assert_eq!(problems, vec![("end", FormProblem::EndBeforeStart)]);
    }

    #[test]
    fn meeting_times_are_read_in_copenhagen_time_on_both_sides_of_dst() {
        let summer = meeting_form("2022-04-05", "13:00", "16:00")
            .parse(Zone::EuropeCopenhagen)
            .unwrap();
        assert_eq!(
            summer.starts_at,
            Utc.with_ymd_and_hms(2022, 4, 5, 11, 0, 0).unwrap()
        );
        let winter = meeting_form("2022-01-25", "09:30", "12:00")
            .parse(Zone::EuropeCopenhagen)
            .unwrap();
        assert_eq!(
            winter.starts_at,
            Utc.with_ymd_and_hms(2022, 1, 25, 8, 30, 0).unwrap()
        );
        let gap = meeting_form("2022-03-27", "02:30", "04:00")
            .parse(Zone::EuropeCopenhagen)
            .expect_err("gap");
        assert_eq!(gap, vec![("start", FormProblem::TimeDoesNotExist)]);
    }

    #[test]
    fn an_online_link_must_be_a_web_address() {
        let mut form = meeting_form("2022-04-05", "13:00", "16:00");
        form.online_link = "javascript:alert(1)".into();
        assert_eq!(
            form.parse(Zone::EuropeCopenhagen),
            Err(vec![("online_link", FormProblem::LinkInvalid)])
        );
    }
}
