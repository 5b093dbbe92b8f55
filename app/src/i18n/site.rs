//! Pages about the site itself: the accessibility statement (tilgængelighedserklæring).

pub struct SiteTexts {
    pub a11y_title: &'static str,
    pub a11y_intro: &'static str,
    pub a11y_status_heading: &'static str,
    pub a11y_status: &'static str,
    pub a11y_tested_heading: &'static str,
    pub a11y_tested: &'static [&'static str],
    pub a11y_known_heading: &'static str,
    pub a11y_known: &'static [&'static str],
    pub a11y_report_heading: &'static str,
    pub a11y_report: &'static str,
    pub a11y_complaint_heading: &'static str,
    pub a11y_complaint: &'static str,
    pub a11y_complaint_link: &'static str,
    pub a11y_prepared: &'static str,
}

pub static DA: SiteTexts = SiteTexts {
    a11y_title: "Tilgængelighedserklæring",
    a11y_intro: "Medarbejder- og Kompetencestyrelsen ønsker, at alle kan bruge taskforcens mødesystem, uanset hvordan de læser og betjener en skærm. Erklæringen gælder hele løsningen og følger lov om tilgængelighed af offentlige organers websteder og mobilapplikationer.",
    a11y_status_heading: "Overholdelse",
    a11y_status: "Løsningen er delvist i overensstemmelse med WCAG 2.1 niveau AA. Vi kender ikke til brud på kravene, men løsningen er endnu ikke gennemgået manuelt af en uafhængig part.",
    a11y_tested_heading: "Sådan har vi testet",
    a11y_tested: &[
        "Hver side testes automatisk med axe-core mod WCAG 2.1 A og AA i browseren Chromium, hver gang løsningen ændres.",
        "Hver side og formular testes både med og uden JavaScript: alt kan gøres med almindelige formularer.",
        "Siderne kan bruges med tastatur alene, og et link øverst springer menuen over.",
        "Fejl i en formular vises ved feltet og samlet øverst på siden, og det, du har skrevet, bevares.",
    ],
    a11y_known_heading: "Kendte begrænsninger",
    a11y_known: &[
        "Der er endnu ikke lavet en manuel test med skærmlæser eller forstørrelse.",
        "Bilag, som sekretariatet lægger op (fx PDF), er ikke nødvendigvis tilgængelige; bed sekretariatet om en anden udgave, hvis du har brug for det.",
    ],
    a11y_report_heading: "Fortæl os om et problem",
    a11y_report: "Oplever du et problem, så skriv til taskforcens sekretariat på den adresse, dine invitationer kommer fra. Skriv, hvilken side det gælder, hvad du forsøgte, og hvilken browser og eventuelle hjælpemidler du bruger. Vi svarer inden for 10 arbejdsdage.",
    a11y_complaint_heading: "Klag",
    a11y_complaint: "Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med reglerne.",
    a11y_complaint_link: "Klag til Digitaliseringsstyrelsen",
    a11y_prepared: "Erklæringen er udarbejdet den 4. december 2026 og opdateres, når løsningen ændres.",
};

pub static EN: SiteTexts = SiteTexts {
    a11y_title: "Accessibility statement",
    a11y_intro: "The Agency for Employee and Competence Development wants everyone to be able to use the taskforce's meeting system, however they read and operate a screen. This statement covers the whole solution and follows the Danish act on the accessibility of public bodies' websites and mobile applications.",
    a11y_status_heading: "Compliance",
    a11y_status: "The solution partially complies with WCAG 2.1 level AA. We know of no failure of the requirements, but the solution has not yet been reviewed by hand by an independent party.",
    a11y_tested_heading: "How we tested",
    a11y_tested: &[
        "Every page is tested automatically with axe-core against WCAG 2.1 A and AA in the Chromium browser, every time the solution changes.",
        "Every page and form is tested with and without JavaScript: everything can be done with ordinary forms.",
        "The pages can be used with a keyboard alone, and a link at the top skips the menu.",
        "Mistakes in a form are shown next to the field and together at the top of the page, and what you typed is kept.",
    ],
    a11y_known_heading: "Known limitations",
    a11y_known: &[
        "No manual test with a screen reader or magnification has been made yet.",
        "Papers the secretariat uploads (e.g. PDF) are not necessarily accessible; ask the secretariat for another version if you need one.",
    ],
    a11y_report_heading: "Tell us about a problem",
    a11y_report: "If you meet a problem, write to the taskforce's secretariat at the address your invitations come from. Say which page it concerns, what you tried, and which browser and assistive technology you use. We answer within 10 working days.",
    a11y_complaint_heading: "Complain",
    a11y_complaint: "If you are not satisfied with our answer, you can complain to the Danish Agency for Digital Government, which supervises the rules.",
    a11y_complaint_link: "Complain to the Agency for Digital Government",
    a11y_prepared: "This statement was prepared on 4 December 2026 and is updated when the solution changes.",
};
