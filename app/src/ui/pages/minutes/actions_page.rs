use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::minutes::{SetActionStatus, get_actions};
use crate::i18n::texts;
use crate::model::minutes::ActionStatus;
use crate::ui::components::PageError;
use crate::ui::pages::minutes::action_status_name;
use crate::ui::{session, use_app};

/// `/actions`: one's own actions; the secretariat sees everyone's. Open first, overdue on top.
#[component]
pub fn ActionsPage() -> impl IntoView {
    let app = use_app();
    let set = ServerAction::<SetActionStatus>::new();
    let actions = Resource::new(move || set.version().get(), |_| get_actions(false));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let m = t.minutes;
                let me = info.user.as_ref().map(|u| u.person_id).unwrap_or_default();
                let heading = if info.is_secretariat() { m.actions_title } else { m.my_actions_title };
                match actions.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(rows) => view! {
                        <Title text=format!("{heading} – {}", t.app_name)/>
                        <h1>{heading}</h1>
                        <p class="font-lead">{m.actions_intro}</p>
                        {if rows.is_empty() {
                            view! { <p>{m.no_actions}</p> }.into_any()
                        } else {
                            view! {
                                <table class="table table--zebra actions-table">
                                    <caption class="sr-only">{heading}</caption>
                                    <thead><tr>
                                        <th scope="col">{m.action_what}</th>
                                        <th scope="col">{m.action_owner}</th>
                                        <th scope="col">{m.action_due}</th>
                                        <th scope="col">{m.col_meeting}</th>
                                        <th scope="col">{m.col_status}</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|a| {
                                            let may_change = a.owner_id == me || info.is_secretariat();
                                            let (next, label) = if a.status == ActionStatus::Open { ("done", m.mark_done) } else { ("open", m.reopen) };
                                            view! {
                                                <tr class:action-overdue=a.overdue>
                                                    <th scope="row">{a.what}</th>
                                                    <td>{a.owner}</td>
                                                    <td>{a.due_on.format("%d.%m.%Y").to_string()}{a.overdue.then(|| view! { " "<strong class="overdue">{m.overdue}</strong> })}</td>
                                                    <td><a href=format!("/meetings/{}", a.meeting_id)>{a.meeting_number}</a></td>
                                                    <td>
                                                        {action_status_name(t, a.status)}
                                                        {may_change.then(|| view! {
                                                            <ActionForm action=set attr:class="action-status-form">
                                                                <input type="hidden" name="input[action_id]" value=a.id/>
                                                                <input type="hidden" name="input[version]" value=a.version/>
                                                                <input type="hidden" name="input[status]" value=next/>
                                                                <button type="submit" class="button button-secondary button-small">{label}</button>
                                                            </ActionForm>
                                                        })}
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }
                            .into_any()
                        }}
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
