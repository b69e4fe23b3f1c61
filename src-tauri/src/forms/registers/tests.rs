//! Register print tests: read each PDF back as text and check the page shape.

use chrono::NaiveDate;

use super::*;
use crate::forms::pdf_check::{folded, pages_of, pdf_text, render_pages};
use crate::records::people::PersonGroup;
use crate::records::policies::{PolicyVersion, ReviewTrigger, Topic};
use crate::records::training::{Course, MatrixRow, Role};
use crate::reminders::Renewal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

const ORG: &str = "Riverside Youth Project";

fn course(id: &str, name: &str) -> Course {
    Course {
        id: id.into(),
        name: name.into(),
        renewal: Renewal::Months { months: 12 },
        required_groups: vec![PersonGroup::Staff],
        required_roles: vec![],
        retired: false,
    }
}

fn cell(
    course: &str,
    required: bool,
    done: Option<NaiveDate>,
    due: Option<NaiveDate>,
    status: Option<DueStatus>,
) -> MatrixCell {
    MatrixCell { course_id: course.into(), required, last_completed: done, next_due: due, status }
}

fn matrix() -> TrainingMatrix {
    TrainingMatrix {
        courses: vec![course("os", "Online-safety update"), course("dsl", "DSL role training")],
        rows: vec![
            MatrixRow {
                person_id: "p1".into(),
                full_name: "Amira Khan".into(),
                group: PersonGroup::Staff,
                roles: vec![Role::Dsl],
                cells: vec![
                    cell("os", true, Some(day(2025, 11, 1)), Some(day(2026, 11, 1)), Some(DueStatus::Overdue)),
                    cell("dsl", true, None, None, Some(DueStatus::NeverDone)),
                ],
            },
            MatrixRow {
                person_id: "p2".into(),
                full_name: "Ben Carter".into(),
                group: PersonGroup::Volunteer,
                roles: vec![],
                cells: vec![
                    cell("os", true, Some(day(2026, 10, 1)), Some(day(2027, 10, 1)), Some(DueStatus::InDate)),
                    cell("dsl", false, None, None, None),
                ],
            },
        ],
    }
}

#[test]
fn the_matrix_prints_landscape_with_every_cell_in_words_and_totals() {
    let pdf = matrix_pdf(&MatrixSheet {
        org_name: ORG.into(),
        matrix: matrix(),
        filtered: None,
        printed: day(2026, 11, 22),
        demo: false,
    })
    .expect("renders");
    let pages = render_pages(&pdf, 30);
    assert!(pages[0].width() > pages[0].height(), "A4 landscape");
    let all = folded(&pdf_text(&pdf));
    for expected in [
        "Amira Khan",
        "Overdue was due 1 November 2026",
        "Never done",
        "Ben Carter",
        "Done due 1 October 2027",
        "Not required",
        "Courses required, across everyone 3",
        "Done and in date 1 (33%)",
        "Overdue 1",
        "Never done 1",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in {all}");
    }
}

fn policy() -> Policy {
    Policy {
        id: "p".into(),
        name: "Online safety".into(),
        topic: Topic::OnlineSafety,
        owner: "The DSL".into(),
        review_months: 12,
        retired: false,
        current_version: Some("2".into()),
        last_reviewed: Some(day(2025, 9, 8)),
        next_review: Some(day(2026, 9, 8)),
        status: DueStatus::Overdue,
        has_document: false,
    }
}

fn version(v: &str, purpose: &str, lead: &str, on: NaiveDate, approved: Option<&str>) -> PolicyVersion {
    PolicyVersion {
        id: v.into(),
        version: v.into(),
        purpose: purpose.into(),
        lead: lead.into(),
        reviewed_on: on,
        next_review: on.checked_add_months(chrono::Months::new(12)).expect("date"),
        trigger: ReviewTrigger::Scheduled,
        approved_by: approved.map(Into::into),
        approved_on: approved.map(|_| on),
        recorded_at: "2026-01-01T00:00:00Z".into(),
    }
}

#[test]
fn a_policy_history_prints_every_version_in_order_with_its_lead_and_approval() {
    let detail = PolicyDetail {
        policy: policy(),
        history: vec![
            version("1", "New policy", "Asha Patel", day(2024, 9, 1), Some("Board of trustees")),
            version("2", "Annual review: Added AI chatbots", "Chi Okafor", day(2025, 9, 8), None),
        ],
    };
    let text = pdf_text(
        &history_pdf(&HistorySheet { org_name: ORG.into(), detail, printed: day(2026, 11, 22), demo: false })
            .expect("renders"),
    );
    let all = folded(&text);
    assert!(all.contains("Online safety policy: version history"));
    assert!(all.contains("Next review 8 September 2026 (overdue)"));
    let first = all
        .find("1 New policy Asha Patel 1 September 2024 1 September 2025 Board of trustees, 1 September 2024")
        .expect("v1");
    let second = all
        .find("2 Annual review: Added AI chatbots Chi Okafor 8 September 2025 8 September 2026 Not recorded")
        .expect("v2");
    assert!(first < second);
}

#[test]
fn the_checklist_gives_every_policy_training_and_aup_figures_and_sign_off_lines() {
    let mut never = policy();
    never.name = "Whistleblowing".into();
    never.owner = String::new();
    never.current_version = None;
    never.last_reviewed = None;
    never.next_review = None;
    never.status = DueStatus::NeverDone;
    let sheet = ChecklistSheet {
        org_name: ORG.into(),
        policies: vec![policy(), never],
        matrix: matrix(),
        aups: vec![AupFigures {
            title: "Staff AUP".into(),
            audience: Audience::StaffVolunteers,
            version: Some(2),
            signed_current: 7,
            needs_resign: 2,
            never_signed: 1,
        }],
        printed: day(2026, 11, 22),
        demo: false,
    };
    let text = pdf_text(&checklist_pdf(&sheet).expect("renders"));
    let all = folded(&text);
    assert!(all.contains("Online safety The DSL 2 8 September 2025 8 September 2026 (overdue)"), "{all}");
    assert!(all.contains("Whistleblowing Not set"));
    assert!(all.contains("No review recorded"));
    assert!(all.contains("2 people must do at least one course."));
    assert!(all.contains("Done and in date 1 (33%)"));
    assert!(all.contains("Staff AUP Staff and volunteers Version 2 7 of 10 2 1"));
    assert!(all.contains("Chair of trustees (name)"));
    assert!(pages_of(&text).iter().all(|p| p.contains("Page ")), "every page is numbered");
}

#[test]
fn register_file_names_carry_the_date_or_policy() {
    assert_eq!(matrix_file_name(day(2026, 11, 22)), "Training matrix 2026-11-22.pdf");
    assert_eq!(history_file_name("Online safety"), "Policy history Online safety.pdf");
    assert_eq!(checklist_file_name(day(2026, 11, 22)), "Annual review checklist 2026-11-22.pdf");
}
