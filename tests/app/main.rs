//! The desktop app driven headless by egui_kittest, by its visible labels.

mod harness;
#[path = "../common/number_cases.rs"]
mod number_cases;

mod appraisal;
mod attributes;
mod checks;
mod compare;
mod dashboard_settings;
mod document_form;
mod editing;
mod export;
mod files;
mod help;
mod job_descriptions;
mod language;
mod main_window;
mod new_user;
mod portfolio;
mod projection;
mod spreadsheet;
mod tables;
