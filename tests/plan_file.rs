//! Plan files: RON round trips, normalisation, versions, errors and atomic saves.

use std::fs;
use std::path::Path;

use vtvl::language::{Language, Localized};
use vtvl::model::{
    Appraisal, Calendar, Category, CivilDate, Component, ComponentKind, Decision, FORMAT_VERSION,
    Method, Period, PersonalFields, Plan, PlanMeta, Position, Review, Rounding, SeenProposal,
    StaffMember, SupportAmount, Unit, UnitType,
};
use vtvl::plan_file::{self, PlanFileError};

fn component(id: &str, name: &str, kind: ComponentKind) -> Component {
    Component {
        id: id.into(),
        name: name.into(),
        code: None,
        kind,
    }
}

/// A plan with every component kind and period, optional fields both set and unset, several
/// calendars and Vietnamese text everywhere.
fn rich_plan() -> Plan {
    let mut components = vec![
        Component {
            code: Some("1.001234".into()),
            ..component(
                "cv-tiep-nhan",
                "Tiếp nhận, thẩm định hồ sơ đăng ký hộ tịch",
                ComponentKind::Service {
                    volume: 1200.0,
                    minutes_per_item: 30.0,
                    coefficient: 1.25,
                },
            )
        },
        component(
            "cv-hop",
            "Họp giao ban, sinh hoạt chuyên môn",
            ComponentKind::Support(SupportAmount::Percent(10.0)),
        ),
        component(
            "cv-bao-cao",
            "Báo cáo định kỳ \"tháng\"",
            ComponentKind::Norm {
                volume: 20.0,
                ratio: 1.5,
            },
        ),
    ];
    for (index, per) in Period::ALL.into_iter().enumerate() {
        components.push(component(
            &format!("cv-ho-tro-{}", per.keyword()),
            "Hỗ trợ đồng nghiệp",
            ComponentKind::Support(SupportAmount::Time {
                minutes: 15.0 * (index + 1) as f64,
                per,
            }),
        ));
        components.push(component(
            &format!("cv-them-{}", per.keyword()),
            "Công tác Đảng, đoàn thể",
            ComponentKind::Additional {
                minutes: 30.0,
                per,
                staff: 0.5 + index as f64,
            },
        ));
    }
    Plan {
        format_version: FORMAT_VERSION,
        meta: PlanMeta {
            name: "Đề án vị trí việc làm UBND xã Tân Hòa".into(),
            agency: "Ủy ban nhân dân xã Tân Hòa".into(),
            year: Some(2026),
            ..PlanMeta::default()
        },
        rounding: Rounding::Down,
        calendars: vec![
            Calendar::vietnamese_default(),
            Calendar {
                id: "y-te".into(),
                name: "Lịch trạm y tế".into(),
                days_per_week: 5.5,
                weeks_per_year: 52.0,
                public_holidays: 12.0,
                annual_leave: 14.0,
                sick_leave: 3.5,
                other_leave: 1.0,
                hours_per_day: 7.5,
                available_hours: Some(1200.0),
            },
        ],
        units: vec![
            Unit {
                id: "ubnd".into(),
                parent_id: None,
                name: "Ủy ban nhân dân xã".into(),
                unit_type: UnitType::CommuneCommittee,
                quota: Some(22),
                ..Default::default()
            },
            Unit {
                id: "van-phong".into(),
                parent_id: Some("ubnd".into()),
                name: "Văn phòng HĐND và UBND".into(),
                ..Default::default()
            },
        ],
        positions: vec![
            Position {
                id: "chu-tich".into(),
                unit_id: "ubnd".into(),
                name: "Chủ tịch UBND xã".into(),
                category: Category::Leadership,
                rank_code: String::new(),
                method: Method::Fixed,
                count: 1,
                min: None,
                max: None,
                calendar: None,
                components: Vec::new(),
                proposed: None,
                ..Default::default()
            },
            Position {
                id: "tu-phap".into(),
                unit_id: "van-phong".into(),
                name: "Công chức Tư pháp - Hộ tịch".into(),
                category: Category::Specialized,
                rank_code: "01.003".into(),
                method: Method::Workload,
                count: 0,
                min: Some(1),
                max: Some(3),
                calendar: Some("y-te".into()),
                components,
                proposed: None,
                ..Default::default()
            },
        ],
        staff: vec![
            StaffMember {
                id: "nv-001".into(),
                unit_id: "van-phong".into(),
                position_id: Some("tu-phap".into()),
                rank_code: "01.003".into(),
                fte: 1.0,
                birth_date: None,
                sex: None,
                retires_on: None,
                personal: PersonalFields::from_iter([
                    ("họ tên".to_owned(), "Nguyễn Thị Ánh".to_owned()),
                    ("năm sinh".to_owned(), "1990".to_owned()),
                ]),
            },
            StaffMember {
                id: "nv-002".into(),
                unit_id: "ubnd".into(),
                position_id: None,
                rank_code: String::new(),
                fte: 0.5,
                birth_date: None,
                sex: None,
                retires_on: None,
                personal: PersonalFields::new(),
            },
        ],
        ..Plan::default()
    }
}

