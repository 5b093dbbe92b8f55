//! The frame of every page, after Det Fælles Designsystem: skip link, header with the
//! authority and the signed-in person, the main menu, the language switch, and the footer.
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{role_name, texts};
use crate::model::{Role, SessionInfo};
use crate::ui::{session, use_app};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let app = use_app();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                view! {
                    <Html attr:lang=info.lang.code()/>
                    <Header info/>
                }
            })}
        </Transition>
        <main id="main" class="container page-container" tabindex="-1">
            {children()}
        </main>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let t = texts(session(app).await.lang);
                view! {
                    <footer>
                        <div class="footer">
                            <div class="container">
                                <p>{t.footer_contact}</p>
                                <p><a href="/accessibility" class="footer-accessibility">{t.footer_accessibility}</a></p>
                            </div>
                        </div>
                    </footer>
                }
            })}
        </Transition>
    }
}

#[component]
fn Header(info: SessionInfo) -> impl IntoView {
    let t = texts(info.lang);
    let user = info.user.clone();
    view! {
        <a class="skipnav" href="#main">{t.skip_link}</a>
        // Inside the header (the banner landmark), so that no content is outside a landmark.
        <header class="header">
            {info.demo.then(|| view! { <div class="demo-banner" role="note"><div class="container">{t.demo_banner}</div></div> })}
            <div class="portal-info">
                <div class="portal-info-inner container">
                    <p class="authority-name">{t.authority}</p>
                    <div class="portal-user">
                        <LanguageSwitch info=info.clone()/>
                        {user.clone().map(|user| view! {
                            <p class="user">
                                <span class="sr-only">{t.signed_in_as}" "</span>
                                <strong class="username">{user.name.clone()}</strong>
                                " "<span class="user-role">"(" {role_name(info.lang, user.role)} ")"</span>
                            </p>
                            <SignOut label=t.sign_out/>
                        })}
                    </div>
                </div>
            </div>
            <div class="solution-info">
                <div class="solution-info-inner container">
                    <div class="solution-heading">
                        <a href="/">{t.app_name}</a>
                    </div>
                </div>
            </div>
            {user.map(|user| view! { <MainMenu role=user.role info=info.clone()/> })}
        </header>
    }
}

#[component]
fn MainMenu(role: Role, info: SessionInfo) -> impl IntoView {
    let t = texts(info.lang);
    let location = use_location();
    let item = move |href: &'static str, label: &'static str| {
        let current = move || location.pathname.get() == href;
        view! {
            <li class:current=current>
                <A href=href attr:class="nav-link" attr:aria-current=move || current().then_some("page")>
                    <span>{label}</span>
                </A>
            </li>
        }
    };
    view! {
        <nav class="navigation-menu" aria-label=t.main_nav>
            <div class="navigation-menu-inner container">
                <ul class="mainmenu">
                    {item("/", t.nav_overview)}
                    {item("/members", t.nav_members)}
                    {item("/decisions", t.minutes.nav_decisions)}
                    {item("/actions", t.minutes.nav_actions)}
                    {item("/calendar", t.nav_calendar)}
                    {role.is_secretariat().then(|| item("/outbox", t.nav_outbox))}
                    {role.is_secretariat().then(|| item("/people", t.people.nav_people))}
                    {item("/profile", t.people.nav_profile)}
                </ul>
            </div>
        </nav>
    }
}

#[component]
fn LanguageSwitch(info: SessionInfo) -> impl IntoView {
    let app = use_app();
    let t = texts(info.lang);
    let other = info.lang.other();
    view! {
        <ActionForm action=app.set_language attr:class="language-form">
            <input type="hidden" name="lang" value=other.code()/>
            <button type="submit" class="button button-unstyled function-link language-button" lang=other.code() title=t.switch_language>
                {t.other_language}
            </button>
        </ActionForm>
    }
}

#[component]
fn SignOut(label: &'static str) -> impl IntoView {
    let app = use_app();
    view! {
        <ActionForm action=app.logout attr:class="sign-out-form">
            <button type="submit" class="button button-secondary button-small log-off">{label}</button>
        </ActionForm>
    }
}
