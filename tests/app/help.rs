//! Trợ giúp opens a short guide in the interface language.

use egui_kittest::kittest::Queryable as _;
use vtvl::language::Language;

use crate::harness::{click, default_harness};

#[test]
fn help_opens_the_guide_in_both_languages() {
    let mut harness = default_harness();
    click(&mut harness, "Trợ giúp");
    click(&mut harness, "Hướng dẫn sử dụng");
    harness.get_by_label("Các bước lập đề án");
    harness.get_by_label("Cách tính");
    harness.get_by_label("Phím tắt");
    harness.get_by_label("Tỷ lệ WISN = hiện có / nhu cầu (dưới 1: thiếu người).");
    harness.state_mut().state.preferences.language = Language::English;
    harness.run();
    harness.get_by_label("Building a plan");
    harness.get_by_label("Keyboard shortcuts");
}
