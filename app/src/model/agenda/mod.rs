//! Agendas: items typed B/D/O, the standing items, and each item's time.
mod form;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::model::papers::PaperView;

pub use form::{ItemDraft, ItemForm};

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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

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
}
