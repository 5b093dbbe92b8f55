//! The steps a meeting may take, and nothing else.
use serde::{Deserialize, Serialize};

use super::MeetingStatus;

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
}
