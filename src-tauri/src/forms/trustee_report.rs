//! The online-safety report to trustees: an A4 PDF for a chosen period, with a table for each set
//! of figures, bar charts of incidents by category and by outcome, a plain summary line per
//! section, a prompt about reporting serious incidents to the Charity Commission, and sign-off
//! lines.
//!
//! Owns the report's wording, arrangement and file name. Does not count anything: `print` prints
//! the `TrusteeFigures` that `records::trustee_report` counts, which hold no names of people.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::layout::{Bar, FormDocument, Orientation};
use super::{uk_date, FormError, PrintError, PrintedForm};
use crate::dates::uk_date_time_text;
use crate::records::organisation;
use crate::records::trustee_report::{self as figures, CourseCompliance, OutcomeClass, PolicyFigure, TrusteeFigures};
use crate::reminders::DueStatus;
use crate::store::audit::Actor;

/// The report's title, printed at the top and in the footer.
pub const TITLE: &str = "Online safety report to trustees";

/// The file name offered for the report: the first and last days of its period.
pub fn file_name(from: NaiveDate, to: NaiveDate) -> String {
    format!("Trustee report {} to {}.pdf", from.format("%Y-%m-%d"), to.format("%Y-%m-%d"))
}

/// The trustee report for `from` to `to`, counted as at `today`. Its printing is noted in the
/// audit trail with the period only, as printed by `actor`.
pub fn print(
    conn: &Connection,
    actor: &Actor,
    from: NaiveDate,
    to: NaiveDate,
    demo: bool,
    today: NaiveDate,
) -> Result<PrintedForm, PrintError> {
    let report = TrusteeReport {
        org_name: organisation::get(conn)?.org_name,
        figures: figures::figures(conn, from, to, today)?,
        printed: today,
        demo,
    };
    let pdf = trustee_report_pdf(&report)?;
    figures::note_printed(conn, actor, from, to)?;
    Ok(PrintedForm { file_name: file_name(from, to), pdf })
}

