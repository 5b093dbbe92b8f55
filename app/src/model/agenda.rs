//! Agendas: items typed B/D/O, their times, and the forms that create and change them.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::time::Zone;
use crate::model::{MeetingStatus, MeetingSummary};

/// B beslutning (decision), D drøftelse (discussion), O orientering (information).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum ItemKind {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "B"))]
    B,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "D"))]
    D,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "O"))]
    O,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [ItemKind::B, ItemKind::D, ItemKind::O];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::B => "B",
            ItemKind::D => "D",
            ItemKind::O => "O",
        }
    }

    pub fn parse(value: &str) -> Option<ItemKind> {
        ItemKind::ALL
            .into_iter()
            .find(|k| k.as_str() == value.trim())
    }
}

/// The items every meeting starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Standing {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "approval"))]
    Approval,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "follow_up"))]
    FollowUp,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "aob"))]
    Aob,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Approval => "approval",
            Standing::FollowUp => "follow_up",
            Standing::Aob => "aob",
        }
    }

    pub fn parse(value: &str) -> Option<Standing> {
        [Standing::Approval, Standing::FollowUp, Standing::Aob]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperVersionView {
    pub id: i32,
    pub version_no: i32,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_at: DateTime<Utc>,
}

/// A paper (bilag) with its versions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperView {
    pub id: i32,
    pub title: String,
    pub versions: Vec<PaperVersionView>,
}

/// An agenda item as a viewer may see it. A closed item shown to someone who may not read it
/// carries only its number, its time and `restricted = true`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItemView {
    pub id: i32,
    pub number: usize,
    pub kind: ItemKind,
    pub title: String,
    pub resume: String,
    pub resume_html: String,
    pub indstilling: Option<String>,
    pub presenter_id: Option<i32>,
    pub presenter_name: Option<String>,
    pub duration_minutes: i32,
    pub closed: bool,
    pub restricted: bool,
    pub standing: Option<Standing>,
    pub version: i32,
    pub starts_at: DateTime<Utc>,
    pub papers: Vec<PaperView>,
}

/// What the viewer may do on the meeting page; decided on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MeetingPermissions {
    pub edit: bool,
    pub submit_for_review: bool,
    pub review: bool,
    pub publish: bool,
    pub mark_held: bool,
    pub close: bool,
    pub read_audit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonOption {
    pub id: i32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingDetail {
    pub meeting: MeetingSummary,
    pub version: i32,
    pub review_comment: Option<String>,
    pub approved: bool,
    pub cancelled: bool,
    pub items: Vec<AgendaItemView>,
    pub agenda_ends_at: DateTime<Utc>,
    /// Minutes the agenda runs past the meeting's end; zero or less means it fits.
    pub overrun_minutes: i64,
    pub can: MeetingPermissions,
    pub people: Vec<PersonOption>,
    /// How near the meeting is, when it has not begun (worked out on the server, by its clock).
    #[serde(default)]
    pub starts_in: Option<crate::model::time::StartsIn>,
}

/// One line of a meeting's audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub details: String,
}

/// Each item's start, from the meeting's start and the durations before it; and the end.
pub fn item_starts(
    meeting_start: DateTime<Utc>,
    durations: &[i32],
) -> (Vec<DateTime<Utc>>, DateTime<Utc>) {
    let mut at = meeting_start;
    let mut starts = Vec::with_capacity(durations.len());
    for minutes in durations {
        starts.push(at);
        at += Duration::minutes(i64::from(*minutes));
    }
    (starts, at)
}

/// A field and what is wrong with it, as a key into the message catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormProblem {
    TitleEmpty,
    TitleTooLong,
    KindUnknown,
    DurationNotANumber,
    DurationOutOfRange,
    IndstillingRequired,
    PresenterUnknown,
    DateInvalid,
    TimeInvalid,
    TimeDoesNotExist,
    EndBeforeStart,
    LocationEmpty,
    LinkInvalid,
    CommentRequired,
    ReplyUnreadable,
    ReplyForged,
    ReplyUnknownMeeting,
    NameEmpty,
    EmailInvalid,
    EmailLocalPart,
    EmailDomain,
    NameUnusable,
    NameTooLong,
}

