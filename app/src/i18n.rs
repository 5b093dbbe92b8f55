//! The message catalogue. Every string a person reads comes from here; a language that lacks
//! a string does not compile.
use crate::model::agenda::{FormProblem, ItemKind};
use crate::model::{Lang, MeetingStatus, Role, Sector};

pub struct Texts {
    pub app_name: &'static str,
    pub authority: &'static str,
    pub skip_link: &'static str,
    pub main_nav: &'static str,
    pub nav_overview: &'static str,
    pub nav_members: &'static str,
    pub nav_accounts: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub other_language: &'static str,
    pub switch_language: &'static str,
    pub footer_contact: &'static str,
    pub footer_accessibility: &'static str,
    pub demo_banner: &'static str,

    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub email_label: &'static str,
    pub password_label: &'static str,
    pub sign_in_button: &'static str,
    pub error_summary: &'static str,

    pub overview_title: &'static str,
    pub meetings_heading: &'static str,
    pub col_number: &'static str,
    pub col_meeting: &'static str,
    pub col_date: &'static str,
    pub col_time: &'static str,
    pub col_location: &'static str,
    pub col_status: &'static str,
    pub next_meeting: &'static str,
    pub no_meetings: &'static str,
    pub online: &'static str,
    pub secretariat_heading: &'static str,

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

    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub forbidden_title: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_signed_in: &'static str,
    pub err_not_found: &'static str,
    pub err_credentials: &'static str,
    pub err_throttled: Plural,
    pub err_cross_site: &'static str,
    pub err_internal: &'static str,
    pub err_email_required: &'static str,
    pub err_email_invalid: &'static str,
    pub err_password_required: &'static str,
    pub meeting_word: &'static str,
    pub when_label: &'static str,
    pub where_label: &'static str,
    pub online_label: &'static str,
    pub join_online: &'static str,
    pub agenda_heading: &'static str,
    pub minutes_short: &'static str,
    pub presenter_label: &'static str,
    pub indstilling_label: &'static str,
    pub papers_label: &'static str,
    pub version_word: &'static str,
    pub older_versions: &'static str,
    pub closed_item: &'static str,
    pub closed_item_note: &'static str,
    pub overrun_warning: Plural,
    pub agenda_ends: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub drag_hint: &'static str,
    pub edit: &'static str,
    pub remove: &'static str,
    pub item_word: &'static str,
    pub add_item: &'static str,
    pub edit_meeting: &'static str,
    pub new_meeting: &'static str,
    pub audit_link: &'static str,
    pub print_link: &'static str,
    pub upload_heading: &'static str,
    pub upload_file_label: &'static str,
    pub paper_title_label: &'static str,
    pub new_version_of: &'static str,
    pub new_paper: &'static str,
    pub upload_button: &'static str,
    pub submit_review: &'static str,
    pub approve: &'static str,
    pub send_back: &'static str,
    pub comment_label: &'static str,
    pub publish: &'static str,
    pub mark_held: &'static str,
    pub close_meeting: &'static str,
    pub approved_note: &'static str,
    pub awaiting_approval: &'static str,
    pub sent_back_note: &'static str,
    pub actions_heading: &'static str,
    pub item_new_title: &'static str,
    pub item_edit_title: &'static str,
    pub kind_label: &'static str,
    pub title_label: &'static str,
    pub resume_label: &'static str,
    pub resume_hint: &'static str,
    pub indstilling_hint: &'static str,
    pub presenter_field: &'static str,
    pub no_presenter: &'static str,
    pub duration_label: &'static str,
    pub closed_label: &'static str,
    pub save: &'static str,
    pub back_to_meeting: &'static str,
    pub current_version_heading: &'static str,
    pub meeting_new_title: &'static str,
    pub meeting_edit_title: &'static str,
    pub date_label: &'static str,
    pub start_label: &'static str,
    pub end_label: &'static str,
    pub location_label: &'static str,
    pub online_link_label: &'static str,
    pub time_zone_hint: &'static str,
    pub audit_title: &'static str,
    pub col_when: &'static str,
    pub col_who: &'static str,
    pub col_action: &'static str,
    pub col_details: &'static str,
    pub print_title: &'static str,
    pub print_hint: &'static str,
    pub no_papers: &'static str,
    pub err_stale: &'static str,
    pub err_wrong_status: &'static str,
    pub err_upload_too_large: &'static str,
    pub err_upload_type: &'static str,
    pub err_upload_empty: &'static str,
    pub err_upload_no_file: &'static str,
    pub uploaded_note: &'static str,
    pub invitations_heading: &'static str,
    pub progress_line: &'static str,
    pub col_answer: &'static str,
    pub col_answered: &'static str,
    pub answer_none: &'static str,
    pub answer_accepted: &'static str,
    pub answer_tentative: &'static str,
    pub answer_declined: &'static str,
    pub guest_tag: &'static str,
    pub removed_tag: &'static str,
    pub remove_invitee: &'static str,
    pub add_guest_heading: &'static str,
    pub guest_name: &'static str,
    pub guest_email: &'static str,
    pub guest_language: &'static str,
    pub language_da: &'static str,
    pub language_en: &'static str,
    pub invite_button: &'static str,
    pub messages_heading: &'static str,
    pub col_recipient: &'static str,
    pub col_kind: &'static str,
    pub col_attempts: &'static str,
    pub col_error: &'static str,
    pub retry: &'static str,
    pub status_queued: &'static str,
    pub status_sending: &'static str,
    pub status_sent: &'static str,
    pub status_dead: &'static str,
    pub kind_invitation: &'static str,
    pub kind_update: &'static str,
    pub kind_cancel: &'static str,
    pub kind_reminder: &'static str,
    pub cancel_meeting: &'static str,
    pub cancelled_note: &'static str,
    pub cancelled_tag: &'static str,
    pub add_to_calendar: &'static str,
    pub nav_outbox: &'static str,
    pub nav_calendar: &'static str,
    pub outbox_title: &'static str,
    pub outbox_intro: &'static str,
    pub no_messages: &'static str,
    pub rsvp_title: &'static str,
    pub rsvp_intro: &'static str,
    pub rsvp_legend: &'static str,
    pub rsvp_save: &'static str,
    pub rsvp_saved: &'static str,
    pub rsvp_current: &'static str,
    pub rsvp_invalid: &'static str,
    pub rsvp_expired: &'static str,
    pub feed_title: &'static str,
    pub feed_intro: &'static str,
    pub feed_label: &'static str,
    pub feed_renew: &'static str,
    pub feed_note: &'static str,
    pub reply_title: &'static str,
    pub reply_intro: &'static str,
    pub reply_label: &'static str,
    pub reply_button: &'static str,
    pub reply_recorded: &'static str,
    pub opt_in_heading: &'static str,
    pub opt_in_on: &'static str,
    pub opt_in_off: &'static str,
    pub opt_in_start: &'static str,
    pub opt_in_stop: &'static str,
    /// How near a meeting is, next to its date ("om {days} dage" for two days or more).
    pub starts_today: &'static str,
    pub starts_tomorrow: &'static str,
    pub starts_in_days: Plural,

