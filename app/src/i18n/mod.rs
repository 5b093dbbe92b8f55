//! The message catalogue. Every string a person reads comes from here; a language that lacks
//! a string does not compile.
//! The common texts sit on [`Texts`] itself; each area's texts are in its own file and reached
//! as `t.<area>.<text>`.
pub mod agenda;
pub mod invitations;
pub mod meetings;
pub mod minutes;
pub mod papers;
pub mod people;
pub mod site;
pub mod taskforce;

use crate::model::Lang;
use crate::model::forms::FormProblem;

pub use agenda::kind_name;
pub use invitations::{answer_name, mail_kind_name, outbox_status_name};
pub use meetings::status_name;
pub use people::{role_name, sector_name};

pub struct Texts {
    pub app_name: &'static str,
    pub authority: &'static str,
    pub skip_link: &'static str,
    pub main_nav: &'static str,
    pub nav_overview: &'static str,
    pub nav_members: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub other_language: &'static str,
    pub switch_language: &'static str,
    pub footer_contact: &'static str,
    pub footer_accessibility: &'static str,
    pub demo_banner: &'static str,
    pub error_summary: &'static str,
    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub forbidden_title: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_signed_in: &'static str,
    pub err_not_found: &'static str,
    pub err_cross_site: &'static str,
    pub err_internal: &'static str,
    pub edit: &'static str,
    pub remove: &'static str,
    pub save: &'static str,
    pub err_stale: &'static str,
    pub err_wrong_status: &'static str,
    pub language_da: &'static str,
    pub language_en: &'static str,
    pub nav_outbox: &'static str,
    pub nav_calendar: &'static str,
    pub agenda: &'static agenda::AgendaTexts,
    pub invitations: &'static invitations::InvitationsTexts,
    pub meetings: &'static meetings::MeetingsTexts,
    pub minutes: &'static minutes::MinutesTexts,
    pub papers: &'static papers::PapersTexts,
    pub people: &'static people::PeopleTexts,
    pub taskforce: &'static taskforce::TaskforceTexts,
    pub site: &'static site::SiteTexts,
}

pub static DA: Texts = Texts {
    app_name: "Taskforce om Ledermobilitet",
    authority: "Medarbejder- og Kompetencestyrelsen",
    skip_link: "Gå til sidens indhold",
    main_nav: "Hovedmenu",
    nav_overview: "Oversigt",
    nav_members: "Medlemmer",
    sign_out: "Log af",
    signed_in_as: "Logget ind som",
    other_language: "English",
    switch_language: "Switch to English",
    footer_contact: "Sekretariatet: Medarbejder- og Kompetencestyrelsen i dialog med KL og Danske Regioner",
    footer_accessibility: "Tilgængelighedserklæring",
    demo_banner: "Demo: data er opdigtede, og alle kan logge ind med adgangskoden demo-taskforce.",
    error_summary: "Der er en fejl i formularen",
    loading: "Henter …",
    not_found_title: "Siden findes ikke",
    forbidden_title: "Ingen adgang",
    err_forbidden: "Du har ikke adgang til denne side. Kontakt sekretariatet, hvis du mener, det er en fejl.",
    err_not_signed_in: "Du skal logge ind for at se denne side.",
    err_not_found: "Vi kunne ikke finde det, du ledte efter.",
    err_cross_site: "Anmodningen kom fra et andet websted og blev afvist.",
    err_internal: "Der skete en fejl hos os. Prøv igen om lidt.",
    edit: "Rediger",
    remove: "Fjern",
    save: "Gem",
    err_stale: "Punktet er ændret af en anden imens. Nedenfor ses den nuværende version; dine ændringer står stadig i formularen. Gem igen for at erstatte den.",
    err_wrong_status: "Det kan ikke lade sig gøre i mødets nuværende status.",
    language_da: "Dansk",
    language_en: "Engelsk",
    nav_outbox: "Udbakke",
    nav_calendar: "Min kalender",
    agenda: &agenda::DA,
    invitations: &invitations::DA,
    meetings: &meetings::DA,
    minutes: &minutes::DA,
    papers: &papers::DA,
    people: &people::DA,
    taskforce: &taskforce::DA,
    site: &site::DA,
};

