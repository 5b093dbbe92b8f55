//! The demo taskforce, as the public page about it tells the story (shared/seed): the chair
//! and nine members, the secretariat's project leader, the steering group, and six meetings
//! over 2021–22 of which the first ones are held. Dates are made up; addresses are on
//! example.org. Seeding happens only into an empty database and only in demo mode.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};

use crate::model::agenda::{ItemDraft, ItemKind, Standing};
use crate::model::time::Zone;
use crate::model::{EmailAddress, Lang, MeetingStatus, Role, Sector};
use crate::server::auth::hash_password;
use crate::server::entities::{meeting, taskforce};
use crate::server::error::DomainError;
use crate::server::services::agenda::{insert_item, standing_items};
use crate::server::services::people::accounts::{NewPerson, create_account, create_person};

pub const DEMO_PASSWORD: &str = "demo-taskforce";
pub const DEMO_DOMAIN: &str = "example.org";
pub const ZONE: &str = "Europe/Copenhagen";

#[derive(Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    Seeded { people: usize, meetings: usize },
    AlreadyHasData,
}

struct DemoPerson {
    name: &'static str,
    email: Option<&'static str>,
    title: &'static str,
    organisation: &'static str,
    sector: Sector,
    role: Role,
    language: Lang,
}

const fn p(
    name: &'static str,
    title: &'static str,
    organisation: &'static str,
    sector: Sector,
    role: Role,
) -> DemoPerson {
    DemoPerson {
        name,
        email: None,
        title,
        organisation,
        sector,
        role,
        language: Lang::Da,
    }
}

fn people() -> Vec<DemoPerson> {
    use Role::*;
    use Sector::*;
    vec![
        p(
            "Marie Louise Refsgaard",
            "Vicedirektør",
            "Frederiksberg Kommune",
            Kommune,
            Chair,
        ),
        p(
            "Pernille Halberg Salamon",
            "Kommunaldirektør",
            "Hørsholm Kommune",
            Kommune,
            Member,
        ),
        p(
            "Jonas Dahl",
            "Hospitalsdirektør",
            "Region Midtjylland",
            Region,
            Member,
        ),
        p(
            "Jesper Fisker",
            "Administrerende direktør",
            "Kræftens Bekæmpelse",
            Privat,
            Member,
        ),
        p(
            "Anette Bækgaard",
            "Centerchef",
            "Rigspolitiet",
            Stat,
            Member,
        ),
        p(
            "Lasse Sønderup",
            "Chef for Erhverv og Turisme",
            "Sønderborg Kommune",
            Kommune,
            Member,
        ),
        p(
            "Kasper Kyed",
            "Administrerende direktør",
            "FTF-A Funktionærernes og Tjenestemændenes Fælles Arbejdsløshedskasse",
            Privat,
            Member,
        ),
        p(
            "Malene Kjær-Jepsen",
            "Sekretariatsleder",
            "Haderslev Kommune",
            Kommune,
            Member,
        ),
        p(
            "Lene Holm Pedersen",
            "Professor",
            "Institut for Statskundskab, Københavns Universitet",
            Forskning,
            Member,
        ),
        DemoPerson {
            language: Lang::En,
            ..p(
                "Jesper Rosenberg Hansen",
                "Professor",
                "Institut for Virksomhedsledelse, Aarhus Universitet",
                Forskning,
                Member,
            )
        },
        p(
            "Ann Maskell",
            "Projektleder",
            "Medarbejder- og Kompetencestyrelsen",
            Stat,
            Secretariat,
        ),
        DemoPerson {
            email: Some("styregruppe@example.org"),
            ..p(
                "Styregruppen for Nationalt Partnerskab om Ledelse og Kompetencer",
                "Fælles postkasse",
                "Nationalt Partnerskab om Ledelse og Kompetencer",
                Stat,
                SteeringGroup,
            )
        },
        p(
            "Henrik Vestergaard",
            "Direktør",
            "Medarbejder- og Kompetencestyrelsen",
            Stat,
            SteeringGroup,
        ),
        p("Sofie Lind", "Chefkonsulent", "KL", Kommune, Observer),
        // Jonas Dahl's stedfortræder, with a sign-in of her own.
        p(
            "Rikke Ørum Skovgaard",
            "Vicehospitalsdirektør",
            "Region Midtjylland",
            Region,
            Deputy,
        ),
    ]
}

