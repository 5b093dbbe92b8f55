use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::people::{PERSON_NOTICES, get_roster};
use crate::i18n::{Texts, role_name, texts};
use crate::model::time::format_stamp;
use crate::ui::components::PageError;
use crate::ui::{session, use_app};

/// A notice after a change, by its code in `?message=`.
fn notice(t: &'static Texts, code: &str) -> Option<&'static str> {
    let p = t.people;
    PERSON_NOTICES.contains(&code).then_some(())?;
    Some(match code {
        "added" => p.notice_person_added,
        "saved" => p.notice_person_saved,
        "deactivated" => p.notice_person_deactivated,
        "reactivated" => p.notice_person_reactivated,
        _ => p.notice_welcome_sent,
    })
}

/// `/people`: the secretariat keeps the taskforce's people here. Everyone else gets the
/// server's refusal.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let roster = Resource::new(|| (), |_| get_roster());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let p = t.people;
                let lang = info.lang;
                match roster.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(roster) => view! {
                        <Title text=format!("{} – {}", p.people_title, t.app_name)/>
                        <h1>{p.people_title}</h1>
                        <p class="font-lead">{p.people_intro}</p>
                        {move || query.with(|q| q.get("message")).and_then(|code| notice(t, &code)).map(|text| view! {
                            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{text}</p></div></div>
                        })}
                        <p><a href="/people/new" class="button button-primary">{p.add_person}</a></p>
                        <div class="table--responsive-scroll">
                        <table class="table table--zebra people-table">
                            <caption class="sr-only">{p.people_title}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{p.col_name}</th>
                                    <th scope="col">{p.col_role}</th>
                                    <th scope="col">{p.col_organisation}</th>
                                    <th scope="col">{p.col_email}</th>
                                    <th scope="col">{p.col_status}</th>
                                    <th scope="col">{p.col_last_sign_in}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {roster.people.into_iter().map(|row| {
                                    let status = if !row.active {
                                        p.status_deactivated
                                    } else if !row.has_password && row.last_login_at.is_none() {
                                        p.status_no_password
                                    } else {
                                        p.status_active
                                    };
                                    view! {
                                        <tr class:person-deactivated=!row.active>
                                            <th scope="row"><a href=format!("/people/{}/edit", row.id)>{row.name.clone()}</a></th>
                                            <td>
                                                {role_name(lang, row.role)}
                                                {row.lead.then(|| view! { " · "{p.lead_badge} })}
                                                {row.deputy_for.clone().map(|(_, name)| view! { <br/><span class="form-hint">{p.deputy_for_label}" "{name}</span> })}
                                            </td>
                                            <td>{row.organisation.clone()}</td>
                                            <td>{row.email.clone()}</td>
                                            <td>{status}</td>
                                            <td>{row.last_login_at.map(|at| format_stamp(lang, at)).unwrap_or_else(|| p.never.to_string())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