fn origin() -> &'static Path {
    Path::new("plans/x.ron")
}

/// The file text of a small valid plan, with `body` spliced in after the version line.
fn small_plan_text(version: u32, body: &str) -> String {
    format!("(\n    format_version: {version},\n    meta: (name: \"Kế hoạch\"),\n{body})\n")
}

#[test]
fn a_rich_plan_round_trips_through_ron() {
    let plan = rich_plan();
    let text = plan_file::to_ron_string(&plan).unwrap();
    let back = plan_file::from_ron_str(&text, origin()).unwrap();
    assert_eq!(back, plan);
    // Writing again gives the same bytes: saves of an unchanged plan do not show in diffs.
    assert_eq!(plan_file::to_ron_string(&back).unwrap(), text);
}

#[test]
fn ron_text_is_readable() {
    let text = plan_file::to_ron_string(&rich_plan()).unwrap();
    // Vietnamese is written as is, not as escapes.
    assert!(text.contains("name: \"Đề án vị trí việc làm UBND xã Tân Hòa\","));
    assert!(!text.contains("\\u{"));
    // Optional values are written bare; unset ones are left out.
    assert!(text.contains("year: 2026,"));
    assert!(text.contains("parent_id: \"ubnd\","));
    assert!(!text.contains("Some("));
    assert!(!text.contains("None"));
    // Each component kind on one line.
    assert!(text.contains("kind: support(percent(10.0)),"));
    assert!(text.contains("kind: support(time(minutes: 15.0, per: day)),"));
    assert!(text.contains("kind: additional(minutes: 30.0, per: week, staff: 1.5),"));
    assert!(
        text.contains("kind: service(volume: 1200.0, minutes_per_item: 30.0, coefficient: 1.25),")
    );
    assert!(text.contains("kind: norm(volume: 20.0, ratio: 1.5),"));
    // The same line ends everywhere, and a final newline.
    assert!(!text.contains('\r'));
    assert!(text.ends_with(")\n"));
}

#[test]
fn hand_written_files_may_use_some_or_bare_values_and_defaults() {
    let body = r#"    units: [
        (id: "a", name: "Phòng A"),
        (id: "b", parent_id: Some("a"), name: "Tổ B", quota: 3),
    ],
    positions: [
        (
            id: "p",
            unit_id: "b",
            name: "Chuyên viên",
            category: shared,
            method: workload,
            components: [
                (id: "c", name: "Xử lý hồ sơ", kind: service(volume: 10, minutes_per_item: 6)),
            ],
        ),
    ],
"#;
    let plan = plan_file::from_ron_str(&small_plan_text(1, body), origin()).unwrap();
    assert_eq!(plan.units[1].parent_id.as_deref(), Some("a"));
    assert_eq!(plan.units[1].quota, Some(3));
    assert_eq!(plan.rounding, Rounding::Nearest);
    assert_eq!(
        plan.positions[0].components[0].kind,
        ComponentKind::Service {
            volume: 10.0,
            minutes_per_item: 6.0,
            coefficient: 1.0
        }
    );
}

