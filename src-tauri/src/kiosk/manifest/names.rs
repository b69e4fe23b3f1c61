//! How listed people are named on the signing station so that no two look the same: each gets
//! the shortest name that is theirs alone, and people alike in everything the station may show
//! keep the same number from one manifest to the next. Owns the naming; does not choose who is
//! listed (see `signing_options`).

use crate::records::people::{display_name, PersonGroup};

/// One person the admin chose to show on the signing station.
pub(super) struct Listed {
    pub(super) id: String,
    pub(super) full_name: String,
    pub(super) preferred: Option<String>,
    pub(super) group: PersonGroup,
    /// When they started with the organisation, if recorded.
    pub(super) start_date: Option<chrono::NaiveDate>,
    /// When they were added to Safekeeper (the UTC date of `created_at`).
    pub(super) added: Option<chrono::NaiveDate>,
}

impl Listed {
    /// What the person knows about themselves and is not sensitive: when they started (or, when
    /// that is not recorded, when they were put on the list), to the month or to the day.
    fn when(&self, to_the_day: bool) -> String {
        let shown = |d: chrono::NaiveDate| {
            if to_the_day {
                d.format("%-d %B %Y").to_string()
            } else {
                d.format("%B %Y").to_string()
            }
        };
        match (self.start_date, self.added) {
            (Some(start), _) => format!("started {}", shown(start)),
            (None, Some(added)) => format!("listed since {}", shown(added)),
            (None, None) => String::new(),
        }
    }
}

/// Each listed person's name as the station shows it: the short display name ("Sam J."), with
/// more of the surname, then the full name, then the group, then when they started (or were
/// listed) to the month and then to the day, only for people who would otherwise look the same.
/// People alike in all of that are numbered in the order they were added, which stays the same
/// from one manifest to the next.
pub(super) fn told_apart(listed: &[Listed]) -> Vec<String> {
    let surname = |p: &Listed| p.full_name.split(' ').next_back().unwrap_or_default().to_owned();
    let shown_first = |p: &Listed| {
        p.preferred.clone().unwrap_or_else(|| p.full_name.split(' ').next().unwrap_or_default().to_owned())
    };
    let longest = listed.iter().map(|p| surname(p).chars().count()).max().unwrap_or(0);
    // The ways to show a person, from shortest to fullest.
    let level = |p: &Listed, level: usize| -> String {
        match level {
            0 => display_name(&p.full_name, p.preferred.as_deref()),
            n if n < longest => {
                let part: String = surname(p).chars().take(n + 1).collect();
                if part.chars().count() < surname(p).chars().count() {
                    format!("{} {part}.", shown_first(p))
                } else {
                    format!("{} {part}", shown_first(p))
                }
            }
            n if n == longest => p.full_name.clone(),
            n if n == longest + 1 => format!("{} ({})", p.full_name, p.group.label().to_lowercase()),
            n => match p.when(n > longest + 2) {
                when if when.is_empty() => format!("{} ({})", p.full_name, p.group.label().to_lowercase()),
                when => format!("{} ({}, {when})", p.full_name, p.group.label().to_lowercase()),
            },
        }
    };
    let mut labels: Vec<String> = listed.iter().map(|p| level(p, 0)).collect();
    let key = |l: &str| l.to_lowercase();
    for depth in 1..=longest + 3 {
        let clashing: Vec<usize> = (0..listed.len())
            .filter(|&i| (0..listed.len()).any(|j| j != i && key(&labels[j]) == key(&labels[i])))
            .collect();
        if clashing.is_empty() {
            return labels;
        }
        for i in clashing {
            labels[i] = level(&listed[i], depth);
        }
    }
    // Still the same: the same full name in the same group, started (or listed) the same day.
    // Number them, in the order they were added.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let counts: std::collections::HashMap<String, usize> =
        labels.iter().fold(std::collections::HashMap::new(), |mut m, l| {
            *m.entry(key(l)).or_insert(0) += 1;
            m
        });
    labels
        .into_iter()
        .map(|l| {
            if counts[&key(&l)] < 2 {
                return l;
            }
            let n = seen.entry(key(&l)).or_insert(0);
            *n += 1;
            format!("{l} {n}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, full_name: &str, group: PersonGroup, start: Option<&str>, added: &str) -> Listed {
        Listed {
            id: id.to_owned(),
            full_name: full_name.to_owned(),
            preferred: None,
            group,
            start_date: start.map(|d| d.parse().expect("date")),
            added: Some(added.parse().expect("date")),
        }
    }

    #[test]
    fn the_same_full_name_in_different_groups_is_told_apart_by_group() {
        let listed = [
            person("a", "Sam Jones", PersonGroup::Staff, None, "2025-03-01"),
            person("b", "Sam Jones", PersonGroup::Volunteer, None, "2025-03-01"),
            person("c", "Ros Featherstone", PersonGroup::Staff, None, "2025-03-01"),
        ];
        assert_eq!(told_apart(&listed), ["Sam Jones (staff)", "Sam Jones (volunteer)", "Ros F."]);
    }

    /// Regression: two staff called Sam Jones were shown as "Sam Jones (staff) 1" and "… 2" in
    /// whatever order the database gave them, so neither could tell which was theirs.
    #[test]
    fn the_same_full_name_in_the_same_group_is_told_apart_by_when_they_started() {
        let listed = [
            person("a", "Sam Jones", PersonGroup::Staff, Some("2025-03-10"), "2025-03-12"),
            person("b", "Sam Jones", PersonGroup::Staff, Some("2023-09-01"), "2024-01-05"),
        ];
        assert_eq!(
            told_apart(&listed),
            ["Sam Jones (staff, started March 2025)", "Sam Jones (staff, started September 2023)"]
        );
    }

    #[test]
    fn without_a_start_date_the_date_listed_tells_them_apart_to_the_day_if_need_be() {
        let listed = [
            person("a", "Sam Jones", PersonGroup::Staff, None, "2025-03-12"),
            person("b", "Sam Jones", PersonGroup::Staff, None, "2025-05-02"),
            person("c", "Ali Khan", PersonGroup::Staff, Some("2024-06-03"), "2024-06-01"),
            person("d", "Ali Khan", PersonGroup::Staff, Some("2024-06-17"), "2024-06-01"),
        ];
        assert_eq!(
            told_apart(&listed),
            [
                "Sam Jones (staff, listed since March 2025)",
                "Sam Jones (staff, listed since May 2025)",
                "Ali Khan (staff, started 3 June 2024)",
                "Ali Khan (staff, started 17 June 2024)",
            ]
        );
    }

    #[test]
    fn people_alike_in_everything_are_numbered_in_the_order_they_were_added() {
        // `listed_people` reads them in the order they were added; the numbers follow it.
        let listed = [
            person("a", "Sam Jones", PersonGroup::Staff, Some("2025-03-10"), "2025-03-12"),
            person("b", "Sam Jones", PersonGroup::Staff, Some("2025-03-10"), "2025-03-12"),
        ];
        let labels = told_apart(&listed);
        assert_eq!(
            labels,
            ["Sam Jones (staff, started 10 March 2025) 1", "Sam Jones (staff, started 10 March 2025) 2"]
        );
    }
}