    // Invitation e-mails and their calendars (server/mail.rs, services/invitations.rs).
    pub mail_invitation_subject: &'static str,
    pub mail_update_subject: &'static str,
    pub mail_reminder_subject: &'static str,
    pub mail_papers_subject: &'static str,
    pub mail_papers: &'static str,
    pub mail_reminder: &'static str,
    pub mail_cancel_subject: &'static str,
    pub mail_greeting: &'static str,
    pub mail_meeting: &'static str,
    pub mail_invites: &'static str,
    pub mail_updated: &'static str,
    pub mail_cancelled: &'static str,
    pub mail_when: &'static str,
    pub mail_place: &'static str,
    pub mail_online: &'static str,
    pub mail_agenda: &'static str,
    pub mail_read_agenda: &'static str,
    pub mail_answer: &'static str,
    pub mail_accept: &'static str,
    pub mail_tentative: &'static str,
    pub mail_decline: &'static str,
    pub mail_regards: &'static str,
    pub mail_agenda_and_papers: &'static str,
    pub mail_closed_item: &'static str,
    pub mail_organizer: &'static str,
    // Sign-in page notices, chosen by a code in `?message=` (h3).
    pub notice_signed_out: &'static str,
}

pub static DA: Texts = Texts {
    app_name: "Taskforce om Ledermobilitet",
    authority: "Medarbejder- og Kompetencestyrelsen",
    skip_link: "Gå til sidens indhold",
    main_nav: "Hovedmenu",
    nav_overview: "Oversigt",
    nav_members: "Medlemmer",
    nav_accounts: "Brugere",
    sign_out: "Log af",
    signed_in_as: "Logget ind som",
    other_language: "English",
    switch_language: "Switch to English",
    footer_contact: "Sekretariatet: Medarbejder- og Kompetencestyrelsen i dialog med KL og Danske Regioner",
    footer_accessibility: "Tilgængelighedserklæring",
    demo_banner: "Demo: data er opdigtede, og alle kan logge ind med adgangskoden demo-taskforce.",

    sign_in_title: "Log ind",
    sign_in_intro: "Log ind med din e-mailadresse og adgangskode for at se taskforcens møder og papirer.",
    email_label: "E-mailadresse",
    password_label: "Adgangskode",
    sign_in_button: "Log ind",
    error_summary: "Der er en fejl i formularen",

    overview_title: "Oversigt",
    meetings_heading: "Taskforcens møder",
    col_number: "Nr.",
    col_meeting: "Møde",
    col_date: "Dato",
    col_time: "Tidspunkt",
    col_location: "Sted",
    col_status: "Status",
    next_meeting: "Næste møde",
    no_meetings: "Der er ingen møder, du har adgang til endnu.",
    online: "eller online",
    secretariat_heading: "Sekretariat",

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

    loading: "Henter …",
    not_found_title: "Siden findes ikke",
    forbidden_title: "Ingen adgang",
    err_forbidden: "Du har ikke adgang til denne side. Kontakt sekretariatet, hvis du mener, det er en fejl.",
    err_not_signed_in: "Du skal logge ind for at se denne side.",
    err_not_found: "Vi kunne ikke finde det, du ledte efter.",
    err_credentials: "E-mailadressen eller adgangskoden er forkert.",
    err_throttled: Plural {
        one: "For mange mislykkede forsøg. Prøv igen om {minutes} minut.",
        other: "For mange mislykkede forsøg. Prøv igen om {minutes} minutter.",
    },
    err_cross_site: "Anmodningen kom fra et andet websted og blev afvist.",
    err_internal: "Der skete en fejl hos os. Prøv igen om lidt.",
    err_email_required: "Skriv din e-mailadresse.",
    err_email_invalid: "Skriv en gyldig e-mailadresse, fx navn@example.org.",
    err_password_required: "Skriv din adgangskode.",
    meeting_word: "Møde",
    when_label: "Tidspunkt",
    where_label: "Sted",
    online_label: "Online",
    join_online: "Deltag online",
    agenda_heading: "Dagsorden",
    minutes_short: "min.",
    presenter_label: "Oplæg ved",
    indstilling_label: "Indstilling",
    papers_label: "Bilag",
    version_word: "version",
    older_versions: "Tidligere versioner",
    closed_item: "Lukket punkt",
    closed_item_note: "Indholdet ses kun af sekretariatet og formanden.",
    overrun_warning: Plural {
        one: "Dagsordenen slutter {end}, {minutes} minut efter mødets sluttid {meeting_end}.",
        other: "Dagsordenen slutter {end}, {minutes} minutter efter mødets sluttid {meeting_end}.",
    },
    agenda_ends: "Dagsordenen slutter {end}.",
    move_up: "Flyt op",
    move_down: "Flyt ned",
    drag_hint: "Træk for at flytte punktet – eller brug knapperne Flyt op og Flyt ned",
    edit: "Rediger",
    remove: "Fjern",
    item_word: "punkt",
    add_item: "Tilføj punkt",
    edit_meeting: "Rediger mødet",
    new_meeting: "Planlæg nyt møde",
    audit_link: "Ændringslog",
    print_link: "Mødepakke til udskrift",
    upload_heading: "Vedhæft bilag",
    upload_file_label: "Fil (PDF, Office-dokument, billede eller tekst)",
    paper_title_label: "Titel på bilaget (valgfri)",
    new_version_of: "Ny version af",
    new_paper: "(nyt bilag)",
    upload_button: "Upload bilag",
    submit_review: "Send til formandens godkendelse",
    approve: "Godkend dagsordenen",
    send_back: "Send tilbage til sekretariatet",
    comment_label: "Kommentar til sekretariatet",
    publish: "Udsend dagsordenen",
    mark_held: "Markér mødet som afholdt",
    close_meeting: "Afslut mødet",
    approved_note: "Formanden har godkendt dagsordenen.",
    awaiting_approval: "Dagsordenen afventer formandens godkendelse.",
    sent_back_note: "Formanden sendte dagsordenen tilbage med denne kommentar:",
    actions_heading: "Handlinger",
    item_new_title: "Nyt punkt på dagsordenen",
    item_edit_title: "Rediger punkt",
    kind_label: "Type",
    title_label: "Titel",
    resume_label: "Resumé",
    resume_hint: "Du kan bruge Markdown: **fed**, *kursiv*, lister og links.",
    indstilling_hint: "Påkrævet for beslutningspunkter (B), fx »Det indstilles, at taskforcen …«",
    presenter_field: "Oplægsholder",
    no_presenter: "Ingen",
    duration_label: "Varighed i minutter",
    closed_label: "Lukket punkt: kun sekretariatet og formanden ser indholdet",
    save: "Gem",
    back_to_meeting: "Tilbage til mødet",
    current_version_heading: "Sådan ser punktet ud nu",
    meeting_new_title: "Planlæg nyt møde",
    meeting_edit_title: "Rediger mødet",
    date_label: "Dato",
    start_label: "Starttidspunkt",
    end_label: "Sluttidspunkt",
    location_label: "Sted",
    online_link_label: "Link til online deltagelse (valgfrit)",
    time_zone_hint: "Tider er dansk tid (Europe/Copenhagen).",
    audit_title: "Ændringslog",
    col_when: "Tidspunkt",
    col_who: "Hvem",
    col_action: "Handling",
    col_details: "Detaljer",
    print_title: "Mødepakke",
    print_hint: "Brug browserens udskriftsfunktion (Ctrl+P) for at udskrive mødepakken eller gemme den som PDF.",
    no_papers: "Ingen bilag.",
    err_stale: "Punktet er ændret af en anden imens. Nedenfor ses den nuværende version; dine ændringer står stadig i formularen. Gem igen for at erstatte den.",
    err_wrong_status: "Det kan ikke lade sig gøre i mødets nuværende status.",
    err_upload_too_large: "Filen er større end {mb} MB.",
    err_upload_type: "Filtypen er ikke tilladt. Upload PDF, Word, Excel, PowerPoint, PNG, JPEG, GIF eller tekst.",
    err_upload_empty: "Filen er tom.",
    err_upload_no_file: "Vælg en fil.",
    uploaded_note: "Bilaget er uploadet.",
    invitations_heading: "Invitationer og svar",
    progress_line: "I kø: {queued} · Sendt: {sent} · Fejlet: {failed}",
    col_answer: "Svar",
    col_answered: "Svaret",
    answer_none: "Intet svar",
    answer_accepted: "Deltager",
    answer_tentative: "Måske",
    answer_declined: "Afbud",
    guest_tag: "gæst",
    removed_tag: "fjernet",
    remove_invitee: "Fjern fra listen",
    add_guest_heading: "Inviter en gæst (fx stedfortræder eller ekspert)",
    guest_name: "Navn",
    guest_email: "E-mailadresse",
    guest_language: "Sprog",
    language_da: "Dansk",
    language_en: "Engelsk",
    invite_button: "Inviter",
    messages_heading: "Sendte beskeder",
    col_recipient: "Modtager",
    col_kind: "Slags",
    col_attempts: "Forsøg",
    col_error: "Seneste fejl",
    retry: "Prøv igen",
    status_queued: "I kø",
    status_sending: "Sendes",
    status_sent: "Sendt",
    status_dead: "Opgivet",
    kind_invitation: "Invitation",
    kind_update: "Ændring",
    kind_cancel: "Aflysning",
    kind_reminder: "Påmindelse",
    cancel_meeting: "Aflys mødet",
    cancelled_note: "Mødet er aflyst. De inviterede har fået besked.",
    cancelled_tag: "Aflyst",
    add_to_calendar: "Føj til kalender (.ics)",
    nav_outbox: "Udbakke",
    nav_calendar: "Min kalender",
    outbox_title: "Udbakke",
    outbox_intro: "Alle beskeder, systemet sender, med deres status. Beskeder, der er opgivet, kan sendes igen.",
    no_messages: "Ingen beskeder endnu.",
    rsvp_title: "Svar på invitation",
    rsvp_intro: "Hej {name}. Svar på invitationen til møde {number}: {title}.",
    rsvp_legend: "Dit svar",
    rsvp_save: "Gem svar",
    rsvp_saved: "Tak. Dit svar er gemt:",
    rsvp_current: "Dit nuværende svar:",
    rsvp_invalid: "Linket er ugyldigt. Brug linket fra din seneste invitation, eller kontakt sekretariatet.",
    rsvp_expired: "Linket er udløbet. Kontakt sekretariatet, hvis du vil ændre dit svar.",
    feed_title: "Min kalender",
    feed_intro: "Abonnér på taskforcens møder i din kalender (Outlook, Google, Apple) med denne personlige adresse. Den viser de møder, du har adgang til. Del den ikke; du kan altid lave en ny.",
    feed_label: "Kalenderadresse",
    feed_renew: "Lav en ny adresse (den gamle holder op med at virke)",
    feed_note: "Kalenderabonnementer opdateres af din kalender med jævne mellemrum; ændringer kommer også som e-mail.",
    reply_title: "Indlæs svar fra e-mail",
    reply_intro: "Indsæt en e-mail med et kalendersvar (METHOD:REPLY), fx fra sekretariatets postkasse. Svaret registreres hos den inviterede.",
    reply_label: "E-mailens fulde tekst (med headers)",
    reply_button: "Indlæs svar",
    reply_recorded: "Svaret er registreret:",
    opt_in_heading: "Invitationer til møderne",
    opt_in_on: "Du får invitationer til taskforcens møder, når de udsendes.",
    opt_in_off: "Som sekretariat får du ikke invitationer til møderne, medmindre du vælger det.",
    opt_in_start: "Send mig invitationer",
    opt_in_stop: "Stop invitationerne til mig",
    starts_today: "i dag",
    starts_tomorrow: "i morgen",
    starts_in_days: Plural {
        one: "om {days} dag",
        other: "om {days} dage",
    },

    mail_invitation_subject: "Invitation",
    mail_update_subject: "Ændret",
    mail_reminder_subject: "Påmindelse",
    mail_papers_subject: "Bilag udsendt",
    mail_papers: "Bilagene til mødet er nu udsendt. Du finder dem ved dagsordenen:",
    mail_reminder: "Påmindelse om mødet:",
    mail_cancel_subject: "Aflyst",
    mail_greeting: "Kære",
    mail_meeting: "møde",
    mail_invites: "inviterer dig til møde",
    mail_updated: "Mødet er ændret. Her er de nye oplysninger.",
    mail_cancelled: "Mødet er aflyst.",
    mail_when: "Tidspunkt",
    mail_place: "Sted",
    mail_online: "Online",
    mail_agenda: "Dagsorden",
    mail_read_agenda: "Læs dagsorden og bilag",
    mail_answer: "Svar på invitationen",
    mail_accept: "Jeg deltager",
    mail_tentative: "Måske",
    mail_decline: "Jeg melder afbud",
    mail_regards: "Med venlig hilsen",
    mail_agenda_and_papers: "Dagsorden og bilag",
    mail_closed_item: "Lukket punkt",
    mail_organizer: "Sekretariatet for",
    notice_signed_out: "Du er logget ud.",
};

