use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use app::model::{EmailAddress, Lang, Role, Sector};
use app::server::clock::{Clock, SystemClock};
use app::server::db;
use app::server::seed::{SeedOutcome, seed_demo};
use app::server::services::people::accounts::{self, NewPerson};
use server::cli::{self, Command, UserAdd};
use server::config::Config;
use server::startup;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match cli::parse(&args) {
        Ok(command) => command,
        Err(problem) => return fail(&problem, 2),
    };
    if command == Command::Help {
        println!("{}", cli::HELP);
        return ExitCode::SUCCESS;
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(problem) => return fail(&problem.to_string(), 2),
    };
    if let Err(problem) = init_logging(&config, &command) {
        return fail(&problem, 2);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return fail(&format!("cannot start the runtime: {error}"), 1),
    };
    match runtime.block_on(run(command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => fail(&problem, 1),
    }
}

fn fail(problem: &str, code: u8) -> ExitCode {
    eprintln!("taskforce: {problem}");
    ExitCode::from(code)
}

fn init_logging(config: &Config, command: &Command) -> Result<(), String> {
    let level = if *command == Command::Serve {
        config.log_level.as_str()
    } else {
        "warn"
    };
    let filter = tracing_subscriber::EnvFilter::try_new(level)
        .map_err(|e| format!("LOG_LEVEL is not valid: {e}"))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .init();
    Ok(())
}

async fn run(command: Command, config: Config) -> Result<(), String> {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    match command {
        Command::Serve => serve(config, clock).await,
        Command::Migrate => {
            let db = connect(&config).await?;
            println!(
                "database is up to date ({})",
                db::redact(&config.database_url)
            );
            drop(db);
            Ok(())
        }
        Command::SeedDemo => {
            let db = connect(&config).await?;
            match seed_demo(&db, clock.now())
                .await
                .map_err(|e| e.to_string())?
            {
                SeedOutcome::Seeded { people, meetings } => {
                    let mail = app::server::services::invitations::MailContext::load(
                        &db,
                        &config.base_url,
                    )
                    .await
                    .map_err(|e| e.to_string())?;
                    let invitations =
                        app::server::seed::seed_demo_invitations(&db, clock.now(), &mail)
                            .await
                            .map_err(|e| e.to_string())?;
                    println!(
                        "seeded the demo taskforce: {people} people, {meetings} meetings, {invitations} invitations queued"
                    );
                }
                SeedOutcome::AlreadyHasData => {
                    println!("the database already has data; nothing seeded")
                }
            }
            Ok(())
        }
        Command::UserAdd(add) => user_add(&config, clock, add).await,
        Command::UserSetPassword { email } => {
            let email = EmailAddress::parse(&email)
                .map_err(|_| format!("\"{email}\" is not an e-mail address"))?;
            let db = connect(&config).await?;
            let password = read_password()?;
            accounts::set_password(&db, &email, password)
                .await
                .map_err(|e| match e {
                    app::server::error::DomainError::NotFound => format!("no account for {email}"),
                    other => other.to_string(),
                })?;
            println!("password set for {email}");
            Ok(())
        }
        Command::UserList => {
            let db = connect(&config).await?;
            for row in accounts::list_accounts(&db)
                .await
                .map_err(|e| e.to_string())?
            {
                let last = row
                    .last_login_at
                    .map(|t| t.to_rfc3339())
                    .unwrap_or_else(|| "never".into());
                println!(
                    "{}\t{}\t{}\tlast sign-in: {last}",
                    row.email,
                    row.role.as_str(),
                    row.name
                );
            }
            Ok(())
        }
        Command::UserDeactivate { email, by } => {
            roster_change(&config, clock, &email, &by, false).await
        }
        Command::UserReactivate { email, by } => {
            roster_change(&config, clock, &email, &by, true).await
        }
        Command::Reply { file } => {
            // Bytes, not text: an 8bit part may be in any charset; the MIME reader decodes it.
            let message = match file {
                Some(path) => {
                    std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?
                }
                None => {
                    let mut bytes = Vec::new();
                    std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                        .map_err(|e| format!("cannot read standard input: {e}"))?;
                    bytes
                }
            };
            let db = connect(&config).await?;
            match app::server::services::invitations::apply_reply(&db, clock.now(), &message).await
            {
                Ok(app::server::services::invitations::ReplyOutcome::Recorded {
                    email,
                    answer,
                }) => {
                    println!("recorded: {email} {answer}");
                    Ok(())
                }
                Err(app::server::error::DomainError::Form(problems)) => Err(problems
                    .first()
                    .map(|(_, p)| app::i18n::problem_message(app::model::Lang::En, *p).to_string())
                    .unwrap_or_else(|| "the reply was refused".into())),
                Err(other) => Err(other.to_string()),
            }
        }
        Command::Help => Ok(()),
    }
}

async fn connect(config: &Config) -> Result<sea_orm::DatabaseConnection, String> {
    let db = db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    db::migrate(&db).await.map_err(|e| e.to_string())?;
    Ok(db)
}

