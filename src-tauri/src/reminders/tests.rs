use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real calendar dates")
}

const YEARLY: Renewal = Renewal::Months { months: 12 };
const TWO_YEARLY: Renewal = Renewal::Months { months: 24 };

#[test]
fn a_yearly_course_falls_due_on_the_same_date_next_year() {
    assert_eq!(YEARLY.next_due(day(2026, 11, 22)), Some(day(2027, 11, 22)));
    assert_eq!(Renewal::Months { months: 36 }.next_due(day(2025, 1, 31)), Some(day(2028, 1, 31)));
}

#[test]
fn the_29th_of_february_moves_back_to_the_28th_in_ordinary_years() {
    assert_eq!(YEARLY.next_due(day(2024, 2, 29)), Some(day(2025, 2, 28)));
    assert_eq!(TWO_YEARLY.next_due(day(2024, 2, 29)), Some(day(2026, 2, 28)));
    // Four years on is a leap year again, so the day is kept.
    assert_eq!(Renewal::Months { months: 48 }.next_due(day(2024, 2, 29)), Some(day(2028, 2, 29)));
}

#[test]
fn month_ends_move_back_to_the_last_day_of_a_shorter_month() {
    let six_monthly = Renewal::Months { months: 6 };
    assert_eq!(six_monthly.next_due(day(2026, 8, 31)), Some(day(2027, 2, 28)));
    assert_eq!(six_monthly.next_due(day(2027, 8, 31)), Some(day(2028, 2, 29)));
    assert_eq!(Renewal::Months { months: 1 }.next_due(day(2026, 3, 31)), Some(day(2026, 4, 30)));
}

#[test]
fn a_course_done_once_never_falls_due_again() {
    assert_eq!(Renewal::Never.next_due(day(2020, 9, 1)), None);
    assert_eq!(DueStatus::of(None, day(2030, 1, 1)), DueStatus::InDate);
}

#[test]
fn buckets_change_exactly_at_their_boundaries() {
    let today = day(2026, 11, 22);
    let due_in = |days: i64| DueStatus::of(Some(today + chrono::Duration::days(days)), today);
    assert_eq!(due_in(-1), DueStatus::Overdue);
    assert_eq!(due_in(0), DueStatus::DueIn30, "due today is not yet overdue");
    assert_eq!(due_in(30), DueStatus::DueIn30);
    assert_eq!(due_in(31), DueStatus::DueIn60);
    assert_eq!(due_in(60), DueStatus::DueIn60);
    assert_eq!(due_in(61), DueStatus::DueIn90);
    assert_eq!(due_in(90), DueStatus::DueIn90);
    assert_eq!(due_in(91), DueStatus::InDate);
    assert_eq!(due_in(-400), DueStatus::Overdue);
}

#[test]
fn buckets_count_calendar_days_across_the_clock_change() {
    // 25 October 2026 is when the UK clocks go back; days are counted on dates, so an hour
    // gained or lost never moves a boundary.
    let today = day(2026, 10, 1);
    assert_eq!(DueStatus::of(Some(day(2026, 10, 31)), today), DueStatus::DueIn30);
    assert_eq!(DueStatus::of(Some(day(2026, 11, 1)), today), DueStatus::DueIn60);
}

#[test]
fn statuses_sort_most_urgent_first_and_say_what_they_mean() {
    let mut statuses = vec![DueStatus::InDate, DueStatus::DueIn60, DueStatus::Overdue, DueStatus::NeverDone];
    statuses.sort();
    assert_eq!(statuses, vec![DueStatus::NeverDone, DueStatus::Overdue, DueStatus::DueIn60, DueStatus::InDate]);
    assert!(DueStatus::Overdue.needs_action() && DueStatus::NeverDone.needs_action());
    assert!(!DueStatus::DueIn30.needs_action());
    assert_eq!(DueStatus::DueIn90.label(), "Due within 90 days");
}