pub static EN: Texts = Texts {
    app_name: "Taskforce on Leadership Mobility",
    authority: "Agency for Employee and Competence Development",
    skip_link: "Skip to main content",
    main_nav: "Main menu",
    nav_overview: "Overview",
    nav_members: "Members",
    nav_accounts: "Users",
    sign_out: "Sign out",
    signed_in_as: "Signed in as",
    other_language: "Dansk",
    switch_language: "Skift til dansk",
    footer_contact: "Secretariat: the Agency for Employee and Competence Development with KL and Danish Regions",
    footer_accessibility: "Accessibility statement",
    demo_banner: "Demo: the data is made up, and everyone can sign in with the password demo-taskforce.",

    sign_in_title: "Sign in",
    sign_in_intro: "Sign in with your e-mail address and password to see the taskforce's meetings and papers.",
    email_label: "E-mail address",
    password_label: "Password",
    sign_in_button: "Sign in",
    error_summary: "There is a problem with the form",

    overview_title: "Overview",
    meetings_heading: "The taskforce's meetings",
    col_number: "No.",
    col_meeting: "Meeting",
    col_date: "Date",
    col_time: "Time",
    col_location: "Place",
    col_status: "Status",
    next_meeting: "Next meeting",
    no_meetings: "There are no meetings you have access to yet.",
    online: "or online",
    secretariat_heading: "Secretariat",

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

    loading: "Loading …",
    not_found_title: "Page not found",
    forbidden_title: "No access",
    err_forbidden: "You do not have access to this page. Contact the secretariat if you think this is a mistake.",
    err_not_signed_in: "You need to sign in to see this page.",
    err_not_found: "We could not find what you were looking for.",
    err_credentials: "The e-mail address or the password is wrong.",
    err_throttled: Plural {
        one: "Too many failed attempts. Try again in {minutes} minute.",
        other: "Too many failed attempts. Try again in {minutes} minutes.",
    },
    err_cross_site: "The request came from another site and was refused.",
    err_internal: "Something went wrong on our side. Please try again shortly.",
    err_email_required: "Enter your e-mail address.",
    err_email_invalid: "Enter a valid e-mail address, e.g. name@example.org.",
    err_password_required: "Enter your password.",
    meeting_word: "Meeting",
    when_label: "Time",
    where_label: "Place",
    online_label: "Online",
    join_online: "Join online",
    agenda_heading: "Agenda",
    minutes_short: "min",
    presenter_label: "Presented by",
    indstilling_label: "Proposed resolution",
    papers_label: "Papers",
    version_word: "version",
    older_versions: "Earlier versions",
    closed_item: "Closed item",
    closed_item_note: "Only the secretariat and the chair see its content.",
    overrun_warning: Plural {
        one: "The agenda ends at {end}, {minutes} minute after the meeting's end at {meeting_end}.",
        other: "The agenda ends at {end}, {minutes} minutes after the meeting's end at {meeting_end}.",
    },
    agenda_ends: "The agenda ends at {end}.",
    move_up: "Move up",
    move_down: "Move down",
    drag_hint: "Drag to move the item – or use the Move up and Move down buttons",
    edit: "Edit",
    remove: "Remove",
    item_word: "item",
    add_item: "Add item",
    edit_meeting: "Edit meeting",
    new_meeting: "Plan a new meeting",
    audit_link: "Change log",
    print_link: "Printable meeting pack",
    upload_heading: "Attach a paper",
    upload_file_label: "File (PDF, Office document, image or text)",
    paper_title_label: "Title of the paper (optional)",
    new_version_of: "New version of",
    new_paper: "(new paper)",
    upload_button: "Upload paper",
    submit_review: "Send to the chair for review",
    approve: "Approve the agenda",
    send_back: "Send back to the secretariat",
    comment_label: "Comment for the secretariat",
    publish: "Publish the agenda",
    mark_held: "Mark the meeting as held",
    close_meeting: "Close the meeting",
    approved_note: "The chair has approved the agenda.",
    awaiting_approval: "The agenda awaits the chair's approval.",
    sent_back_note: "The chair sent the agenda back with this comment:",
    actions_heading: "Actions",
    item_new_title: "New agenda item",
    item_edit_title: "Edit agenda item",
    kind_label: "Type",
    title_label: "Title",
    resume_label: "Summary",
    resume_hint: "You can use Markdown: **bold**, *italics*, lists and links.",
    indstilling_hint: "Required for decision items (B), e.g. “It is proposed that the taskforce …”",
    presenter_field: "Presenter",
    no_presenter: "None",
    duration_label: "Duration in minutes",
    closed_label: "Closed item: only the secretariat and the chair see its content",
    save: "Save",
    back_to_meeting: "Back to the meeting",
    current_version_heading: "The item as it is now",
    meeting_new_title: "Plan a new meeting",
    meeting_edit_title: "Edit the meeting",
    date_label: "Date",
    start_label: "Start time",
    end_label: "End time",
    location_label: "Place",
    online_link_label: "Link for joining online (optional)",
    time_zone_hint: "Times are Danish time (Europe/Copenhagen).",
    audit_title: "Change log",
    col_when: "When",
    col_who: "Who",
    col_action: "Action",
    col_details: "Details",
    print_title: "Meeting pack",
    print_hint: "Use the browser's print function (Ctrl+P) to print the pack or save it as PDF.",
    no_papers: "No papers.",
    err_stale: "Someone else changed this meanwhile. The current version is shown below; your changes are still in the form. Save again to replace it.",
    err_wrong_status: "That is not possible in the meeting's current status.",
    err_upload_too_large: "The file is larger than {mb} MB.",
    err_upload_type: "That type of file is not allowed. Upload PDF, Word, Excel, PowerPoint, PNG, JPEG, GIF or text.",
    err_upload_empty: "The file is empty.",
    err_upload_no_file: "Choose a file.",
    uploaded_note: "The paper was uploaded.",
    invitations_heading: "Invitations and answers",
    progress_line: "Queued: {queued} · Sent: {sent} · Failed: {failed}",
    col_answer: "Answer",
    col_answered: "Answered",
    answer_none: "No answer",
    answer_accepted: "Attending",
    answer_tentative: "Maybe",
    answer_declined: "Not attending",
    guest_tag: "guest",
    removed_tag: "removed",
    remove_invitee: "Remove from the list",
    add_guest_heading: "Invite a guest (e.g. a deputy or an expert)",
    guest_name: "Name",
    guest_email: "E-mail address",
    guest_language: "Language",
    language_da: "Danish",
    language_en: "English",
    invite_button: "Invite",
    messages_heading: "Messages",
    col_recipient: "Recipient",
    col_kind: "Kind",
    col_attempts: "Attempts",
    col_error: "Last error",
    retry: "Retry",
    status_queued: "Queued",
    status_sending: "Sending",
    status_sent: "Sent",
    status_dead: "Given up",
    kind_invitation: "Invitation",
    kind_update: "Update",
    kind_cancel: "Cancellation",
    kind_reminder: "Reminder",
    cancel_meeting: "Cancel the meeting",
    cancelled_note: "The meeting is cancelled. The invitees have been told.",
    cancelled_tag: "Cancelled",
    add_to_calendar: "Add to calendar (.ics)",
    nav_outbox: "Outbox",
    nav_calendar: "My calendar",
    outbox_title: "Outbox",
    outbox_intro: "Every message the system sends, with its status. Messages given up on can be sent again.",
    no_messages: "No messages yet.",
    rsvp_title: "Answer an invitation",
    rsvp_intro: "Hello {name}. Answer the invitation to meeting {number}: {title}.",
    rsvp_legend: "Your answer",
    rsvp_save: "Save answer",
    rsvp_saved: "Thank you. Your answer is saved:",
    rsvp_current: "Your current answer:",
    rsvp_invalid: "The link is not valid. Use the link in your latest invitation, or contact the secretariat.",
    rsvp_expired: "The link has expired. Contact the secretariat to change your answer.",
    feed_title: "My calendar",
    feed_intro: "Subscribe to the taskforce's meetings in your calendar (Outlook, Google, Apple) with this personal address. It shows the meetings you have access to. Do not share it; you can always make a new one.",
    feed_label: "Calendar address",
    feed_renew: "Make a new address (the old one stops working)",
    feed_note: "Calendar subscriptions are refreshed by your calendar now and then; changes also come by e-mail.",
    reply_title: "Read an answer from e-mail",
    reply_intro: "Paste an e-mail with a calendar answer (METHOD:REPLY), e.g. from the secretariat's mailbox. The answer is recorded for the invitee.",
    reply_label: "The whole e-mail (with headers)",
    reply_button: "Read answer",
    reply_recorded: "The answer is recorded:",
    opt_in_heading: "Invitations to the meetings",
    opt_in_on: "You get invitations to the taskforce's meetings when they are published.",
    opt_in_off: "As secretariat you do not get invitations to the meetings unless you choose to.",
    opt_in_start: "Send me invitations",
    opt_in_stop: "Stop the invitations to me",
    starts_today: "today",
    starts_tomorrow: "tomorrow",
    starts_in_days: Plural {
        one: "in {days} day",
        other: "in {days} days",
    },

    mail_invitation_subject: "Invitation",
    mail_update_subject: "Changed",
    mail_reminder_subject: "Reminder",
    mail_papers_subject: "Papers out",
    mail_papers: "The papers for the meeting are out. You find them with the agenda:",
    mail_reminder: "A reminder of the meeting:",
    mail_cancel_subject: "Cancelled",
    mail_greeting: "Dear",
    mail_meeting: "meeting",
    mail_invites: "invites you to meeting",
    mail_updated: "The meeting has changed. Here are the new details.",
    mail_cancelled: "The meeting has been cancelled.",
    mail_when: "Time",
    mail_place: "Place",
    mail_online: "Online",
    mail_agenda: "Agenda",
    mail_read_agenda: "Read the agenda and papers",
    mail_answer: "Answer the invitation",
    mail_accept: "I will attend",
    mail_tentative: "Maybe",
    mail_decline: "I cannot attend",
    mail_regards: "Kind regards",
    mail_agenda_and_papers: "Agenda and papers",
    mail_closed_item: "Closed item",
    mail_organizer: "The secretariat of",
    notice_signed_out: "You are signed out.",
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

pub fn status_name(lang: Lang, status: MeetingStatus) -> &'static str {
    use MeetingStatus::*;
    match (lang, status) {
        (Lang::Da, Draft) => "Kladde",
        (Lang::Da, InReview) => "Til godkendelse hos formanden",
        (Lang::Da, Published) => "Udsendt",
        (Lang::Da, Held) => "Afholdt",
        (Lang::Da, MinutesApproved) => "Referat godkendt",
        (Lang::Da, Closed) => "Afsluttet",
        (Lang::En, Draft) => "Draft",
        (Lang::En, InReview) => "With the chair for review",
        (Lang::En, Published) => "Published",
        (Lang::En, Held) => "Held",
        (Lang::En, MinutesApproved) => "Minutes approved",
        (Lang::En, Closed) => "Closed",
    }
}

