use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::invitations::my_feed;
use crate::api::people::{ChangePassword, PROFILE_NOTICES, get_profile};
use crate::i18n::{role_name, texts};
use crate::model::time::format_stamp;
use crate::ui::components::PageError;
use crate::ui::forms::{FieldMessage, FormErrorSummary, FormErrors};
use crate::ui::{session, use_app};

/// `/profile`: one's language, password and sessions, and the way to one's calendar feed.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let change = ServerAction::<ChangePassword>::new();
    let profile = Resource::new(
        move || (change.version().get(), app.set_language.version().get()),
        |_| get_profile(),
    );
    let feed = Resource::new(|| (), |_| my_feed());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let p = t.people;
                let lang = info.lang;
                let profile = match profile.await {
                    Err(error) => return view! { <PageError error t/> }.into_any(),
                    Ok(profile) => profile,
                };
                let action_error = Signal::derive(move || change.value().get().and_then(Result::err));
                let errors = FormErrors::new(action_error, query, t, lang);
                let changed = Signal::derive(move || matches!(change.value().get(), Some(Ok(()))));
                let notice = move || {
                    let code = query.with(|q| q.get("message")).filter(|c| PROFILE_NOTICES.contains(&c.as_str()));
                    match code.as_deref() {
                        Some("password-set") => Some(p.notice_password_set),
                        Some(_) => Some(p.notice_password_changed),
                        None => changed.get().then_some(p.notice_password_changed),
                    }
                };
                let password_field = move |name: &'static str, label: &'static str, autocomplete: &'static str| {
                    let error = errors.field(name);
                    view! {
                        <div class="form-group" class:form-error=move || error.get().is_some()>
                            <label class="form-label" for=name>{label}</label>
                            <FieldMessage id=name error/>
                            <input class="form-input" id=name name=format!("input[{name}]") type="password" autocomplete=autocomplete
                                aria-invalid=move || error.get().is_some().then_some("true")
                                aria-describedby=move || error.get().is_some().then(|| format!("{name}-error"))/>
                        </div>
                    }
                };
                let other = lang.other();
                let feed = feed.await.ok();
                view! {
                    <Title text=format!("{} – {}", p.profile_title, t.app_name)/>
                    <h1>{p.profile_title}</h1>
                    <p class="font-lead">{p.profile_intro}</p>
                    {move || notice().map(|text| view! {
                        <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{text}</p></div></div>
                    })}
                    <dl class="profile-facts">
                        <dt>{p.name_label}</dt><dd>{profile.name.clone()}</dd>
                        <dt>{p.email_label}</dt><dd>{profile.email.clone()}</dd>
                        <dt>{p.role_label}</dt><dd>{role_name(lang, profile.role)}</dd>
                    </dl>

                    <h2>{p.language_heading}</h2>
                    <p>{if lang == crate::model::Lang::Da { t.language_da } else { t.language_en }}</p>
                    <ActionForm action=app.set_language attr:class="profile-language-form">
                        <input type="hidden" name="lang" value=other.code()/>
                        <button type="submit" class="button button-secondary" lang=other.code()>{t.switch_language}</button>
                    </ActionForm>

                    <h2>{p.password_heading}</h2>
                    {if profile.has_password {
                        view! {
                            <FormErrorSummary heading=t.error_summary errors/>
                            <ActionForm action=change attr:novalidate=true attr:class="password-form">
                                {password_field("current", p.current_password_label, "current-password")}
                                {password_field("password", p.new_password_label, "new-password")}
                                {password_field("again", p.repeat_password_label, "new-password")}
                                <button type="submit" class="button button-primary">{p.password_change_button}</button>
                            </ActionForm>
                        }
                        .into_any()
                    } else {
                        view! { <p>{p.no_password_yet}</p> }.into_any()
                    }}

                    <h2>{p.sessions_heading}</h2>
                    <table class="table table--zebra sessions-table">
                        <caption class="sr-only">{p.sessions_heading}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{p.col_browser}</th>
                                <th scope="col">{p.col_signed_in}</th>
                                <th scope="col">{p.col_expires}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {profile.sessions.into_iter().map(|s| view! {
                                <tr>
                                    <th scope="row">
                                        {s.user_agent.clone().unwrap_or_else(|| p.unknown_browser.to_string())}
                                        {s.current.then(|| view! { " ("<strong>{p.this_browser}</strong>")" })}
                                    </th>
                                    <td>{format_stamp(lang, s.created_at)}</td>
                                    <td>{format_stamp(lang, s.expires_at)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <form method="post" action="/api/sign_out_everywhere" class="sign-out-everywhere-form">
                        <button type="submit" class="button button-secondary">{p.sign_out_everywhere}</button>
                    </form>

                    <h2>{p.calendar_heading}</h2>
                    <p>{p.calendar_intro}" "<a href="/calendar">{t.nav_calendar}</a></p>
                    {feed.map(|url| view! {
                        <div class="form-group">
                            <label class="form-label" for="feed-url">{t.invitations.feed_label}</label>
                            <input class="form-input feed-url" id="feed-url" type="text" readonly=true value=url/>
                        </div>
                    })}
                }
                .into_any()
            })}
        </Suspense>
    }
}
