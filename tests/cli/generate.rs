//! `vtvl generate`: synthetic plans that validate and compute.

use crate::workdir::*;

#[test]
fn generated_plan_validates_and_computes() {
    let wd = Workdir::new();
    let plan = wd.path("synthetic.ron");
    let out = wd.run(&["generate", "--units", "40", "--seed", "3", "-o", s(&plan)]);
    assert_ok(&out);
    assert!(stderr(&out).contains("40 đơn vị"));
    assert_ok(&wd.run(&["validate", s(&plan)]));
    let out = wd.run(&["compute", s(&plan), "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["units"].as_array().unwrap().len(), 40);
    assert!(json["total"]["current"].as_f64().unwrap() > 0.0);
}