pub fn role_name(lang: Lang, role: Role) -> &'static str {
    use Role::*;
    match (lang, role) {
        (Lang::Da, Secretariat) => "Sekretariat",
        (Lang::Da, Chair) => "Formand",
        (Lang::Da, Member) => "Medlem",
        (Lang::Da, SteeringGroup) => "Styregruppe",
        (Lang::Da, Observer) => "Observatør",
        (Lang::En, Secretariat) => "Secretariat",
        (Lang::En, Chair) => "Chair",
        (Lang::En, Member) => "Member",
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
    }
}

pub fn kind_name(lang: Lang, kind: ItemKind) -> &'static str {
    match (lang, kind) {
        (Lang::Da, ItemKind::B) => "Beslutning",
        (Lang::Da, ItemKind::D) => "Drøftelse",
        (Lang::Da, ItemKind::O) => "Orientering",
        (Lang::En, ItemKind::B) => "Decision",
        (Lang::En, ItemKind::D) => "Discussion",
        (Lang::En, ItemKind::O) => "Information",
    }
}

pub fn answer_name(t: &Texts, answer: crate::model::invitations::Answer) -> &'static str {
    use crate::model::invitations::Answer::*;
    match answer {
        NoAnswer => t.answer_none,
        Accepted => t.answer_accepted,
        Tentative => t.answer_tentative,
        Declined => t.answer_declined,
    }
}