struct DemoMeeting {
    number: i32,
    title: &'static str,
    date: (i32, u32, u32),
    start: (u32, u32),
    end: (u32, u32),
    location: &'static str,
    online: bool,
    status: MeetingStatus,
}

fn meetings() -> Vec<DemoMeeting> {
    use MeetingStatus::*;
    vec![
        DemoMeeting {
            number: 1,
            title: "Opstartsmøde: kommissorium og arbejdsplan",
            date: (2021, 9, 14),
            start: (13, 0),
            end: (15, 0),
            location: "Medarbejder- og Kompetencestyrelsen, Landgreven 4, 1301 København K",
            online: false,
            status: Closed,
        },
        DemoMeeting {
            number: 2,
            title: "Motiver og barrierer for sektorskifte",
            date: (2021, 11, 23),
            start: (13, 0),
            end: (15, 30),
            location: "KL, Weidekampsgade 10, 2300 København S",
            online: false,
            status: MinutesApproved,
        },
        DemoMeeting {
            number: 3,
            title: "Surveyens design og interviewundersøgelsen",
            date: (2022, 1, 25),
            start: (9, 30),
            end: (12, 0),
            location: "Online (Teams)",
            online: true,
            status: Held,
        },
        DemoMeeting {
            number: 4,
            title: "Foreløbige resultater af surveyen",
            date: (2022, 4, 5),
            start: (13, 0),
            end: (16, 0),
            location: "Frederiksberg Rådhus, Smallegade 1, 2000 Frederiksberg",
            online: true,
            status: Published,
        },
        DemoMeeting {
            number: 5,
            title: "Udkast til anbefalinger",
            date: (2022, 6, 14),
            start: (13, 0),
            end: (16, 0),
            location: "Danske Regioner, Dampfærgevej 22, 2100 København Ø",
            online: false,
            status: InReview,
        },
        DemoMeeting {
            number: 6,
            title: "Afrapportering og anbefalinger",
            date: (2022, 10, 4),
            start: (10, 0),
            end: (13, 0),
            location: "Medarbejder- og Kompetencestyrelsen, Landgreven 4, 1301 København K",
            online: false,
            status: Draft,
        },
    ]
}

fn local_instant(
    (y, m, d): (i32, u32, u32),
    (h, min): (u32, u32),
) -> Result<DateTime<Utc>, DomainError> {
    let local = NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, min, 0))
        .ok_or_else(|| DomainError::Internal("invalid demo date".into()))?;
    Zone::EuropeCopenhagen
        .from_local(local)
        .map_err(|_| DomainError::Internal("demo time falls in a DST gap".into()))
}

