use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::people::get_members;
use crate::i18n::{role_name, sector_name, texts};
use crate::ui::components::PageError;
use crate::ui::{session, use_app};

#[component]
pub fn MembersPage() -> impl IntoView {
    let app = use_app();
    let members = Resource::new(|| (), |_| get_members());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let lang = info.lang;
                match members.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(people) => {
                        let show_email = people.iter().any(|p| p.email.is_some());
                        view! {
                            <Title text=format!("{} – {}", t.people.members_title, t.app_name)/>
                            <h1>{t.people.members_title}</h1>
                            <p class="font-lead">{t.people.members_intro}</p>
                            <div class="table--responsive-scroll">
                                <table class="table table--zebra members-table">
                                    <caption class="sr-only">{t.people.members_title}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t.people.col_name}</th>
                                            <th scope="col">{t.people.col_title}</th>
                                            <th scope="col">{t.people.col_organisation}</th>
                                            <th scope="col">{t.people.col_sector}</th>
                                            <th scope="col">{t.people.col_role}</th>
                                            {show_email.then(|| view! { <th scope="col">{t.people.col_email}</th> })}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {people.into_iter().map(|p| view! {
                                            <tr>
                                                <th scope="row">{p.name}</th>
                                                <td>{p.title}</td>
                                                <td>{p.organisation}</td>
                                                <td>{sector_name(lang, p.sector)}</td>
                                                <td>{role_name(lang, p.role)}</td>
                                                {show_email.then(|| view! { <td>{p.email.unwrap_or_default()}</td> })}
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
