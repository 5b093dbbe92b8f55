//! The agenda: items, their fields and times.
use super::Plural;
use crate::model::Lang;
use crate::model::agenda::ItemKind;

pub struct AgendaTexts {
    pub agenda_heading: &'static str,
    pub minutes_short: &'static str,
    pub presenter_label: &'static str,
    pub indstilling_label: &'static str,
    pub closed_item: &'static str,
    pub closed_item_note: &'static str,
    pub overrun_warning: Plural,
    pub agenda_ends: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub drag_hint: &'static str,
    pub item_word: &'static str,
    pub add_item: &'static str,
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
}

pub static DA: AgendaTexts = AgendaTexts {
    agenda_heading: "Dagsorden",
    minutes_short: "min.",
    presenter_label: "Oplæg ved",
    indstilling_label: "Indstilling",
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
    item_word: "punkt",
    add_item: "Tilføj punkt",
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
};

pub static EN: AgendaTexts = AgendaTexts {
    agenda_heading: "Agenda",
    minutes_short: "min",
    presenter_label: "Presented by",
    indstilling_label: "Proposed resolution",
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
    item_word: "item",
    add_item: "Add item",
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
};

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
