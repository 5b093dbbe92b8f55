use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::meetings::get_meeting;
use crate::i18n::{kind_name, texts};
use crate::model::time::{format_clock, format_date, format_time_range};
use crate::ui::components::PageError;
use crate::ui::forms::file_size;
use crate::ui::url::id_param;
use crate::ui::{session, use_app};

/// `/meetings/:id/print`: the meeting pack on one page, laid out for paper by the print CSS:
/// a front page, the agenda, then each item with its indstilling and its papers.
#[component]
pub fn PrintPage() -> impl IntoView {
    let app = use_app();
    let id = id_param("id");
    let detail = Resource::new(move || id.get(), get_meeting);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let lang = info.lang;
                let detail = match detail.await {
                    Err(error) => return view! { <PageError error t/> }.into_any(),
                    Ok(detail) => detail,
                };
                let m = detail.meeting.clone();
                let zone = m.time_zone.clone();
                let heading = format!("{} {}: {}", t.meetings.meeting_word, m.number, m.title);
                view! {
                    <Title text=format!("{} – {heading}", t.meetings.print_title)/>
                    <article class="meeting-pack">
                        <p class="print-hint no-print">{t.meetings.print_hint}" "<a href=format!("/meetings/{}", m.id)>{t.meetings.back_to_meeting}</a></p>
                        <section class="pack-front">
                            <p class="pack-taskforce">{t.app_name}</p>
                            <h1>{t.meetings.print_title}</h1>
                            <p class="pack-meeting">{heading.clone()}</p>
                            <p>{format_date(lang, m.starts_at, &zone)}" "{format_time_range(lang, m.starts_at, m.ends_at, &zone)}</p>
                            <p>{m.location.clone()}</p>
                            <p>{t.authority}</p>
                        </section>
                        <section class="pack-agenda">
                            <h2>{t.agenda.agenda_heading}</h2>
                            <ol class="nobullet-list">
                                {detail.items.iter().map(|item| {
                                    let title = if item.restricted { t.agenda.closed_item.to_string() } else { item.title.clone() };
                                    view! { <li>{format!("{}. {} ({}) – kl. {}", item.number, title, item.kind.as_str(), format_clock(lang, item.starts_at, &zone))}</li> }
                                }).collect_view()}
                            </ol>
                        </section>
                        {detail.items.into_iter().filter(|item| !item.restricted).map(|item| view! {
                            <section class="pack-item">
                                <h2 class="h3">{format!("{}. {}", item.number, item.title)}</h2>
                                <p class="item-meta">{format!("{} – {} · kl. {} · {} {}", item.kind.as_str(), kind_name(lang, item.kind), format_clock(lang, item.starts_at, &zone), item.duration_minutes, t.agenda.minutes_short)}
                                    {item.presenter_name.clone().map(|n| format!(" · {} {n}", t.agenda.presenter_label))}</p>
                                <div class="item-resume" inner_html=item.resume_html.clone()></div>
                                {item.indstilling.clone().map(|text| view! { <p class="indstilling"><strong>{t.agenda.indstilling_label}": "</strong>{text}</p> })}
                                <p><strong>{t.papers.papers_label}": "</strong>{if item.papers.is_empty() { t.papers.no_papers.to_string() } else { String::new() }}</p>
                                {(!item.papers.is_empty()).then(|| view! {
                                    <ul>
                                        {item.papers.iter().map(|p| {
                                            let v = p.versions.first();
                                            view! { <li>{p.title.clone()}{v.map(|v| format!(" ({}, {}, {} {})", v.original_name, file_size(lang, v.size_bytes), t.papers.version_word, v.version_no))}</li> }
                                        }).collect_view()}
                                    </ul>
                                })}
                            </section>
                        }).collect_view()}
                    </article>
                }
                .into_any()
            })}
        </Suspense>
    }
}
