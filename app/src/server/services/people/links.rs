//! Signing in by a link mailed to one's address: to sign in without the password, to choose
//! a new password (forgot password), and a new person's first sign-in (welcome).
//!
//! - Asking for a link only writes the request down: the same work and the same answer
//!   whatever the address, so neither the answer nor its timing tells whether the address is
//!   known. The worker ([`handle_requests`]) decides later whether anyone is mailed.
//! - Asking is throttled per address (as failed sign-ins are, under the key `link:<address>`).
//! - A link is a random 256-bit token; only its SHA-256 is stored. It is bound to the address
//!   it was mailed to (a changed address voids it), works once, and only until it expires
//!   ([`LinkPurpose::lifetime_minutes`]). Using one voids the person's other open links.
//! - Opening a link's page does not use it (mail scanners open links); posting its form does.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::i18n::{fill, role_name, texts};
use crate::model::EmailAddress;
use crate::model::forms::{FormProblem, new_password};
use crate::model::people::{LinkPurpose, LinkState};
use crate::server::auth::{hash_password, new_token, token_hash};
use crate::server::calendar::Party;
use crate::server::entities::{link_request, person, sign_in_link, user_account};
use crate::server::error::DomainError;
use crate::server::mail::MailKind;
use crate::server::notice::{self, Notice};
use crate::server::services::invitations::{MailContext, organizer};
use crate::server::services::outbox;
use crate::server::services::people::sessions::{self, SignedIn, current_user};
use crate::server::services::taskforce::the_taskforce;

/// How many requests the worker handles per round.
const BATCH: u64 = 20;