impl FormProblem {
    pub const ALL: [FormProblem; 23] = [
        FormProblem::TitleEmpty,
        FormProblem::TitleTooLong,
        FormProblem::KindUnknown,
        FormProblem::DurationNotANumber,
        FormProblem::DurationOutOfRange,
        FormProblem::IndstillingRequired,
        FormProblem::PresenterUnknown,
        FormProblem::DateInvalid,
        FormProblem::TimeInvalid,
        FormProblem::TimeDoesNotExist,
        FormProblem::EndBeforeStart,
        FormProblem::LocationEmpty,
        FormProblem::LinkInvalid,
        FormProblem::CommentRequired,
        FormProblem::ReplyUnreadable,
        FormProblem::ReplyForged,
        FormProblem::ReplyUnknownMeeting,
        FormProblem::NameEmpty,
        FormProblem::EmailInvalid,
        FormProblem::EmailLocalPart,
        FormProblem::EmailDomain,
        FormProblem::NameUnusable,
        FormProblem::NameTooLong,
    ];

    pub fn from_code(code: &str) -> Option<FormProblem> {
        FormProblem::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            FormProblem::TitleEmpty => "title_empty",
            FormProblem::TitleTooLong => "title_long",
            FormProblem::KindUnknown => "kind",
            FormProblem::DurationNotANumber => "duration_nan",
            FormProblem::DurationOutOfRange => "duration_range",
            FormProblem::IndstillingRequired => "indstilling",
            FormProblem::PresenterUnknown => "presenter",
            FormProblem::DateInvalid => "date",
            FormProblem::TimeInvalid => "time",
            FormProblem::TimeDoesNotExist => "time_gap",
            FormProblem::EndBeforeStart => "end_before_start",
            FormProblem::LocationEmpty => "location",
            FormProblem::LinkInvalid => "link",
            FormProblem::CommentRequired => "comment",
            FormProblem::ReplyUnreadable => "reply_unreadable",
            FormProblem::ReplyForged => "reply_forged",
            FormProblem::ReplyUnknownMeeting => "reply_unknown",
            FormProblem::NameEmpty => "name_empty",
            FormProblem::EmailInvalid => "email_invalid",
            FormProblem::EmailLocalPart => "email_local_part",
            FormProblem::EmailDomain => "email_domain",
            FormProblem::NameUnusable => "name_unusable",
            FormProblem::NameTooLong => "name_long",
        }
    }
}

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DURATION_MINUTES: i32 = 480;

/// The agenda item form as posted (`input[title]` …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    pub meeting_id: i32,
    #[serde(default)]
    pub item_id: Option<i32>,
    #[serde(default)]
    pub version: Option<i32>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub resume: String,
    #[serde(default)]
    pub indstilling: String,
    #[serde(default)]
    pub presenter_id: String,
    #[serde(default)]
    pub duration: String,
    #[serde(default)]
    pub closed: Option<String>,
}

/// An agenda item that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemDraft {
    pub kind: ItemKind,
    pub title: String,
    pub resume: String,
    pub indstilling: Option<String>,
    pub presenter_id: Option<i32>,
    pub duration_minutes: i32,
    pub closed: bool,
}

fn title(input: &str) -> Result<String, FormProblem> {
    let title = input.trim();
    if title.is_empty() {
        Err(FormProblem::TitleEmpty)
    } else if title.chars().count() > MAX_TITLE_CHARS {
        Err(FormProblem::TitleTooLong)
    } else {
        Ok(title.to_string())
    }
}

