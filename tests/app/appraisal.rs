//! The appraisal round trip: a reviewer opens an agency's plan, enters figures, decisions,
//! comments and a conclusion on the Thẩm định tab, and saves the file; the agency opens the
//! returned file and reads each remark beside its position, with the figures `vtvl compute`
//! prints. The proposal, and so the plan's fingerprint, stays as the agency wrote it.

use std::path::Path;

use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use vtvl::app::VtvlApp;
use vtvl::app::document::Document;
use vtvl::app::state::Notice;
use vtvl::model::{CivilDate, Decision};
use vtvl::plan_file;

use crate::harness::{
    ScriptedDialogs, click, files_harness, has_label_containing, pick, select_unit, set_field,
};

const GUARD: &str = "vp-bao-ve";
const GUARD_NAME: &str = "Nhân viên bảo vệ, phục vụ (hợp đồng lao động)";
const LAND: &str = "pkt-dia-chinh";
const EDUCATION: &str = "pvhxh-giao-duc-y-te";
const GUARD_COMMENT: &str = "Bảo vệ kiêm phục vụ: bố trí 2 người";
const EDUCATION_COMMENT: &str = "Giao chuyên viên văn hóa kiêm nhiệm";
const CONCLUSION: &str = "Thống nhất 36 người.\nĐề nghị hoàn thiện đề án trước 15/12/2026.";

fn notice(harness: &Harness<'static, VtvlApp>) -> String {
    match &harness.state().state.notice {
        Some(Notice::Info(text) | Notice::Error(text)) => text.clone(),
        None => String::new(),
    }
}

fn appraised(harness: &mut Harness<'static, VtvlApp>, id: &str) -> Option<i64> {
    let document = &mut harness.state_mut().state.document;
    document.wait_for_results();
    document.results().unwrap().position(id).unwrap().appraised
}

/// The agency's file, as the reviewer receives it.
fn agency_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("de-an.ron");
    plan_file::save(&plan_file::default_plan().unwrap(), &path).unwrap();
    path
}

/// The reviewer's session: remarks entered, refusals, undo, and Save As to `returned`.
fn review_and_return(agency: &Path, returned: &Path) {
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(Document::open(agency).unwrap(), &dialogs, None);
    click(&mut harness, "Thẩm định");
    assert!(has_label_containing(&harness, "đã xem xét 0/27 vị trí"));

    set_field(&mut harness, "Người thẩm định", 0, "Lê Thị Hạnh");
    set_field(
        &mut harness,
        "Cơ quan thẩm định",
        0,
        "Sở Nội vụ tỉnh An Hòa",
    );
    let review = harness
        .state()
        .state
        .document
        .plan()
        .review
        .clone()
        .unwrap();
    assert_eq!(
        review.date,
        Some(CivilDate::today()),
        "dated today when started"
    );
    set_field(&mut harness, "Ngày thẩm định", 0, "31/02/2026");
    assert!(
        notice(&harness).contains("không phải là ngày"),
        "{}",
        notice(&harness)
    );
    set_field(&mut harness, "Ngày thẩm định", 0, "20/11/2026");
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Kết luận thẩm định")
        .set_text_value_accesskit(CONCLUSION);
    harness.run();

    // The guard post: proposed 3, cut to 2, with a comment.
    set_field(&mut harness, &format!("Số thẩm định {GUARD}"), 0, "hai");
    assert!(
        notice(&harness).contains("không phải là số"),
        "{}",
        notice(&harness)
    );
    assert_eq!(
        appraised(&mut harness, GUARD),
        None,
        "refused: nothing changed"
    );
    set_field(&mut harness, &format!("Số thẩm định {GUARD}"), 0, "2");
    pick(
        &mut harness,
        &format!("Ý kiến thẩm định {GUARD}"),
        "Điều chỉnh",
    );
    set_field(&mut harness, &format!("Nhận xét {GUARD}"), 0, GUARD_COMMENT);
    assert_eq!(appraised(&mut harness, GUARD), Some(2));
    // Undo takes the comment back out, redo puts it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let line = |h: &Harness<'static, VtvlApp>, id: &str| {
        h.state()
            .state
            .document
            .plan()
            .review
            .as_ref()
            .and_then(|r| r.line(id))
            .cloned()
    };
    assert_eq!(line(&harness, GUARD).unwrap().comment, "");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(line(&harness, GUARD).unwrap().comment, GUARD_COMMENT);

    // The land officer: "agree" with no figure shows the proposal (4) as the figure.
    pick(
        &mut harness,
        &format!("Ý kiến thẩm định {LAND}"),
        "Thống nhất",
    );
    assert_eq!(appraised(&mut harness, LAND), Some(4));
    harness.run();
    let label = format!("Số thẩm định {LAND}");
    let field = harness.get_by_label(&label);
    assert_eq!(field.accesskit_node().placeholder(), Some("4"));
    assert_eq!(field.value().as_deref(), Some(""));

    // The education officer, further down: select the unit, then reject.
    click(&mut harness, "Vị trí việc làm");
    select_unit(&mut harness, "Phòng Văn hóa - Xã hội");
    click(&mut harness, "Thẩm định");
    assert!(
        harness
            .query_by_label(&format!("Số thẩm định {GUARD}"))
            .is_none()
    );
    pick(
        &mut harness,
        &format!("Ý kiến thẩm định {EDUCATION}"),
        "Không thống nhất",
    );
    set_field(
        &mut harness,
        &format!("Nhận xét {EDUCATION}"),
        0,
        EDUCATION_COMMENT,
    );
    assert_eq!(appraised(&mut harness, EDUCATION), Some(0));
    assert!(has_label_containing(&harness, "đã xem xét 1/5 vị trí"));

    // The rest of the unit agreed in one step.
    click(&mut harness, "Thống nhất các vị trí còn lại");
    assert!(has_label_containing(&harness, "đã xem xét 5/5 vị trí"));

    dialogs.answer_path(returned.with_extension(""));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert_eq!(dialogs.asked(), ["Lưu kế hoạch thành"]);
    assert!(
        notice(&harness).starts_with("Đã lưu"),
        "{}",
        notice(&harness)
    );
}

