//! Commands for image consent (admin window only): settings and social accounts, a person's
//! consents, recording, confirming and withdrawing them, the point-of-use check, the publications
//! log, the take-down list and named groups.

use tauri::AppHandle;

use crate::dates::today;
use crate::error::CommandError;
use crate::records::consent::{
    self, CheckAnswer, CheckQuestion, ConsentDraft, ConsentSetup, GroupSummary, ImageConsent, PersonConsent,
    Publication, PublicationDraft, TakedownCount, TakedownDone, TakedownItem, Withdrawal,
};
use crate::records::people::Person;

fn setup(conn: &rusqlite::Connection) -> Result<ConsentSetup, CommandError> {
    consent::setup(conn).map_err(CommandError::from)
}

#[tauri::command]
pub async fn consent_setup(app: AppHandle) -> Result<ConsentSetup, CommandError> {
    super::worker::run(app, move |state| state.with_vault(|v| setup(v.db().conn()))).await
}

#[tauri::command]
pub async fn consent_settings_save(
    app: AppHandle,
    default_months: u32,
    own_consent_age: u32,
) -> Result<ConsentSetup, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            consent::save_consent_settings(conn, actor, default_months, own_consent_age)?;
            // The consent form at the signing station changes with it.
            v.note_station_changed();
            setup(v.db().conn())
        })
    })
    .await
}

#[tauri::command]
pub async fn consent_account_add(app: AppHandle, name: String) -> Result<ConsentSetup, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            consent::add_social_account(conn, actor, &name)?;
            // The consent form at the signing station changes with it.
            v.note_station_changed();
            setup(v.db().conn())
        })
    })
    .await
}

#[tauri::command]
pub async fn consent_account_retire(app: AppHandle, id: String) -> Result<ConsentSetup, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let (conn, actor) = v.conn_and_actor();
            consent::retire_social_account(conn, actor, &id)?;
            // The consent form at the signing station changes with it.
            v.note_station_changed();
            setup(v.db().conn())
        })
    })
    .await
}

#[tauri::command]
pub async fn consent_person(app: AppHandle, person_id: String) -> Result<PersonConsent, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| consent::person_view(v.db().conn(), &person_id, today()).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn consent_record(app: AppHandle, draft: ConsentDraft) -> Result<ImageConsent, CommandError> {
    super::worker::run(app, move |state| state.with_admin(|conn, actor| consent::record(conn, actor, &draft, today())))
        .await
}

#[tauri::command]
pub async fn consent_withdraw(
    app: AppHandle,
    id: String,
    withdrawal: Withdrawal,
) -> Result<ImageConsent, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| consent::withdraw(conn, actor, &id, &withdrawal, today()))
    })
    .await
}

/// Signing-station consents waiting for an admin, oldest first.
#[tauri::command]
pub async fn consent_unconfirmed(app: AppHandle) -> Result<Vec<ImageConsent>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| consent::unconfirmed(v.db().conn()).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn consent_confirm(
    app: AppHandle,
    id: String,
    person_id: String,
    judgement: Option<String>,
) -> Result<ImageConsent, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| consent::confirm(conn, actor, &id, &person_id, judgement.as_deref()))
    })
    .await
}

/// "Can I use this photo?" for today.
#[tauri::command]
pub async fn consent_check(app: AppHandle, question: CheckQuestion) -> Result<CheckAnswer, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| consent::check(v.db().conn(), &question, today()).map_err(CommandError::from))
    })
    .await
}

/// Logs the use as a publication, only if the check still says yes for everyone.
#[tauri::command]
pub async fn consent_publish_checked(
    app: AppHandle,
    question: CheckQuestion,
    description: String,
    link: Option<String>,
) -> Result<Publication, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| {
            consent::publish_checked(conn, actor, &question, &description, link.as_deref(), today())
        })
    })
    .await
}

#[tauri::command]
pub async fn publications_list(app: AppHandle) -> Result<Vec<Publication>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| consent::publications(v.db().conn(), None).map_err(CommandError::from))
    })
    .await
}

#[tauri::command]
pub async fn publication_add(app: AppHandle, draft: PublicationDraft) -> Result<Publication, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| consent::add_publication(conn, actor, &draft, today()))
    })
    .await
}

/// The take-down list, oldest publication first: its first `limit` items, or all with none.
#[tauri::command]
pub async fn takedowns_list(app: AppHandle, limit: Option<u32>) -> Result<Vec<TakedownItem>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            let limit = limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
            consent::takedown_page(v.db().conn(), today(), None, limit).map_err(CommandError::from)
        })
    })
    .await
}

/// How many take-downs are outstanding, up to `consent::TAKEDOWN_COUNT_CAP`: the dashboard and
/// the consent page show only the number.
#[tauri::command]
pub async fn takedowns_count(app: AppHandle) -> Result<TakedownCount, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| {
            consent::takedown_count(v.db().conn(), today(), consent::TAKEDOWN_COUNT_CAP).map_err(CommandError::from)
        })
    })
    .await
}

#[tauri::command]
pub async fn takedown_record(app: AppHandle, done: TakedownDone) -> Result<(), CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| consent::record_takedown(conn, actor, &done, today()))
    })
    .await
}

#[tauri::command]
pub async fn groups_list(app: AppHandle) -> Result<Vec<GroupSummary>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| consent::groups(v.db().conn()).map_err(CommandError::from))
    })
    .await
}

/// Creates a group (`id` null) or renames one.
#[tauri::command]
pub async fn group_save(app: AppHandle, id: Option<String>, name: String) -> Result<GroupSummary, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| consent::save_group(conn, actor, id.as_deref(), &name))
    })
    .await
}

#[tauri::command]
pub async fn group_members(app: AppHandle, id: String) -> Result<Vec<Person>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_vault(|v| consent::group_members(v.db().conn(), &id).map(|(_, m)| m).map_err(CommandError::from))
    })
    .await
}

/// Adds the person to the group or takes them out; returns the members after.
#[tauri::command]
pub async fn group_member_set(
    app: AppHandle,
    id: String,
    person_id: String,
    member: bool,
) -> Result<Vec<Person>, CommandError> {
    super::worker::run(app, move |state| {
        state.with_admin(|conn, actor| consent::set_group_member(conn, actor, &id, &person_id, member))
    })
    .await
}
