//! Files: save and reload, open, new from a sample, import (good and bad), the unsaved-changes
//! question, recent files, dropped files, closing the window, the typed-path fallback and
//! recovery copies. File dialogs answer from a script; every file lives in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::app::document::Document;
use vtvl::app::files::{self, Picked};
use vtvl::app::state::Notice;
use vtvl::editing::Edit;
use vtvl::model::Plan;
use vtvl::plan_file::{self, BUNDLED};
use vtvl::{engine, interchange};

use crate::harness::has_label_containing;
use crate::harness::{ScriptedDialogs, files_harness, unit_in_tree};

fn default_document() -> Document {
    Document::new(plan_file::default_plan().unwrap(), None)
}

fn sample_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-orgs")
        .join(name)
}

/// Clicks File, then each of `items` in turn (sub-menus included).
fn file_menu(harness: &mut Harness<'static, VtvlApp>, items: &[&str]) {
    harness.get_by_label("Tệp").click();
    harness.run();
    for item in items {
        harness.get_by_label(item).click();
        harness.run();
    }
}

fn add_unit(harness: &mut Harness<'static, VtvlApp>, name: &str) {
    harness
        .state_mut()
        .state
        .document
        .apply(Edit::AddUnit {
            parent: None,
            name: name.to_owned(),
        })
        .unwrap();
    harness.run();
}

fn has_unit(harness: &Harness<'static, VtvlApp>, name: &str) -> bool {
    harness
        .state()
        .state
        .document
        .plan()
        .units
        .iter()
        .any(|u| u.name == name)
}

fn notice(harness: &Harness<'static, VtvlApp>) -> String {
    match &harness.state().state.notice {
        Some(Notice::Info(text) | Notice::Error(text)) => text.clone(),
        None => String::new(),
    }
}

/// The `.ron` copies in a recovery folder.
fn copies(folder: &Path) -> Vec<PathBuf> {
    fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn ctrl_s_without_a_file_saves_as_and_the_file_reloads_with_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(dir.path().join("xa-tan-hoa"));
    let mut harness = files_harness(default_document(), &dialogs, None);
    add_unit(&mut harness, "Phòng mới lập");
    assert!(vtvl::app::window_title(&harness.state().state).ends_with('•'));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();

    let path = dir.path().join("xa-tan-hoa.ron");
    assert_eq!(dialogs.asked(), ["Lưu kế hoạch thành"]);
    let state = &mut harness.state_mut().state;
    assert_eq!(state.document.path(), Some(path.as_path()));
    assert!(!state.document.is_dirty());
    assert!(!vtvl::app::window_title(state).ends_with('•'));
    assert_eq!(state.preferences.recent_files.first(), Some(&path));
    let loaded = plan_file::load(&path).unwrap();
    assert_eq!(&loaded, state.document.plan());
    state.document.wait_for_results();
    assert_eq!(
        &engine::compute(&loaded).unwrap(),
        state.document.results().unwrap()
    );
    assert!(notice(&harness).starts_with("Đã lưu"));
}

#[test]
fn ctrl_s_with_a_file_saves_there_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xa.ron");
    plan_file::save(&plan_file::default_plan().unwrap(), &path).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(Document::open(&path).unwrap(), &dialogs, None);
    add_unit(&mut harness, "Phòng mới lập");
    file_menu(&mut harness, &["Lưu (Ctrl+S)"]);
    assert!(dialogs.asked().is_empty());
    assert!(!harness.state().state.document.is_dirty());
    let loaded = plan_file::load(&path).unwrap();
    assert!(loaded.units.iter().any(|u| u.name == "Phòng mới lập"));
}

#[test]
fn open_a_plan_file_from_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.ron");
    let sample = BUNDLED[1].load().unwrap();
    plan_file::save(&sample, &path).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(&path);
    let mut harness = files_harness(default_document(), &dialogs, None);

    file_menu(&mut harness, &["Mở... (Ctrl+O)"]);

    assert_eq!(dialogs.asked(), ["Mở kế hoạch"]);
    let state = &harness.state().state;
    assert_eq!(state.document.plan(), &sample);
    assert_eq!(state.document.path(), Some(path.as_path()));
    assert_eq!(state.preferences.recent_files, [path]);
    unit_in_tree(&harness, "Sở Tài chính tỉnh An Hòa");
    assert!(
        harness
            .query_by_label("Ủy ban nhân dân xã Tân Hòa")
            .is_none()
    );
}

