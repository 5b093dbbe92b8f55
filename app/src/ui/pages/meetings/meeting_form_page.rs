use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::meetings::{SaveMeeting, get_meeting};
use crate::error::AppError;
use crate::i18n::texts;
use crate::model::meetings::MeetingDetail;
use crate::model::time::Zone;
use crate::ui::components::PageError;
use crate::ui::forms::{FieldMessage, FormErrorSummary, FormErrors};
use crate::ui::url::id_param;
use crate::ui::{session, use_app};

/// The values a meeting form starts with: what the person sent (after a refused plain post),
/// the meeting as stored (editing), or empty (new).
fn initial(
    detail: Option<&MeetingDetail>,
    query: &leptos_router::params::ParamsMap,
) -> [(String, &'static str); 7] {
    let from_query = FormErrors::returned(query);
    let stored = |f: &dyn Fn(&MeetingDetail) -> String| detail.map(f).unwrap_or_default();
    let value = |key: &'static str, stored: String| {
        if from_query {
            (query.get(key).unwrap_or_default(), key)
        } else {
            (stored, key)
        }
    };
    let local = |at: chrono::DateTime<chrono::Utc>, format: &str| {
        Zone::EuropeCopenhagen
            .to_local(at)
            .format(format)
            .to_string()
    };
    [
        value("title", stored(&|d| d.meeting.title.clone())),
        value("date", stored(&|d| local(d.meeting.starts_at, "%Y-%m-%d"))),
        value("start", stored(&|d| local(d.meeting.starts_at, "%H:%M"))),
        value("end", stored(&|d| local(d.meeting.ends_at, "%H:%M"))),
        value("location", stored(&|d| d.meeting.location.clone())),
        value(
            "online_link",
            stored(&|d| d.meeting.online_link.clone().unwrap_or_default()),
        ),
        value("version", stored(&|d| d.version.to_string())),
    ]
}

/// `/meetings/new` and `/meetings/:id/edit`.
#[component]
pub fn MeetingFormPage() -> impl IntoView {
    let app = use_app();
    let id = id_param("id");
    let query = use_query_map();
    let save = ServerAction::<SaveMeeting>::new();
    let detail = Resource::new(
        move || id.get(),
        |id| async move {
            if id == 0 {
                Ok(None)
            } else {
                get_meeting(id).await.map(Some)
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let detail: Result<Option<MeetingDetail>, AppError> = detail.await;
                let detail = match detail {
                    Err(error) => return view! { <PageError error t/> }.into_any(),
                    Ok(detail) => detail,
                };
                if !info.is_secretariat() {
                    return view! { <PageError error=AppError::Forbidden(t.err_forbidden.into()) t/> }.into_any();
                }
                let action_error = Signal::derive(move || save.value().get().and_then(Result::err));
                let errors = FormErrors::new(action_error, query, t, info.lang);
                let values = query.with_untracked(|q| initial(detail.as_ref(), q));
                let values = std::sync::Arc::new(values);
                let value = {
                    let values = values.clone();
                    move |key: &str| values.iter().find(|(_, k)| *k == key).map(|(v, _)| v.clone()).unwrap_or_default()
                };
                let value_of = value.clone();
                let heading = if detail.is_some() { t.meetings.meeting_edit_title } else { t.meetings.meeting_new_title };
                let back = detail.as_ref().map(|d| format!("/meetings/{}", d.meeting.id)).unwrap_or_else(|| "/".into());
                let field = move |name: &'static str, label: &'static str, kind: &'static str| {
                    let value = value_of.clone();
                    let error = errors.field(name);
                    view! {
                        <div class="form-group" class:form-error=move || error.get().is_some()>
                            <label class="form-label" for=name>{label}</label>
                            <FieldMessage id=name error/>
                            <input class="form-input" id=name name=format!("input[{name}]") type=kind value=value(name)
                                aria-invalid=move || error.get().is_some().then_some("true")
                                aria-describedby=move || error.get().is_some().then(|| format!("{name}-error"))/>
                        </div>
                    }
                };
                view! {
                    <Title text=format!("{heading} – {}", t.app_name)/>
                    <h1>{heading}</h1>
                    <FormErrorSummary heading=t.error_summary errors/>
                    <ActionForm action=save attr:novalidate=true attr:class="meeting-form">
                        {detail.as_ref().map(|d| view! { <input type="hidden" name="input[meeting_id]" value=d.meeting.id/> })}
                        {detail.is_some().then(|| view! { <input type="hidden" name="input[version]" value=value("version")/> })}
                        {field("title", t.agenda.title_label, "text")}
                        <p class="form-hint">{t.meetings.time_zone_hint}</p>
                        {field("date", t.meetings.date_label, "date")}
                        {field("start", t.meetings.start_label, "time")}
                        {field("end", t.meetings.end_label, "time")}
                        {field("location", t.meetings.location_label, "text")}
                        {field("online_link", t.meetings.online_link_label, "url")}
                        <div class="form-actions">
                            <button type="submit" class="button button-primary">{t.save}</button>
                            " "<a href=back class="function-link">{t.meetings.back_to_meeting}</a>
                        </div>
                    </ActionForm>
                }
                .into_any()
            })}
        </Suspense>
    }
}
