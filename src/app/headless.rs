//! The app without a window: frames laid out and tessellated in memory, as a GPU-less
//! renderer would receive them. Used to measure frame times at scale.

use std::time::{Duration, Instant};

use eframe::egui;

use super::VtvlApp;

pub struct HeadlessWindow {
    ctx: egui::Context,
    app: VtvlApp,
    size: egui::Vec2,
}

impl HeadlessWindow {
    pub fn new(app: VtvlApp, size: egui::Vec2) -> Self {
        let ctx = egui::Context::default();
        super::fonts::install(&ctx);
        HeadlessWindow { ctx, app, size }
    }

    pub fn app_mut(&mut self) -> &mut VtvlApp {
        &mut self.app
    }

    /// Runs one frame with `events` and returns the time of layout plus tessellation.
    pub fn frame(&mut self, events: Vec<egui::Event>) -> Duration {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.size)),
            events,
            ..Default::default()
        };
        let start = Instant::now();
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        // No GPU takes the font atlas: its updates are dropped on purpose.
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed();
        drop(primitives);
        elapsed
    }

    /// A pointer event at a point of the window.
    pub fn pointer_at(x: f32, y: f32) -> egui::Event {
        egui::Event::PointerMoved(egui::pos2(x, y))
    }

    /// A mouse-wheel scroll of `lines` lines at the pointer.
    pub fn scroll(lines: f32) -> egui::Event {
        egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -lines),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        }
    }
}