#[test]
fn a_version_1_file_is_read_as_the_current_version() {
    let body = "    units: [(id: \"a\", name: \"Sở A\", unit_type: \"so\")],\n";
    let plan = plan_file::from_ron_str(&small_plan_text(1, body), origin()).unwrap();
    assert_eq!(plan.format_version, FORMAT_VERSION);
    assert_eq!(plan.units[0].unit_type, UnitType::ProvincialDepartment);
    // Version 1 allowed any text as a unit type; text that names no type is shown where it is.
    let body = "    units: [(id: \"a\", name: \"Phòng A\",\n        unit_type: \"phòng\")],\n";
    let error = plan_file::from_ron_str(&small_plan_text(1, body), origin()).unwrap_err();
    let text = error.to_string();
    assert!(text.starts_with("plans/x.ron:5:"), "{text}");
    assert!(text.contains("unknown unit type \"phòng\""), "{text}");
    assert!(text.contains("phong_thuoc_so"), "{text}");
}

#[test]
fn nfd_text_is_normalised_to_nfc() {
    // "Phòng Kế toán" with every mark as a combining character (as macOS may type it).
    let nfd = "Pho\u{300}ng Ke\u{302}\u{301} toa\u{301}n";
    let nfc = "Phòng Kế toán";
    assert_ne!(nfd, nfc);
    let body = format!("    units: [(id: \"{nfd}\", name: \"{nfd}\")],\n");
    let plan = plan_file::from_ron_str(&small_plan_text(1, &body), origin()).unwrap();
    assert_eq!(plan.units[0].id, nfc);
    assert_eq!(plan.units[0].name, nfc);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", small_plan_text(1, ""));
    let plan = plan_file::from_ron_str(&text, origin()).unwrap();
    assert_eq!(plan.meta.name, "Kế hoạch");
}

#[test]
fn non_finite_numbers_load_so_that_validation_can_report_them() {
    let mut plan = rich_plan();
    plan.staff[0].fte = f64::NAN;
    plan.staff[1].fte = f64::INFINITY;
    let text = plan_file::to_ron_string(&plan).unwrap();
    let back = plan_file::from_ron_str(&text, origin()).unwrap();
    assert!(back.staff[0].fte.is_nan());
    assert_eq!(back.staff[1].fte, f64::INFINITY);
}

#[test]
fn a_newer_version_is_refused_with_its_message() {
    let newer = FORMAT_VERSION + 1;
    // Newer files may hold fields this build does not know: the version explains it.
    let text = small_plan_text(newer, "    budget: (total: 5),\n");
    let error = plan_file::from_ron_str(&text, origin()).unwrap_err();
    assert!(
        matches!(
            error,
            PlanFileError::NewerVersion { ref path, found, supported }
                if path == origin() && found == newer && supported == FORMAT_VERSION
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "plans/x.ron: written by a newer vtvl (plan format version {newer}, this vtvl reads \
             up to version {FORMAT_VERSION}); update vtvl to open it"
        )
    );
    // Also when the newer file happens to parse.
    let text = small_plan_text(newer, "");
    assert!(matches!(
        plan_file::from_ron_str(&text, origin()),
        Err(PlanFileError::NewerVersion { .. })
    ));
}