#[test]
fn a_reviewed_plan_goes_back_to_the_agency_with_every_remark_beside_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let agency = agency_file(dir.path());
    let returned = dir.path().join("de-an-tham-dinh.ron");
    review_and_return(&agency, &returned);

    // The returned file: the agency's proposal untouched, the review beside it.
    let sent = plan_file::load(&agency).unwrap();
    let back = plan_file::load(&returned).unwrap();
    assert_eq!(
        plan_file::fingerprint(&back).unwrap(),
        plan_file::fingerprint(&sent).unwrap()
    );
    let mut proposal = back.clone();
    let review = proposal.review.take().unwrap();
    assert_eq!(proposal, sent);
    assert_eq!(review.reviewer, "Lê Thị Hạnh");
    assert_eq!(review.organisation, "Sở Nội vụ tỉnh An Hòa");
    assert_eq!(review.date, CivilDate::new(2026, 11, 20));
    assert_eq!(review.conclusion, CONCLUSION);
    let guard = review.line(GUARD).unwrap();
    assert_eq!(
        (guard.appraised, guard.decision),
        (Some(2), Some(Decision::Adjust))
    );
    assert_eq!(
        review.line(LAND).unwrap().appraised,
        None,
        "agreed, no figure"
    );
    // The guard, the land officer and the five positions of Phòng Văn hóa - Xã hội.
    assert_eq!(review.lines.len(), 7);

    // The agency opens it and reads each remark beside its position.
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(Document::open(&returned).unwrap(), &dialogs, None);
    assert!(has_label_containing(
        &harness,
        &format!("Điều chỉnh: {GUARD_COMMENT}")
    ));
    assert!(has_label_containing(
        &harness,
        &format!("Không thống nhất: {EDUCATION_COMMENT}")
    ));
    let on_same_row = |h: &Harness<'static, VtvlApp>, name: &str, text: &str| {
        let y = h.get_by_label(name).rect().center().y;
        h.query_all_by_label_contains(text)
            .any(|n| (n.rect().center().y - y).abs() < 2.0)
    };
    assert!(on_same_row(&harness, GUARD_NAME, GUARD_COMMENT));
    assert!(on_same_row(
        &harness,
        "Chuyên viên giáo dục - y tế",
        EDUCATION_COMMENT
    ));

    // The same figures as `vtvl compute --format json`, in the app and on screen.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vtvl"))
        .args(["compute", returned.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    let results = harness.state().state.document.results().unwrap().clone();
    for (position, printed) in results
        .positions
        .iter()
        .zip(json["positions"].as_array().unwrap())
    {
        assert_eq!(printed["id"], position.id.as_str());
        assert_eq!(
            printed["appraised"].as_i64(),
            position.appraised,
            "{}",
            position.id
        );
        assert_eq!(printed["proposed"].as_i64(), Some(position.proposed));
    }
    assert_eq!(json["positions"][8]["id"], GUARD);
    assert_eq!(json["positions"][8]["appraised"], 2);
    assert_eq!(json["positions"][8]["comment"], GUARD_COMMENT);
    // By hand: 2 (guard) + 4 (land) + 1 + 1 + 2 + 1 + 0 (Phòng Văn hóa - Xã hội) = 11.
    assert_eq!(json["total"]["appraised"], 11);
    assert_eq!(results.total.appraised, Some(11));
    // The guard's appraised figure shows under "Số thẩm định" on its row.
    let header = harness.get_by_label("Số thẩm định").rect();
    let y = harness.get_by_label(GUARD_NAME).rect().center().y;
    assert!(
        harness
            .query_all_by_label("2")
            .any(|n| (n.rect().center().y - y).abs() < 2.0
                && n.rect().center().x > header.left() - 1.0
                && n.rect().center().x < header.right() + 1.0)
    );
}

const LAND_NAME: &str = "Chuyên viên địa chính - đất đai";

/// The reviewer's line of a position in the open plan.
fn review_line(harness: &Harness<'static, VtvlApp>, id: &str) -> vtvl::model::Appraisal {
    let review = harness.state().state.document.plan().review.clone();
    review.and_then(|r| r.line(id).cloned()).unwrap()
}

/// Waits for the figures of the plan as it is, and draws them.
fn settle(harness: &mut Harness<'static, VtvlApp>) {
    harness.state_mut().state.document.wait_for_results();
    harness.run();
}

#[test]
fn the_decision_follows_the_figure_and_a_proposal_changed_after_the_appraisal_is_named() {
    let mut harness = crate::harness::default_harness();
    settle(&mut harness);
    click(&mut harness, "Thẩm định");
    settle(&mut harness);

    // The guard post: proposed 3, appraised 2: the decision moves to Điều chỉnh by itself.
    set_field(&mut harness, &format!("Số thẩm định {GUARD}"), 0, "2");
    let guard = review_line(&harness, GUARD);
    assert_eq!(
        (guard.appraised, guard.decision),
        (Some(2), Some(Decision::Adjust))
    );
    assert_eq!(guard.seen.as_ref().map(|s| s.proposed), Some(3));
    // The land officer: appraised at the proposed 4: Thống nhất.
    set_field(&mut harness, &format!("Số thẩm định {LAND}"), 0, "4");
    assert_eq!(review_line(&harness, LAND).decision, Some(Decision::Agree));
    // A decision the reviewer chose stays whatever the figure.
    pick(
        &mut harness,
        &format!("Ý kiến thẩm định {GUARD}"),
        "Không thống nhất",
    );
    set_field(&mut harness, &format!("Số thẩm định {GUARD}"), 0, "1");
    assert_eq!(
        review_line(&harness, GUARD).decision,
        Some(Decision::Reject)
    );
    assert!(!has_label_containing(
        &harness,
        "đã thay đổi sau khi thẩm định"
    ));

    // The agency raises the land officer's proposal to 5 after the appraisal.
    click(&mut harness, "Vị trí việc làm");
    click(&mut harness, LAND_NAME);
    set_field(&mut harness, "Số đề xuất", 0, "5");
    click(&mut harness, "Thẩm định");
    settle(&mut harness);
    assert!(has_label_containing(
        &harness,
        "Đề xuất của 1 vị trí đã thay đổi sau khi thẩm định"
    ));
    assert!(has_label_containing(
        &harness,
        &format!("{LAND_NAME} ({LAND}): đề xuất từ 4 thành 5")
    ));
    // Its row is marked; the guard's is not.
    harness.get_by_label(&format!("(!) {LAND_NAME}"));
    harness.get_by_label(GUARD_NAME);
    assert_eq!(
        review_line(&harness, LAND).decision,
        Some(Decision::Agree),
        "nothing moves until the reviewer looks again"
    );

    // The reviewer keeps the appraised 4 for the new proposal: the decision that followed the
    // figure becomes Điều chỉnh, and the notice goes.
    click(&mut harness, "Giữ ý kiến thẩm định cho đề xuất mới");
    settle(&mut harness);
    let land = review_line(&harness, LAND);
    assert_eq!(
        (land.appraised, land.decision),
        (Some(4), Some(Decision::Adjust))
    );
    assert_eq!(land.seen.as_ref().map(|s| s.proposed), Some(5));
    assert!(!has_label_containing(
        &harness,
        "đã thay đổi sau khi thẩm định"
    ));
    harness.get_by_label(LAND_NAME);

    // Undo brings the notice back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert!(has_label_containing(
        &harness,
        "(pkt-dia-chinh): đề xuất từ 4 thành 5"
    ));
}