impl ItemForm {
    /// Every problem at once, each with its field, so the form can show them all.
    pub fn parse(&self) -> Result<ItemDraft, Vec<(&'static str, FormProblem)>> {
        let mut problems = Vec::new();
        let kind = ItemKind::parse(&self.kind);
        if kind.is_none() {
            problems.push(("kind", FormProblem::KindUnknown));
        }
        let title = title(&self.title)
            .map_err(|p| problems.push(("title", p)))
            .ok();
        let duration = match self.duration.trim().parse::<i32>() {
            Ok(minutes) if (1..=MAX_DURATION_MINUTES).contains(&minutes) => Some(minutes),
            Ok(_) => {
                problems.push(("duration", FormProblem::DurationOutOfRange));
                None
            }
            Err(_) => {
                problems.push(("duration", FormProblem::DurationNotANumber));
                None
            }
        };
        let indstilling = Some(self.indstilling.trim().to_string()).filter(|s| !s.is_empty());
        if kind == Some(ItemKind::B) && indstilling.is_none() {
            problems.push(("indstilling", FormProblem::IndstillingRequired));
        }
        let presenter_id = match self.presenter_id.trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(id) => Some(id),
                Err(_) => {
                    problems.push(("presenter_id", FormProblem::PresenterUnknown));
                    None
                }
            },
        };
        match (kind, title, duration, problems.is_empty()) {
            (Some(kind), Some(title), Some(duration_minutes), true) => Ok(ItemDraft {
                kind,
                title,
                resume: self.resume.trim().to_string(),
                indstilling,
                presenter_id,
                duration_minutes,
                closed: self.closed.is_some(),
            }),
            _ => Err(problems),
        }
    }
}

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
        } else if crate::model::meeting::is_web_link(link) {
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

/// A step in a meeting's life; where it may be taken and where it leads is [`LIFECYCLE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transition {
    SubmitForReview,
    Approve,
    SendBack,
    Publish,
    MarkHeld,
    Close,
}

impl Transition {
    pub const ALL: [Transition; 6] = [
        Transition::SubmitForReview,
        Transition::Approve,
        Transition::SendBack,
        Transition::Publish,
        Transition::MarkHeld,
        Transition::Close,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Transition::SubmitForReview => "submit",
            Transition::Approve => "approve",
            Transition::SendBack => "send_back",
            Transition::Publish => "publish",
            Transition::MarkHeld => "held",
            Transition::Close => "close",
        }
    }

    pub fn parse(value: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.as_str() == value)
    }

    /// The status this step leads to from `from`, or `None` where [`LIFECYCLE`] does not
    /// allow it.
    pub fn reaches(self, from: MeetingStatus) -> Option<MeetingStatus> {
        LIFECYCLE
            .iter()
            .find(|(status, step, _)| *status == from && *step == self)
            .map(|(_, _, to)| *to)
    }
}