#[test]
fn a_missing_version_is_named() {
    let text = "(\n    meta: (name: \"Kế hoạch\"),\n)\n";
    let error = plan_file::from_ron_str(text, origin()).unwrap_err();
    assert!(
        matches!(error, PlanFileError::MissingVersion { .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "plans/x.ron: not a vtvl plan file: `format_version` is missing"
    );
}

#[test]
fn a_syntax_error_reports_its_line_and_column() {
    // Line 5 lacks the comma after the first unit: the error is where the next one starts.
    let body = "    units: [\n        (id: \"a\", name: \"Phòng A\")\n        (id: \"b\", name: \"B\"),\n    ],\n";
    let error = plan_file::from_ron_str(&small_plan_text(1, body), origin()).unwrap_err();
    let PlanFileError::Parse {
        ref path,
        line,
        column,
        ref message,
    } = error
    else {
        panic!("{error:?}");
    };
    assert_eq!(path, origin());
    assert_eq!((line, column), (6, 9), "{message}");
    assert_eq!(message.en, "expected comma");
    assert_eq!(error.to_string(), "plans/x.ron:6:9: expected comma");
    assert_eq!(
        error.message(Language::Vietnamese),
        "plans/x.ron:6:9: thiếu dấu phẩy"
    );
}

#[test]
fn a_type_error_says_what_was_expected_where() {
    // Line 5: a string where a percentage goes.
    let body = "    positions: [(id: \"p\", unit_id: \"đ\", name: \"n\", category: shared, method: workload,\n        components: [(id: \"c\", name: \"Hỗ trợ\", kind: support(percent(\"mười\")))])],\n";
    let error = plan_file::from_ron_str(&small_plan_text(1, body), origin()).unwrap_err();
    let text = error.to_string();
    assert!(text.starts_with("plans/x.ron:5:"), "{text}");
    assert!(text.ends_with(": expected float"), "{text}");
}

#[test]
fn unknown_and_missing_fields_are_named() {
    let body = "    units: [(id: \"a\", nmae: \"Phòng A\")],\n";
    let error = plan_file::from_ron_str(&small_plan_text(1, body), origin()).unwrap_err();
    let text = error.to_string();
    assert!(text.starts_with("plans/x.ron:4:"), "{text}");
    assert!(text.contains("`nmae`"), "{text}");

    let body = "    units: [(id: \"a\")],\n";
    let error = plan_file::from_ron_str(&small_plan_text(1, body), origin()).unwrap_err();
    let text = error.to_string();
    assert!(text.starts_with("plans/x.ron:4:"), "{text}");
    assert!(text.contains("missing field `name`"), "{text}");
}

#[test]
fn save_then_load_gives_the_plan_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ke-hoach.ron");
    let plan = rich_plan();
    plan_file::save(&plan, &path).unwrap();
    assert_eq!(plan_file::load(&path).unwrap(), plan);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        plan_file::to_ron_string(&plan).unwrap()
    );
}

#[test]
fn save_keeps_the_previous_version_as_backup_and_leaves_no_tmp() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let backup = dir.path().join("plan.ron.bak");
    let mut plan = rich_plan();

    plan_file::save(&plan, &path).unwrap();
    assert!(!backup.exists(), "a first save has nothing to back up");

    let first = fs::read_to_string(&path).unwrap();
    plan.meta.name = "Bản thứ hai".into();
    plan_file::save(&plan, &path).unwrap();
    assert_eq!(fs::read_to_string(&backup).unwrap(), first);

    let second = fs::read_to_string(&path).unwrap();
    plan.meta.name = "Bản thứ ba".into();
    plan_file::save(&plan, &path).unwrap();
    assert_eq!(fs::read_to_string(&backup).unwrap(), second);
    assert_eq!(plan_file::load(&path).unwrap().meta.name, "Bản thứ ba");

    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["plan.ron", "plan.ron.bak"]);
}

#[test]
fn save_into_a_missing_folder_fails_clearly_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("khong-co");
    let path = folder.join("plan.ron");
    let error = plan_file::save(&rich_plan(), &path).unwrap_err();
    assert!(matches!(error, PlanFileError::Io { .. }), "{error:?}");
    let text = error.to_string();
    assert!(
        text.starts_with(&format!("{}: cannot write: ", path.display())),
        "{text}"
    );
    assert!(!folder.exists());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_failed_save_leaves_the_original_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = rich_plan();
    plan_file::save(&plan, &path).unwrap();
    let original = fs::read(&path).unwrap();
    // A folder where the backup should go makes the save fail after the new plan is written.
    fs::create_dir(dir.path().join("plan.ron.bak")).unwrap();

    let mut changed = plan.clone();
    changed.meta.name = "Không được lưu".into();
    let error = plan_file::save(&changed, &path).unwrap_err();
    assert!(
        error.to_string().contains("keep the previous version"),
        "{error}"
    );
    assert_eq!(fs::read(&path).unwrap(), original);
    // Nothing but the plan and the obstacle: the temporary file is gone.
    let mut names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["plan.ron", "plan.ron.bak"]);
}

