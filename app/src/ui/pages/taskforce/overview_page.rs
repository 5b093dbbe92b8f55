use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::taskforce::get_overview;
use crate::i18n::{status_name, texts};
use crate::model::time::{format_date, format_time_range, machine_readable};
use crate::model::{Lang, MeetingSummary};
use crate::ui::components::PageError;
use crate::ui::{session, use_app};

#[component]
pub fn OverviewPage() -> impl IntoView {
    let app = use_app();
    let overview = Resource::new(|| (), |_| get_overview());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                match overview.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(overview) => view! {
                        <Title text=format!("{} – {}", t.taskforce.overview_title, t.app_name)/>
                        <h1>{overview.name.clone()}</h1>
                        <p class="font-lead">{overview.description.clone()}</p>
                        <h2>{t.taskforce.meetings_heading}</h2>
                        {info.is_secretariat().then(|| view! {
                            <p><a class="button button-secondary" href="/meetings/new">{t.meetings.new_meeting}</a></p>
                        })}
                        {if overview.meetings.is_empty() {
                            view! { <p>{t.taskforce.no_meetings}</p> }.into_any()
                        } else {
                            view! { <MeetingTable lang=info.lang meetings=overview.meetings.clone() next=overview.next_meeting_id/> }.into_any()
                        }}
                        <h2>{t.taskforce.secretariat_heading}</h2>
                        <p>{t.authority}" · "<a href=format!("mailto:{}", overview.mailbox)>{overview.mailbox.clone()}</a></p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MeetingTable(lang: Lang, meetings: Vec<MeetingSummary>, next: Option<i32>) -> impl IntoView {
    let t = texts(lang);
    view! {
        <div class="table--responsive-scroll">
            <table class="table table--zebra meetings-table">
                <caption class="sr-only">{t.taskforce.meetings_heading}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.taskforce.col_number}</th>
                        <th scope="col">{t.taskforce.col_meeting}</th>
                        <th scope="col">{t.taskforce.col_date}</th>
                        <th scope="col">{t.taskforce.col_time}</th>
                        <th scope="col">{t.taskforce.col_location}</th>
                        <th scope="col">{t.taskforce.col_status}</th>
                    </tr>
                </thead>
                <tbody>
                    {meetings.into_iter().map(|m| {
                        let is_next = next == Some(m.id);
                        view! {
                            <tr class:next-meeting=is_next data-meeting=m.number>
                                <td>{m.number}</td>
                                <th scope="row">
                                    <a href=format!("/meetings/{}", m.id)>{m.title.clone()}</a>
                                    {is_next.then(|| view! { " "<strong class="next-badge">{t.taskforce.next_meeting}</strong> })}
                                </th>
                                <td><time datetime=machine_readable(m.starts_at, &m.time_zone)>{format_date(lang, m.starts_at, &m.time_zone)}</time></td>
                                <td>{format_time_range(lang, m.starts_at, m.ends_at, &m.time_zone)}</td>
                                <td>
                                    {m.location.clone()}
                                    {m.online_link.clone().map(|link| view! { " "<a href=link>{t.taskforce.online}</a> })}
                                </td>
                                <td>{status_name(lang, m.status)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
