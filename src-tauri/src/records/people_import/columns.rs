//! Which header names mean which field, and turning one row into a `PersonDraft` or a plain-English
//! reason it cannot be. Reasons name the column and the rule, never the cell's content.

use chrono::NaiveDate;

use super::ImportError;
use crate::records::people::{self, PeopleError, PersonDraft, PersonGroup};
use crate::records::text::letters_and_digits_lowercased;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    FullName,
    FirstName,
    LastName,
    PreferredName,
    Group,
    DateOfBirth,
    StartDate,
    LeaveDate,
    Email,
    Phone,
}

/// Header cell → field, compared with case, spaces and punctuation removed.
const HEADERS: &[(&str, Field)] = &[
    ("fullname", Field::FullName),
    ("name", Field::FullName),
    ("personname", Field::FullName),
    ("firstname", Field::FirstName),
    ("forename", Field::FirstName),
    ("givenname", Field::FirstName),
    ("lastname", Field::LastName),
    ("surname", Field::LastName),
    ("familyname", Field::LastName),
    ("preferredname", Field::PreferredName),
    ("knownas", Field::PreferredName),
    ("group", Field::Group),
    ("role", Field::Group),
    ("type", Field::Group),
    ("category", Field::Group),
    ("dateofbirth", Field::DateOfBirth),
    ("dob", Field::DateOfBirth),
    ("birthdate", Field::DateOfBirth),
    ("startdate", Field::StartDate),
    ("start", Field::StartDate),
    ("datejoined", Field::StartDate),
    ("leavedate", Field::LeaveDate),
    ("leavingdate", Field::LeaveDate),
    ("enddate", Field::LeaveDate),
    ("email", Field::Email),
    ("emailaddress", Field::Email),
    ("phone", Field::Phone),
    ("phonenumber", Field::Phone),
    ("telephone", Field::Phone),
    ("mobile", Field::Phone),
];

/// Group cell → group. Accepts the labels Safekeeper shows and the words registers commonly use.
pub fn parse_group(cell: &str) -> Option<PersonGroup> {
    Some(match letters_and_digits_lowercased(cell).as_str() {
        "staff" | "staffmember" | "employee" => PersonGroup::Staff,
        "volunteer" => PersonGroup::Volunteer,
        "trustee" => PersonGroup::Trustee,
        "contractor" => PersonGroup::Contractor,
        "youngperson" | "learner" | "learneryoungperson" | "youngpersonlearner" | "student" | "pupil" => {
            PersonGroup::YoungPerson
        }
        "parent" | "carer" | "parentcarer" | "parentorcarer" | "guardian" => PersonGroup::ParentCarer,
        "visitor" | "guest" => PersonGroup::Visitor,
        _ => return None,
    })
}

/// UK day-first dates (31/12/2008, 31-12-2008, 31.12.2008, 1/2/2008) or ISO (2008-12-31).
/// Two-digit years are refused: for a date of birth "08" could be 1908 or 2008.
pub fn parse_date(cell: &str) -> Option<NaiveDate> {
    let cell = cell.trim();
    if let Ok(d) = NaiveDate::parse_from_str(cell, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = cell.split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 || day.is_empty() || day.len() > 2 || month.is_empty() || month.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

pub enum RowOutcome {
    Draft(PersonDraft),
    Rejected(String),
}

#[derive(Debug)]
pub struct ColumnMap {
    columns: Vec<(usize, Field)>,
    pub ignored: Vec<String>,
}

fn reason_for(e: &PeopleError) -> String {
    match e {
        PeopleError::InitialsOnly => "Full name has only initials; a first and last name are needed.".into(),
        PeopleError::InvalidName => "Full name needs at least a first and a last name.".into(),
        PeopleError::NameCharacters => {
            "Full name has characters other than letters, spaces, hyphens and apostrophes, or is too long.".into()
        }
        PeopleError::InvalidPreferredName => "Preferred name has characters other than letters, or is too long.".into(),
        PeopleError::DateOfBirthRequired => "Date of birth is missing; it is required for a young person.".into(),
        PeopleError::DateOfBirthOutOfRange => "Date of birth is in the future or before 1900.".into(),
        PeopleError::LeaveBeforeStart => "Leaving date is before the start date.".into(),
        PeopleError::InvalidEmail => "Email is not an email address.".into(),
        PeopleError::InvalidPhone => "Phone is not a phone number.".into(),
        other => other.to_string(),
    }
}

impl ColumnMap {
    pub fn from_header(cells: &[String]) -> Result<ColumnMap, ImportError> {
        let mut columns = Vec::new();
        let mut ignored = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let key = letters_and_digits_lowercased(cell);
            match HEADERS.iter().find(|(name, _)| *name == key) {
                // The first column of a kind wins; a second "Name" column is ignored, not merged.
                Some((_, field)) if !columns.iter().any(|(_, f)| f == field) => columns.push((i, *field)),
                _ if cell.trim().is_empty() => {}
                _ => ignored.push(cell.trim().to_owned()),
            }
        }
        let has = |f: Field| columns.iter().any(|(_, c)| *c == f);
        if !(has(Field::FullName) || (has(Field::FirstName) && has(Field::LastName))) {
            return Err(ImportError::NoNameColumn);
        }
        if !has(Field::Group) {
            return Err(ImportError::NoGroupColumn);
        }
        Ok(ColumnMap { columns, ignored })
    }

    fn cell<'a>(&self, fields: &'a [String], field: Field) -> Option<&'a str> {
        let (i, _) = self.columns.iter().find(|(_, f)| *f == field)?;
        fields.get(*i).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    fn date(&self, fields: &[String], field: Field, label: &str) -> Result<Option<NaiveDate>, String> {
        match self.cell(fields, field) {
            None => Ok(None),
            Some(text) => parse_date(text)
                .map(Some)
                .ok_or_else(|| format!("{label} is not a date like 31/12/2008 or 2008-12-31.")),
        }
    }

    pub fn row(&self, fields: &[String], today: NaiveDate) -> RowOutcome {
        match self.draft(fields) {
            Ok(draft) => match people::validate(&draft, today) {
                Ok(valid) => RowOutcome::Draft(valid.draft().clone()),
                Err(e) => RowOutcome::Rejected(reason_for(&e)),
            },
            Err(reason) => RowOutcome::Rejected(reason),
        }
    }

    fn draft(&self, fields: &[String]) -> Result<PersonDraft, String> {
        let full_name = match self.cell(fields, Field::FullName) {
            Some(name) => name.to_owned(),
            None => [self.cell(fields, Field::FirstName), self.cell(fields, Field::LastName)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        };
        if full_name.is_empty() {
            return Err("Full name is missing.".into());
        }
        let group = match self.cell(fields, Field::Group) {
            None => return Err("Group is missing.".into()),
            Some(cell) => parse_group(cell).ok_or(
                "Group is not one of: staff, volunteer, trustee, contractor, young person, parent or carer, visitor.",
            )?,
        };
        Ok(PersonDraft {
            group,
            full_name,
            preferred_name: self.cell(fields, Field::PreferredName).map(str::to_owned),
            date_of_birth: self.date(fields, Field::DateOfBirth, "Date of birth")?,
            start_date: self.date(fields, Field::StartDate, "Start date")?,
            leave_date: self.date(fields, Field::LeaveDate, "Leaving date")?,
            email: self.cell(fields, Field::Email).map(str::to_owned),
            phone: self.cell(fields, Field::Phone).map(str::to_owned),
        })
    }
}
