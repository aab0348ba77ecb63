//! The desktop app driven headless by egui_kittest, by its visible labels.

mod harness;

mod main_window;