#[test]
fn a_broken_plan_file_is_reported_by_name_and_the_plan_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hong.ron");
    fs::write(&path, "(format_version: 1, meta: (name: ").unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(&path);
    let mut harness = files_harness(default_document(), &dialogs, None);

    file_menu(&mut harness, &["Mở... (Ctrl+O)"]);

    assert!(has_label_containing(&harness, "Không mở được tệp hong.ron"));
    assert!(has_label_containing(&harness, "hong.ron:1:"));
    assert_eq!(
        harness.state().state.document.plan(),
        &plan_file::default_plan().unwrap()
    );
    harness.get_by_label("Đóng").click();
    harness.run();
    assert!(harness.state().state.dialog.is_none());
}

#[test]
fn new_plans_blank_or_from_a_sample_organisation() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(default_document(), &dialogs, None);
    let names = files::sample_names();
    assert_eq!(names.len(), BUNDLED.len());
    let (index, name) = &names[2];

    file_menu(&mut harness, &["Mới", name]);

    let state = &harness.state().state;
    assert_eq!(state.document.plan(), &BUNDLED[*index].load().unwrap());
    assert_eq!(state.document.path(), None);
    assert!(!state.document.is_dirty());
    unit_in_tree(&harness, "Trường Trung học cơ sở Nguyễn Du");

    file_menu(&mut harness, &["Mới", "Kế hoạch trống (Ctrl+N)"]);
    let plan = harness.state().state.document.plan();
    assert_eq!(plan.units.len(), 1);
    assert!(plan.positions.is_empty());
    harness.get_by_label("Đơn vị mới");
    harness.get_by_label("Hợp lệ");
}

#[test]
fn import_an_interchange_folder() {
    let dialogs = ScriptedDialogs::default();
    let dir = sample_dir("so-tai-chinh");
    dialogs.answer_path(&dir);
    let mut harness = files_harness(default_document(), &dialogs, None);

    file_menu(&mut harness, &["Nhập từ thư mục CSV..."]);

    assert_eq!(dialogs.asked(), ["Chọn thư mục CSV để nhập"]);
    let state = &harness.state().state;
    assert_eq!(
        state.document.plan(),
        &interchange::import_dir(&dir).unwrap()
    );
    assert_eq!(state.document.path(), None);
    assert!(state.document.is_dirty(), "an import is not saved yet");
    assert!(notice(&harness).starts_with("Đã nhập"));
    unit_in_tree(&harness, "Sở Tài chính tỉnh An Hòa");
}