/// Every step a meeting may take, as (from, step, to); nothing else is allowed, and nothing
/// else decides it. Approval keeps the meeting in review: it records the chair's yes, which
/// publishing needs.
///
/// Closing files a meeting away for good. While the app keeps no minutes, a held meeting
/// closes directly (its minutes are approved outside the app), and so does one whose minutes
/// are approved. The minutes steps go in between when they come: held → minutes circulated →
/// minutes approved → closed, and the direct close from held goes.
pub const LIFECYCLE: [(MeetingStatus, Transition, MeetingStatus); 7] = {
    use MeetingStatus::*;
    use Transition::*;
    [
        (Draft, SubmitForReview, InReview),
        (InReview, Approve, InReview),
        (InReview, SendBack, Draft),
        (InReview, Publish, Published),
        (Published, MarkHeld, Held),
        (Held, Close, Closed),
        (MinutesApproved, Close, Closed),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn item_kinds_and_standing_items_are_stored_under_their_names() {
        use sea_orm::ActiveEnum;
        for kind in ItemKind::ALL {
            assert_eq!(kind.to_value(), kind.as_str());
        }
        for standing in [Standing::Approval, Standing::FollowUp, Standing::Aob] {
            assert_eq!(standing.to_value(), standing.as_str());
            assert_eq!(
                Standing::try_from_value(&standing.as_str().to_string()).ok(),
                Some(standing)
            );
        }
    }

    fn item(kind: &str, duration: &str, indstilling: &str) -> ItemForm {
        ItemForm {
            kind: kind.into(),
            title: "Godkendelse af dagsorden".into(),
            duration: duration.into(),
            indstilling: indstilling.into(),
            ..ItemForm::default()
        }
    }

    #[test]
    fn a_decision_item_needs_an_indstilling() {
        let problems = item("B", "10", "  ")
            .parse()
            .expect_err("B without indstilling");
        assert_eq!(
            problems,
            vec![("indstilling", FormProblem::IndstillingRequired)]
        );
        assert!(
            item(
                "B",
                "10",
                "Det indstilles, at taskforcen godkender dagsordenen."
            )
            .parse()
            .is_ok()
        );
        assert!(item("O", "10", "").parse().is_ok());
    }

    #[test]
    fn durations_must_be_positive_whole_minutes() {
        for (text, problem) in [
            ("-5", FormProblem::DurationOutOfRange),
            ("0", FormProblem::DurationOutOfRange),
            ("481", FormProblem::DurationOutOfRange),
            ("ti", FormProblem::DurationNotANumber),
            ("", FormProblem::DurationNotANumber),
        ] {
            assert_eq!(
                item("D", text, "").parse(),
                Err(vec![("duration", problem)]),
                "{text}"
            );
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let form = ItemForm {
            kind: "X".into(),
            duration: "-1".into(),
            ..ItemForm::default()
        };
        let fields: Vec<_> = form
            .parse()
            .expect_err("invalid")
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, vec!["kind", "title", "duration"]);
    }

    #[test]
    fn item_times_follow_from_the_meeting_start_and_the_durations() {
        let start = Utc.with_ymd_and_hms(2022, 4, 5, 11, 0, 0).unwrap();
        let (starts, end) = item_starts(start, &[5, 20, 45]);
        assert_eq!(
            starts,
            vec![
                start,
                start + Duration::minutes(5),
                start + Duration::minutes(25)
            ]
        );
        assert_eq!(end, start + Duration::minutes(70));
    }

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

    #[test]
    fn each_step_leads_one_way_at_most_from_each_status() {
        for from in MeetingStatus::ALL {
            for step in Transition::ALL {
                let ways = LIFECYCLE
                    .iter()
                    .filter(|(f, s, _)| *f == from && *s == step)
                    .count();
                assert!(ways <= 1, "{from:?} --{step:?}--> has {ways} ways");
            }
        }
    }

    #[test]
    fn a_meeting_cannot_skip_review_or_go_backwards_after_publishing() {
        assert_eq!(
            Transition::ALL
                .into_iter()
                .filter_map(|step| step.reaches(MeetingStatus::Draft))
                .collect::<Vec<_>>(),
            vec![MeetingStatus::InReview]
        );
        for (from, step, to) in LIFECYCLE {
            if from >= MeetingStatus::Published {
                assert!(to > from, "{from:?} --{step:?}--> {to:?} goes back");
            }
        }
    }

    #[test]
    fn every_meeting_can_still_be_closed_and_a_closed_one_takes_no_step() {
        for start in MeetingStatus::ALL {
            let mut reached = vec![start];
            let mut i = 0;
            while let Some(&at) = reached.get(i) {
                for step in Transition::ALL {
                    if let Some(to) = step.reaches(at)
                        && !reached.contains(&to)
                    {
                        reached.push(to);
                    }
                }
                i += 1;
            }
            assert!(reached.contains(&MeetingStatus::Closed), "from {start:?}");
        }
        assert!(
            Transition::ALL
                .into_iter()
                .all(|step| step.reaches(MeetingStatus::Closed).is_none())
        );
    }

    proptest! {
        #[test]
        fn item_parsing_never_panics_and_accepts_only_valid_drafts(kind in "[BDOX ]{0,2}", title in "\\PC{0,30}", duration in "-?[0-9]{0,4}", ind in "\\PC{0,10}") {
            let form = ItemForm { kind, title, duration, indstilling: ind, ..ItemForm::default() };
            if let Ok(draft) = form.parse() {
                prop_assert!(draft.duration_minutes >= 1 && draft.duration_minutes <= MAX_DURATION_MINUTES);
                prop_assert!(!draft.title.is_empty());
                prop_assert!(draft.kind != ItemKind::B || draft.indstilling.is_some());
            }
        }
    }
}
