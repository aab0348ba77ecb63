//! `--lang vi|en` and the locale: the same bad input and the same plan said in each language,
//! JSON keys unchanged and JSON messages in the chosen language.

use vtvl::language::has_vietnamese_letters;

use crate::workdir::*;

/// A folder whose position names a unit that does not exist: a problem found after reading.
fn missing_unit(wd: &Workdir) -> std::path::PathBuf {
    let dir = wd.interchange("bad");
    wd.write(
        "bad/positions.csv",
        &POSITIONS.replacen(",vp,", ",vp-khong-co,", 1),
    );
    dir
}

#[test]
fn an_import_problem_follows_lang_and_the_locale() {
    let wd = Workdir::new();
    let dir = missing_unit(&wd);
    let import = ["import", s(&dir), "-o", "x.ron"];

    let vietnamese = assert_invalid(&wd.run(&import));
    let line = vietnamese
        .lines()
        .find(|l| l.contains("vp-khong-co"))
        .unwrap_or_default();
    assert!(
        line.contains("positions.csv, dòng 3, cột \"unit_id\"")
            && line.contains(", cột \"unit_id\": đơn vị \"vp-khong-co\" không có trong units.csv"),
        "{vietnamese}"
    );
    let with_flag = assert_invalid(&wd.run(&[&import[..], &["--lang", "vi"]].concat()));
    assert_eq!(with_flag, vietnamese);

    let english = assert_invalid(&wd.run(&["--lang", "en", "import", s(&dir), "-o", "x.ron"]));
    let line = english
        .lines()
        .find(|l| l.contains("vp-khong-co"))
        .unwrap_or_default();
    assert!(
        line.contains("positions.csv:3, column \"unit_id\"")
            && line.contains(", column \"unit_id\": unit \"vp-khong-co\" is not in units.csv"),
        "{english}"
    );
    assert!(!has_vietnamese_letters(&english), "{english}");

    // The locale picks English; --lang wins over it.
    let from_locale = assert_invalid(&wd.run_with_env(&import, &[("LANG", "en_US.UTF-8")]));
    assert_eq!(from_locale, english);
    let flag_wins = assert_invalid(&wd.run_with_env(
        &[&import[..], &["--lang", "vi"]].concat(),
        &[("LANG", "en_US.UTF-8")],
    ));
    assert_eq!(flag_wins, vietnamese);
    assert!(!wd.path("x.ron").exists());
}

#[test]
fn a_bad_cell_is_named_in_each_language() {
    let wd = Workdir::new();
    let dir = wd.interchange("bad");
    wd.write("bad/duties.csv", &DUTIES.replace("1200,90", "1200,ninety"));
    let args = |lang| vec!["--lang", lang, "import", s(&dir), "-o", "x.ron"];
    let vi = assert_invalid(&wd.run(&args("vi")));
    assert!(
        vi.contains("duties.csv, dòng 2, cột \"minutes_per_item\": \"ninety\" không phải là số"),
        "{vi}"
    );
    let en = assert_invalid(&wd.run(&args("en")));
    assert!(
        en.contains("duties.csv:2, column \"minutes_per_item\": \"ninety\" is not a number"),
        "{en}"
    );
    assert!(!has_vietnamese_letters(&en), "{en}");
}

#[test]
fn a_missing_plan_file_is_said_in_each_language() {
    let wd = Workdir::new();
    let vi = assert_invalid(&wd.run(&["validate", "nowhere.ron"]));
    assert!(vi.contains("nowhere.ron: không đọc được"), "{vi}");
    let en = assert_invalid(&wd.run(&["validate", "nowhere.ron", "--lang", "en"]));
    assert!(en.contains("nowhere.ron: cannot read"), "{en}");
}

#[test]
fn compute_and_check_tables_follow_lang() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let out = wd.run(&["--lang", "en", "compute", s(&plan)]);
    assert_ok(&out);
    let table = stdout(&out);
    for header in ["POSITIONS", "Required FTE", "Current", "Rounding:"] {
        assert!(table.contains(header), "{header}: {table}");
    }
    let vi = stdout(&wd.run(&["compute", s(&plan)]));
    assert!(
        vi.contains("VỊ TRÍ VIỆC LÀM") && vi.contains("Cần (FTE)"),
        "{vi}"
    );

    let out = wd.run(&["check", s(&plan), "--lang", "en", "--at", "2026-09-01"]);
    let table = stdout(&out);
    assert!(table.contains("CHECK OF THE PLAN"), "{table}");
    assert!(table.contains("Legal basis"), "{table}");
    let vi = stdout(&wd.run(&["check", s(&plan), "--at", "2026-09-01"]));
    assert!(
        vi.contains("KIỂM TRA ĐỀ ÁN") && vi.contains("Căn cứ"),
        "{vi}"
    );
}

