//! The command line: `serve` (default), `migrate`, `seed-demo`, `user add | set-password | list`.
//! Every mistake is reported as one plain line; nothing panics at a person.
use std::collections::HashMap;

pub const HELP: &str = "\
taskforce — the secretariat and meeting system of the taskforce

Usage: taskforce [COMMAND]

Commands:
  serve                      run the web app (the default)
  migrate                    bring the database schema up to date and exit
  seed-demo                  fill an empty database with the demo taskforce
  user add --email E --name N --role R [--title T] [--organisation O]
           [--sector S] [--language da|en]
                             add a person who can sign in; the password is read
                             from standard input (at least 10 characters)
  user set-password --email E
                             set a new password, read from standard input
  user list                  list everyone who can sign in
  user deactivate --email E --by B
                             refuse E's sign-in, end their sessions and send them
                             a cancellation for each upcoming meeting; B is the
                             secretariat person doing it (for the audit log)
  user reactivate --email E --by B
                             let E sign in again (a member is invited again)
  reply [FILE]               read an e-mailed calendar answer (METHOD:REPLY) from
                             FILE or standard input and record it
  help, --help, -h           show this text

Roles: secretariat, chair, member, deputy, steering_group, observer
Sectors: stat, region, kommune, privat, forskning
Configuration comes from the environment (DATABASE_URL, LISTEN_ADDR, BASE_URL,
DEMO_MODE, LOG_LEVEL, SITE_ROOT, SESSION_HOURS); see the README.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Serve,
    Migrate,
    SeedDemo,
    UserAdd(UserAdd),
    UserSetPassword { email: String },
    UserList,
    UserDeactivate { email: String, by: String },
    UserReactivate { email: String, by: String },
    Reply { file: Option<String> },
    Help,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAdd {
    pub email: String,
    pub name: String,
    pub role: String,
    pub title: String,
    pub organisation: String,
    pub sector: String,
    pub language: String,
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let Some((first, rest)) = args.split_first() else {
        return Ok(Command::Serve);
    };
    match first.as_str() {
        "serve" => no_more(rest, Command::Serve),
        "migrate" => no_more(rest, Command::Migrate),
        "seed-demo" => no_more(rest, Command::SeedDemo),
        "help" | "--help" | "-h" => Ok(Command::Help),
        "user" => parse_user(rest),
        "reply" => match rest {
            [] => Ok(Command::Reply { file: None }),
            [flag] if flag == "--help" || flag == "-h" => Ok(Command::Help),
            [file] => Ok(Command::Reply {
                file: Some(file.clone()),
            }),
            [_, extra, ..] => Err(format!(
                "unexpected argument \"{extra}\" (reply takes one file)"
            )),
        },
        other => Err(format!("unknown command \"{other}\" (try --help)")),
    }
}

fn no_more(rest: &[String], command: Command) -> Result<Command, String> {
    match rest.first() {
        None => Ok(command),
        Some(arg) if arg == "--help" || arg == "-h" => Ok(Command::Help),
        Some(arg) => Err(format!("unexpected argument \"{arg}\" (try --help)")),
    }
}

fn parse_user(rest: &[String]) -> Result<Command, String> {
    let Some((sub, options)) = rest.split_first() else {
        return Err(
            "user needs a subcommand: add, set-password, list, deactivate or reactivate".into(),
        );
    };
    match sub.as_str() {
        "list" => no_more(options, Command::UserList),
        "deactivate" | "reactivate" => {
            let mut opts = options_of(options, &["email", "by"])?;
            let (email, by) = (required(&mut opts, "email")?, required(&mut opts, "by")?);
            Ok(if sub == "deactivate" {
                Command::UserDeactivate { email, by }
            } else {
                Command::UserReactivate { email, by }
            })
        }
        "set-password" => {
            let mut opts = options_of(options, &["email"])?;
            Ok(Command::UserSetPassword {
                email: required(&mut opts, "email")?,
            })
        }
        "add" => {
            let mut opts = options_of(
                options,
                &[
                    "email",
                    "name",
                    "role",
                    "title",
                    "organisation",
                    "sector",
                    "language",
                ],
            )?;
            Ok(Command::UserAdd(UserAdd {
                email: required(&mut opts, "email")?,
                name: required(&mut opts, "name")?,
                role: required(&mut opts, "role")?,
                title: opts.remove("title").unwrap_or_default(),
                organisation: opts.remove("organisation").unwrap_or_default(),
                sector: opts.remove("sector").unwrap_or_else(|| "stat".into()),
                language: opts.remove("language").unwrap_or_else(|| "da".into()),
            }))
        }
        "--help" | "-h" => Ok(Command::Help),
        other => Err(format!(
            "unknown user subcommand \"{other}\" (add, set-password, list, deactivate or reactivate)"
        )),
    }
}

fn options_of(args: &[String], allowed: &[&str]) -> Result<HashMap<String, String>, String> {
    let mut found = HashMap::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let Some(name) = arg.strip_prefix("--") else {
            return Err(format!(
                "unexpected argument \"{arg}\" (options look like --email value)"
            ));
        };
        let (name, value) = match name.split_once('=') {
            Some((n, v)) => (n.to_string(), v.to_string()),
            None => {
                let value = iter
                    .next()
                    .ok_or_else(|| format!("--{name} needs a value"))?;
                (name.to_string(), value.clone())
            }
        };
        if !allowed.contains(&name.as_str()) {
            return Err(format!("unknown option --{name} (try --help)"));
        }
        if found.insert(name.clone(), value).is_some() {
            return Err(format!("--{name} is given twice"));
        }
    }
    Ok(found)
}

fn required(opts: &mut HashMap<String, String>, name: &str) -> Result<String, String> {
    opts.remove(name)
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| format!("--{name} is required"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn no_arguments_means_serve() {
        assert_eq!(parse(&[]), Ok(Command::Serve));
    }

    #[test]
    fn user_add_reads_its_options_in_both_spellings() {
        let command = parse(&args(
            "user add --email a@example.org --name=Ann --role secretariat --sector stat",
        ));
        let Ok(Command::UserAdd(add)) = command else {
            panic!("expected user add, got {command:?}")
        };
        assert_eq!(add.email, "a@example.org");
        assert_eq!(add.name, "Ann");
        assert_eq!(add.role, "secretariat");
        assert_eq!(add.language, "da");
    }

    #[test]
    fn mistakes_are_named_in_one_line() {
        for (input, expected) in [
            ("frobnicate", "unknown command \"frobnicate\""),
            (
                "user add --email a@example.org --role member",
                "--name is required",
            ),
            ("user add --email", "--email needs a value"),
            ("user list --verbose", "unexpected argument \"--verbose\""),
            ("user add --colour red", "unknown option --colour"),
        ] {
            let error = parse(&args(input)).expect_err(input);
            assert!(error.contains(expected), "{input}: {error}");
            assert!(!error.contains('\n'));
        }
    }
}