/// The sample folder copied to a temporary folder, with `edit` applied to one of its files.
fn broken_copy(file: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(sample_dir("so-tai-chinh")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let path = dir.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    let changed = edit(&text);
    assert_ne!(changed, text);
    fs::write(&path, changed).unwrap();
    dir
}

#[test]
fn an_import_with_a_bad_cell_shows_where_and_keeps_the_plan() {
    let dir = broken_copy("duties.csv", |text| {
        text.replacen("service,180,720", "service,abc,720", 1)
    });
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(dir.path());
    let mut harness = files_harness(default_document(), &dialogs, None);
    add_unit(&mut harness, "Phòng mới lập");

    // Unsaved changes are asked about first; Không lưu goes on to the import.
    file_menu(&mut harness, &["Nhập từ thư mục CSV..."]);
    harness.get_by_label("Không lưu").click();
    harness.run();

    assert!(has_label_containing(
        &harness,
        "duties.csv, dòng 2, cột \"volume\": \"abc\" không phải là số"
    ));
    assert!(has_label_containing(&harness, "Không nhập được thư mục"));
    assert!(has_unit(&harness, "Phòng mới lập"), "the plan is kept");
    assert!(harness.state().state.document.is_dirty());
    harness.get_by_label("Đóng").click();
    harness.run();
    assert!(harness.state().state.dialog.is_none());
}

#[test]
fn an_import_that_does_not_validate_shows_the_problems_and_keeps_the_plan() {
    let dir = broken_copy("positions.csv", |text| {
        text.replacen("so-giam-doc,so,", "so-giam-doc,khong-co,", 1)
    });
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(dir.path());
    let mut harness = files_harness(default_document(), &dialogs, None);

    file_menu(&mut harness, &["Nhập từ thư mục CSV..."]);

    // Found after reading, the problem names the file, row and column to fix.
    assert!(has_label_containing(
        &harness,
        "positions.csv, dòng 2, cột \"unit_id\": đơn vị \"khong-co\" không có trong units.csv"
    ));
    assert_eq!(
        harness.state().state.document.plan(),
        &plan_file::default_plan().unwrap()
    );
}

#[test]
fn unsaved_changes_are_asked_about_before_new() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(default_document(), &dialogs, None);
    add_unit(&mut harness, "Phòng mới lập");

    // Hủy: nothing happens, the edit stays.
    file_menu(&mut harness, &["Mới", "Kế hoạch trống (Ctrl+N)"]);
    harness.get_by_label("Lưu thay đổi?");
    harness.get_by_label("Hủy").click();
    harness.run();
    assert!(harness.query_by_label("Lưu thay đổi?").is_none());
    assert!(has_unit(&harness, "Phòng mới lập"));
    assert!(harness.state().state.document.is_dirty());

    // Lưu: the plan has no file, so Save As asks where; then the new plan opens.
    let path = dir.path().join("truoc-khi-moi.ron");
    dialogs.answer_path(&path);
    file_menu(&mut harness, &["Mới", "Kế hoạch trống (Ctrl+N)"]);
    harness.get_by_label("Lưu").click();
    harness.run();
    let saved = plan_file::load(&path).unwrap();
    assert!(saved.units.iter().any(|u| u.name == "Phòng mới lập"));
    assert_eq!(harness.state().state.document.plan().units.len(), 1);

    // A cancelled Save As keeps the edits.
    add_unit(&mut harness, "Phòng thứ hai");
    file_menu(&mut harness, &["Mới", "Kế hoạch trống (Ctrl+N)"]);
    harness.get_by_label("Lưu").click();
    harness.run();
    assert!(has_unit(&harness, "Phòng thứ hai"));

    // Không lưu: the edits are dropped.
    file_menu(&mut harness, &["Mới", "Kế hoạch trống (Ctrl+N)"]);
    harness.get_by_label("Không lưu").click();
    harness.run();
    assert!(!has_unit(&harness, "Phòng thứ hai"));
    assert!(!harness.state().state.document.is_dirty());
}

#[test]
fn recent_files_newest_first_and_a_missing_one_is_reported_and_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("mot.ron");
    let second = dir.path().join("hai.ron");
    plan_file::save(&BUNDLED[1].load().unwrap(), &first).unwrap();
    plan_file::save(&BUNDLED[2].load().unwrap(), &second).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(&first);
    dialogs.answer_path(&second);
    let mut harness = files_harness(default_document(), &dialogs, None);
    file_menu(&mut harness, &["Mở... (Ctrl+O)"]);
    file_menu(&mut harness, &["Mở... (Ctrl+O)"]);
    assert_eq!(
        harness.state().state.preferences.recent_files,
        [second.clone(), first.clone()]
    );

    // Reopening the first from the menu puts it first again.
    let first_label = first.display().to_string();
    file_menu(&mut harness, &["Mở gần đây", &first_label]);
    assert_eq!(harness.state().state.document.path(), Some(first.as_path()));
    assert_eq!(
        harness.state().state.preferences.recent_files,
        [first.clone(), second.clone()]
    );

    // A file gone from the disk is reported and removed from the list; the plan stays.
    fs::remove_file(&second).unwrap();
    let second_label = second.display().to_string();
    file_menu(&mut harness, &["Mở gần đây", &second_label]);
    assert!(notice(&harness).contains("Không tìm thấy tệp"));
    assert!(notice(&harness).contains("hai.ron"));
    assert_eq!(
        harness.state().state.preferences.recent_files,
        std::slice::from_ref(&first)
    );
    assert_eq!(harness.state().state.document.path(), Some(first.as_path()));
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_path(harness: &mut Harness<'static, VtvlApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    harness.run();
}

