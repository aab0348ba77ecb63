//! The Job description tab (Mô tả công việc) and the proposed headcount: each change applied
//! at once as one undo step, rows added and removed, bad counts refused with their reason.

use eframe::egui::Key;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::model::{CompetencyGroup, JobDescription, Position, Proposal, WorkSection};

use crate::harness::default_harness;
use crate::harness::{click, pick, set_field};

const LAND_OFFICER: &str = "pkt-dia-chinh";

/// Sets the text of the multi-line field under the heading `label`.
fn set_block(harness: &mut Harness<'static, VtvlApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .set_text_value_accesskit(text);
    harness.run();
}

fn position(harness: &Harness<'static, VtvlApp>) -> Position {
    harness
        .state()
        .state
        .document
        .plan()
        .position(LAND_OFFICER)
        .unwrap()
        .clone()
}

fn description(harness: &Harness<'static, VtvlApp>) -> JobDescription {
    position(harness).job_description
}

/// The land officer's position, on the Job description tab.
fn land_officer_description() -> Harness<'static, VtvlApp> {
    let mut harness = default_harness();
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    click(&mut harness, "Mô tả công việc");
    harness
}

#[test]
fn the_tab_asks_for_a_position_first() {
    let mut harness = default_harness();
    click(&mut harness, "Mô tả công việc");
    assert!(
        harness
            .query_all_by_label_contains("Chưa chọn vị trí việc làm")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label("VI. Khung năng lực").is_none());
}

#[test]
fn filling_the_purpose_a_work_item_and_a_competency_then_undoing() {
    let mut harness = land_officer_description();
    harness.get_by_label("Chuyên viên địa chính - đất đai");
    assert!(description(&harness).is_empty());
    harness.get_by_label("Chưa có công việc nào.");

    // Typed in decomposed form, stored composed.
    let purpose = "Quản lý đất đai trên địa bàn xã";
    let decomposed = "Qua\u{309}n ly\u{301} đâ\u{301}t đai trên đi\u{323}a ba\u{300}n xã";
    set_block(&mut harness, "II. Mục tiêu vị trí việc làm", decomposed);
    assert_eq!(description(&harness).purpose, purpose);

    click(&mut harness, "Thêm dòng công việc");
    pick(&mut harness, "Phần 1", "Công việc quản lý");
    set_field(&mut harness, "Bậc 1", 0, "Bậc 2");
    set_field(
        &mut harness,
        "Nội dung công việc 1",
        0,
        "Thẩm định hồ sơ cấp giấy chứng nhận",
    );
    set_field(&mut harness, "Sản phẩm, kết quả đầu ra 1", 0, "Tờ trình");
    set_field(&mut harness, "Tiêu chí đánh giá 1", 0, "Đúng hạn");

    click(&mut harness, "Thêm năng lực");
    pick(&mut harness, "Nhóm năng lực 1", "Năng lực chuyên môn");
    set_field(
        &mut harness,
        "Tên năng lực 1",
        0,
        "Am hiểu pháp luật đất đai",
    );
    pick(&mut harness, "Cấp độ 1", "4");
    set_field(&mut harness, "Bậc áp dụng 1", 0, "Bậc 2");

    set_block(
        &mut harness,
        "VII. Các mối quan hệ công việc",
        "Phối hợp với Văn phòng đăng ký đất đai",
    );
    set_block(
        &mut harness,
        "VIII. Phạm vi quyền hạn",
        "Đề xuất xử lý vi phạm",
    );

    let filled = description(&harness);
    assert_eq!(filled.work_items.len(), 1);
    let item = &filled.work_items[0];
    assert_eq!(item.section, WorkSection::Management);
    assert_eq!(item.step, "Bậc 2");
    assert_eq!(item.content, "Thẩm định hồ sơ cấp giấy chứng nhận");
    assert_eq!(item.output, "Tờ trình");
    assert_eq!(item.criterion, "Đúng hạn");
    assert_eq!(filled.competencies.len(), 1);
    let competency = &filled.competencies[0];
    assert_eq!(competency.group, CompetencyGroup::Professional);
    assert_eq!(competency.name, "Am hiểu pháp luật đất đai");
    assert_eq!(competency.level, 4);
    assert_eq!(competency.step, "Bậc 2");
    assert_eq!(
        filled.relationships,
        "Phối hợp với Văn phòng đăng ký đất đai"
    );
    assert_eq!(filled.authority, "Đề xuất xử lý vi phạm");
    let value = harness
        .get_by_label("Nội dung công việc 1")
        .value()
        .unwrap_or_default();
    assert_eq!(value, "Thẩm định hồ sơ cấp giấy chứng nhận");

    // One undo step per change: undoing the authority leaves the relationships.
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(description(&harness).authority, "");
    assert_eq!(
        description(&harness).relationships,
        "Phối hợp với Văn phòng đăng ký đất đai"
    );
    // 1 purpose + 6 work item + 5 competency + 1 relationships.
    for _ in 0..13 {
        harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert!(description(&harness).is_empty());
    assert!(!harness.state().state.document.can_undo());
    harness.get_by_label("Chưa có công việc nào.");
}

#[test]
fn a_multi_line_field_applies_when_focus_leaves_it() {
    let mut harness = land_officer_description();
    let purpose = "II. Mục tiêu vị trí việc làm";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, purpose)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, purpose)
        .type_text("Dòng một");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, purpose)
        .type_text("Dòng hai");
    harness.run();
    // Nothing applied while typing, Enter included.
    assert_eq!(description(&harness).purpose, "");
    assert!(!harness.state().state.document.can_undo());

    // Leaving it by clicking a button applies both, each its own undo step.
    click(&mut harness, "Thêm yêu cầu");
    assert_eq!(description(&harness).purpose, "Dòng một\nDòng hai");
    assert_eq!(description(&harness).requirements.len(), 1);
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(description(&harness).purpose, "");
    assert!(!harness.state().state.document.can_undo());
}

