//! What is due, overdue or about to fall due, across all records. It has nothing to report until
//! the training, policy, AUP and consent records exist; until then the dashboard says so.
