//! The agenda item form as posted, and the checks that turn it into a draft.
use serde::{Deserialize, Serialize};

use super::ItemKind;
use crate::model::forms::{FormProblem, MAX_DURATION_MINUTES, title};

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