/// Seeds the demo taskforce into an empty database, in one transaction.
pub async fn seed_demo(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<SeedOutcome, DomainError> {
    if taskforce::Entity::find().count(db).await? > 0 {
        return Ok(SeedOutcome::AlreadyHasData);
    }
    // One hash for every demo account: they share a published password anyway, and hashing
    // fifteen times would only slow start-up and tests down.
    let demo_hash = hash_password(DEMO_PASSWORD.to_string()).await?;
    let txn = crate::server::db::begin_write(db).await?;
    let taskforce = taskforce::ActiveModel {
        name: Set("Taskforce om Ledermobilitet mellem sektorer".into()),
        description: Set("Staten har i samarbejde med KL og Danske Regioner nedsat en taskforce, der skal undersøge motiver og barrierer for, at lederne skifter sektor. Taskforcen udkommer i efteråret 2022 med anbefalinger til, hvad der skal til for at fremme ledermobilitet i Danmark på tværs af sektorer.".into()),
        mailbox: Set(format!("taskforce-sekretariat@{DEMO_DOMAIN}")),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;

    let people = people();
    let mut presenters = std::collections::HashMap::new();
    for (index, demo) in people.iter().enumerate() {
        let email = match demo.email {
            Some(address) => EmailAddress::parse(address)
                .map_err(|_| DomainError::Internal(format!("bad demo address {address}")))?,
            None => EmailAddress::demo_for_name(demo.name, DEMO_DOMAIN),
        };
        let person = create_person(
            &txn,
            now,
            &NewPerson {
                taskforce_id: taskforce.id,
                name: demo.name.into(),
                title: demo.title.into(),
                organisation: demo.organisation.into(),
                sector: demo.sector,
                email,
                language: demo.language,
                role: demo.role,
                sort_order: i32::try_from(index).unwrap_or(i32::MAX),
                // The project leader approves status reports.
                lead: demo.role == Role::Secretariat,
                deputy_for_id: (demo.role == Role::Deputy)
                    .then(|| presenters.get("Jonas Dahl").copied())
                    .flatten(),
            },
        )
        .await?;
        create_account(&txn, now, person.id, demo_hash.clone()).await?;
        presenters.insert(demo.name, person.id);
    }

    let meetings = meetings();
    for demo in &meetings {
        let row = meeting::ActiveModel {
            taskforce_id: Set(taskforce.id),
            number: Set(demo.number),
            title: Set(demo.title.into()),
            starts_at: Set(local_instant(demo.date, demo.start)?),
            ends_at: Set(local_instant(demo.date, demo.end)?),
            time_zone: Set(ZONE.into()),
            location: Set(demo.location.into()),
            online_link: Set(demo
                .online
                .then(|| format!("https://teams.example.org/taskforce-mode-{}", demo.number))),
            status: Set(demo.status),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            approved_at: Set((demo.status >= MeetingStatus::Published).then_some(now)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        seed_agenda(&txn, now, row.id, demo.number, &presenters).await?;
    }
    txn.commit().await?;
    Ok(SeedOutcome::Seeded {
        people: people.len(),
        meetings: meetings.len(),
    })
}

/// The substantive items of each demo meeting, between the standing ones.
/// Kind, title, resumé, indstilling, presenter's name, minutes, closed.
type DemoItem = (
    ItemKind,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    i32,
    bool,
);

fn demo_items(number: i32) -> Vec<DemoItem> {
    use ItemKind::*;
    match number {
        1 => vec![
            (
                D,
                "Kommissorium og arbejdsform",
                "Sekretariatet præsenterer kommissoriet. Taskforcen drøfter **arbejdsform** og forventninger.",
                None,
                "Ann Maskell",
                40,
                false,
            ),
            (
                B,
                "Arbejdsplan for 2021–2022",
                "Udkast til arbejdsplan med seks møder, survey og interviewundersøgelse.",
                Some("Det indstilles, at taskforcen godkender arbejdsplanen."),
                "Ann Maskell",
                30,
                false,
            ),
        ],
        2 => vec![
            (
                O,
                "Kortlægning af ledermobilitet",
                "Resultaterne af kortlægningen: omfang og interviews med sektorskiftere.",
                None,
                "Ann Maskell",
                30,
                false,
            ),
            (
                D,
                "Motiver og barrierer for sektorskifte",
                "Taskforcen drøfter kortlægningens fund.",
                None,
                "Marie Louise Refsgaard",
                45,
                false,
            ),
        ],
        3 => vec![
            (
                B,
                "Spørgeskema til surveyen",
                "Danmarks Statistik og VIVE gennemfører surveyen blandt offentlige ledere i februar 2022.",
                Some("Det indstilles, at taskforcen godkender spørgeskemaet."),
                "Lene Holm Pedersen",
                40,
                false,
            ),
            (
                O,
                "Interviewundersøgelse med rekrutteringsvirksomheder",
                "Status på udvælgelsen af virksomheder.",
                None,
                "Ann Maskell",
                20,
                false,
            ),
        ],
        4 => vec![
            (
                O,
                "Foreløbige resultater af surveyen",
                "VIVE præsenterer de første resultater. Se bilag.",
                None,
                "Jesper Rosenberg Hansen",
                45,
                false,
            ),
            (
                D,
                "Temaer til anbefalingerne",
                "Drøftelse af, hvilke temaer anbefalingerne skal dække:\n\n- rekruttering på tværs\n- introduktion og onboarding\n- karriereveje",
                None,
                "Marie Louise Refsgaard",
                60,
                false,
            ),
            (
                B,
                "Rekruttering af interviewpersoner",
                "Forslag til udvalgte rekrutteringsvirksomheder (personoplysninger).",
                Some("Det indstilles, at taskforcen godkender listen over virksomheder."),
                "Ann Maskell",
                15,
                true,
            ),
        ],
        5 => vec![
            (
                D,
                "Udkast til anbefalinger",
                "Første udkast til taskforcens anbefalinger.",
                None,
                "Marie Louise Refsgaard",
                90,
                false,
            ),
            (
                O,
                "Plan for høring af udkastet",
                "Sekretariatet orienterer om høringen af medlemmerne.",
                None,
                "Ann Maskell",
                20,
                false,
            ),
        ],
        _ => vec![
            (
                B,
                "Endelige anbefalinger",
                "Taskforcens anbefalinger til styregruppen.",
                Some("Det indstilles, at taskforcen godkender anbefalingerne."),
                "Marie Louise Refsgaard",
                90,
                false,
            ),
            (
                O,
                "Lancering og formidling",
                "Plan for offentliggørelse i efteråret 2022.",
                None,
                "Ann Maskell",
                30,
                false,
            ),
        ],
    }
}

async fn seed_agenda(
    db: &impl sea_orm::ConnectionTrait,
    now: DateTime<Utc>,
    meeting_id: i32,
    number: i32,
    presenters: &std::collections::HashMap<&'static str, i32>,
) -> Result<(), DomainError> {
    let [approval, follow_up, aob] = standing_items();
    let standing = |(standing, kind, title, indstilling, minutes): (
        Standing,
        ItemKind,
        &str,
        Option<&str>,
        i32,
    )| {
        (
            Some(standing),
            ItemDraft {
                kind,
                title: title.into(),
                resume: String::new(),
                indstilling: indstilling.map(str::to_string),
                presenter_id: None,
                duration_minutes: minutes,
                closed: false,
            },
        )
    };
    let mut items = vec![standing(approval)];
    if number > 1 {
        items.push(standing(follow_up));
    }
    for (kind, title, resume, indstilling, presenter, minutes, closed) in demo_items(number) {
        items.push((
            None,
            ItemDraft {
                kind,
                title: title.into(),
                resume: resume.into(),
                indstilling: indstilling.map(str::to_string),
                presenter_id: presenters.get(presenter).copied(),
                duration_minutes: minutes,
                closed,
            },
        ));
    }
    items.push(standing(aob));
    for (position, (standing, draft)) in (1..).zip(items) {
        insert_item(db, now, meeting_id, position, &draft, standing).await?;
    }
    Ok(())
}

/// The published demo meeting has gone out: its invitations are in the outbox (and, without
/// SMTP, become .eml files), and a few members have answered.
pub async fn seed_demo_invitations(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    mail: &crate::server::services::invitations::MailContext,
) -> Result<usize, DomainError> {
    use crate::model::invitations::Answer;
    use crate::server::entities::invitee;
    use crate::server::services::invitations::on_publish;
    use sea_orm::{ColumnTrait, QueryFilter};

    let Some(published) = meeting::Entity::find()
        .filter(meeting::Column::Status.eq(MeetingStatus::Published.as_str()))
        .filter(meeting::Column::Uid.is_null())
        .one(db)
        .await?
    else {
        return Ok(0);
    };
    let txn = crate::server::db::begin_write(db).await?;
    let sent = on_publish(&txn, mail, now, published.id).await?;
    let answers = [
        ("marie.louise.refsgaard@example.org", Answer::Accepted),
        ("jonas.dahl@example.org", Answer::Accepted),
        ("lene.holm.pedersen@example.org", Answer::Tentative),
        ("kasper.kyed@example.org", Answer::Declined),
    ];
    for (email, answer) in answers {
        invitee::Entity::update_many()
            .col_expr(
                invitee::Column::Partstat,
                sea_orm::sea_query::Expr::value(answer.partstat()),
            )
            .col_expr(
                invitee::Column::AnsweredAt,
                sea_orm::sea_query::Expr::value(Some(now)),
            )
            .filter(invitee::Column::MeetingId.eq(published.id))
            .filter(invitee::Column::Email.eq(email))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(sent)
}
