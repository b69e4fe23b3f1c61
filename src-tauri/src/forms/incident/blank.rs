//! The blank incident form for paper: every field the incident log holds, with room to write,
//! tick boxes for the category, kind and referrals, and signature lines for the person reporting
//! and the reviewing DSL. Two A4 pages that stay readable on a photocopy. Holds no personal data,
//! so the signing station may print it too.

use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::FormError;
use crate::records::incidents::{steps_for, Agency, Category, IncidentKind, Judgement, Role, RouteStepKind};

/// What the blank incident form prints; it holds no one's personal data.
pub struct BlankIncidentForm {
    /// Printed under the title; `None` when it is not known (it can then be written in).
    pub org_name: Option<String>,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

const TITLE: &str = "Online-safety incident form";

/// The blank online-safety incident form as a PDF, to fill in by hand.
pub fn blank_incident_pdf(form: &BlankIncidentForm) -> Result<Vec<u8>, FormError> {
    let mut doc = FormDocument::new(TITLE, Orientation::Portrait)?;
    doc.set_demo(form.demo);
    doc.set_footer_text(&format!("{} \u{b7} {TITLE} \u{b7} once filled in", super::CONFIDENTIAL));

    doc.title(TITLE);
    match &form.org_name {
        Some(name) => doc.paragraph(name),
        None => doc.fill_in_row(&[("Organisation", 1.0)]),
    };
    doc.strong("If a child is in immediate danger, call 999 now. Fill this in afterwards.");
    doc.paragraph(
        "Give it to the Designated Safeguarding Lead (DSL) the same day. Once filled in, it is confidential.",
    );

    doc.heading("1. About the incident");
    doc.fill_in_row(&[("Date it happened", 1.2), ("Time, if known", 0.8)]);
    doc.fill_in_row(&[("Date reported", 1.0), ("How (in person, phone, email\u{2026})", 1.4)]);
    doc.fill_in_row(&[("Reported by", 1.0), ("Reported to", 1.0)]);
    doc.fill_in_row(&[("Where it happened (place)", 1.0)]);
    doc.fill_in_row(&[("App, platform or website", 1.3), ("Device", 0.8)]);

    doc.heading("2. Category and kind (tick one of each)");
    doc.tick_grid(&Category::ALL_FOUR.iter().map(|c| c.label()).collect::<Vec<_>>(), 4);
    let hints: Vec<String> = Category::ALL_FOUR.iter().map(|c| format!("{}: {}", c.label(), c.hint())).collect();
    doc.note(&format!("{}.", hints.join("; ")));
    doc.tick_grid(&IncidentKind::ALL.iter().map(|k| k.label()).collect::<Vec<_>>(), 2);

    doc.heading("3. People involved");
    let roles = Role::ALL.iter().map(|r| r.label().to_lowercase()).collect::<Vec<_>>().join(", ");
    doc.note(&format!("Their role in this incident only: {roles}."));
    for _ in 0..3 {
        doc.fill_in_row(&[("Name", 1.5), ("Role", 1.0)]);
    }
    doc.tick_grid(
        &["This is about something a member of staff or a volunteer did. Tell the DSL today (the CEO, if it is \
           about the DSL). The LADO must be told within one working day."],
        1,
    );

    doc.keep_together(40.0);
    doc.heading("4. What happened");
    doc.writing_space("The facts: what was seen, said or done, by whom and when", 5);
    doc.writing_space("The young person\u{2019}s own words, exactly as said (in quotation marks)", 2);
    doc.writing_columns(&[
        ("Your professional opinion, if any (kept apart from the facts)", 3),
        ("What you have done so far (date, who, what)", 3),
    ]);
    doc.fill_in_row(&[("Evidence held, and where", 1.0)]);
    doc.tick_grid(&["A device was taken and kept safe (not searched, nothing deleted or forwarded)"], 1);

    doc.keep_together(26.0);
    doc.fill_in_row(&[("Your name (in capitals)", 1.4), ("Your role", 0.8)]);
    doc.signature_line("Your signature");

    doc.keep_together(60.0);
    doc.heading("5. For the DSL");
    doc.strong("Judgement: tick one, then each step of its route as it is done");
    // Unsuitable and its route on the top row, illegal and its route below, in order.
    let mut illegal = steps_for(Judgement::Illegal, None);
    illegal.push(RouteStepKind::BackToInternal);
    let row = |judgement: Judgement, steps: Vec<RouteStepKind>| {
        std::iter::once(judgement.short_label()).chain(steps.into_iter().map(RouteStepKind::short_label))
    };
    let unsuitable: Vec<&str> = row(Judgement::Unsuitable, steps_for(Judgement::Unsuitable, None)).collect();
    let illegal: Vec<&str> = row(Judgement::Illegal, illegal).collect();
    let columns = unsuitable.len().max(illegal.len());
    let padded = |mut cells: Vec<&'static str>| {
        cells.resize(columns, "");
        cells
    };
    doc.tick_grid(&[padded(unsuitable), padded(illegal)].concat(), columns);
    doc.writing_space("Decisions and the reasons for them, including the judgement, with dates", 2);
    doc.strong("Referred to (tick each; police: 999 in an emergency, otherwise 101)");
    doc.tick_grid(&Agency::ALL.iter().map(|a| a.label()).collect::<Vec<_>>(), 2);
    for _ in 0..2 {
        doc.fill_in_row(&[("Agency", 0.8), ("Date", 0.6), ("Reference", 0.8), ("Outcome", 1.2)]);
    }
    doc.fill_in_row(&[("Parents or carers told on", 0.9), ("By", 0.6), ("Or why they were not told", 1.3)]);
    doc.writing_columns(&[("Outcome and any sanctions", 2), ("Lessons learnt and policy changes", 2)]);

    doc.keep_together(14.0);
    doc.strong("Review and sign-off by the DSL");
    doc.fill_in_row(&[("Reviewing DSL\u{2019}s name (in capitals)", 1.8), ("Signature", 1.1), ("Date", 0.6)]);

    doc.finish()
}
