use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::invitations::{RenewFeed, SetInvitationOptIn, get_invitation_opt_in, my_feed};
use crate::i18n::texts;
use crate::ui::components::PageError;
use crate::ui::{session, use_app};

/// `/calendar`: the person's own feed address (webcal and https) and a way to renew it.
#[component]
pub fn FeedPage() -> impl IntoView {
    let app = use_app();
    let renew = ServerAction::<RenewFeed>::new();
    let feed = Resource::new(move || renew.version().get(), |_| my_feed());
    let opt_in_action = ServerAction::<SetInvitationOptIn>::new();
    let opt_in = Resource::new(
        move || opt_in_action.version().get(),
        |_| get_invitation_opt_in(),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                match feed.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(url) => {
                        let webcal = url.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1);
                        view! {
                            <Title text=format!("{} – {}", t.invitations.feed_title, t.app_name)/>
                            <h1>{t.invitations.feed_title}</h1>
                            <p class="font-lead">{t.invitations.feed_intro}</p>
                            <div class="form-group">
                                <label class="form-label" for="feed-url">{t.invitations.feed_label}</label>
                                <input class="form-input feed-url" id="feed-url" type="text" readonly=true value=url.clone()/>
                            </div>
                            <p><a href=webcal class="function-link">{webcal.clone()}</a></p>
                            <p>{t.invitations.feed_note}</p>
                            <ActionForm action=renew>
                                <button type="submit" class="button button-secondary">{t.invitations.feed_renew}</button>
                            </ActionForm>
                            <Suspense fallback=|| ()>
                                {move || Suspend::new(async move {
                                    opt_in.await.ok().flatten().map(|on| view! {
                                        <h2>{t.invitations.opt_in_heading}</h2>
                                        <p>{if on { t.invitations.opt_in_on } else { t.invitations.opt_in_off }}</p>
                                        <ActionForm action=opt_in_action>
                                            <input type="hidden" name="on" value=if on { "false" } else { "true" }/>
                                            <button type="submit" class="button button-secondary">
                                                {if on { t.invitations.opt_in_stop } else { t.invitations.opt_in_start }}
                                            </button>
                                        </ActionForm>
                                    })
                                })}
                            </Suspense>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
