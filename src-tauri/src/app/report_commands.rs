//! Reports for the trustees (admin window only). The figures are gathered while the vault is
//! held, the printing is recorded in the audit trail with the period only, and the Save dialog
//! opens after the vault is released, so it never holds up the auto-lock.

use chrono::NaiveDate;
use tauri::{State, WebviewWindow};

use super::aup_print_commands::PrintedForm;
use super::{save, AppState};
use crate::bindings::SavedFile;
use crate::error::CommandError;
use crate::forms::trustee_report::{self, TrusteeReport};
use crate::records::{date_text, organisation, trustee_report as figures};
use crate::store::audit::Entry;
use crate::vault::UnlockedVault;

/// The trustee report for `from` to `to`, recorded in the audit trail.
pub(crate) fn trustee_form(
    v: &mut UnlockedVault,
    from: NaiveDate,
    to: NaiveDate,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, CommandError> {
    let conn = v.db().conn();
    let report = TrusteeReport {
        org_name: organisation::get(conn)?.org_name,
        figures: figures::figures(conn, from, to, today)?,
        printed: today,
        demo,
    };
    let pdf = trustee_report::trustee_report_pdf(&report)?;
    let detail = format!("from={};to={}", date_text(from), date_text(to));
    v.record(&Entry { action: "report.trusteePrinted", subject_kind: "report", subject_id: "", detail: &detail })?;
    Ok(PrintedForm { file_name: trustee_report::file_name(from, to), pdf })
}

/// Makes the trustee report for the period and saves it where the admin chooses.
#[tauri::command]
pub async fn trustee_report_print(
    window: WebviewWindow,
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Option<SavedFile>, CommandError> {
    let demo = state.is_demo();
    let today = crate::dates::today();
    let (session, form) = state.with_vault_tagged(|v| trustee_form(v, from, to, demo, today))?;
    save::save_pdf(&window, &state, session, &form.file_name, &form.pdf)
}

#[cfg(test)]
mod tests {
    use age::secrecy::SecretString;

    use super::*;
    use crate::demo::{self, DEMO_PASSPHRASE};
    use crate::forms::pdf_check::{folded, pdf_text};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn the_report_prints_from_the_vault_and_the_audit_records_only_the_period() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = demo::create(dir.path()).expect("demo vault");
        let mut v =
            UnlockedVault::unlock(&paths, &SecretString::from(DEMO_PASSPHRASE.to_owned())).expect("demo unlocks");
        let form = trustee_form(&mut v, day(2026, 9, 1), day(2026, 12, 1), true, day(2026, 12, 2)).expect("report");
        assert_eq!(form.file_name, "Trustee report 2026-09-01 to 2026-12-01.pdf");
        assert!(folded(&pdf_text(&form.pdf)).contains("Period: 1 September 2026 to 1 December 2026"));
        let detail: String = v
            .db()
            .conn()
            .query_row("SELECT detail FROM audit WHERE action = 'report.trusteePrinted'", [], |r| r.get(0))
            .expect("the printing is audited");
        assert_eq!(detail, "from=2026-09-01;to=2026-12-01");

        let future = trustee_form(&mut v, day(2026, 9, 1), day(2026, 12, 3), true, day(2026, 12, 2));
        assert_eq!(future.err().map(|e| e.code), Some(crate::error::ErrorCode::ReportPeriodInFuture));
    }
}
