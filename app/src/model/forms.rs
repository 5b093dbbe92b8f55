//! What can be wrong with a posted form, field by field, and the limits every form shares.
use serde::{Deserialize, Serialize};

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
    RoleUnknown,
    SectorUnknown,
    LanguageUnknown,
    DeputyForRequired,
    DeputyForUnknown,
    EmailTaken,
    TextTooLong,
    PasswordTooShort,
    PasswordsDiffer,
    PasswordWrong,
    LastSecretariat,
    OwnRole,
    /// A mailed link that was used already, has expired, or never existed.
    LinkSpent,
    ActionEmpty,
    OwnerUnknown,
    OutcomeTooLong,
    DecisionEmpty,
}

impl FormProblem {
    pub const ALL: [FormProblem; 40] = [
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
        FormProblem::RoleUnknown,
        FormProblem::SectorUnknown,
        FormProblem::LanguageUnknown,
        FormProblem::DeputyForRequired,
        FormProblem::DeputyForUnknown,
        FormProblem::EmailTaken,
        FormProblem::TextTooLong,
        FormProblem::PasswordTooShort,
        FormProblem::PasswordsDiffer,
        FormProblem::PasswordWrong,
        FormProblem::LastSecretariat,
        FormProblem::OwnRole,
        FormProblem::LinkSpent,
        FormProblem::ActionEmpty,
        FormProblem::OwnerUnknown,
        FormProblem::OutcomeTooLong,
        FormProblem::DecisionEmpty,
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
            FormProblem::RoleUnknown => "role",
            FormProblem::SectorUnknown => "sector",
            FormProblem::LanguageUnknown => "language",
            FormProblem::DeputyForRequired => "deputy_for",
            FormProblem::DeputyForUnknown => "deputy_for_unknown",
            FormProblem::EmailTaken => "email_taken",
            FormProblem::TextTooLong => "text_long",
            FormProblem::PasswordTooShort => "password_short",
            FormProblem::PasswordsDiffer => "password_differ",
            FormProblem::PasswordWrong => "password_wrong",
            FormProblem::LastSecretariat => "last_secretariat",
            FormProblem::OwnRole => "own_role",
            FormProblem::LinkSpent => "link_spent",
            FormProblem::ActionEmpty => "action_empty",
            FormProblem::OwnerUnknown => "owner",
            FormProblem::OutcomeTooLong => "outcome_long",
            FormProblem::DecisionEmpty => "decision_empty",
        }
    }
}

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DURATION_MINUTES: i32 = 480;
/// A person's title or organisation.
pub const MAX_TEXT_CHARS: usize = 200;
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A short optional text (a person's title, organisation): trimmed, at most
/// [`MAX_TEXT_CHARS`] characters.
pub fn short_text(input: &str) -> Result<String, FormProblem> {
    let text = input.trim();
    if text.chars().count() > MAX_TEXT_CHARS {
        Err(FormProblem::TextTooLong)
    } else {
        Ok(text.to_string())
    }
}

/// A new password: at least [`MIN_PASSWORD_CHARS`] characters, typed the same twice.
pub fn new_password(password: &str, again: &str) -> Result<(), FormProblem> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Err(FormProblem::PasswordTooShort)
    } else if password != again {
        Err(FormProblem::PasswordsDiffer)
    } else {
        Ok(())
    }
}

/// A title: trimmed, not empty, at most [`MAX_TITLE_CHARS`] characters.
pub fn title(input: &str) -> Result<String, FormProblem> {
    let title = input.trim();
    if title.is_empty() {
        Err(FormProblem::TitleEmpty)
    } else if title.chars().count() > MAX_TITLE_CHARS {
        Err(FormProblem::TitleTooLong)
    } else {
        Ok(title.to_string())
    }
}