/// Everything the trustee report prints, gathered by the caller.
pub struct TrusteeReport {
    /// The organisation's name, printed under the title and in the footer.
    pub org_name: String,
    /// The counts for the period; they hold no one's name.
    pub figures: TrusteeFigures,
    /// The UK day the report was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

/// "1 incident", "3 incidents".
fn counted(n: impl Into<u64>, one: &str, many: &str) -> String {
    match n.into() {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

fn share(part: u32, whole: u32) -> String {
    (part * 100).checked_div(whole).map_or_else(|| "\u{2013}".to_owned(), |p| format!("{p}%"))
}

/// The trustee report as a PDF: a table and summary line for each set of figures, charts of
/// incidents by category and outcome, and sign-off lines.
pub fn trustee_report_pdf(report: &TrusteeReport) -> Result<Vec<u8>, FormError> {
    let f = &report.figures;
    let mut doc = FormDocument::new(TITLE, Orientation::Portrait)?;
    doc.set_demo(report.demo);
    let period = format!("{} to {}", uk_date(f.from), uk_date(f.to));
    doc.set_footer_text(&format!("{TITLE} \u{b7} {} \u{b7} {period}", report.org_name));
    doc.title(TITLE);
    doc.paragraph(&format!("{}\nPeriod: {period}\nPrinted {}", report.org_name, uk_date(report.printed)));
    doc.note(&format!(
        "Incidents and referrals are those in the period. Training, acceptable use, image consent, \
         policy and backup figures are as they stood on {}. The report holds numbers only: no one \
         is named in it.",
        uk_date(f.as_at)
    ));
    incidents(&mut doc, f);
    referrals(&mut doc, f);
    training(&mut doc, f);
    aups(&mut doc, f);
    consent(&mut doc, f);
    policies(&mut doc, f);
    backup(&mut doc, f);
    serious_incidents(&mut doc, f);
    sign_off(&mut doc);
    doc.finish()
}

fn incidents(doc: &mut FormDocument, f: &TrusteeFigures) {
    let i = &f.incidents;
    doc.heading("Incidents");
    let open = i.by_outcome.iter().find(|(c, _)| *c == OutcomeClass::NotYetClosed).map_or(0, |(_, n)| *n);
    let restricted = if i.restricted > 0 {
        format!(
            " {} restricted, because of who is involved; they are counted here but not described.",
            if i.restricted == 1 { "1 is".to_owned() } else { format!("{} are", i.restricted) }
        )
    } else {
        String::new()
    };
    doc.strong(&format!(
        "{} happened in this period, and {} not yet closed.{restricted}",
        counted(i.total, "online-safety incident", "online-safety incidents"),
        if open == 1 { "1 is".to_owned() } else { format!("{open} are") }
    ));
    doc.paragraph("By the 4 Cs of online risk:");
    let labels: Vec<&str> = i.by_category.iter().map(|(c, _)| c.label()).collect();
    let bars: Vec<Bar<'_>> = i.by_category.iter().zip(&labels).map(|((_, n), l)| Bar { label: l, value: *n }).collect();
    doc.bar_chart(&bars);
    let rows: Vec<Vec<String>> = i
        .by_category
        .iter()
        .map(|(c, n)| vec![format!("{} ({})", c.label(), c.hint()), n.to_string(), share(*n, i.total)])
        .chain([vec!["Total".into(), i.total.to_string(), String::new()]])
        .collect();
    doc.table(&["Category", "Incidents", "Share"], &rows);

    doc.paragraph("By outcome, as things stand today:");
    let bars: Vec<Bar<'_>> = i.by_outcome.iter().map(|(c, n)| Bar { label: c.label(), value: *n }).collect();
    doc.bar_chart(&bars);
    let rows: Vec<Vec<String>> =
        i.by_outcome.iter().map(|(c, n)| vec![c.label().to_owned(), n.to_string(), share(*n, i.total)]).collect();
    doc.table(&["Outcome", "Incidents", "Share"], &rows);
    doc.paragraph("By judgement, as the e-safety procedure asks:");
    let rows: Vec<Vec<String>> =
        i.by_judgement.iter().map(|(j, n)| vec![j.label().to_owned(), n.to_string(), share(*n, i.total)]).collect();
    doc.table(&["Judgement", "Incidents", "Share"], &rows);
    if !i.by_kind.is_empty() {
        let rows: Vec<Vec<String>> = i.by_kind.iter().map(|(k, n)| vec![k.label().to_owned(), n.to_string()]).collect();
        doc.table(&["Kind of incident", "Incidents"], &rows);
    }
}

fn referrals(doc: &mut FormDocument, f: &TrusteeFigures) {
    doc.heading("Referrals to other agencies");
    let total = f.referral_total();
    doc.strong(&format!("{} made in this period.", counted(total, "referral was", "referrals were")));
    let rows: Vec<Vec<String>> =
        f.referrals.iter().filter(|(_, n)| *n > 0).map(|(a, n)| vec![a.label().to_owned(), n.to_string()]).collect();
    if rows.is_empty() {
        doc.paragraph("No referrals are recorded for this period.");
    } else {
        doc.table(&["Agency", "Referrals"], &rows);
    }
}

fn course_row(c: &CourseCompliance) -> Vec<String> {
    vec![
        c.name.clone(),
        c.required.to_string(),
        c.in_date.to_string(),
        c.percent().map_or_else(|| "\u{2013}".to_owned(), |p| format!("{p}%")),
        c.overdue.to_string(),
        c.never_done.to_string(),
    ]
}

fn training(doc: &mut FormDocument, f: &TrusteeFigures) {
    let t = &f.training;
    doc.heading("Staff and volunteer training");
    match t.overall.percent() {
        None => doc.strong("No training is required of anyone yet. Add staff and volunteers to Safekeeper."),
        Some(p) => doc.strong(&format!(
            "{p}% of required training is done and in date: {} overdue and {} never done, across {}.",
            t.overall.overdue,
            t.overall.never_done,
            counted(t.people, "person", "people")
        )),
    };
    let rows: Vec<Vec<String>> = t.courses.iter().chain([&t.overall]).map(course_row).collect();
    doc.table(&["Course", "Required", "In date", "Share", "Overdue", "Never done"], &rows);
}

fn aups(doc: &mut FormDocument, f: &TrusteeFigures) {
    doc.heading("Acceptable use policies");
    if f.aups.is_empty() {
        doc.strong("No acceptable use policy has been published in Safekeeper yet.");
        return;
    }
    let expected: u32 = f.aups.iter().map(|a| a.expected()).sum();
    let signed: u32 = f.aups.iter().map(|a| a.signed_current).sum();
    doc.strong(&format!(
        "{signed} of the {expected} signatures needed on the current versions are in place ({}).",
        share(signed, expected)
    ));
    let rows: Vec<Vec<String>> = f
        .aups
        .iter()
        .map(|a| {
            vec![
                a.title.clone(),
                a.audience.label().to_owned(),
                format!("Version {}", a.version),
                format!("{} of {} ({})", a.signed_current, a.expected(), share(a.signed_current, a.expected())),
                a.needs_resign.to_string(),
                a.never_signed.to_string(),
            ]
        })
        .collect();
    doc.table(&["AUP", "For", "In force", "Signed it", "Must sign again", "Never signed"], &rows);
}

fn consent(doc: &mut FormDocument, f: &TrusteeFigures) {
    let c = &f.consent;
    doc.heading("Image consent for young people");
    doc.strong(&format!(
        "{} of {} {} image consent in force ({}).",
        c.current,
        counted(c.young_people, "young person", "young people"),
        if c.current == 1 { "has" } else { "have" },
        share(c.current, c.young_people)
    ));
    let rows = vec![
        vec!["Consent in force".into(), c.current.to_string()],
        vec!["Consent expired: to renew".into(), c.expired.to_string()],
        vec!["Consent withdrawn".into(), c.withdrawn.to_string()],
        vec![
            "Given at the signing station, waiting for an admin to confirm".into(),
            c.awaiting_confirmation.to_string(),
        ],
        vec!["Consent that does not count for their age".into(), c.not_valid_for_age.to_string()],
        vec!["No consent on record".into(), c.none.to_string()],
        vec!["Young people on the register".into(), c.young_people.to_string()],
    ];
    doc.table(&["Where consent stands", "Young people"], &rows);
}

fn policy_standing(p: &PolicyFigure) -> String {
    match (p.status, p.next_review) {
        (DueStatus::NeverDone, _) | (_, None) => "Never reviewed".into(),
        (DueStatus::Overdue, Some(due)) => format!("Overdue since {}", uk_date(due)),
        (_, Some(due)) => format!("Due {}", uk_date(due)),
    }
}

fn policies(doc: &mut FormDocument, f: &TrusteeFigures) {
    let p = &f.policies;
    // The summary means little without at least the top of the table under it.
    doc.keep_together(45.0);
    doc.heading("Policy reviews");
    doc.strong(&format!(
        "{} recorded in this period; {} now past {} review date or never reviewed.",
        counted(p.reviews_in_period() as u64, "policy review was", "policy reviews were"),
        counted(p.needing_review() as u64, "policy is", "policies are"),
        if p.needing_review() == 1 { "its" } else { "their" }
    ));
    let rows: Vec<Vec<String>> = p
        .policies
        .iter()
        .map(|policy| {
            let reviewed = if policy.reviewed_in_period.is_empty() {
                "No".to_owned()
            } else {
                policy.reviewed_in_period.iter().map(|d| uk_date(*d)).collect::<Vec<_>>().join(", ")
            };
            vec![policy.name.clone(), reviewed, policy_standing(policy)]
        })
        .collect();
    doc.table(&["Policy", "Reviewed in this period", "Next review"], &rows);
}

fn backup(doc: &mut FormDocument, f: &TrusteeFigures) {
    doc.heading("Backups");
    let b = &f.backup;
    match b.last_verified.as_deref().and_then(uk_date_time_text) {
        None => doc.strong("No verified backup of these records has been made. Make one now, and keep it somewhere safe away from the laptop."),
        Some(when) if b.due => doc.strong(&format!(
            "The last verified backup was made on {when}, more than {} days ago. Make a new one soon.",
            b.reminder_days
        )),
        Some(when) => doc.strong(&format!("The last verified backup was made on {when}.")),
    };
}

fn serious_incidents(doc: &mut FormDocument, f: &TrusteeFigures) {
    doc.keep_together(95.0);
    doc.heading("Serious incidents and the Charity Commission");
    doc.prompt_box(
        "Trustees: decide whether anything in this period was a serious incident",
        &format!(
            "The trustees of a charity in England and Wales must report a serious incident to the \
             Charity Commission promptly, as soon as they know of it. Harm, or a risk of harm, to the \
             young people or adults the charity works with can be one. If the trustees decide an \
             incident does not need reporting, they should write down why. Safekeeper records {} to the \
             Charity Commission in this period.",
            counted(f.charity_commission_reports(), "serious incident report", "serious incident reports")
        ),
    );
    doc.tick_box("Every serious incident in this period has been reported to the Charity Commission.");
    doc.tick_box(
        "None of the incidents in this period needed reporting, and our reasons are written below or in the minutes.",
    );
    doc.writing_space("Reasons, or the Charity Commission's reference numbers", 3);
}

fn sign_off(doc: &mut FormDocument) {
    doc.keep_together(60.0);
    doc.heading("Sign-off");
    doc.fill_in_line("Designated safeguarding lead (name)");
    doc.signature_line("Signature");
    doc.fill_in_line("Chair of trustees (name)");
    doc.signature_line("Signature");
    doc.fill_in_line("Presented at the trustees\u{2019} meeting on");
}

#[cfg(test)]
mod tests;