async fn serve(config: Config, clock: Arc<dyn Clock>) -> Result<(), String> {
    let mailer = startup::mailer(&config).map_err(|e| e.to_string())?;
    let state = startup::prepare(&config, clock)
        .await
        .map_err(|e| e.to_string())?;
    if config.run_worker {
        startup::spawn_worker(&state, &mailer, config.worker_tasks);
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    tracing::info!(
        address = %config.listen,
        database = %db::redact(&config.database_url),
        smtp = %config.smtp_url.as_deref().map(db::redact).unwrap_or_else(|| format!("none (writing .eml files to {})", config.outbox_dir)),
        demo = config.demo,
        "serving"
    );
    println!("Taskforce is running at {}", config.base_url);
    if config.demo {
        println!(
            "Demo sign-ins (password: {}):",
            app::server::seed::DEMO_PASSWORD
        );
        for (email, who) in [
            ("ann.maskell@example.org", "secretariat, project leader"),
            ("marie.louise.refsgaard@example.org", "chair"),
            ("jonas.dahl@example.org", "member"),
            ("styregruppe@example.org", "steering group"),
        ] {
            println!("  {email:<38} {who}");
        }
    }
    startup::serve(listener, state)
        .await
        .map_err(|e| format!("server stopped: {e}"))
}

async fn user_add(config: &Config, clock: Arc<dyn Clock>, add: UserAdd) -> Result<(), String> {
    let email = EmailAddress::parse(&add.email)
        .map_err(|_| format!("--email \"{}\" is not an e-mail address", add.email))?;
    let role = Role::parse(&add.role).ok_or_else(|| {
        format!(
            "--role \"{}\" is not one of secretariat, chair, member, steering_group, observer",
            add.role
        )
    })?;
    let sector = Sector::parse(&add.sector).ok_or_else(|| {
        format!(
            "--sector \"{}\" is not one of stat, region, kommune, privat, forskning",
            add.sector
        )
    })?;
    let language = Lang::parse(&add.language)
        .ok_or_else(|| format!("--language \"{}\" is not da or en", add.language))?;
    let db = connect(config).await?;
    let password = read_password()?;
    accounts::check_password(&password).map_err(|e| e.to_string())?;
    let taskforce = app::server::services::taskforce::the_taskforce(&db)
        .await
        .map_err(|_| {
            "the database has no taskforce yet; run seed-demo or create it first".to_string()
        })?;
    let hash = app::server::auth::hash_password(password)
        .await
        .map_err(|e| e.to_string())?;
    let now = clock.now();
    let person = accounts::create_person(
        &db,
        now,
        &NewPerson {
            taskforce_id: taskforce.id,
            name: add.name,
            title: add.title,
            organisation: add.organisation,
            sector,
            email: email.clone(),
            language,
            role,
            sort_order: 100,
            lead: false,
            deputy_for_id: None,
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    accounts::create_account(&db, now, person.id, hash)
        .await
        .map_err(|e| e.to_string())?;
    println!("added {email} as {}", role.as_str());
    Ok(())
}

/// Deactivates (or reactivates) the person at `email`, done by the secretariat person at
/// `by`, under the same rules as the people page.
async fn roster_change(
    config: &Config,
    clock: Arc<dyn Clock>,
    email: &str,
    by: &str,
    reactivate: bool,
) -> Result<(), String> {
    use app::server::entities::{person, user_account};
    use app::server::error::DomainError;
    use app::server::services::people::{roster, sessions};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let parse = |flag: &str, value: &str| {
        EmailAddress::parse(value)
            .map_err(|_| format!("--{flag} \"{value}\" is not an e-mail address"))
    };
    let (email, by) = (parse("email", email)?, parse("by", by)?);
    let db = connect(config).await?;
    let find = |address: EmailAddress| {
        let db = &db;
        async move {
            person::Entity::find()
                .filter(person::Column::Email.eq(address.as_str()))
                .find_also_related(user_account::Entity)
                .one(db)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("nobody has the address {address}"))
        }
    };
    let (target, _) = find(email.clone()).await?;
    let (actor, account) = find(by.clone()).await?;
    let access = match (actor.deactivated_at, account) {
        (None, Some(account)) => sessions::current_user(&actor, account.id)
            .and_then(|user| app::server::auth::require_secretariat(&user))
            .map_err(|_| format!("--by {by} is not an active secretariat person"))?,
        _ => return Err(format!("--by {by} is not an active secretariat person")),
    };
    let mail = app::server::services::invitations::MailContext::load(&db, &config.base_url)
        .await
        .map_err(|e| e.to_string())?;
    let now = clock.now();
    let result = if reactivate {
        roster::reactivate(&db, &access, &mail, now, target.id, target.version).await
    } else {
        roster::deactivate(&db, &access, &mail, now, target.id, target.version).await
    };
    result.map_err(|e| match e {
        DomainError::Form(problems) => problems
            .first()
            .map(|(_, p)| app::i18n::problem_message(Lang::En, *p).to_string())
            .unwrap_or_else(|| "refused".into()),
        other => other.to_string(),
    })?;
    if reactivate {
        println!("reactivated {email}: they can sign in again");
    } else {
        println!(
            "deactivated {email}: sign-in refused, sessions ended, taken off upcoming meetings"
        );
    }
    Ok(())
}

/// One line from standard input; a prompt only when a person is typing.
fn read_password() -> Result<String, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password: ");
        let _ = std::io::stderr().flush();
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    let password = line.trim_end_matches(['\n', '\r']).to_string();
    if password.is_empty() {
        return Err("no password given on standard input".into());
    }
    Ok(password)
}