#[test]
fn json_keys_stay_and_messages_follow_lang() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let run = |lang| {
        let out = wd.run(&[
            "check",
            s(&plan),
            "--format",
            "json",
            "--at",
            "2026-09-01",
            "--lang",
            lang,
        ]);
        serde_json::from_str::<Vec<serde_json::Value>>(&stdout(&out)).unwrap()
    };
    let (vi, en) = (run("vi"), run("en"));
    assert_eq!(vi.len(), en.len());
    assert!(!vi.is_empty(), "the small commune has findings");
    for (v, e) in vi.iter().zip(&en) {
        let keys = |f: &serde_json::Value| {
            let mut keys: Vec<String> = f.as_object().unwrap().keys().cloned().collect();
            keys.sort();
            keys
        };
        assert_eq!(keys(v), keys(e));
        assert_eq!(v["rule_id"], e["rule_id"]);
        assert_eq!(
            v["legal_basis"], e["legal_basis"],
            "citations stay as they are"
        );
        let (v, e) = (
            v["message"].as_str().unwrap(),
            e["message"].as_str().unwrap(),
        );
        assert_ne!(v, e);
        assert!(has_vietnamese_letters(v), "{v}");
    }
}

/// What an English finding may quote in Vietnamese: the citations of the instruments (their
/// numbers and clauses, as rule and norm packs write them).
fn citations() -> Vec<String> {
    let review = vtvl::rules::catalogue()
        .unwrap()
        .packs
        .iter()
        .flat_map(|pack| {
            std::iter::once(pack.instrument.code.clone())
                .chain(pack.rules.iter().map(|rule| rule.clause.clone()))
        });
    let norms = vtvl::norms::norm_packs().unwrap().iter().flat_map(|pack| {
        std::iter::once(pack.instrument.code.clone())
            .chain(pack.rules.iter().map(|rule| rule.clause.clone()))
    });
    review.chain(norms).filter(|c| !c.is_empty()).collect()
}

/// The names a plan gives itself: its name, its agency, its units and positions.
fn plan_names(plan: &vtvl::model::Plan) -> Vec<String> {
    plan.units
        .iter()
        .map(|u| u.name.clone())
        .chain(plan.positions.iter().map(|p| p.name.clone()))
        .chain([plan.meta.name.clone(), plan.meta.agency.clone()])
        .filter(|n| !n.is_empty())
        .collect()
}

#[test]
fn english_findings_of_every_sample_plan_have_no_vietnamese_but_names_and_citations() {
    let wd = Workdir::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut plans: Vec<_> = std::fs::read_dir(root)
        .expect("plans")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    plans.sort();
    assert!(plans.len() >= 4, "{plans:?}");
    let citations = citations();
    let mut norm_findings = 0;
    for path in &plans {
        let plan = vtvl::plan_file::load(path).unwrap();
        // Longest first, so that a name inside another is taken out after it.
        let mut quoted: Vec<String> = plan_names(&plan)
            .into_iter()
            .chain(citations.iter().cloned())
            .collect();
        quoted.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        // The plan's own date, and a day when the communes' norm (to 30/06/2025) still applies.
        for at in [None, Some("2024-06-01")] {
            let mut args = vec!["--lang", "en", "check", s(path), "--format", "json"];
            args.extend(at.iter().flat_map(|at| ["--at", *at]));
            let out = wd.run(&args);
            let findings: Vec<serde_json::Value> =
                serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {out:?}"));
            for finding in &findings {
                let message = finding["message"].as_str().unwrap();
                let mut rest = message.replace(finding["legal_basis"].as_str().unwrap(), "");
                for name in &quoted {
                    rest = rest.replace(name.as_str(), "");
                }
                assert!(
                    !has_vietnamese_letters(&rest),
                    "{} at {at:?}: {message}\nleft: {rest}",
                    path.display()
                );
                if finding["rule_id"].as_str().unwrap().contains(".norms.") {
                    norm_findings += 1;
                }
            }
        }
    }
    // The school's and the commune's norms speak.
    assert!(norm_findings >= 5, "{norm_findings} norm findings");
}
