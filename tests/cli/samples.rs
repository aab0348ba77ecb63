//! Every bundled sample organisation imports, computes, and matches its plan in `plans/`.

use std::path::Path;

use crate::workdir::*;

fn samples() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-orgs");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .expect("sample-orgs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn there_are_at_least_four_samples() {
    assert!(samples().len() >= 4, "{:?}", samples());
}

#[test]
fn every_sample_imports_computes_and_matches_its_plan() {
    let wd = Workdir::new();
    for dir in samples() {
        let name = dir.file_name().unwrap().to_str().unwrap().to_owned();
        let plan = wd.path(&format!("{name}.ron"));
        assert_ok(&wd.run(&["import", s(&dir), "-o", s(&plan)]));
        let out = wd.run(&["compute", s(&plan), "--format", "json"]);
        assert_ok(&out);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert!(json["total"]["required"].as_i64().unwrap() > 0, "{name}");
        // The labour-contract posts (named so) are marked and counted under `contract`.
        let positions = json["positions"].as_array().unwrap();
        let contracts: Vec<&serde_json::Value> = positions
            .iter()
            .filter(|p| p["name"].as_str().unwrap().contains("(hợp đồng lao động)"))
            .collect();
        assert!(!contracts.is_empty(), "{name} has contract posts");
        for position in positions {
            let named = contracts.contains(&position);
            assert_eq!(
                position["employment"] == "contract",
                named,
                "{name}: {}",
                position["id"]
            );
        }
        let contract_required: i64 = contracts
            .iter()
            .map(|p| p["required"].as_i64().unwrap())
            .sum();
        assert_eq!(
            json["total"]["by_employment"]["contract"]["required"], contract_required,
            "{name}"
        );
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("plans/{name}.ron"));
        let shipped = std::fs::read_to_string(&bundled).unwrap_or_default();
        // Scenarios of the projection live in the plan file only (a CSV folder has none):
        // the shipped plan is the import with its scenarios added.
        if let Ok(shipped_plan) = vtvl::plan_file::load(&bundled)
            && !shipped_plan.scenarios.is_empty()
        {
            let mut with_scenarios = vtvl::plan_file::load(&plan).unwrap();
            with_scenarios.scenarios = shipped_plan.scenarios;
            vtvl::plan_file::save(&with_scenarios, &plan).unwrap();
        }
        let imported = std::fs::read_to_string(&plan).unwrap();
        assert!(
            imported == shipped,
            "plans/{name}.ron is not what sample-orgs/{name} imports to; refresh it with \
             `vtvl import sample-orgs/{name} -o plans/{name}.ron`"
        );
    }
}
