//! The document shell and the router: every route in one place.
use leptos::prelude::*;
use leptos_meta::{Link, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::api::people::{Login, Logout, SetLanguage, get_session};
use crate::ui::AppContext;
use crate::ui::layout::Layout;
use crate::ui::pages::{
    AccessibilityPage, ActionsPage, AuditPage, FeedPage, ItemFormPage, LinkPage, LoginPage,
    MeetingFormPage, MeetingPage, MembersPage, MinutesPage, NotFoundPage, OutboxPage, OverviewPage,
    PeoplePage, PersonFormPage, PrintPage, ProfilePage, RegisterPage, RepliesPage,
    ResetRequestPage, RsvpPage,
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::server::csp::set_for_page();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Every page title as it goes into the document: escaped on the server (see `ui::escape`).
/// A page must not set a formatter of its own: the last one set replaces this one.
fn title_text(text: String) -> String {
    crate::ui::escape::raw_text(text)
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let login = ServerAction::<Login>::new();
    let logout = ServerAction::<Logout>::new();
    let set_language = ServerAction::<SetLanguage>::new();
    // Sign-in, sign-out and the language switch change what every page shows.
    let session = Resource::new(
        move || {
            (
                login.version().get(),
                logout.version().get(),
                set_language.version().get(),
            )
        },
        |_| get_session(),
    );
    provide_context(AppContext {
        session,
        login,
        logout,
        set_language,
    });

    view! {
        <Title formatter=title_text/>
        <Stylesheet id="dkfds" href="/css/dkfds.min.css"/>
        <Stylesheet id="app" href="/css/app.css"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/login/reset") view=ResetRequestPage ssr=SsrMode::Async/>
                    <Route path=path!("/link/:token") view=LinkPage ssr=SsrMode::Async/>
                    <Route path=path!("/people") view=PeoplePage ssr=SsrMode::Async/>
                    <Route path=path!("/people/new") view=PersonFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/people/:id/edit") view=PersonFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/profile") view=ProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("/") view=OverviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/members") view=MembersPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/new") view=MeetingFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id") view=MeetingPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/edit") view=MeetingFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/items/new") view=ItemFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/items/:item/edit") view=ItemFormPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/log") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/print") view=PrintPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/minutes") view=MinutesPage ssr=SsrMode::Async/>
                    <Route path=path!("/decisions") view=RegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/actions") view=ActionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/outbox") view=OutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/replies") view=RepliesPage ssr=SsrMode::Async/>
                    <Route path=path!("/calendar") view=FeedPage ssr=SsrMode::Async/>
                    <Route path=path!("/rsvp/:token") view=RsvpPage ssr=SsrMode::Async/>
                    <Route path=path!("/accessibility") view=AccessibilityPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
