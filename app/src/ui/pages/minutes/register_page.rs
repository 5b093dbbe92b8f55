use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::minutes::get_register;
use crate::i18n::texts;
use crate::model::minutes::DecisionStatus;
use crate::model::minutes::export::RegisterFilter;
use crate::ui::components::PageError;
use crate::ui::pages::minutes::decision_status_name;
use crate::ui::{session, use_app};

/// `/decisions`: the decision register across the meetings.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            RegisterFilter::from_query(q.get_str("q"), q.get_str("meeting"), q.get_str("status"))
        })
    });
    let register = Resource::new(move || filter.get(), get_register);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let m = t.minutes;
                match register.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(register) => {
                        let f = filter.get_untracked();
                        let csv = format!("/decisions.csv{}", f.query_string());
                        let rows = register.rows;
                        let count = format!("{} {} {}", rows.len(), m.shown_of, register.total);
                        view! {
                        <Title text=format!("{} – {}", m.register_title, t.app_name)/>
                        <h1>{m.register_title}</h1>
                        <p class="font-lead">{m.register_intro}</p>
                        <form method="get" action="/decisions" class="register-search">
                            <div class="form-group">
                                <label class="form-label" for="register-q">{m.search_label}</label>
                                <input class="form-input" type="search" id="register-q" name="q" value=f.q.clone()/>
                            </div>
                            <div class="form-group">
                                <label class="form-label" for="register-meeting">{m.filter_meeting}</label>
                                <select class="form-select" id="register-meeting" name="meeting">
                                    <option value="">{m.any}</option>
                                    {register.meetings.into_iter().map(|n| view! { <option value=n selected=f.meeting == Some(n)>{n}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="form-group">
                                <label class="form-label" for="register-status">{m.filter_status}</label>
                                <select class="form-select" id="register-status" name="status">
                                    <option value="">{m.any}</option>
                                    {DecisionStatus::ALL.into_iter().map(|s| view! { <option value=s.as_str() selected=f.status == Some(s)>{decision_status_name(t, s)}</option> }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="button button-secondary">{m.filter_button}</button>
                            {(!f.is_empty()).then(|| view! { " "<a class="function-link" href="/decisions">{m.clear_filter}</a> })}
                        </form>
                        <p role="status" class="register-count">{count}</p>
                        <p><a class="function-link" href=csv download="">{m.download_csv}</a></p>
                        {if rows.is_empty() {
                            view! { <p>{m.no_decisions}</p> }.into_any()
                        } else {
                            view! {
                                <table class="table table--zebra register-table">
                                    <caption class="sr-only">{m.register_title}</caption>
                                    <thead><tr>
                                        <th scope="col">{m.col_number}</th>
                                        <th scope="col">{m.col_meeting}</th>
                                        <th scope="col">{m.col_item}</th>
                                        <th scope="col">{m.col_decision}</th>
                                        <th scope="col">{m.col_status}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|d| view! {
                                            <tr>
                                                <th scope="row">{d.code}</th>
                                                <td><a href=format!("/meetings/{}", d.meeting_id)>{format!("{}. {}", d.meeting_number, d.meeting_title)}</a></td>
                                                <td>{match d.item_id {
                                                    Some(item) => view! { <a href=format!("/meetings/{}#item-{item}", d.meeting_id)>{d.item_title.unwrap_or_default()}</a> }.into_any(),
                                                    None => d.item_title.unwrap_or_default().into_any(),
                                                }}</td>
                                                <td>{d.text}</td>
                                                <td>{decision_status_name(t, d.status)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }
                            .into_any()
                        }}
                    }
                    .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
