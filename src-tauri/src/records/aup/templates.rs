//! The default AUP for each audience, shipped as JSON under `assets/templates/aup/` and written
//! for this project, plus the DSL's name that the templates (and the "report concerns to"
//! section) name. Owns seeding a vault that has no AUPs yet.

use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;

use super::content::AupContent;
use super::{versions, Audience, AupError};
use crate::records::organisation;
use crate::records::people::NameProblem;
use crate::store::audit::{self, Actor, Entry};

macro_rules! template_file {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/templates/aup/", $name))
    };
}

const TEMPLATES: [&str; 5] = [
    template_file!("staff-volunteers.json"),
    template_file!("young-people.json"),
    template_file!("parents-carers.json"),
    template_file!("visitors-contractors.json"),
    template_file!("social-media.json"),
];

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TemplateFile {
    audience: Audience,
    title: String,
    intro: String,
    rules: Vec<String>,
    consequences: String,
    monitoring: String,
    report_concerns: String,
}

/// Used in the text when no DSL has been named yet.
const DSL_FALLBACK: &str = "the Designated Safeguarding Lead";

/// The default text for an audience with `{org}` and `{dsl}` filled in.
pub fn template(audience: Audience, org_name: &str, dsl_name: &str) -> AupContent {
    let file = TEMPLATES
        .iter()
        .map(|t| serde_json::from_str::<TemplateFile>(t).expect("the shipped AUP templates are valid JSON"))
        .find(|t| t.audience == audience)
        .expect("a template ships for every audience");
    let dsl = if dsl_name.trim().is_empty() { DSL_FALLBACK } else { dsl_name.trim() };
    let fill = |s: &str| s.replace("{org}", org_name).replace("{dsl}", dsl);
    let c = file;
    AupContent {
        title: fill(&c.title),
        intro: fill(&c.intro),
        rules: c.rules.iter().map(|r| fill(r)).collect(),
        consequences: fill(&c.consequences),
        monitoring: fill(&c.monitoring),
        report_concerns: fill(&c.report_concerns),
    }
}

/// The DSL's name as set by an admin, if any.
pub fn dsl_name(conn: &Connection) -> Result<Option<String>, AupError> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = 'dsl_name'", [], |r| r.get(0)).optional()?)
}

/// Saves the DSL's name. Published AUPs keep the name they were published with; the next draft
/// picks up the new one when the admin makes it.
pub fn set_dsl_name(conn: &mut Connection, actor: &Actor, name: &str) -> Result<String, AupError> {
    let name = crate::records::people::validate_full_name(name).map_err(|_: NameProblem| AupError::InvalidDslName)?;
    let tx = conn.transaction()?;
    tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('dsl_name', ?1)", [&name])?;
    audit::append(
        &tx,
        actor,
        &Entry { action: "settings.dslNamed", subject_kind: "settings", subject_id: "dsl", detail: "" },
    )?;
    tx.commit()?;
    Ok(name)
}

/// Creates a draft AUP from each default template when the vault has no AUPs at all. Returns how
/// many were made (0 when AUPs already exist, so calling it again is harmless).
pub fn seed_defaults(conn: &mut Connection, actor: &Actor, dsl_name: &str) -> Result<usize, AupError> {
    let tx = conn.transaction()?;
    let existing: i64 = tx.query_row("SELECT count(*) FROM aups", [], |r| r.get(0))?;
    if existing > 0 {
        return Ok(0);
    }
    let org = organisation::get(&tx)?.org_name;
    let org = if org.is_empty() { "our organisation".to_owned() } else { org };
    for audience in Audience::ALL {
        versions::create_in(&tx, actor, audience, &template(audience, &org, dsl_name))?;
    }
    tx.commit()?;
    Ok(Audience::ALL.len())
}