#[test]
fn rows_are_added_and_removed() {
    let mut harness = land_officer_description();
    for content in ["Tiếp nhận hồ sơ", "Kiểm tra thực địa", "Lập báo cáo"] {
        click(&mut harness, "Thêm dòng công việc");
        let number = description(&harness).work_items.len();
        set_field(
            &mut harness,
            &format!("Nội dung công việc {number}"),
            0,
            content,
        );
    }
    click(&mut harness, "Xóa công việc 2");
    let contents: Vec<String> = description(&harness)
        .work_items
        .into_iter()
        .map(|i| i.content)
        .collect();
    assert_eq!(contents, ["Tiếp nhận hồ sơ", "Lập báo cáo"]);
    assert!(harness.query_by_label("Xóa công việc 3").is_none());
    let second = harness.get_by_label("Nội dung công việc 2").value();
    assert_eq!(second.as_deref(), Some("Lập báo cáo"));

    for (group, detail) in [
        ("Trình độ đào tạo", "Đại học chuyên ngành quản lý đất đai"),
        ("Kinh nghiệm", "Ít nhất 2 năm"),
    ] {
        click(&mut harness, "Thêm yêu cầu");
        let number = description(&harness).requirements.len();
        set_field(&mut harness, &format!("Nhóm yêu cầu {number}"), 0, group);
        set_field(&mut harness, &format!("Yêu cầu cụ thể {number}"), 0, detail);
    }
    click(&mut harness, "Xóa yêu cầu 1");
    let requirements = description(&harness).requirements;
    assert_eq!(requirements.len(), 1);
    assert_eq!(requirements[0].group, "Kinh nghiệm");

    click(&mut harness, "Thêm năng lực");
    click(&mut harness, "Xóa năng lực 1");
    assert!(description(&harness).competencies.is_empty());
    harness.get_by_label("Chưa có năng lực nào.");

    // Undo brings the removed competency back.
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(description(&harness).competencies.len(), 1);
    harness.get_by_label("Tên năng lực 1");
}

#[test]
fn a_proposed_headcount_with_its_reason_shows_in_the_positions_table() {
    let mut harness = default_harness();
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    harness.get_by_label("Đề xuất");
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    assert!(harness.query_by_label("17").is_none());

    set_field(&mut harness, "Số đề xuất", 0, "17");
    set_field(
        &mut harness,
        "Lý do đề xuất",
        0,
        "Khối lượng hồ sơ đất đai tăng sau sáp nhập",
    );
    assert_eq!(
        position(&harness).proposed,
        Some(Proposal {
            count: 17,
            reason: "Khối lượng hồ sơ đất đai tăng sau sáp nhập".into()
        })
    );
    harness.get_by_label("17");

    // An empty count proposes the computed number again.
    set_field(&mut harness, "Số đề xuất", 0, "");
    assert_eq!(position(&harness).proposed, None);
    assert!(harness.query_by_label("17").is_none());
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(position(&harness).proposed.map(|p| p.count), Some(17));
}

#[test]
fn an_invalid_proposed_count_is_refused_with_its_reason() {
    let mut harness = default_harness();
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    let before = harness.state().state.document.plan().clone();

    set_field(&mut harness, "Số đề xuất", 0, "abc");
    assert!(
        harness
            .query_all_by_label_contains("Số đề xuất: \"abc\" không phải là số")
            .next()
            .is_some()
    );
    assert_eq!(harness.state().state.document.plan(), &before);

    set_field(&mut harness, "Số đề xuất", 0, "-1");
    harness.get_by_label("\"-1\" là số âm: giá trị phải từ 0 trở lên");
    assert_eq!(harness.state().state.document.plan(), &before);

    // A reason needs a count.
    set_field(&mut harness, "Lý do đề xuất", 0, "Tăng dân số");
    harness.get_by_label("nhập số đề xuất trước");
    assert_eq!(harness.state().state.document.plan(), &before);
    assert!(!harness.state().state.document.can_undo());
}

#[test]
fn the_tab_in_english() {
    let mut harness = default_harness();
    click(&mut harness, "Xem");
    click(&mut harness, "English");
    click(&mut harness, "Job description");
    assert!(
        harness
            .query_all_by_label_contains("No position selected")
            .next()
            .is_some()
    );
    click(&mut harness, "Positions");
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    harness.get_by_label("Proposed");
    harness.get_by_label("Proposed count");
    click(&mut harness, "Job description");
    for label in [
        "II. Purpose",
        "III-V. Professional, management and support work",
        "VI. Competency frame",
        "VII. Working relationships",
        "VIII. Authority",
        "IX. Requirements",
    ] {
        harness.get_by_label(label);
    }
    click(&mut harness, "Add competency");
    pick(&mut harness, "Group 1", "Management");
    assert_eq!(
        description(&harness).competencies[0].group,
        CompetencyGroup::Management
    );
    assert!(harness.query_by_label("Khung năng lực").is_none());
}

#[test]
fn the_tab_names_the_rank_with_its_code() {
    let harness = land_officer_description();
    let rank = position(&harness).rank_code;
    assert_eq!(rank, "01.003");
    assert!(
        harness
            .query_all_by_label_contains("Ngạch, chức danh: Chuyên viên (01.003)")
            .next()
            .is_some()
    );
}