pub fn outbox_status_name(t: &Texts, status: &str) -> &'static str {
    match status {
        "queued" => t.status_queued,
        "sending" => t.status_sending,
        "sent" => t.status_sent,
        _ => t.status_dead,
    }
}

pub fn mail_kind_name(t: &Texts, kind: &str) -> &'static str {
    match kind {
        "invitation" => t.kind_invitation,
        "update" => t.kind_update,
        "cancel" => t.kind_cancel,
        "papers" => t.papers_label,
        _ => t.kind_reminder,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text with arguments and the arguments its callers give it.
    fn templates(t: &'static Texts) -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
        let mut all = vec![
            ("agenda_ends", t.agenda_ends, vec!["end"]),
            ("err_upload_too_large", t.err_upload_too_large, vec!["mb"]),
            (
                "progress_line",
                t.progress_line,
                vec!["queued", "sent", "failed"],
            ),
            ("rsvp_intro", t.rsvp_intro, vec!["name", "number", "title"]),
        ];
        for (name, plural, args) in [
            ("err_throttled", t.err_throttled, vec!["minutes"]),
            (
                "overrun_warning",
                t.overrun_warning,
                vec!["end", "minutes", "meeting_end"],
            ),
            ("starts_in_days", t.starts_in_days, vec!["days"]),
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
                .starts_in_days
                .fill(n, &[("days", &n.to_string())])
        };
        assert_eq!(days(Lang::Da, 1), "om 1 dag");
        assert_eq!(days(Lang::Da, 35), "om 35 dage");
    }

    #[test]
    #[should_panic(expected = "missing arguments")]
    fn a_text_filled_without_one_of_its_arguments_fails() {
        fill(texts(Lang::Da).rsvp_intro, &[("name", "Anette Bækgaard")]);
    }

    #[test]
    #[should_panic(expected = "has no argument")]
    fn an_argument_the_text_does_not_name_fails() {
        fill(
            texts(Lang::Da).agenda_ends,
            &[("end", "15:00"), ("minutes", "5")],
        );
    }
}
