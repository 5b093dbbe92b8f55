//! Minutes (referat): each agenda item's outcome as its type demands, numbered decisions that
//! form one register across the meetings, and actions with an owner and a due date.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::agenda::ItemKind;
use crate::model::forms::FormProblem;

pub mod export;

/// The longest outcome, decision or action text.
pub const MAX_OUTCOME_CHARS: usize = 20_000;

/// What an information item's outcome says unless the secretariat writes otherwise. The
/// minutes are the taskforce's Danish record, whatever language the reader has chosen.
pub const NOTED_DA: &str = "Taskforcen tog orienteringen til efterretning.";

/// The text an item's outcome starts from: for a B item the indstilling (the first decision's
/// wording), for an O item the standard sentence, for a D item nothing (the main points are
/// written in the meeting).
pub fn starting_text(kind: ItemKind, indstilling: Option<&str>) -> String {
    match kind {
        ItemKind::B => indstilling.unwrap_or_default().trim().to_string(),
        ItemKind::O => NOTED_DA.to_string(),
        ItemKind::D => String::new(),
    }
}

/// A decision's number as the register shows it: `TF-3.2` is meeting 3's second decision.
pub fn decision_code(meeting_number: i32, number: i32) -> String {
    format!("TF-{meeting_number}.{number}")
}

/// Where a decision stands afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum DecisionStatus {
    /// Decided; nothing more to do.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "noted"))]
    Noted,
    /// To be followed up.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "follow_up"))]
    FollowUp,
    /// Followed up and done.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "done"))]
    Done,
}

impl DecisionStatus {
    pub const ALL: [DecisionStatus; 3] = [
        DecisionStatus::Noted,
        DecisionStatus::FollowUp,
        DecisionStatus::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionStatus::Noted => "noted",
            DecisionStatus::FollowUp => "follow_up",
            DecisionStatus::Done => "done",
        }
    }

    pub fn parse(value: &str) -> Option<DecisionStatus> {
        DecisionStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value.trim())
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum ActionStatus {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "open"))]
    Open,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "done"))]
    Done,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "dropped"))]
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    pub fn parse(value: &str) -> Option<ActionStatus> {
        ActionStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value.trim())
    }
}

/// One decision as the register and the minutes show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionRow {
    pub id: i32,
    pub code: String,
    pub meeting_id: i32,
    pub meeting_number: i32,
    pub meeting_title: String,
    pub item_id: Option<i32>,
    pub item_title: Option<String>,
    pub text: String,
    pub status: DecisionStatus,
    pub decided_at: DateTime<Utc>,
}

/// One action as the lists and the minutes show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    pub id: i32,
    pub meeting_id: i32,
    pub meeting_number: i32,
    pub item_id: Option<i32>,
    pub item_title: Option<String>,
    pub what: String,
    pub owner_id: i32,
    pub owner: String,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    /// Open and past its due date on the day asked.
    pub overdue: bool,
    pub version: i32,
}

/// An item on the minute-taking page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesItem {
    pub id: i32,
    pub number: usize,
    pub kind: ItemKind,
    pub title: String,
    pub closed: bool,
    pub indstilling: Option<String>,
    pub planned_start: DateTime<Utc>,
    pub duration_minutes: i32,
    /// The outcome as saved, or the item type's starting text with no version yet.
    pub outcome: String,
    pub outcome_version: Option<i32>,
    pub decisions: Vec<DecisionRow>,
    pub actions: Vec<ActionRow>,
}

/// The minute-taking page of one meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MinutesView {
    pub meeting_id: i32,
    pub meeting_number: i32,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Whether the secretariat may write (the meeting is under way or held, minutes not approved).
    pub editable: bool,
    /// The item whose planned time the clock is in, while the meeting runs.
    pub current_item: Option<i32>,
    pub items: Vec<MinutesItem>,
    /// Everyone an action can be given to: the active people, by name.
    pub people: Vec<(i32, String)>,
}

impl MinutesView {
    /// B items that still have no decision: the minutes are not complete without one.
    pub fn undecided(&self) -> Vec<&MinutesItem> {
        self.items
            .iter()
            .filter(|i| i.kind == ItemKind::B && i.decisions.is_empty())
            .collect()
    }
}