/// Writes down that someone asked for a link to `email`. Nothing else: the answer is the same
/// for every address. Refused only when the address has asked too often (`Throttled`).
pub async fn request(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    email: &EmailAddress,
    purpose: LinkPurpose,
) -> Result<(), DomainError> {
    // A welcome is the secretariat's to send; asking for one is asking to choose a password.
    let purpose = match purpose {
        LinkPurpose::Welcome => LinkPurpose::Reset,
        other => other,
    };
    let attempt = sessions::reserve_attempt(db, now, &format!("link:{email}")).await?;
    if let Some(minutes) = attempt.locked_for(now) {
        tracing::warn!("link request refused: address asked too often");
        return Err(DomainError::Throttled { minutes });
    }
    link_request::ActiveModel {
        email: Set(email.as_str().to_string()),
        purpose: Set(purpose),
        requested_at: Set(now),
        handled_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The worker's part: for each waiting request, a link is mailed if the address is an active
/// person's; otherwise nothing is. Several instances may run this at once: each request is
/// taken by exactly one. Returns how many links were mailed.
pub async fn handle_requests(
    db: &DatabaseConnection,
    ctx: &MailContext,
    now: DateTime<Utc>,
) -> Result<usize, DomainError> {
    let waiting: Vec<link_request::Model> = link_request::Entity::find()
        .filter(link_request::Column::HandledAt.is_null())
        .order_by_asc(link_request::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    let mut mailed = 0;
    for request in waiting {
        let txn = crate::server::db::begin_write(db).await?;
        let taken = link_request::Entity::update_many()
            .col_expr(link_request::Column::HandledAt, Expr::value(now))
            .filter(link_request::Column::Id.eq(request.id))
            .filter(link_request::Column::HandledAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        if taken == 0 {
            continue;
        }
        let stale = request.requested_at + Duration::minutes(request.purpose.lifetime_minutes());
        let found = person::Entity::find()
            .filter(person::Column::Email.eq(request.email.as_str()))
            .filter(person::Column::DeactivatedAt.is_null())
            .find_also_related(user_account::Entity)
            .one(&txn)
            .await?;
        // A request older than the link it asks for is not worth answering.
        if let (Some((person, Some(_))), true) = (found, now < stale) {
            issue_in(&txn, ctx, now, &person, request.purpose).await?;
            mailed += 1;
        }
        txn.commit().await?;
    }
    // Requests are kept a day for the record, then swept.
    link_request::Entity::delete_many()
        .filter(link_request::Column::RequestedAt.lt(now - Duration::days(1)))
        .exec(db)
        .await?;
    Ok(mailed)
}

/// Makes a link for `person` and queues the mail that carries it, in the caller's transaction.
pub async fn issue_in(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    now: DateTime<Utc>,
    person: &person::Model,
    purpose: LinkPurpose,
) -> Result<(), DomainError> {
    let token = new_token();
    sign_in_link::ActiveModel {
        token_hash: Set(token_hash(&token)),
        person_id: Set(person.id),
        email: Set(person.email.clone()),
        purpose: Set(purpose),
        created_at: Set(now),
        expires_at: Set(now + Duration::minutes(purpose.lifetime_minutes())),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let tf = the_taskforce(db).await?;
    let lang = person.language;
    let p = texts(lang).people;
    let url = format!("{}/link/{token}", ctx.base_url);
    let (kind, subject, paragraphs, button, after) = match purpose {
        LinkPurpose::SignIn => (
            MailKind::SignInLink,
            p.mail_link_subject,
            vec![p.mail_link_intro.to_string()],
            p.mail_link_button,
            vec![p.mail_quarter_hour.to_string(), p.mail_not_you.to_string()],
        ),
        LinkPurpose::Reset => (
            MailKind::PasswordReset,
            p.mail_reset_subject,
            vec![p.mail_reset_intro.to_string()],
            p.mail_reset_button,
            vec![p.mail_quarter_hour.to_string(), p.mail_not_you.to_string()],
        ),
        LinkPurpose::Welcome => (
            MailKind::Welcome,
            p.mail_welcome_subject,
            vec![fill(
                p.mail_welcome_intro,
                &[
                    ("role", &role_name(lang, person.role).to_lowercase()),
                    ("taskforce", &tf.name),
                ],
            )],
            p.mail_welcome_button,
            vec![p.mail_welcome_lifetime.to_string()],
        ),
    };
    let notice = Notice {
        kind,
        lang,
        sender: organizer(&tf, lang),
        recipient: Party {
            name: person.name.clone(),
            email: person.email.clone(),
        },
        subject: subject.to_string(),
        paragraphs,
        link: Some((button.to_string(), url)),
        after,
        message_id: message_id(ctx, kind),
        date: now,
    };
    enqueue_notice(db, now, &notice).await
}

/// A new Message-ID for a notice from this site.
pub(crate) fn message_id(ctx: &MailContext, kind: MailKind) -> String {
    format!(
        "{}.{}@{}",
        crate::server::auth::hex(&rand::random::<[u8; 12]>()),
        kind.as_str(),
        ctx.host()
    )
}

/// Builds a notice and puts it in the outbox, in the caller's transaction.
pub(crate) async fn enqueue_notice(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    notice: &Notice,
) -> Result<(), DomainError> {
    let body = notice::build(notice).map_err(|e| {
        DomainError::Conflict(format!(
            "no message can be written for {}: {e}",
            notice.recipient.email
        ))
    })?;
    outbox::enqueue(
        db,
        now,
        outbox::NewMessage {
            message_id: notice.message_id.clone(),
            meeting_id: None,
            sender: notice.sender.email.clone(),
            recipient: notice.recipient.email.clone(),
            kind: notice.kind,
            subject: notice.subject.clone(),
            body,
        },
        Duration::zero(),
    )
    .await?;
    Ok(())
}

/// What a link's page says about it. Looking does not use it.
pub async fn state(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    token: &str,
) -> Result<LinkState, DomainError> {
    let Some(link) = find(db, token).await? else {
        return Ok(LinkState::Unknown);
    };
    Ok(if link.used_at.is_some() {
        LinkState::Used
    } else if link.expires_at <= now || !still_bound(db, &link).await? {
        LinkState::Expired
    } else {
        LinkState::Valid(link.purpose)
    })
}

async fn find(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<sign_in_link::Model>, DomainError> {
    Ok(sign_in_link::Entity::find()
        .filter(sign_in_link::Column::TokenHash.eq(token_hash(token)))
        .one(db)
        .await?)
}

/// Whether the link's person is still active at the address it was mailed to.
async fn still_bound(
    db: &impl ConnectionTrait,
    link: &sign_in_link::Model,
) -> Result<bool, DomainError> {
    Ok(person::Entity::find_by_id(link.person_id)
        .one(db)
        .await?
        .is_some_and(|p| p.deactivated_at.is_none() && p.email == link.email))
}

/// What the person brings to a link's form: nothing for a sign-in link, the new password
/// twice for a welcome or reset link.
#[derive(Debug, Clone, Default)]
pub struct LinkUse {
    pub password: String,
    pub again: String,
    pub user_agent: Option<String>,
}

/// Uses a link: exactly once, before it expires, for the address it was mailed to. A welcome
/// or reset link sets the password first (a refused password leaves the link unused) and ends
/// the person's other sessions. Returns the new session.
pub async fn use_link(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    token: &str,
    input: LinkUse,
    session_hours: i64,
) -> Result<SignedIn, DomainError> {
    let spent = || DomainError::Form(vec![("link", FormProblem::LinkSpent)]);
    let txn = crate::server::db::begin_write(db).await?;
    let link = find(&txn, token).await?.ok_or_else(spent)?;
    let hash = if link.purpose.sets_password() {
        if let Err(problem) = new_password(&input.password, &input.again) {
            let field = match problem {
                FormProblem::PasswordsDiffer => "again",
                _ => "password",
            };
            return Err(DomainError::Form(vec![(field, problem)]));
        }
        Some(hash_password(input.password).await?)
    } else {
        None
    };
    // Taken in one statement, so two posts of the same link cannot both succeed.
    let taken = sign_in_link::Entity::update_many()
        .col_expr(sign_in_link::Column::UsedAt, Expr::value(now))
        .filter(sign_in_link::Column::Id.eq(link.id))
        .filter(sign_in_link::Column::UsedAt.is_null())
        .filter(sign_in_link::Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?
        .rows_affected;
    if taken == 0 || !still_bound(&txn, &link).await? {
        return Err(spent());
    }
    let person = person::Entity::find_by_id(link.person_id)
        .one(&txn)
        .await?
        .ok_or_else(spent)?;
    let account = user_account::Entity::find()
        .filter(user_account::Column::PersonId.eq(person.id))
        .one(&txn)
        .await?
        .ok_or_else(spent)?;
    void_open_links_in(&txn, now, person.id).await?;
    let account = match hash {
        Some(hash) => {
            sessions::end_sessions_of(&txn, person.id).await?;
            let mut update: user_account::ActiveModel = account.into();
            update.password_hash = Set(hash);
            update.update(&txn).await?
        }
        None => account,
    };
    let email = EmailAddress::parse(&person.email)
        .map_err(|_| DomainError::Internal("a stored address does not parse".into()))?;
    let (token, expires_at) = sessions::start_session(
        &txn,
        now,
        &account,
        &email,
        session_hours,
        input.user_agent.as_deref(),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        account_id = account.id,
        purpose = link.purpose.as_str(),
        "signed in by link"
    );
    Ok(SignedIn {
        user: current_user(&person, account.id)?,
        token,
        expires_at,
    })
}

/// Marks every open link of a person used: after one is used, after a new address.
pub(crate) async fn void_open_links_in(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    person_id: i32,
) -> Result<u64, DomainError> {
    Ok(sign_in_link::Entity::update_many()
        .col_expr(sign_in_link::Column::UsedAt, Expr::value(now))
        .filter(sign_in_link::Column::PersonId.eq(person_id))
        .filter(sign_in_link::Column::UsedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}
