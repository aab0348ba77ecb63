//! The attributes the rules read, edited in the app: a school's zone, autonomy group and
//! classes in the unit form, a position's role, career steps and employment basis in the
//! position form, the
//! province class and judgement date in Settings, a commune's setting in the unit form; each
//! saved with the plan.

use std::path::{Path, PathBuf};

use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use tempfile::TempDir;
use vtvl::app::VtvlApp;
use vtvl::app::document::Document;
use vtvl::model::{
    AutonomyGroup, CivilDate, CommuneSetting, Employment, LeaderRole, Plan, ProvinceClass,
    StepCount,
};
use vtvl::plan_file::{self, BUNDLED};

use crate::harness::{
    ScriptedDialogs, click, files_harness, has_label_containing, pick, select_unit, set_field,
};

/// The school sample saved in a temporary folder, without the role of its deputy principals
/// and the steps of its music teachers, open in the app.
fn school_on_disk() -> (TempDir, PathBuf, Harness<'static, VtvlApp>) {
    let mut plan: Plan = BUNDLED[2].load().unwrap();
    assert!(BUNDLED[2].file.contains("truong-thcs"));
    for position in &mut plan.positions {
        match position.id.as_str() {
            "truong-pho-hieu-truong" => position.role = None,
            "gv-am-nhac" => position.steps.clear(),
            _ => {}
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("truong.ron");
    plan_file::save(&plan, &path).unwrap();
    let harness = files_harness(
        Document::open(&path).unwrap(),
        &ScriptedDialogs::default(),
        None,
    );
    (dir, path, harness)
}

fn plan<'a>(harness: &'a Harness<'static, VtvlApp>) -> &'a Plan {
    harness.state().state.document.plan()
}

fn save_and_load(harness: &mut Harness<'static, VtvlApp>, path: &Path) -> Plan {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().state.document.is_dirty());
    plan_file::load(path).unwrap()
}

/// Types into a Settings field and leaves it with Enter (Settings applies a field on leaving).
fn type_into(harness: &mut Harness<'static, VtvlApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).set_text_value_accesskit(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn undo(harness: &mut Harness<'static, VtvlApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

#[test]
fn a_schools_zone_autonomy_group_and_classes_are_set_in_the_unit_form() {
    let (_dir, path, mut harness) = school_on_disk();
    select_unit(&mut harness, "Trường Trung học cơ sở Nguyễn Du");
    pick(&mut harness, "Vùng trường học", "Vùng 2");
    pick(
        &mut harness,
        "Nhóm tự chủ",
        "Nhóm 3: tự bảo đảm một phần chi thường xuyên",
    );
    let school = plan(&harness).unit("truong").unwrap();
    assert_eq!(school.school_zone, Some(2));
    assert_eq!(school.autonomy_group, Some(AutonomyGroup::Group3));

    // The section shows the figures a school's norm uses; the others are one level down.
    assert!(
        harness.query_by_label("Số lớp").is_none(),
        "closed at first"
    );
    click(&mut harness, "Chỉ tiêu tính định mức");
    assert!(harness.query_by_label("Số học sinh").is_some());
    assert!(harness.query_by_label("Dân số phục vụ").is_none());
    assert!(
        harness
            .query_by_label("Loại xã, phường, thị trấn")
            .is_none(),
        "a commune's setting is no school figure"
    );
    click(&mut harness, "Chỉ tiêu khác");
    assert!(harness.query_by_label("Dân số phục vụ").is_some());

    set_field(&mut harness, "Số lớp", 0, "24");
    assert_eq!(
        plan(&harness).unit("truong").unwrap().drivers.classes,
        Some(24)
    );
    // A class count with a fraction is refused with its reason; the plan keeps 24.
    set_field(&mut harness, "Số lớp", 0, "24,5");
    assert!(has_label_containing(&harness, "không phải là số nguyên"));
    assert_eq!(
        plan(&harness).unit("truong").unwrap().drivers.classes,
        Some(24)
    );
    set_field(&mut harness, "Số lớp", 0, "24");
    set_field(&mut harness, "Số học sinh", 0, "905");

    undo(&mut harness);
    assert_eq!(
        plan(&harness).unit("truong").unwrap().drivers.pupils,
        Some(1220)
    );
    set_field(&mut harness, "Số học sinh", 0, "905");

    let saved = save_and_load(&mut harness, &path);
    let school = saved.unit("truong").unwrap();
    assert_eq!(school.school_zone, Some(2));
    assert_eq!(school.autonomy_group, Some(AutonomyGroup::Group3));
    assert_eq!(school.drivers.classes, Some(24));
    assert_eq!(school.drivers.pupils, Some(905));
}

/// The commune sample saved in a temporary folder without its setting, open in the app.
fn commune_on_disk() -> (TempDir, PathBuf, Harness<'static, VtvlApp>) {
    let mut plan: Plan = BUNDLED[0].load().unwrap();
    assert!(BUNDLED[0].file.contains("ubnd-xa-tan-hoa"));
    let commune = plan.units.iter_mut().find(|u| u.id == "ubnd").unwrap();
    assert_eq!(
        commune.drivers.commune_setting,
        Some(CommuneSetting::Commune)
    );
    commune.drivers.commune_setting = None;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xa.ron");
    plan_file::save(&plan, &path).unwrap();
    let harness = files_harness(
        Document::open(&path).unwrap(),
        &ScriptedDialogs::default(),
        None,
    );
    (dir, path, harness)
}

#[test]
fn a_communes_setting_is_picked_from_a_list_in_the_unit_form() {
    let (_dir, path, mut harness) = commune_on_disk();
    let setting = |harness: &Harness<'static, VtvlApp>| {
        plan(harness).unit("ubnd").unwrap().drivers.commune_setting
    };
    select_unit(&mut harness, "Ủy ban nhân dân xã Tân Hòa");
    click(&mut harness, "Chỉ tiêu tính định mức");
    // A commune's norm reads its setting: it is among the main figures, with the class.
    assert!(
        harness
            .query_by_label("Phân loại đơn vị hành chính xã (1-3)")
            .is_some()
    );
    pick(
        &mut harness,
        "Loại xã, phường, thị trấn",
        "Xã miền núi, vùng cao",
    );
    assert_eq!(setting(&harness), Some(CommuneSetting::MountainCommune));
    pick(&mut harness, "Loại xã, phường, thị trấn", "Thị trấn");
    assert_eq!(setting(&harness), Some(CommuneSetting::Township));
    // Each pick is one edit: undone one at a time.
    undo(&mut harness);
    assert_eq!(setting(&harness), Some(CommuneSetting::MountainCommune));
    undo(&mut harness);
    assert_eq!(setting(&harness), None);
    pick(&mut harness, "Loại xã, phường, thị trấn", "Xã");

    let saved = save_and_load(&mut harness, &path);
    assert_eq!(
        saved.unit("ubnd").unwrap().drivers.commune_setting,
        Some(CommuneSetting::Commune)
    );
    // Back to the bundled sample, setting and all.
    assert_eq!(saved, BUNDLED[0].load().unwrap());
}

#[test]
fn a_leaders_role_and_a_teachers_steps_are_set_in_the_position_form() {
    let (_dir, path, mut harness) = school_on_disk();
    click(&mut harness, "Phó Hiệu trưởng");
    pick(&mut harness, "Cấp trưởng/phó", "Cấp phó");
    assert_eq!(
        plan(&harness)
            .position("truong-pho-hieu-truong")
            .unwrap()
            .role,
        Some(LeaderRole::Deputy)
    );
    // A head or deputy must stay a leadership position: the change is refused with its reason.
    pick(&mut harness, "Nhóm", "Nghiệp vụ chuyên ngành");
    assert!(has_label_containing(&harness, "chỉ vị trí lãnh đạo"));
    let deputy = plan(&harness).position("truong-pho-hieu-truong").unwrap();
    assert_eq!(deputy.category, vtvl::model::Category::Leadership);
    // A school is a public service unit: its positions have the step editor.
    assert!(harness.query_by_label("Bậc 5").is_some());

    // Not a leadership position: no role to choose.
    click(&mut harness, "Giáo viên Âm nhạc");
    assert!(harness.query_by_label("Cấp trưởng/phó").is_none());
    set_field(&mut harness, "Bậc 4", 0, "1");
    set_field(&mut harness, "Bậc 3", 0, "3");
    // Music needs 2 teachers (28 classes x 0.075 = 2.1): 4 by step do not add up.
    assert!(has_label_containing(&harness, "Tổng 4 / đề xuất 2"));
    set_field(&mut harness, "Bậc 3", 0, "1");
    assert!(has_label_containing(&harness, "Tổng 2 / đề xuất 2"));
    set_field(&mut harness, "Bậc 2", 0, "x");
    assert!(has_label_containing(&harness, "không phải là số"));
    let steps = [
        StepCount { step: 4, count: 1 },
        StepCount { step: 3, count: 1 },
    ];
    assert_eq!(plan(&harness).position("gv-am-nhac").unwrap().steps, steps);

    let saved = save_and_load(&mut harness, &path);
    assert_eq!(saved.position("gv-am-nhac").unwrap().steps, steps);
    assert_eq!(
        saved.position("truong-pho-hieu-truong").unwrap().role,
        Some(LeaderRole::Deputy)
    );
}

#[test]
fn positions_outside_public_service_units_have_no_step_editor() {
    let mut harness = crate::harness::default_harness();
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    assert!(harness.query_by_label("Bậc 5").is_none());
    assert!(harness.query_by_label("Cấp trưởng/phó").is_none());
}

#[test]
fn the_province_class_and_judgement_date_are_set_in_settings() {
    let (_dir, path, mut harness) = school_on_disk();
    click(&mut harness, "Thiết lập");
    pick(&mut harness, "Loại tỉnh", "Tỉnh loại I");
    assert_eq!(plan(&harness).meta.province_class, Some(ProvinceClass::I));

    type_into(&mut harness, "Ngày áp dụng quy định", "30/02/2026");
    assert!(has_label_containing(&harness, "không phải là ngày"));
    assert_eq!(plan(&harness).meta.judged_at, None);
    type_into(&mut harness, "Ngày áp dụng quy định", "01/07/2026");
    assert_eq!(plan(&harness).meta.judged_at, CivilDate::new(2026, 7, 1));

    let saved = save_and_load(&mut harness, &path);
    assert_eq!(saved.meta.province_class, Some(ProvinceClass::I));
    assert_eq!(saved.meta.judged_at, CivilDate::new(2026, 7, 1));

    // Emptied, the date is today again.
    type_into(&mut harness, "Ngày áp dụng quy định", "");
    assert_eq!(plan(&harness).meta.judged_at, None);
    undo(&mut harness);
    assert_eq!(plan(&harness).meta.judged_at, CivilDate::new(2026, 7, 1));
}

#[test]
fn the_employment_basis_is_chosen_in_the_position_form_and_saved() {
    let (_dir, path, mut harness) = school_on_disk();
    harness.state_mut().state.document.wait_for_results();
    click(&mut harness, "Giáo viên Âm nhạc");
    // Nothing stated: the choice shows the school's basis, from the results.
    let shown = harness
        .get_by_role_and_label(Role::ComboBox, "Chế độ")
        .value()
        .unwrap_or_default();
    assert_eq!(shown, "(theo đơn vị: viên chức)");
    pick(&mut harness, "Chế độ", "Hợp đồng lao động");
    let basis = |harness: &Harness<'static, VtvlApp>| {
        plan(harness).position("gv-am-nhac").unwrap().employment
    };
    assert_eq!(basis(&harness), Some(Employment::Contract));
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    let results = harness.state().state.document.results().unwrap();
    assert_eq!(
        results.position("gv-am-nhac").unwrap().employment,
        Employment::Contract
    );
    // Undone and redone like every other field.
    undo(&mut harness);
    assert_eq!(basis(&harness), None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(basis(&harness), Some(Employment::Contract));

    // The guard's contract is dropped: the post follows the school again.
    // Found through the filter: the table leaves the form its room below.
    harness.state_mut().state.position_filter = "Bảo vệ".into();
    harness.run();
    click(&mut harness, "Bảo vệ (hợp đồng lao động)");
    pick(&mut harness, "Chế độ", "(theo đơn vị: viên chức)");
    assert_eq!(
        plan(&harness).position("vp-bao-ve").unwrap().employment,
        None
    );
    pick(&mut harness, "Chế độ", "Hợp đồng lao động");

    let saved = save_and_load(&mut harness, &path);
    assert_eq!(
        saved.position("gv-am-nhac").unwrap().employment,
        Some(Employment::Contract)
    );
    assert_eq!(
        saved.position("vp-bao-ve").unwrap().employment,
        Some(Employment::Contract)
    );
}