pub static EN: Texts = Texts {
    app_name: "Taskforce on Leadership Mobility",
    authority: "Agency for Employee and Competence Development",
    skip_link: "Skip to main content",
    main_nav: "Main menu",
    nav_overview: "Overview",
    nav_members: "Members",
    sign_out: "Sign out",
    signed_in_as: "Signed in as",
    other_language: "Dansk",
    switch_language: "Skift til dansk",
    footer_contact: "Secretariat: the Agency for Employee and Competence Development with KL and Danish Regions",
    footer_accessibility: "Accessibility statement",
    demo_banner: "Demo: the data is made up, and everyone can sign in with the password demo-taskforce.",
    error_summary: "There is a problem with the form",
    loading: "Loading …",
    not_found_title: "Page not found",
    forbidden_title: "No access",
    err_forbidden: "You do not have access to this page. Contact the secretariat if you think this is a mistake.",
    err_not_signed_in: "You need to sign in to see this page.",
    err_not_found: "We could not find what you were looking for.",
    err_cross_site: "The request came from another site and was refused.",
    err_internal: "Something went wrong on our side. Please try again shortly.",
    edit: "Edit",
    remove: "Remove",
    save: "Save",
    err_stale: "Someone else changed this meanwhile. The current version is shown below; your changes are still in the form. Save again to replace it.",
    err_wrong_status: "That is not possible in the meeting's current status.",
    language_da: "Danish",
    language_en: "English",
    nav_outbox: "Outbox",
    nav_calendar: "My calendar",
    agenda: &agenda::EN,
    invitations: &invitations::EN,
    meetings: &meetings::EN,
    minutes: &minutes::EN,
    papers: &papers::EN,
    people: &people::EN,
    taskforce: &taskforce::EN,
    site: &site::EN,
};

/// A counted text. Danish and English both have two plural forms (CLDR: "one" for exactly 1,
/// "other" for every other whole number), so two fields are the whole rule, and a language
/// that lacks a form does not compile.
#[derive(Debug, Clone, Copy)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `count`, its named arguments filled (`count` is usually one of them).
    pub fn fill(&self, count: i64, args: &[(&str, &str)]) -> String {
        fill(if count == 1 { self.one } else { self.other }, args)
    }
}

/// Fills a text's named arguments, `{name}`. A placeholder left without its argument, or an
/// argument the text does not name, is a mistake in the catalogue or the caller: tests (debug
/// builds) fail on it; a release build shows the text as far as it can.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        let placeholder = format!("{{{name}}}");
        debug_assert!(
            out.contains(&placeholder),
            "the text «{template}» has no argument {{{name}}}"
        );
        out = out.replace(&placeholder, value);
    }
    debug_assert!(
        placeholders(&out).is_empty(),
        "the text «{template}» is missing arguments: {:?}",
        placeholders(&out)
    );
    out
}

