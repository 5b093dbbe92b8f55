use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::people::list_accounts;
use crate::i18n::{role_name, texts};
use crate::model::time::format_stamp;
use crate::ui::components::PageError;
use crate::ui::{session, use_app};

/// Secretariat only; everyone else gets the refusal from the server.
#[component]
pub fn AccountsPage() -> impl IntoView {
    let app = use_app();
    let accounts = Resource::new(|| (), |_| list_accounts());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let lang = info.lang;
                match accounts.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(rows) => view! {
                        <Title text=format!("{} – {}", t.people.accounts_title, t.app_name)/>
                        <h1>{t.people.accounts_title}</h1>
                        <p class="font-lead">{t.people.accounts_intro}</p>
                        <table class="table table--zebra accounts-table">
                            <caption class="sr-only">{t.people.accounts_title}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.people.col_name}</th>
                                    <th scope="col">{t.people.col_email}</th>
                                    <th scope="col">{t.people.col_role}</th>
                                    <th scope="col">{t.people.col_last_sign_in}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|row| view! {
                                    <tr>
                                        <th scope="row">{row.name}</th>
                                        <td>{row.email}</td>
                                        <td>{role_name(lang, row.role)}</td>
                                        <td>{row.last_login_at.map(|at| format_stamp(lang, at)).unwrap_or_else(|| t.people.never.to_string())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
