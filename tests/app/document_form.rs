//! The printed dossier's form is edited in the Settings tab, undone like every edit, and
//! printed at the head and foot of the dossier's appendices.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::model::CivilDate;

use crate::harness::default_harness;

fn type_into(harness: &mut Harness<'static, VtvlApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).set_text_value_accesskit(text);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

#[test]
fn the_dossier_form_is_edited_in_settings_and_undone() {
    let mut harness = default_harness();
    harness.get_by_label("Thiết lập").click();
    harness.run();
    type_into(&mut harness, "Cơ quan chủ quản", "UBND tỉnh An Hòa");
    type_into(&mut harness, "Số, ký hiệu", "125/TTr-STC");
    type_into(&mut harness, "Ngày ban hành", "15/07/2026");
    type_into(&mut harness, "Địa danh", "An Hòa");
    type_into(
        &mut harness,
        "Chức vụ người ký",
        "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    );
    type_into(&mut harness, "Họ tên người ký", "Trần Văn B");
    type_into(&mut harness, "Người lập biểu", "Nguyễn Thị A");
    let form = harness.state().state.document.plan().meta.document.clone();
    assert_eq!(form.parent_body, "UBND tỉnh An Hòa");
    assert_eq!(form.number, "125/TTr-STC");
    assert_eq!(
        form.date,
        Some(CivilDate {
            day: 15,
            month: 7,
            year: 2026
        })
    );
    assert_eq!(form.place, "An Hòa");
    assert_eq!(form.signer_title, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
    assert_eq!(form.signer_name, "Trần Văn B");
    assert_eq!(form.preparer_name, "Nguyễn Thị A");

    // A date that is not one is refused and the plan keeps its own.
    type_into(&mut harness, "Ngày ban hành", "32/13/2026");
    assert_eq!(
        harness.state().state.document.plan().meta.document.date,
        form.date
    );

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let undone = harness.state().state.document.plan().meta.document.clone();
    assert_eq!(undone.preparer_name, "", "undo takes back the last field");
    assert_eq!(undone.signer_name, "Trần Văn B");
}