/// The `{name}` placeholders in a text.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if end > 0
                    && after[..end]
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'_') =>
            {
                found.push(&after[..end]);
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    found
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

pub fn problem_message(lang: Lang, problem: FormProblem) -> &'static str {
    use FormProblem::*;
    match (lang, problem) {
        (Lang::Da, TitleEmpty) => "Skriv en titel.",
        (Lang::Da, TitleTooLong) => "Titlen må højst være 200 tegn.",
        (Lang::Da, KindUnknown) => "Vælg B, D eller O.",
        (Lang::Da, DurationNotANumber) => "Skriv varigheden som et helt antal minutter.",
        (Lang::Da, DurationOutOfRange) => "Varigheden skal være mellem 1 og 480 minutter.",
        (Lang::Da, IndstillingRequired) => "Et beslutningspunkt (B) skal have en indstilling.",
        (Lang::Da, PresenterUnknown) => "Vælg en oplægsholder fra listen.",
        (Lang::Da, DateInvalid) => "Skriv datoen som åååå-mm-dd, fx 2022-04-05.",
        (Lang::Da, TimeInvalid) => "Skriv tidspunktet som tt:mm, fx 13:00.",
        (Lang::Da, TimeDoesNotExist) => "Det tidspunkt findes ikke den dag (skift til sommertid).",
        (Lang::Da, EndBeforeStart) => "Mødet skal slutte efter, det begynder.",
        (Lang::Da, LocationEmpty) => "Skriv, hvor mødet holdes.",
        (Lang::Da, LinkInvalid) => "Linket skal begynde med https://.",
        (Lang::Da, CommentRequired) => "Skriv en kommentar til sekretariatet.",
        (Lang::Da, ReplyUnreadable) => {
            "Beskeden indeholder ikke et kalendersvar (METHOD:REPLY), vi kan læse."
        }
        (Lang::Da, ReplyForged) => {
            "Afsenderen er ikke den inviterede, svaret gælder. Svaret er afvist."
        }
        (Lang::Da, ReplyUnknownMeeting) => "Svaret gælder ikke et af taskforcens møder.",
        (Lang::Da, NameEmpty) => "Skriv et navn.",
        (Lang::Da, EmailInvalid) => "Skriv en gyldig e-mailadresse, fx navn@example.org.",
        (Lang::En, TitleEmpty) => "Enter a title.",
        (Lang::En, TitleTooLong) => "The title can have at most 200 characters.",
        (Lang::En, KindUnknown) => "Choose B, D or O.",
        (Lang::En, DurationNotANumber) => "Enter the duration as a whole number of minutes.",
        (Lang::En, DurationOutOfRange) => "The duration must be between 1 and 480 minutes.",
        (Lang::En, IndstillingRequired) => "A decision item (B) needs a proposed resolution.",
        (Lang::En, PresenterUnknown) => "Choose a presenter from the list.",
        (Lang::En, DateInvalid) => "Enter the date as yyyy-mm-dd, e.g. 2022-04-05.",
        (Lang::En, TimeInvalid) => "Enter the time as hh:mm, e.g. 13:00.",
        (Lang::En, TimeDoesNotExist) => {
            "That time does not exist on that day (summer time starts)."
        }
        (Lang::En, EndBeforeStart) => "The meeting must end after it starts.",
        (Lang::En, LocationEmpty) => "Enter where the meeting is held.",
        (Lang::En, LinkInvalid) => "The link must start with https://.",
        (Lang::En, CommentRequired) => "Write a comment for the secretariat.",
        (Lang::En, ReplyUnreadable) => {
            "The message holds no calendar answer (METHOD:REPLY) we can read."
        }
        (Lang::En, ReplyForged) => {
            "The sender is not the invitee the answer is for. The answer was refused."
        }
        (Lang::En, ReplyUnknownMeeting) => "The answer is not for one of the taskforce's meetings.",
        (Lang::En, NameEmpty) => "Enter a name.",
        (Lang::En, EmailInvalid) => "Enter a valid e-mail address, e.g. name@example.org.",
        (Lang::Da, EmailLocalPart) => {
            "Før @ kan adressen kun have bogstaverne a–z, tal og . _ + - ' (ikke æ, ø, å, mellemrum eller anførselstegn)."
        }
        (Lang::Da, EmailDomain) => {
            "Efter @ skal der stå et domænenavn, fx example.org (ikke en IP-adresse)."
        }
        (Lang::Da, NameUnusable) => "Navnet må ikke indeholde linjeskift eller andre kontroltegn.",
        (Lang::Da, NameTooLong) => "Navnet kan højst have 200 tegn.",
        (Lang::En, EmailLocalPart) => {
            "Before the @ an address can only have the letters a–z, digits and . _ + - ' (no æ, ø, å, spaces or quotes)."
        }
        (Lang::En, EmailDomain) => {
            "After the @ there must be a domain name, e.g. example.org (not an IP address)."
        }
        (Lang::En, NameUnusable) => {
            "The name cannot contain line breaks or other control characters."
        }
        (Lang::En, NameTooLong) => "The name can have at most 200 characters.",
        (Lang::Da, RoleUnknown) => "Vælg en rolle fra listen.",
        (Lang::Da, SectorUnknown) => "Vælg en sektor fra listen.",
        (Lang::Da, LanguageUnknown) => "Vælg dansk eller engelsk.",
        (Lang::Da, DeputyForRequired) => "Vælg det medlem, stedfortræderen træder i stedet for.",
        (Lang::Da, DeputyForUnknown) => "Vælg et aktivt medlem fra listen.",
        (Lang::Da, EmailTaken) => "En anden person har allerede den e-mailadresse.",
        (Lang::Da, TextTooLong) => "Teksten kan højst have 200 tegn.",
        (Lang::Da, PasswordTooShort) => "Adgangskoden skal have mindst 10 tegn.",
        (Lang::Da, PasswordsDiffer) => "De to adgangskoder er ikke ens.",
        (Lang::Da, PasswordWrong) => "Den nuværende adgangskode er forkert.",
        (Lang::Da, LastSecretariat) => {
            "Sekretariatet skal have mindst én aktiv person. Tilføj en anden først."
        }
        (Lang::Da, OwnRole) => {
            "Du kan ikke ændre din egen rolle. Bed en anden i sekretariatet om det."
        }
        (Lang::En, RoleUnknown) => "Choose a role from the list.",
        (Lang::En, SectorUnknown) => "Choose a sector from the list.",
        (Lang::En, LanguageUnknown) => "Choose Danish or English.",
        (Lang::En, DeputyForRequired) => "Choose the member the deputy stands in for.",
        (Lang::En, DeputyForUnknown) => "Choose an active member from the list.",
        (Lang::En, EmailTaken) => "Another person already has that e-mail address.",
        (Lang::En, TextTooLong) => "The text can have at most 200 characters.",
        (Lang::En, PasswordTooShort) => "The password must have at least 10 characters.",
        (Lang::En, PasswordsDiffer) => "The two passwords are not the same.",
        (Lang::En, PasswordWrong) => "The current password is wrong.",
        (Lang::En, LastSecretariat) => {
            "The secretariat must keep at least one active person. Add another one first."
        }
        (Lang::En, OwnRole) => {
            "You cannot change your own role. Ask someone else in the secretariat."
        }
        (Lang::Da, LinkSpent) => {
            "Linket er allerede brugt eller udløbet. Bed om et nyt link herunder."
        }
        (Lang::En, LinkSpent) => "The link has been used or has expired. Ask for a new one below.",
        (Lang::Da, ActionEmpty) => "Skriv, hvad der skal gøres.",
        (Lang::En, ActionEmpty) => "Write what is to be done.",
        (Lang::Da, OwnerUnknown) => "Vælg, hvem der er ansvarlig.",
        (Lang::En, OwnerUnknown) => "Choose who is responsible.",
        (Lang::Da, OutcomeTooLong) => "Teksten kan højst have 20.000 tegn.",
        (Lang::En, OutcomeTooLong) => "The text can have at most 20,000 characters.",
        (Lang::Da, DecisionEmpty) => "Skriv beslutningen.",
        (Lang::En, DecisionEmpty) => "Write the decision.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text with arguments and the arguments its callers give it.
    fn templates(t: &'static Texts) -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
        let mut all = vec![
            ("agenda_ends", t.agenda.agenda_ends, vec!["end"]),
            (
                "err_upload_too_large",
                t.papers.err_upload_too_large,
                vec!["mb"],
            ),
            (
                "progress_line",
                t.invitations.progress_line,
                vec!["queued", "sent", "failed"],
            ),
            (
                "rsvp_intro",
                t.invitations.rsvp_intro,
                vec!["name", "number", "title"],
            ),
            (
                "mail_welcome_intro",
                t.people.mail_welcome_intro,
                vec!["role", "taskforce"],
            ),
            (
                "mail_address_intro",
                t.people.mail_address_intro,
                vec!["old", "new"],
            ),
        ];
        for (name, plural, args) in [
            ("err_throttled", t.people.err_throttled, vec!["minutes"]),
            (
                "overrun_warning",
                t.agenda.overrun_warning,
                vec!["end", "minutes", "meeting_end"],
            ),
            ("starts_in_days", t.meetings.starts_in_days, vec!["days"]),
        ] {
            all.push((name, plural.one, args.clone()));
            all.push((name, plural.other, args));
        }
        all
    }

    #[test]
    fn every_text_names_exactly_the_arguments_its_callers_give_in_both_languages() {
        for lang in [Lang::Da, Lang::En] {
            for (name, text, args) in templates(texts(lang)) {
                let mut named = placeholders(text);
                named.sort_unstable();
                let mut given = args.clone();
                given.sort_unstable();
                assert_eq!(named, given, "{lang:?} {name}: «{text}»");
            }
        }
    }

    #[test]
    fn one_minute_is_one_minute_and_two_are_minutes() {
        let throttled = |lang, n: i64| {
            texts(lang)
                .people
                .err_throttled
                .fill(n, &[("minutes", &n.to_string())])
        };
        assert_eq!(
            throttled(Lang::Da, 1),
            "For mange mislykkede forsøg. Prøv igen om 1 minut."
        );
        assert_eq!(
            throttled(Lang::Da, 2),
            "For mange mislykkede forsøg. Prøv igen om 2 minutter."
        );
        assert_eq!(
            throttled(Lang::En, 1),
            "Too many failed attempts. Try again in 1 minute."
        );
        assert!(throttled(Lang::En, 0).ends_with("in 0 minutes."));
        let days = |lang, n: i64| {
            texts(lang)
                .meetings
                .starts_in_days
                .fill(n, &[("days", &n.to_string())])
        };
        assert_eq!(days(Lang::Da, 1), "om 1 dag");
        assert_eq!(days(Lang::Da, 35), "om 35 dage");
    }

    #[test]
    #[should_panic(expected = "missing arguments")]
    fn a_text_filled_without_one_of_its_arguments_fails() {
        fill(
            texts(Lang::Da).invitations.rsvp_intro,
            &[("name", "Anette Bækgaard")],
        );
    }

    #[test]
    #[should_panic(expected = "has no argument")]
    fn an_argument_the_text_does_not_name_fails() {
        fill(
            texts(Lang::Da).agenda.agenda_ends,
            &[("end", "15:00"), ("minutes", "5")],
        );
    }
}
