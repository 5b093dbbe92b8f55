//! Signing in, members, sign-ins, roles and sectors.
use super::Plural;
use crate::model::{Lang, Role, Sector};

pub struct PeopleTexts {
    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub email_label: &'static str,
    pub password_label: &'static str,
    pub sign_in_button: &'static str,
    pub members_title: &'static str,
    pub members_intro: &'static str,
    pub col_name: &'static str,
    pub col_title: &'static str,
    pub col_organisation: &'static str,
    pub col_sector: &'static str,
    pub col_role: &'static str,
    pub col_email: &'static str,
    pub accounts_title: &'static str,
    pub accounts_intro: &'static str,
    pub col_last_sign_in: &'static str,
    pub never: &'static str,
    pub err_credentials: &'static str,
    pub err_throttled: Plural,
    pub err_email_required: &'static str,
    pub err_email_invalid: &'static str,
    pub err_password_required: &'static str,
    // Sign-in page notices, chosen by a code in `?message=` (h3).
    pub notice_signed_out: &'static str,
}

pub static DA: PeopleTexts = PeopleTexts {
    sign_in_title: "Log ind",
    sign_in_intro: "Log ind med din e-mailadresse og adgangskode for at se taskforcens møder og papirer.",
    email_label: "E-mailadresse",
    password_label: "Adgangskode",
    sign_in_button: "Log ind",
    members_title: "Medlemmer",
    members_intro: "Taskforcen består af repræsentanter fra staten, regionerne, kommunerne, den private sektor og forskningen.",
    col_name: "Navn",
    col_title: "Titel",
    col_organisation: "Organisation",
    col_sector: "Sektor",
    col_role: "Rolle",
    col_email: "E-mail",
    accounts_title: "Brugere og roller",
    accounts_intro: "Alle, der kan logge ind, med deres rolle. Kun sekretariatet ser denne side.",
    col_last_sign_in: "Sidst logget ind",
    never: "Aldrig",
    err_credentials: "E-mailadressen eller adgangskoden er forkert.",
    err_throttled: Plural {
        one: "For mange mislykkede forsøg. Prøv igen om {minutes} minut.",
        other: "For mange mislykkede forsøg. Prøv igen om {minutes} minutter.",
    },
    err_email_required: "Skriv din e-mailadresse.",
    err_email_invalid: "Skriv en gyldig e-mailadresse, fx navn@example.org.",
    err_password_required: "Skriv din adgangskode.",
    notice_signed_out: "Du er logget ud.",
};

pub static EN: PeopleTexts = PeopleTexts {
    sign_in_title: "Sign in",
    sign_in_intro: "Sign in with your e-mail address and password to see the taskforce's meetings and papers.",
    email_label: "E-mail address",
    password_label: "Password",
    sign_in_button: "Sign in",
    members_title: "Members",
    members_intro: "The taskforce has representatives of the state, the regions, the municipalities, the private sector and research.",
    col_name: "Name",
    col_title: "Title",
    col_organisation: "Organisation",
    col_sector: "Sector",
    col_role: "Role",
    col_email: "E-mail",
    accounts_title: "Users and roles",
    accounts_intro: "Everyone who can sign in, with their role. Only the secretariat sees this page.",
    col_last_sign_in: "Last signed in",
    never: "Never",
    err_credentials: "The e-mail address or the password is wrong.",
    err_throttled: Plural {
        one: "Too many failed attempts. Try again in {minutes} minute.",
        other: "Too many failed attempts. Try again in {minutes} minutes.",
    },
    err_email_required: "Enter your e-mail address.",
    err_email_invalid: "Enter a valid e-mail address, e.g. name@example.org.",
    err_password_required: "Enter your password.",
    notice_signed_out: "You are signed out.",
};

pub fn role_name(lang: Lang, role: Role) -> &'static str {
    use Role::*;
    match (lang, role) {
        (Lang::Da, Secretariat) => "Sekretariat",
        (Lang::Da, Chair) => "Formand",
        (Lang::Da, Member) => "Medlem",
        (Lang::Da, Deputy) => "Stedfortræder",
        (Lang::Da, SteeringGroup) => "Styregruppe",
        (Lang::Da, Observer) => "Observatør",
        (Lang::En, Secretariat) => "Secretariat",
        (Lang::En, Chair) => "Chair",
        (Lang::En, Member) => "Member",
        (Lang::En, Deputy) => "Deputy",
        (Lang::En, SteeringGroup) => "Steering group",
        (Lang::En, Observer) => "Observer",
    }
}

pub fn sector_name(lang: Lang, sector: Sector) -> &'static str {
    use Sector::*;
    match (lang, sector) {
        (Lang::Da, Stat) => "Stat",
        (Lang::Da, Region) => "Region",
        (Lang::Da, Kommune) => "Kommune",
        (Lang::Da, Privat) => "Privat",
        (Lang::Da, Forskning) => "Forskning",
        (Lang::En, Stat) => "State",
        (Lang::En, Region) => "Region",
        (Lang::En, Kommune) => "Municipality",
        (Lang::En, Privat) => "Private",
        (Lang::En, Forskning) => "Research",
    }
}
