use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use crate::api::people::{PersonAction, SavePerson, get_person_log, get_roster};
use crate::error::AppError;
use crate::i18n::{Texts, role_name, sector_name, texts};
use crate::model::people::{Roster, RosterRow};
use crate::model::{Lang, Role, Sector};
use crate::ui::components::{AuditTable, PageError};
use crate::ui::forms::{FieldMessage, FormErrorSummary, FormErrors};
use crate::ui::url::id_param;
use crate::ui::{session, use_app};

/// What the form starts with: what was sent (after a refused plain post), the person as
/// stored (editing), or a new member's defaults.
#[derive(Clone, Default)]
struct Values {
    name: String,
    title: String,
    organisation: String,
    sector: String,
    email: String,
    role: String,
    language: String,
    lead: bool,
    deputy_for: String,
    version: String,
}

impl Values {
    fn of(row: Option<&RosterRow>, query: &ParamsMap) -> Values {
        if FormErrors::returned(query) {
            let get = |key: &str| query.get(key).unwrap_or_default();
            return Values {
                name: get("name"),
                title: get("title"),
                organisation: get("organisation"),
                sector: get("sector"),
                email: get("email"),
                role: get("role"),
                language: get("language"),
                lead: !get("lead").is_empty(),
                deputy_for: get("deputy_for"),
                version: get("version"),
            };
        }
        match row {
            Some(row) => Values {
                name: row.name.clone(),
                title: row.title.clone(),
                organisation: row.organisation.clone(),
                sector: row.sector.as_str().into(),
                email: row.email.clone(),
                role: row.role.as_str().into(),
                language: row.language.code().into(),
                lead: row.lead,
                deputy_for: row
                    .deputy_for
                    .as_ref()
                    .map(|(id, _)| id.to_string())
                    .unwrap_or_default(),
                version: row.version.to_string(),
            },
            None => Values {
                sector: Sector::Stat.as_str().into(),
                role: Role::Member.as_str().into(),
                language: Lang::Da.code().into(),
                ..Values::default()
            },
        }
    }
}