#[test]
fn dropping_a_folder_imports_it_and_dropping_a_plan_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("truong.ron");
    let school = BUNDLED[2].load().unwrap();
    plan_file::save(&school, &path).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(default_document(), &dialogs, None);

    let folder = sample_dir("so-tai-chinh");
    drop_path(&mut harness, &folder);
    assert_eq!(
        harness.state().state.document.plan(),
        &interchange::import_dir(&folder).unwrap()
    );

    // The import is unsaved, so dropping a plan asks first.
    drop_path(&mut harness, &path);
    harness.get_by_label("Lưu thay đổi?");
    harness.get_by_label("Không lưu").click();
    harness.run();
    assert_eq!(harness.state().state.document.plan(), &school);
    assert!(dialogs.asked().is_empty(), "no dialog for a dropped path");

    // Anything else is refused with its name.
    let text = dir.path().join("ghi-chu.txt");
    fs::write(&text, "x").unwrap();
    drop_path(&mut harness, &text);
    assert!(notice(&harness).contains("ghi-chu.txt"));
    assert_eq!(harness.state().state.document.plan(), &school);
}

fn request_close(harness: &mut Harness<'static, VtvlApp>) {
    harness
        .input_mut()
        .viewports
        .get_mut(&egui::ViewportId::ROOT)
        .unwrap()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

fn sent(harness: &Harness<'static, VtvlApp>, command: &egui::ViewportCommand) -> bool {
    harness.output().viewport_output[&egui::ViewportId::ROOT]
        .commands
        .contains(command)
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(default_document(), &dialogs, None);

    // Nothing unsaved: the window just closes.
    request_close(&mut harness);
    assert!(!sent(&harness, &egui::ViewportCommand::CancelClose));
    harness.run();

    add_unit(&mut harness, "Phòng mới lập");
    request_close(&mut harness);
    assert!(sent(&harness, &egui::ViewportCommand::CancelClose));
    harness.run();
    harness.get_by_label("Lưu thay đổi?");
    harness.get_by_label("Hủy").click();
    harness.run();
    assert!(!harness.state().state.files.close_allowed());
    assert!(has_unit(&harness, "Phòng mới lập"));

    request_close(&mut harness);
    harness.run();
    harness.get_by_label("Không lưu").click();
    harness.step();
    assert!(harness.state().state.files.close_allowed());
    assert!(sent(&harness, &egui::ViewportCommand::Close));
}

#[test]
fn without_a_native_dialog_the_path_is_typed_or_picked_from_the_folder() {
    let dialogs = ScriptedDialogs::default();
    dialogs.answer(Picked::Unavailable);
    let mut harness = files_harness(default_document(), &dialogs, None);
    file_menu(&mut harness, &["Mở... (Ctrl+O)"]);

    // It starts in the current folder (the crate), which holds the bundled plans.
    harness.get_by_label("Đường dẫn:");
    harness.get_by_label("plans/").click();
    harness.run();
    harness.get_by_label("so-tai-chinh.ron").click();
    harness.run();
    harness.get_by_label("Mở").click();
    harness.run();
    let state = &harness.state().state;
    assert!(state.dialog.is_none());
    assert_eq!(state.document.plan(), &BUNDLED[1].load().unwrap());

    // Save As: the folder of the plan, a typed name.
    let dir = tempfile::tempdir().unwrap();
    harness.state_mut().state.replace_document(Document::new(
        plan_file::default_plan().unwrap(),
        Some(dir.path().join("cu.ron")),
    ));
    dialogs.answer(Picked::Unavailable);
    harness.run();
    file_menu(&mut harness, &["Lưu thành... (Ctrl+Shift+S)"]);
    let field = harness.get_by_label("Đường dẫn:");
    assert_eq!(
        field.value().as_deref(),
        Some(dir.path().join("cu.ron").to_str().unwrap())
    );
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Đường dẫn:")
        .type_text(dir.path().join("moi").to_str().unwrap());
    harness.run();
    harness.get_by_label("Lưu").click();
    harness.run();
    let saved = dir.path().join("moi.ron");
    assert_eq!(
        &plan_file::load(&saved).unwrap(),
        harness.state().state.document.plan()
    );
    assert_eq!(harness.state().state.document.path(), Some(saved.as_path()));
}

#[test]
fn unsaved_changes_leave_a_recovery_copy_that_the_next_start_restores() {
    let files_dir = tempfile::tempdir().unwrap();
    let recovery = tempfile::tempdir().unwrap();
    let original = files_dir.path().join("xa.ron");
    plan_file::save(&plan_file::default_plan().unwrap(), &original).unwrap();
    let dialogs = ScriptedDialogs::default();

    // A session with unsaved changes that ends without closing (a crash).
    let edited: Plan = {
        let mut harness = files_harness(
            Document::open(&original).unwrap(),
            &dialogs,
            Some(recovery.path()),
        );
        assert!(copies(recovery.path()).is_empty(), "nothing unsaved yet");
        add_unit(&mut harness, "Phòng mới lập");
        let written = copies(recovery.path());
        assert_eq!(written.len(), 1);
        assert_eq!(
            &plan_file::load(&written[0]).unwrap(),
            harness.state().state.document.plan()
        );
        let side = fs::read_to_string(written[0].with_extension("source")).unwrap();
        assert_eq!(Path::new(side.trim()), original);
        harness.state().state.document.plan().clone()
    };

    // The next start offers it.
    let mut harness = files_harness(default_document(), &dialogs, Some(recovery.path()));
    files::offer_recovery(&mut harness.state_mut().state);
    harness.run();
    harness.get_by_label("Khôi phục thay đổi chưa lưu?");
    assert!(has_label_containing(&harness, "xa.ron"));
    harness.get_by_label("Khôi phục").click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.document.plan(), &edited);
    assert!(state.document.is_dirty());
    assert_eq!(state.document.path(), Some(original.as_path()));
    // The old copy is replaced by this session's own.
    let now = copies(recovery.path());
    assert_eq!(now.len(), 1);
    assert_eq!(now[0], state.files.recovery.as_ref().unwrap().own_file());

    // Saving writes the original file and removes the copy.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(plan_file::load(&original).unwrap(), edited);
    assert!(copies(recovery.path()).is_empty());
    // Only this session's lock and side file stay while it runs.
    let own = state_own_stem(&harness);
    let mut left: Vec<String> = fs::read_dir(recovery.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, [format!("{own}.lock"), format!("{own}.source")]);
    // A clean exit takes them too.
    files::on_exit(&mut harness.state_mut().state);
    assert!(fs::read_dir(recovery.path()).unwrap().next().is_none());
}

