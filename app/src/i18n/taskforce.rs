//! The landing page.

pub struct TaskforceTexts {
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
}

pub static DA: TaskforceTexts = TaskforceTexts {
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
};

pub static EN: TaskforceTexts = TaskforceTexts {
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
};
