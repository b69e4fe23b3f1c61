//! The error shape every command hands to the UI: `{ code, message }`.
//! Owns the conversion from each module's error enum into that shape; does not decide wording for
//! any module (each error's `Display` is its user-facing message and never holds names or record
//! text).

use serde::Serialize;
use ts_rs::TS;

/// What the UI receives when a command fails. The UI switches on `code`; `message` is shown as is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl CommandError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self { code: code.to_owned(), message: message.into() }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for CommandError {}

/// Each module's error enum names a stable code for the UI.
pub trait ErrorCode: std::fmt::Display {
    fn code(&self) -> &'static str;

    fn to_command_error(&self) -> CommandError {
        CommandError::new(self.code(), self.to_string())
    }
}