#[test]
fn save_onto_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    fs::create_dir(&path).unwrap();
    let error = plan_file::save(&rich_plan(), &path).unwrap_err();
    assert!(matches!(error, PlanFileError::Io { .. }), "{error:?}");
    assert!(path.is_dir());
    assert!(!dir.path().join("plan.ron.bak").exists());
    assert!(vtvl::output::atomic::leftovers(&path).is_empty());
}

#[test]
fn load_names_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("khong-co.ron");
    let error = plan_file::load(&path).unwrap_err();
    assert!(matches!(error, PlanFileError::Io { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: cannot read: ", path.display())),
        "{error}"
    );
}

#[test]
fn load_points_at_bytes_that_are_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    // "Phòng" in Latin-1 on line 3: "ò" is the 21st character.
    let mut bytes = b"(\n    format_version: 1,\n    meta: (name: \"Ph".to_vec();
    bytes.extend([0xf2, b'n', b'g', b'"', b')', b')']);
    fs::write(&path, bytes).unwrap();
    let error = plan_file::load(&path).unwrap_err();
    assert!(
        matches!(
            error,
            PlanFileError::Parse {
                line: 3,
                column: 21,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("not UTF-8"), "{error}");
}

fn review() -> Review {
    Review {
        reviewer: "Lê Thị Hạnh".into(),
        organisation: "Sở Nội vụ tỉnh An Hòa".into(),
        date: CivilDate::new(2026, 11, 20),
        conclusion: "Thống nhất danh mục vị trí.\nĐề nghị hoàn thiện \"đề án\" trước 15/12/2026."
            .into(),
        lines: vec![
            Appraisal {
                appraised: Some(3),
                decision: Some(Decision::Adjust),
                comment: "Giảm 1 người: hồ sơ đo đạc đã số hóa".into(),
                decision_follows_figure: true,
                seen: Some(SeenProposal {
                    proposed: 4,
                    required: 4,
                    current: 3.5,
                    rank_code: "01.003".into(),
                    unit_id: "pkt".into(),
                }),
                ..Appraisal::new("pkt-dia-chinh")
            },
            Appraisal {
                decision: Some(Decision::Agree),
                ..Appraisal::new("vp-van-thu")
            },
            Appraisal {
                comment: "Làm rõ khối lượng".into(),
                ..Appraisal::new("pvhxh-giao-duc-y-te")
            },
        ],
    }
}

#[test]
fn a_review_survives_save_and_load_and_leaves_the_fingerprint_alone() {
    let plan = plan_file::default_plan().unwrap();
    let mut reviewed = plan.clone();
    reviewed.review = Some(review());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tham-dinh.ron");
    plan_file::save(&reviewed, &path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    for expected in [
        "    review: (",
        "reviewer: \"Lê Thị Hạnh\"",
        "date: \"2026-11-20\"",
        "decision: adjust",
        "appraised: 3",
        "comment: \"Giảm 1 người: hồ sơ đo đạc đã số hóa\"",
        "decision_follows_figure: true",
        "seen: (",
        "current: 3.5",
    ] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
    let loaded = plan_file::load(&path).unwrap();
    assert_eq!(loaded, reviewed);
    assert_eq!(
        plan_file::fingerprint(&loaded).unwrap(),
        plan_file::fingerprint(&plan).unwrap()
    );
    // The proposal still counts: changing it changes the fingerprint, review or not.
    let mut changed = loaded.clone();
    changed.positions[0].name.push_str(" (sửa)");
    assert_ne!(
        plan_file::fingerprint(&changed).unwrap(),
        plan_file::fingerprint(&loaded).unwrap()
    );
    // A plan without a review writes no review section.
    assert!(!plan_file::to_ron_string(&plan).unwrap().contains("review"));
}

#[test]
fn the_reviewed_example_is_the_commune_sample_with_a_complete_review() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/ubnd-xa-tan-hoa-tham-dinh.ron");
    let text = fs::read_to_string(&path).unwrap();
    let reviewed = plan_file::from_ron_str(&text, &path).unwrap();
    // Written exactly as vtvl saves it, and valid.
    assert_eq!(plan_file::to_ron_string(&reviewed).unwrap(), text);
    assert!(vtvl::validation::validate(&reviewed).is_empty());
    // The proposal is the bundled commune plan's, untouched.
    let sample = plan_file::default_plan().unwrap();
    let mut proposal = reviewed.clone();
    let review = proposal.review.take().expect("a review");
    assert_eq!(proposal, sample);
    assert_eq!(
        plan_file::fingerprint(&reviewed).unwrap(),
        plan_file::fingerprint(&sample).unwrap()
    );
    // Every position is appraised; by hand: 38 proposed, the guard post cut to 2 (-1), the
    // education officer rejected (-1), the one-stop desk kept at 3 (+1): 37 appraised.
    assert_eq!(review.lines.len(), sample.positions.len());
    let results = vtvl::engine::compute(&reviewed).unwrap();
    assert_eq!(results.total.proposed, 38);
    assert_eq!(results.total.appraised, Some(37));
    let appraised = |id: &str| results.position(id).unwrap().appraised;
    assert_eq!(appraised("vp-bao-ve"), Some(2));
    assert_eq!(appraised("pvhxh-giao-duc-y-te"), Some(0));
    assert_eq!(appraised("tt-tiep-nhan"), Some(3));
    assert_eq!(appraised("pkt-dia-chinh"), Some(4), "agreed: the proposal");
}

/// Every plan in `plans/`, a generated one, and the reviewed example with lines whose
/// proposal changed since they were appraised.
fn plans_for_the_columnar_cache() -> Vec<(String, Plan)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut paths: Vec<_> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    let mut plans: Vec<(String, Plan)> = paths
        .iter()
        .map(|path| {
            (
                path.display().to_string(),
                plan_file::load_ron(path).unwrap(),
            )
        })
        .collect();
    assert!(plans.len() >= 5, "{paths:?}");
    let mut spec = vtvl::generate::Spec::province(3);
    spec.units = 40;
    plans.push(("generated".into(), vtvl::generate::generate(spec)));
    let mut changed = plan_file::from_ron_str(
        &fs::read_to_string(folder.join("ubnd-xa-tan-hoa-tham-dinh.ron")).unwrap(),
        Path::new("reviewed"),
    )
    .unwrap();
    let other_unit = changed.units.last().unwrap().id.clone();
    let review = changed.review.as_mut().unwrap();
    for (i, line) in review.lines.iter_mut().enumerate().take(3) {
        line.seen = Some(SeenProposal {
            proposed: 40 + i as i64,
            required: 1,
            current: 7.5,
            rank_code: "99.999".into(),
            unit_id: other_unit.clone(),
        });
    }
    plans.push(("reviewed, changed since".into(), changed));
    plans
}

/// What `vtvl compute --format json` prints for results and changed lines.
fn results_json(
    results: &vtvl::engine::PlanResults,
    changed: &[vtvl::report::ChangedLine],
) -> String {
    let mut out = Vec::new();
    vtvl::report::write_results_json(&mut out, results, changed).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_columnar_cache_computes_what_the_plan_does() {
    use vtvl::engine::{self, PlanFrames};
    use vtvl::report::{WatchedLine, changed_lines, changed_since_appraisal, watched_lines};
    let dir = tempfile::tempdir().unwrap();
    for (i, (name, plan)) in plans_for_the_columnar_cache().into_iter().enumerate() {
        let path = dir.path().join(format!("plan-{i}.ron"));
        plan_file::save(&plan, &path).unwrap();
        let results = engine::compute(&plan).unwrap();
        let changed = changed_since_appraisal(&plan, &results);
        if name.starts_with("reviewed") {
            assert!(!changed.is_empty(), "{name}: no changed line to compare");
        }
        let expected = results_json(&results, &changed);
        let csv = vtvl::report::results_csv(&results).unwrap();

        let stamp = plan_file::Stamp::of(&path).unwrap();
        let frames = PlanFrames::of(&plan).unwrap();
        assert_eq!(
            frames.compute().unwrap(),
            results,
            "{name}: frames in memory"
        );
        plan_file::store_columns(&path, stamp, &frames, &watched_lines(&plan));
        assert!(plan_file::columns_path(&path).unwrap().exists(), "{name}");
        let (stored, watched) = plan_file::load_columns::<Vec<WatchedLine>>(&path)
            .unwrap_or_else(|| panic!("{name}: the cache was not read back"));
        let cached = stored.compute().unwrap();
        let cached_changed = changed_lines(&watched, &cached);
        assert_eq!(cached_changed, changed, "{name}");
        assert_eq!(results_json(&cached, &cached_changed), expected, "{name}");
        assert_eq!(vtvl::report::results_csv(&cached).unwrap(), csv, "{name}");
        // Results found by id, as the app and the reports look them up.
        for position in &plan.positions {
            assert_eq!(
                cached.position(&position.id).map(|p| &p.name),
                Some(&position.name)
            );
        }
    }
}

/// A generated plan saved with its columnar cache, and the cache's bytes.
fn plan_with_columns(dir: &Path) -> (std::path::PathBuf, Plan, Vec<u8>) {
    let mut spec = vtvl::generate::Spec::province(5);
    spec.units = 15;
    let plan = vtvl::generate::generate(spec);
    let path = dir.join("plan.ron");
    plan_file::save(&plan, &path).unwrap();
    let stamp = plan_file::Stamp::of(&path).unwrap();
    let frames = vtvl::engine::PlanFrames::of(&plan).unwrap();
    plan_file::store_columns(&path, stamp, &frames, &Vec::<String>::new());
    let bytes = fs::read(plan_file::columns_path(&path).unwrap()).unwrap();
    (path, plan, bytes)
}

#[test]
fn a_damaged_columnar_cache_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let (path, plan, good) = plan_with_columns(dir.path());
    let cache = plan_file::columns_path(&path).unwrap();
    let results = vtvl::engine::compute(&plan).unwrap();
    let (frames, _) = plan_file::load_columns::<Vec<String>>(&path).unwrap();
    assert_eq!(frames.compute().unwrap(), results);
    let header_len = good.iter().position(|&b| b == b'\n').unwrap() + 1;
    let flipped = |at: usize| {
        let mut bytes = good.clone();
        bytes[at] ^= 0x10;
        bytes
    };
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("half", good[..good.len() / 2].to_vec()),
        ("header only", good[..header_len].to_vec()),
        ("empty", Vec::new()),
        ("garbage", b"garbage".to_vec()),
        ("a byte of the first frame", flipped(header_len + 200)),
        ("a byte near the end", flipped(good.len() - 100)),
        ("a byte of the header", flipped(30)),
        ("more after the end", [good.clone(), b"x".to_vec()].concat()),
    ];
    for (what, bytes) in damaged {
        fs::write(&cache, bytes).unwrap();
        assert!(
            plan_file::load_columns::<Vec<String>>(&path).is_none(),
            "{what} was read"
        );
    }
    // Whole again, it reads.
    fs::write(&cache, &good).unwrap();
    assert!(plan_file::load_columns::<Vec<String>>(&path).is_some());
}