/// `/people/new` and `/people/:id/edit`: the person form, and for an existing person the
/// access buttons (deactivate or reactivate, a new welcome mail).
#[component]
pub fn PersonFormPage() -> impl IntoView {
    let app = use_app();
    let id = id_param("id");
    let query = use_query_map();
    let save = ServerAction::<SavePerson>::new();
    let act = ServerAction::<PersonAction>::new();
    let roster = Resource::new(|| (), |_| get_roster());
    let log = Resource::new(
        move || id.get(),
        |id| async move {
            if id == 0 {
                Ok(Vec::new())
            } else {
                get_person_log(id).await
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let roster: Roster = match roster.await {
                    Err(error) => return view! { <PageError error t/> }.into_any(),
                    Ok(roster) => roster,
                };
                let person_id = id.get_untracked();
                let row = roster.people.iter().find(|r| r.id == person_id).cloned();
                if person_id != 0 && row.is_none() {
                    return view! { <PageError error=AppError::NotFound t/> }.into_any();
                }
                let action_error = Signal::derive(move || {
                    save.value().get().and_then(Result::err).or_else(|| act.value().get().and_then(Result::err))
                });
                let errors = FormErrors::new(action_error, query, t, info.lang);
                let values = query.with_untracked(|q| Values::of(row.as_ref(), q));
                let p = t.people;
                let editing = row.is_some();
                let hidden = row.as_ref().map(|r| (r.id, values.version.clone()));
                let heading = if editing { p.person_edit_title } else { p.person_new_title };
                let members: Vec<(i32, String)> = roster.members.into_iter().filter(|(m, _)| *m != person_id).collect();
                view! {
                    <Title text=format!("{heading} – {}", t.app_name)/>
                    <h1>{heading}</h1>
                    <FormErrorSummary heading=t.error_summary errors/>
                    <ActionForm action=save attr:novalidate=true attr:class="person-form">
                        {hidden.map(|(id, version)| view! {
                            <input type="hidden" name="input[person_id]" value=id/>
                            <input type="hidden" name="input[version]" value=version/>
                        })}
                        <PersonFields values members errors t lang=info.lang editing/>
                        <div class="form-actions">
                            <button type="submit" class="button button-primary">{t.save}</button>
                            " "<a href="/people" class="function-link">{p.back_to_people}</a>
                        </div>
                    </ActionForm>
                    {row.map(|r| view! { <AccessButtons row=r act t/> })}
                    {match log.await {
                        Ok(rows) if !rows.is_empty() => Some(view! {
                            <h2>{p.history_heading}</h2>
                            <AuditTable rows caption=p.history_heading t lang=info.lang/>
                        }),
                        _ => None,
                    }}
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn PersonFields(
    values: Values,
    members: Vec<(i32, String)>,
    errors: FormErrors,
    t: &'static Texts,
    lang: Lang,
    editing: bool,
) -> impl IntoView {
    let p = t.people;
    let group = move |name: &'static str| {
        let error = errors.field(name);
        move || {
            if error.get().is_some() {
                "form-group form-error"
            } else {
                "form-group"
            }
        }
    };
    let invalid = move |name: &'static str| {
        let error = errors.field(name);
        move || error.get().is_some().then_some("true")
    };
    let described = move |name: &'static str, hint: Option<&'static str>| {
        let error = errors.field(name);
        move || {
            let mut ids: Vec<String> = hint.map(str::to_string).into_iter().collect();
            if error.get().is_some() {
                ids.push(format!("{name}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let text = move |name: &'static str,
                     label: &'static str,
                     kind: &'static str,
                     value: String,
                     autocomplete: &'static str,
                     hint: Option<(&'static str, &'static str)>| {
        view! {
            <div class=group(name)>
                <label class="form-label" for=name>{label}</label>
                {hint.map(|(id, text)| view! { <span class="form-hint" id=id>{text}</span> })}
                <FieldMessage id=name error=errors.field(name)/>
                <input class="form-input" id=name name=format!("input[{name}]") type=kind value=value autocomplete=autocomplete
                    aria-invalid=invalid(name) aria-describedby=described(name, hint.map(|(id, _)| id))/>
            </div>
        }
    };
    let Values {
        name,
        title,
        organisation,
        sector,
        email,
        role,
        language,
        lead,
        deputy_for,
        ..
    } = values;
    view! {
        {text("name", p.name_label, "text", name, "off", None)}
        {text("title", p.title_label, "text", title, "off", None)}
        {text("organisation", p.organisation_label, "text", organisation, "off", None)}
        <div class=group("sector")>
            <label class="form-label" for="sector">{p.sector_label}</label>
            <FieldMessage id="sector" error=errors.field("sector")/>
            <select class="form-select" id="sector" name="input[sector]" aria-invalid=invalid("sector")>
                {Sector::ALL.into_iter().map(|s| view! {
                    <option value=s.as_str() selected=sector == s.as_str()>{sector_name(lang, s)}</option>
                }).collect_view()}
            </select>
        </div>
        {text("email", p.email_label, "email", email, "off", editing.then_some(("email-hint", p.email_change_hint)))}
        <div class=group("role")>
            <label class="form-label" for="role">{p.role_label}</label>
            <FieldMessage id="role" error=errors.field("role")/>
            <select class="form-select" id="role" name="input[role]" aria-invalid=invalid("role")>
                {Role::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str() selected=role == r.as_str()>{role_name(lang, r)}</option>
                }).collect_view()}
            </select>
        </div>
        <div class=group("deputy_for")>
            <label class="form-label" for="deputy_for">{p.deputy_for_label}</label>
            <span class="form-hint" id="deputy_for-hint">{p.deputy_hint}</span>
            <FieldMessage id="deputy_for" error=errors.field("deputy_for")/>
            <select class="form-select" id="deputy_for" name="input[deputy_for]" aria-invalid=invalid("deputy_for")
                aria-describedby=described("deputy_for", Some("deputy_for-hint"))>
                <option value="" selected=deputy_for.is_empty()>{p.deputy_for_choose}</option>
                {members.into_iter().map(|(id, member)| view! {
                    <option value=id selected=deputy_for == id.to_string()>{member}</option>
                }).collect_view()}
            </select>
        </div>
        <div class=group("language")>
            <label class="form-label" for="language">{p.language_label}</label>
            <FieldMessage id="language" error=errors.field("language")/>
            <select class="form-select" id="language" name="input[language]" aria-invalid=invalid("language")>
                <option value="da" selected=language == "da">{t.language_da}</option>
                <option value="en" selected=language == "en">{t.language_en}</option>
            </select>
        </div>
        <div class="form-group">
            <input type="checkbox" class="form-checkbox" id="lead" name="input[lead]" value="on" checked=lead/>
            <label for="lead">{p.lead_label}</label>
        </div>
    }
}

/// Deactivate or reactivate, and a new welcome mail for someone who is active.
#[component]
fn AccessButtons(
    row: RosterRow,
    act: ServerAction<PersonAction>,
    t: &'static Texts,
) -> impl IntoView {
    let p = t.people;
    let button = move |action: &'static str, label: &'static str, class: &'static str| {
        view! {
            <ActionForm action=act attr:class="person-action-form">
                <input type="hidden" name="input[person_id]" value=row.id/>
                <input type="hidden" name="input[version]" value=row.version/>
                <input type="hidden" name="input[action]" value=action/>
                <button type="submit" class=class>{label}</button>
            </ActionForm>
        }
    };
    view! {
        <h2>{p.access_heading}</h2>
        <p>{p.deactivate_hint}</p>
        {if row.active {
            view! {
                {button("welcome", p.welcome_button, "button button-secondary")}
                {button("deactivate", p.deactivate_button, "button button-secondary")}
            }
            .into_any()
        } else {
            button("reactivate", p.reactivate_button, "button button-secondary").into_any()
        }}
    }
}