/// What the outcome form posts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OutcomeForm {
    pub item_id: i32,
    /// The version the form was made from; none for an outcome not saved before.
    #[serde(default)]
    pub version: Option<i32>,
    #[serde(default)]
    pub text: String,
}

/// What the new-action form posts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionForm {
    pub item_id: i32,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub owner_id: String,
    #[serde(default)]
    pub due_on: String,
}

/// A new action that parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionDraft {
    pub what: String,
    pub owner_id: i32,
    pub due_on: NaiveDate,
}

impl ActionForm {
    pub fn parse(&self) -> Result<ActionDraft, Vec<(&'static str, FormProblem)>> {
        let mut problems = Vec::new();
        let what = self.what.trim();
        if what.is_empty() {
            problems.push(("what", FormProblem::ActionEmpty));
        } else if what.chars().count() > MAX_OUTCOME_CHARS {
            problems.push(("what", FormProblem::OutcomeTooLong));
        }
        let owner_id = self.owner_id.trim().parse::<i32>().ok();
        if owner_id.is_none() {
            problems.push(("owner_id", FormProblem::OwnerUnknown));
        }
        let due_on = NaiveDate::parse_from_str(self.due_on.trim(), "%Y-%m-%d").ok();
        if due_on.is_none() {
            problems.push(("due_on", FormProblem::DateInvalid));
        }
        match (owner_id, due_on) {
            (Some(owner_id), Some(due_on)) if problems.is_empty() => Ok(ActionDraft {
                what: what.to_string(),
                owner_id,
                due_on,
            }),
            _ => Err(problems),
        }
    }
}

/// An outcome or decision text: trimmed, at most [`MAX_OUTCOME_CHARS`].
pub fn outcome_text(input: &str) -> Result<String, FormProblem> {
    let text = input.trim();
    if text.chars().count() > MAX_OUTCOME_CHARS {
        Err(FormProblem::OutcomeTooLong)
    } else {
        Ok(text.to_string())
    }
}

/// A decision's wording: not empty, at most [`MAX_OUTCOME_CHARS`].
pub fn decision_text(input: &str) -> Result<String, FormProblem> {
    match outcome_text(input)? {
        text if text.is_empty() => Err(FormProblem::DecisionEmpty),
        text => Ok(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_item_starts_from_what_its_type_demands() {
        assert_eq!(
            starting_text(
                ItemKind::B,
                Some(" Taskforcen godkender surveyens design. ")
            ),
            "Taskforcen godkender surveyens design."
        );
        assert_eq!(starting_text(ItemKind::O, None), NOTED_DA);
        assert_eq!(starting_text(ItemKind::D, Some("ignored")), "");
    }

    #[test]
    fn decision_numbers_read_meeting_dot_number() {
        assert_eq!(decision_code(3, 2), "TF-3.2");
        assert_eq!(decision_code(6, 11), "TF-6.11");
    }

    #[test]
    fn an_action_needs_what_whom_and_a_real_date() {
        let problems = ActionForm {
            item_id: 1,
            what: "  ".into(),
            owner_id: "x".into(),
            due_on: "2022-02-30".into(),
        }
        .parse()
        .expect_err("invalid");
        assert_eq!(
            problems,
            vec![
                ("what", FormProblem::ActionEmpty),
                ("owner_id", FormProblem::OwnerUnknown),
                ("due_on", FormProblem::DateInvalid),
            ]
        );
        let draft = ActionForm {
            item_id: 1,
            what: "Send spørgeskemaet til høring i KL".into(),
            owner_id: "7".into(),
            due_on: "2022-03-15".into(),
        }
        .parse()
        .expect("valid");
        assert_eq!(draft.owner_id, 7);
        assert_eq!(draft.due_on, NaiveDate::from_ymd_opt(2022, 3, 15).unwrap());
    }

    #[test]
    fn a_decision_needs_words() {
        assert_eq!(decision_text(" \n "), Err(FormProblem::DecisionEmpty));
        assert_eq!(
            decision_text(&"x".repeat(MAX_OUTCOME_CHARS + 1)),
            Err(FormProblem::OutcomeTooLong)
        );
    }
}