#[test]
fn an_edited_plan_file_leaves_its_columnar_cache_unread() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut plan, _) = plan_with_columns(dir.path());
    // The same size and time, another content: only the hash tells them apart.
    let old_name = plan.units[0].name.clone();
    let new_name: String = old_name
        .chars()
        .map(|c| if c == 'a' { 'b' } else { c })
        .collect();
    assert_ne!(new_name, old_name);
    plan.units[0].name = new_name;
    let time = fs::metadata(&path).unwrap().modified().unwrap();
    fs::write(&path, plan_file::to_ron_string(&plan).unwrap()).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(time)
        .unwrap();
    assert!(plan_file::load_columns::<Vec<String>>(&path).is_none());
    // A plan file changed between its stamp and the cache's writing gets no cache.
    let stamp = plan_file::Stamp::of(&path).unwrap();
    let frames = vtvl::engine::PlanFrames::of(&plan).unwrap();
    fs::write(&path, plan_file::to_ron_string(&plan).unwrap() + " ").unwrap();
    fs::remove_file(plan_file::columns_path(&path).unwrap()).unwrap();
    plan_file::store_columns(&path, stamp, &frames, &Vec::<String>::new());
    assert!(!plan_file::columns_path(&path).unwrap().exists());
    // Nothing is left behind in the folder either.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
}
