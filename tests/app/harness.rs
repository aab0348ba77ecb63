//! A headless window on a plan, with the app's fonts (a missing glyph fails the test).

use eframe::egui;
use egui_kittest::Harness;
use vtvl::app::VtvlApp;
use vtvl::app::document::Document;
use vtvl::app::state::Preferences;
use vtvl::model::Plan;

pub fn harness_with(plan: Plan) -> Harness<'static, VtvlApp> {
    let app = VtvlApp::new(Document::new(plan, None), Preferences::default());
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(vtvl::app::fonts::install)
        .build_ui_state(|ui, app: &mut VtvlApp| app.ui(ui), app)
}

/// The app on the bundled default plan (the commune sample).
pub fn default_harness() -> Harness<'static, VtvlApp> {
    let plan = vtvl::plan_file::default_plan().expect("bundled plan");
    let mut harness = harness_with(plan);
    harness.run();
    harness
}