/// The name of this session's files, without extension.
fn state_own_stem(harness: &Harness<'static, VtvlApp>) -> String {
    let recovery = harness.state().state.files.recovery.as_ref().unwrap();
    let own = recovery.own_file().file_stem().unwrap();
    own.to_string_lossy().into_owned()
}

#[test]
fn a_declined_recovery_copy_is_removed() {
    let recovery = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    {
        let mut harness = files_harness(default_document(), &dialogs, Some(recovery.path()));
        add_unit(&mut harness, "Phòng mới lập");
    }
    assert_eq!(copies(recovery.path()).len(), 1);

    let mut harness = files_harness(default_document(), &dialogs, Some(recovery.path()));
    files::offer_recovery(&mut harness.state_mut().state);
    harness.run();
    assert!(has_label_containing(&harness, "(chưa lưu lần nào)"));
    harness.get_by_label("Bỏ qua").click();
    harness.run();
    assert!(copies(recovery.path()).is_empty());
    assert!(!has_unit(&harness, "Phòng mới lập"));
    assert!(harness.state().state.dialog.is_none());
}

#[test]
fn a_clean_exit_removes_the_copy_and_an_unclean_one_keeps_it() {
    let recovery = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(default_document(), &dialogs, Some(recovery.path()));
    add_unit(&mut harness, "Phòng mới lập");
    assert_eq!(copies(recovery.path()).len(), 1);

    // Ending with unsaved changes the user did not give up keeps the copy.
    files::on_exit(&mut harness.state_mut().state);
    assert_eq!(copies(recovery.path()).len(), 1);

    // Quit asks about the unsaved changes; Không lưu gives them up and the copy goes.
    file_menu(&mut harness, &["Thoát (Ctrl+Q)"]);
    harness.get_by_label("Không lưu").click();
    harness.run();
    files::on_exit(&mut harness.state_mut().state);
    assert!(copies(recovery.path()).is_empty());
}

