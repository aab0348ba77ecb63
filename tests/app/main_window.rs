//! The main window: the default plan opens with its tree, positions, totals and explanations.

use egui_kittest::kittest::Queryable as _;

use crate::harness::{default_harness, select_unit, unit_in_tree};

#[test]
fn opens_the_default_plan_with_tree_positions_and_totals() {
    let harness = default_harness();
    harness.get_by_label("Cơ cấu tổ chức");
    unit_in_tree(&harness, "Ủy ban nhân dân xã Tân Hòa");
    harness.get_by_label("Chuyên viên địa chính - đất đai");
    let total = &harness.state().state.document.results().unwrap().total;
    let status = format!("Cần {} ", total.required);
    assert!(
        harness
            .query_all_by_label_contains(&status)
            .next()
            .is_some(),
        "status line shows the total {status}"
    );
    harness.get_by_label("Hợp lệ");
}

#[test]
fn selecting_a_unit_filters_the_positions() {
    let mut harness = default_harness();
    assert!(harness.query_by_label("Trưởng phòng Kinh tế").is_some());
    select_unit(&mut harness, "Trung tâm Phục vụ hành chính công");
    assert_eq!(
        harness.state().state.selected_unit.as_deref(),
        Some("ttpvhcc")
    );
    assert!(harness.query_by_label("Trưởng phòng Kinh tế").is_none());
    harness.get_by_label("Giám đốc Trung tâm Phục vụ hành chính công");
}

#[test]
fn clicking_a_figure_explains_it() {
    let mut harness = default_harness();
    assert!(
        !harness.state().state.show_explain,
        "the explain panel opens on demand"
    );
    // pkt-dia-chinh: 3,8424 FTE, shown as 3,84.
    harness.get_by_label("3,84").click();
    harness.run();
    assert_eq!(
        harness.state().state.selected_position.as_deref(),
        Some("pkt-dia-chinh")
    );
    harness.get_by_label("Giải thích");
    harness.get_by_label("FTE công việc chính = 6.556,67 giờ / 1.896 giờ = 3,4582");
}

#[test]
fn switching_language_changes_the_labels() {
    let mut harness = default_harness();
    harness.get_by_label("Xem").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Organisation");
    harness.get_by_label("Positions");
    assert!(harness.query_by_label("Cơ cấu tổ chức").is_none());
}
