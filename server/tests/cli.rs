//! The command line as a person meets it: the real binary, a temporary SQLite file.
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn taskforce(args: &[&str], database_url: &str, stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_taskforce"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env_remove("DEMO_MODE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("the binary ends")
}

fn temp_db() -> (String, std::path::PathBuf) {
    let path = std::env::temp_dir().join(format!("tf-cli-{}.db", rand::random::<u32>()));
    (format!("sqlite://{}", path.display()), path)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_explains_every_command() {
    let out = taskforce(&["--help"], "sqlite::memory:", None);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for command in [
        "serve",
        "migrate",
        "seed-demo",
        "user add",
        "user set-password",
        "user list",
        "user deactivate",
        "user reactivate",
    ] {
        assert!(help.contains(command), "{command} missing from --help");
    }
}

#[test]
fn an_unknown_command_is_one_line_and_exit_status_two() {
    let out = taskforce(&["frobnicate"], "sqlite::memory:", None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("unknown command \"frobnicate\""));
}

#[test]
fn a_database_url_of_an_unknown_kind_is_one_line_without_a_panic() {
    let out = taskforce(&["migrate"], "mysql://root:secret@localhost/x", None);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("DATABASE_URL must start with sqlite:// or postgres://"),
        "{err}"
    );
    assert!(!err.contains("secret"), "the password is not echoed");
    assert!(!err.contains("panicked"));
}

#[test]
fn an_unreachable_postgres_is_one_line_without_a_panic() {
    let out = taskforce(
        &["migrate"],
        "postgres://nobody:secret@127.0.0.1:9/nothing",
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot connect to the database"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn a_user_added_on_the_command_line_is_listed_and_can_get_a_new_password() {
    let (url, path) = temp_db();
    assert!(taskforce(&["seed-demo"], &url, None).status.success());
    let add = taskforce(
        &[
            "user",
            "add",
            "--email",
            "Ny.Person@Example.org",
            "--name",
            "Ny Person",
            "--role",
            "observer",
            "--sector",
            "forskning",
        ],
        &url,
        Some("a-long-enough-password\n"),
    );
    assert!(add.status.success(), "{}", text(&add.stderr));
    assert!(text(&add.stdout).contains("added ny.person@example.org as observer"));

    let list = taskforce(&["user", "list"], &url, None);
    let listing = text(&list.stdout);
    assert!(
        listing.contains("ny.person@example.org\tobserver\tNy Person"),
        "{listing}"
    );
    // The fifteen demo people and the one just added.
    assert_eq!(listing.lines().count(), 16);

    let short = taskforce(
        &["user", "set-password", "--email", "ny.person@example.org"],
        &url,
        Some("short\n"),
    );
    assert_eq!(short.status.code(), Some(1));
    assert!(text(&short.stderr).contains("at least 10 characters"));
    let set = taskforce(
        &["user", "set-password", "--email", "ny.person@example.org"],
        &url,
        Some("another-long-password\n"),
    );
    assert!(set.status.success(), "{}", text(&set.stderr));

    let bad_role = taskforce(
        &[
            "user",
            "add",
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "king",
        ],
        &url,
        Some("a-long-enough-password\n"),
    );
    assert_eq!(bad_role.status.code(), Some(1));
    assert!(text(&bad_role.stderr).contains("--role \"king\" is not one of"));
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_reply_for_an_unknown_meeting_is_refused_in_one_line() {
    let (url, path) = temp_db();
    assert!(taskforce(&["seed-demo"], &url, None).status.success());
    let reply = "From: jonas.dahl@example.org\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:unknown@elsewhere\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:jonas.dahl@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let out = taskforce(&["reply"], &url, Some(reply));
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("not for one of the taskforce's meetings"),
        "{err}"
    );
    let _ = std::fs::remove_file(path);
}

/// Gives the demo's published meeting the UID that the reply fixtures answer.
fn answerable_by_the_fixtures(database_url: &str) {
    use sea_orm::ConnectionTrait;
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let db = sea_orm::Database::connect(database_url)
            .await
            .expect("the database");
        let changed = db
            .execute_unprepared(
                "UPDATE meeting SET uid = '8c7d2f0e-4b1a-4c55-9d3e-2a6f0b1c9e11@taskforce.example.org' WHERE uid IS NOT NULL",
            )
            .await
            .expect("the UID is set");
        assert_eq!(changed.rows_affected(), 1, "one published demo meeting");
    });
}

fn reply_fixture(name: &str) -> String {
    format!(
        "{}/../app/tests/fixtures/replies/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn a_reply_file_from_thunderbird_or_outlook_is_recorded_for_its_invitee() {
    let (url, path) = temp_db();
    assert!(taskforce(&["seed-demo"], &url, None).status.success());
    answerable_by_the_fixtures(&url);
    let out = taskforce(&["reply", &reply_fixture("thunderbird.eml")], &url, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "recorded: anette.baekgaard@example.org ACCEPTED"
    );
    let outlook = std::fs::read(reply_fixture("outlook_exchange.eml")).expect("the fixture");
    let out = taskforce(
        &["reply"],
        &url,
        Some(std::str::from_utf8(&outlook).expect("ASCII")),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "recorded: lasse.soenderup@example.org ACCEPTED"
    );
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_setting_out_of_range_or_not_a_flag_is_named_in_one_line() {
    let (url, path) = temp_db();
    for (name, value, expected) in [
        (
            "WORKER_TASKS",
            "100",
            "WORKER_TASKS is not valid: \"100\" is not a number of tasks between 1 and 64",
        ),
        (
            "PAGE_CACHE_MB",
            "lots",
            "PAGE_CACHE_MB is not valid: \"lots\" is not a number of megabytes between 0 and 4096",
        ),
        (
            "RUN_WORKER",
            "maybe",
            "RUN_WORKER is not valid: expected 1 or 0, got \"maybe\"",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_taskforce"))
            .arg("migrate")
            .env("DATABASE_URL", &url)
            .env(name, value)
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expected), "{err}");
    }
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_member_deactivated_on_the_command_line_cannot_sign_in_until_reactivated() {
    let (url, path) = temp_db();
    assert!(taskforce(&["seed-demo"], &url, None).status.success());
    let by = ["--by", "ann.maskell@example.org"];
    let out = taskforce(
        &[
            "user",
            "deactivate",
            "--email",
            "jonas.dahl@example.org",
            by[0],
            by[1],
        ],
        &url,
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("deactivated jonas.dahl@example.org"));
    // The one who signs the change must be an active secretariat person.
    let refused = taskforce(
        &[
            "user",
            "reactivate",
            "--email",
            "jonas.dahl@example.org",
            "--by",
            "sofie.lind@example.org",
        ],
        &url,
        None,
    );
    assert_eq!(refused.status.code(), Some(1));
    let err = text(&refused.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("is not an active secretariat person"), "{err}");
    // The last secretariat person stays.
    let last = taskforce(
        &[
            "user",
            "deactivate",
            "--email",
            "ann.maskell@example.org",
            by[0],
            by[1],
        ],
        &url,
        None,
    );
    let err = text(&last.stderr);
    assert_eq!(last.status.code(), Some(1), "{err}");
    let out = taskforce(
        &[
            "user",
            "reactivate",
            "--email",
            "jonas.dahl@example.org",
            by[0],
            by[1],
        ],
        &url,
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let _ = std::fs::remove_file(path);
}
