use sea_orm::entity::prelude::*;

/// A message waiting to be sent, written in the same transaction as the change that causes
/// it. `body` is the complete RFC 5322 message, so a retry sends the very same bytes and
/// Message-ID.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_message")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub message_id: String,
    pub meeting_id: Option<i32>,
    pub sender: String,
    pub recipient: String,
    pub ordering_key: String,
    pub kind: crate::server::mail::MailKind,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub claimed_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

/// Where a message is on its way out. The claim statements in `services::outbox` spell these
/// values in SQL too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum OutboxStatus {
    /// Waiting for its next attempt.
    #[sea_orm(string_value = "queued")]
    Queued,
    /// Claimed by a worker until `claimed_until`.
    #[sea_orm(string_value = "sending")]
    Sending,
    #[sea_orm(string_value = "sent")]
    Sent,
    /// Given up after the last attempt; the secretariat can queue it again.
    #[sea_orm(string_value = "dead")]
    Dead,
}

impl OutboxStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Queued => "queued",
            OutboxStatus::Sending => "sending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Dead => "dead",
        }
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::Iterable;

    #[test]
    fn outbox_statuses_are_stored_under_their_names() {
        for status in OutboxStatus::iter() {
            assert_eq!(status.to_value(), status.as_str());
        }
        assert!(OutboxStatus::try_from_value(&"sending".to_string()).is_ok());
    }

    #[test]
    fn every_kind_of_message_has_its_own_name_on_the_outbox_page_in_both_languages() {
        use crate::server::mail::MailKind;
        for lang in [crate::model::Lang::Da, crate::model::Lang::En] {
            let t = crate::i18n::texts(lang);
            let names: std::collections::HashSet<&str> = MailKind::iter()
                .map(|kind| crate::i18n::mail_kind_name(t, kind.as_str()))
                .collect();
            assert_eq!(names.len(), MailKind::iter().count(), "{lang:?}: {names:?}");
        }
    }
}
