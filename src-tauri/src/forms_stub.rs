//! temporary until the layout layer lands
pub mod emergency_kit {
    #[derive(Debug, thiserror::Error)]
    #[error("not yet")]
    pub struct FormError;
    pub struct EmergencyKit { pub org_name: String, pub created: chrono::NaiveDate, pub recovery_key: String, pub demo: bool }
    pub fn emergency_kit_pdf(_: &EmergencyKit) -> Result<Vec<u8>, FormError> { Err(FormError) }
}
