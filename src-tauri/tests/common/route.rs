//! The incident route as the integration tests and the benchmarks walk it, so an incident can be
//! closed. Shared by `tests/common` and `benches/support` (which includes this file by path).

use chrono::NaiveDate;
use safekeeper::records::incidents::{EntryBody, Judgement, JudgementDecision, RouteStep, RouteStepKind};

/// The entries that judge an incident unsuitable and record every step of that route, so it can
/// be closed.
pub fn unsuitable_route(on: NaiveDate, by: &str) -> Vec<EntryBody> {
    let judged =
        JudgementDecision { on, by: by.into(), judgement: Judgement::Unsuitable, reason: "Nothing unlawful.".into() };
    let mut entries = vec![EntryBody::Judgement(judged)];
    for step in [
        RouteStepKind::CoordinatorTold,
        RouteStepKind::Reviewed,
        RouteStepKind::ActionAndSanctions,
        RouteStepKind::PoliciesAndToolsReviewed,
    ] {
        let details = Some("Done.".to_owned());
        entries.push(EntryBody::Step(RouteStep {
            step,
            on,
            by: by.into(),
            details,
            reference: None,
            illegal_found: None,
        }));
    }
    entries
}