#[test]
fn a_second_window_neither_offers_nor_takes_the_first_ones_work() {
    let files_dir = tempfile::tempdir().unwrap();
    let recovery = tempfile::tempdir().unwrap();
    let plan = files_dir.path().join("xa.ron");
    plan_file::save(&plan_file::default_plan().unwrap(), &plan).unwrap();

    // The first window has the plan open, with unsaved work copied.
    let first_dialogs = ScriptedDialogs::default();
    let mut first = files_harness(
        Document::open(&plan).unwrap(),
        &first_dialogs,
        Some(recovery.path()),
    );
    assert!(
        first
            .state()
            .state
            .files
            .recovery
            .as_ref()
            .unwrap()
            .is_locked()
    );
    add_unit(&mut first, "Phòng mới lập");
    let first_copy = first
        .state()
        .state
        .files
        .recovery
        .as_ref()
        .unwrap()
        .own_file()
        .to_path_buf();
    assert_eq!(copies(recovery.path()), std::slice::from_ref(&first_copy));

    // A second window starts: the first one's live work is not offered.
    let dialogs = ScriptedDialogs::default();
    let mut second = files_harness(default_document(), &dialogs, Some(recovery.path()));
    files::offer_recovery(&mut second.state_mut().state);
    second.run();
    assert!(second.state().state.dialog.is_none());
    assert!(!has_label_containing(
        &second,
        "Khôi phục thay đổi chưa lưu?"
    ));

    // Opening the same plan, it is told that the plan is open elsewhere, and may decline.
    dialogs.answer_path(&plan);
    file_menu(&mut second, &["Mở... (Ctrl+O)"]);
    second.get_by_label("Đề án đang mở ở cửa sổ khác");
    assert!(has_label_containing(
        &second,
        &format!("(tiến trình {})", std::process::id())
    ));
    second.get_by_label("Không mở").click();
    second.run();
    assert_eq!(second.state().state.document.path(), None);

    // Or open it all the same: its own work goes to its own copy.
    dialogs.answer_path(&plan);
    file_menu(&mut second, &["Mở... (Ctrl+O)"]);
    second.get_by_label("Vẫn mở").click();
    second.run();
    assert_eq!(second.state().state.document.path(), Some(plan.as_path()));
    add_unit(&mut second, "Phòng thứ hai");
    assert_eq!(copies(recovery.path()).len(), 2);
    let first_work = plan_file::load(&first_copy).unwrap();
    assert_eq!(&first_work, first.state().state.document.plan());
    assert!(first_work.units.iter().all(|u| u.name != "Phòng thứ hai"));

    // A window started on the plan from the command line is asked too.
    let mut third = files_harness(
        Document::open(&plan).unwrap(),
        &ScriptedDialogs::default(),
        Some(recovery.path()),
    );
    files::check_open_elsewhere(&mut third.state_mut().state);
    third.run();
    third.get_by_label("Đóng, mở đề án mặc định").click();
    third.run();
    assert_eq!(third.state().state.document.path(), None);
    assert!(
        third.state().state.dialog.is_none(),
        "two live copies: none offered"
    );
}

#[test]
fn the_copy_of_a_session_whose_lock_is_no_longer_held_is_taken_over() {
    let recovery = tempfile::tempdir().unwrap();
    // A session that crashed: its copy, its side file and its lock file, which no process
    // holds (the id is above any Linux process id).
    let stem = "autosave-4000000000-1";
    let mut left = plan_file::default_plan().unwrap();
    left.meta.name = "Đề án còn dở".into();
    plan_file::save(&left, &recovery.path().join(format!("{stem}.ron"))).unwrap();
    fs::write(recovery.path().join(format!("{stem}.source")), "").unwrap();
    fs::write(recovery.path().join(format!("{stem}.lock")), "4000000000\n").unwrap();
    // And one that ended with nothing to keep.
    fs::write(recovery.path().join("autosave-4000000001-1.lock"), "").unwrap();
    fs::write(recovery.path().join("autosave-4000000001-1.source"), "").unwrap();

    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(default_document(), &dialogs, Some(recovery.path()));
    files::offer_recovery(&mut harness.state_mut().state);
    harness.run();
    harness.get_by_label("Khôi phục thay đổi chưa lưu?");
    assert!(has_label_containing(&harness, "Đề án còn dở"));
    harness.get_by_label("Khôi phục").click();
    harness.run();
    assert_eq!(
        harness.state().state.document.plan().meta.name,
        "Đề án còn dở"
    );
    // Taken over: the old session's files are gone, this session's copy holds the work.
    let own = state_own_stem(&harness);
    let mut names: Vec<String> = fs::read_dir(recovery.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            format!("{own}.lock"),
            format!("{own}.ron"),
            format!("{own}.source")
        ]
    );
}
