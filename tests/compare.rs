//! Comparing proposals: the commune sample plan against changed copies (ids renamed and paired
//! by name, positions added and removed, a volume changed and its FTE reported with the
//! engine's figures), and the benchmark's spread and outliers on crafted plans, at and just
//! past the 1.5 × median and 2/3 × median bounds.

use vtvl::compare::{
    self, BenchmarkPlan, Field, MatchedBy, Outlier, PositionComparison, Status, VersionComparison,
};
use vtvl::engine;
use vtvl::model::{
    Calendar, Component, ComponentKind, Plan, Position, Proposal, StaffMember, SupportAmount, Unit,
};

const EPS: f64 = 1e-9;
/// Hours a year by the Vietnamese default calendar, which the commune plan uses.
const AWT: f64 = 1896.0;

fn commune() -> Plan {
    vtvl::plan_file::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/ubnd-xa-tan-hoa.ron"
    )))
    .expect("sample plan")
}

fn position<'a>(c: &'a VersionComparison, id: &str) -> &'a PositionComparison {
    c.positions
        .iter()
        .find(|p| p.id() == id)
        .unwrap_or_else(|| panic!("position {id} in the comparison"))
}

fn service(volume: f64, minutes: f64) -> ComponentKind {
    ComponentKind::Service {
        volume,
        minutes_per_item: minutes,
        coefficient: 1.0,
    }
}

fn set_volume(plan: &mut Plan, position_id: &str, component_id: &str, volume: f64) {
    let component = plan
        .positions
        .iter_mut()
        .find(|p| p.id == position_id)
        .and_then(|p| p.components.iter_mut().find(|c| c.id == component_id))
        .expect("component");
    match &mut component.kind {
        ComponentKind::Service { volume: v, .. } => *v = volume,
        other => panic!("not a service component: {other:?}"),
    }
}

/// Renames a position's id everywhere it is referred to.
fn rename_position(plan: &mut Plan, old: &str, new: &str) {
    for p in plan.positions.iter_mut().filter(|p| p.id == old) {
        p.id = new.to_owned();
    }
    for s in plan
        .staff
        .iter_mut()
        .filter(|s| s.position_id.as_deref() == Some(old))
    {
        s.position_id = Some(new.to_owned());
    }
}

/// The commune plan's next version: "vp-tong-hop" re-keyed as "vp-tong-hop-2" with 400 more
/// documents a year (1,100 -> 1,500 at 90 minutes), a legal-affairs position added (1,896 items
/// at 60 minutes: exactly 1 FTE, proposed 2), and the education-health position removed.
fn next_version() -> Plan {
    let mut plan = commune();
    set_volume(&mut plan, "vp-tong-hop", "d-vp-001", 1500.0);
    rename_position(&mut plan, "vp-tong-hop", "vp-tong-hop-2");
    plan.positions.retain(|p| p.id != "pvhxh-giao-duc-y-te");
    plan.positions.push(Position {
        components: vec![Component {
            id: "d-pc-001".into(),
            name: "Thẩm định văn bản quy phạm pháp luật".into(),
            code: None,
            kind: service(1896.0, 60.0),
        }],
        proposed: Some(Proposal {
            count: 2,
            reason: "Khối lượng tăng".into(),
        }),
        ..Position::new("vp-phap-che", "vp", "Chuyên viên pháp chế")
    });
    assert!(vtvl::validation::validate(&plan).is_empty());
    plan
}

#[test]
fn a_renamed_position_is_paired_by_name_and_its_volume_change_explained() {
    let (old, new) = (commune(), next_version());
    let c = compare::compare_versions(&old, &new).unwrap();
    let p = position(&c, "vp-tong-hop-2");
    assert_eq!(p.status, Status::Changed);
    assert_eq!(p.matched_by, Some(MatchedBy::Name));
    let id_change = p.fields.iter().find(|f| f.field == Field::Id).unwrap();
    assert_eq!(id_change.old.as_deref(), Some("vp-tong-hop"));
    assert_eq!(id_change.new.as_deref(), Some("vp-tong-hop-2"));
    assert_eq!(p.fields.len(), 1, "{:?}", p.fields);

    // One component changed, paired by its id: 1,100 -> 1,500 documents at 90 minutes.
    assert_eq!(p.workload.len(), 1);
    let w = &p.workload[0];
    assert_eq!(w.status, Status::Changed);
    assert_eq!(w.matched_by, Some(MatchedBy::Id));
    let (o, n) = (w.old.as_ref().unwrap(), w.new.as_ref().unwrap());
    assert_eq!((o.volume, n.volume), (Some(1100.0), Some(1500.0)));
    assert_eq!(n.minutes_per_item, Some(90.0));
    // By hand: 1,100 x 90 / 60 = 1,650 h and 1,500 x 90 / 60 = 2,250 h over 1,896 h.
    assert!((o.fte.unwrap() - 1650.0 / AWT).abs() < EPS);
    assert!((n.fte.unwrap() - 2250.0 / AWT).abs() < EPS);
    assert!((w.fte_change.unwrap() - 600.0 / AWT).abs() < EPS);
    assert_eq!(o.hours, Some(1650.0));

    // The same figures as the engine's own explanation of each version.
    for (plan, id, side) in [(&old, "vp-tong-hop", o), (&new, "vp-tong-hop-2", n)] {
        let results = engine::compute(plan).unwrap();
        let explanation = engine::explain(plan, &results, id).unwrap();
        let engine_fte = explanation.components[0]
            .fte(explanation.position.available_hours)
            .unwrap();
        assert_eq!(side.fte, Some(engine_fte));
    }

    // The position: the component's FTE times the support factor; 2 -> 3 people.
    let (po, pn) = (p.old.as_ref().unwrap(), p.new.as_ref().unwrap());
    let caf = engine::compute(&new)
        .unwrap()
        .position("vp-tong-hop-2")
        .unwrap()
        .caf;
    assert!((p.change.required_fte - 600.0 / AWT * caf).abs() < 1e-9);
    assert_eq!((po.figures.required, pn.figures.required), (2, 3));
    assert_eq!((po.figures.proposed, pn.figures.proposed), (2, 3));
    assert_eq!((po.figures.current, pn.figures.current), (2.0, 2.0));
    assert_eq!(p.change.required, 1);
    assert!(p.hours.is_none());
}

#[test]
fn added_and_removed_positions_and_the_totals() {
    let c = compare::compare_versions(&commune(), &next_version()).unwrap();

    let added = position(&c, "vp-phap-che");
    assert_eq!(added.status, Status::Added);
    assert_eq!(added.matched_by, None);
    assert!(added.old.is_none());
    let figures = added.new.as_ref().unwrap().figures;
    // 1,896 items x 60 minutes = 1,896 h = 1 FTE (no support work): 1 required, 2 proposed.
    assert!((figures.required_fte - 1.0).abs() < EPS);
    assert_eq!((figures.required, figures.proposed), (1, 2));
    assert_eq!(added.change.proposed, 2);
    assert_eq!(added.workload.len(), 1);
    assert_eq!(added.workload[0].status, Status::Added);
    assert!((added.workload[0].fte_change.unwrap() - 1.0).abs() < EPS);

    let removed = position(&c, "pvhxh-giao-duc-y-te");
    assert_eq!(removed.status, Status::Removed);
    assert!(removed.new.is_none());
    let old = removed.old.as_ref().unwrap().figures;
    assert_eq!((old.required, old.current), (1, 0.0));
    assert_eq!(removed.change.required, -1);
    assert!(removed.workload.iter().all(|w| w.status == Status::Removed));
    // Removed positions are listed after the newer plan's.
    assert_eq!(c.positions.last().unwrap().id(), "pvhxh-giao-duc-y-te");

    // Units roll up their subtree: the office gains 1 + 1 required (2 proposed for the new
    // position), the culture division loses 1, the commune sums both.
    let unit = |id: &str| c.units.iter().find(|u| u.id() == id).unwrap();
    assert_eq!(unit("vp").change.required, 2);
    assert_eq!(unit("vp").change.proposed, 3);
    assert_eq!(unit("pvhxh").change.required, -1);
    assert_eq!(unit("ubnd").change.required, 1);
    assert_eq!(unit("pkt").status, Status::Unchanged);

    assert_eq!((c.total.old.required, c.total.new.required), (38, 39));
    assert_eq!((c.total.old.proposed, c.total.new.proposed), (38, 40));
    assert_eq!(c.total.change.current, 0.0);

    let s = c.summary.positions;
    assert_eq!((s.added, s.removed, s.changed, s.unchanged), (1, 1, 1, 25));
}

#[test]
fn a_re_keyed_unit_pairs_by_name_and_keeps_its_positions_in_place() {
    let old = commune();
    let mut new = old.clone();
    for u in new.units.iter_mut().filter(|u| u.id == "pkt") {
        u.id = "phong-kinh-te".into();
        u.name = "PHÒNG  KINH TẾ".into();
    }
    for p in new.positions.iter_mut().filter(|p| p.unit_id == "pkt") {
        p.unit_id = "phong-kinh-te".into();
    }
    for s in new.staff.iter_mut().filter(|s| s.unit_id == "pkt") {
        s.unit_id = "phong-kinh-te".into();
    }
    // A position of the re-keyed unit re-keyed too: still paired by name within it.
    rename_position(&mut new, "pkt-ke-toan", "ke-toan-xa");
    assert!(vtvl::validation::validate(&new).is_empty());

    let c = compare::compare_versions(&old, &new).unwrap();
    let unit = c.units.iter().find(|u| u.id() == "phong-kinh-te").unwrap();
    assert_eq!(unit.matched_by, Some(MatchedBy::Name));
    assert_eq!(unit.status, Status::Changed);
    let fields: Vec<Field> = unit.fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, vec![Field::Id, Field::Name]);
    assert!(unit.change.is_zero());

    // Same id, paired unit: not a move.
    let dia_chinh = position(&c, "pkt-dia-chinh");
    assert_eq!(dia_chinh.status, Status::Unchanged);
    let ke_toan = position(&c, "ke-toan-xa");
    assert_eq!(ke_toan.matched_by, Some(MatchedBy::Name));
    let fields: Vec<Field> = ke_toan.fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, vec![Field::Id]);
    assert_eq!(c.summary.positions.added + c.summary.positions.removed, 0);
}

#[test]
fn moves_calendars_and_staff_are_changes() {
    let old = commune();
    let mut new = old.clone();
    // Five more days of other leave: 232 days, 1,856 hours.
    new.calendars = vec![Calendar {
        other_leave: 5.0,
        ..Calendar::vietnamese_default()
    }];
    // The clerk moves from the office to the economic division.
    for p in new.positions.iter_mut().filter(|p| p.id == "vp-van-thu") {
        p.unit_id = "pkt".into();
    }
    for s in new
        .staff
        .iter_mut()
        .filter(|s| s.position_id.as_deref() == Some("vp-van-thu"))
    {
        s.unit_id = "pkt".into();
    }
    // Someone joins the education-health position.
    new.staff.push(StaffMember {
        id: "s-moi".into(),
        unit_id: "pvhxh".into(),
        position_id: Some("pvhxh-giao-duc-y-te".into()),
        rank_code: String::new(),
        fte: 1.0,
        birth_date: None,
        sex: None,
        retires_on: None,
        personal: Default::default(),
    });
    assert!(vtvl::validation::validate(&new).is_empty());
    let c = compare::compare_versions(&old, &new).unwrap();

    let tong_hop = position(&c, "vp-tong-hop");
    assert_eq!(tong_hop.status, Status::Changed);
    assert!(tong_hop.workload.is_empty(), "no input changed");
    let hours = tong_hop.hours.as_ref().unwrap();
    assert_eq!(
        (hours.old_available_days, hours.new_available_days),
        (237.0, 232.0)
    );
    assert_eq!(
        (hours.old_available_hours, hours.new_available_hours),
        (1896.0, 1856.0)
    );
    // Fixed positions do not depend on working time.
    assert!(position(&c, "ubnd-chu-tich").hours.is_none());

    let van_thu = position(&c, "vp-van-thu");
    let moved = van_thu
        .fields
        .iter()
        .find(|f| f.field == Field::Unit)
        .unwrap();
    assert_eq!(
        (moved.old.as_deref(), moved.new.as_deref()),
        (Some("vp"), Some("pkt"))
    );

    let giao_duc = position(&c, "pvhxh-giao-duc-y-te");
    assert_eq!(giao_duc.change.current, 1.0);
    assert!(giao_duc.fields.is_empty());
}

#[test]
fn the_same_plan_is_unchanged_throughout() {
    let plan = commune();
    let c = compare::compare_versions(&plan, &plan).unwrap();
    assert!(c.units.iter().all(|u| u.status == Status::Unchanged));
    assert!(c.positions.iter().all(|p| p.status == Status::Unchanged));
    assert!(c.total.change.is_zero());
}

#[test]
fn components_pair_by_code_and_support_has_no_fte_of_its_own() {
    let mut old = commune();
    let position = old
        .positions
        .iter_mut()
        .find(|p| p.id == "vp-tu-phap")
        .unwrap();
    position.components[0].code = Some("2.000815".into());
    let mut new = old.clone();
    let position = new
        .positions
        .iter_mut()
        .find(|p| p.id == "vp-tu-phap")
        .unwrap();
    position.components[0].id = "chung-thuc".into();
    position.components[0].name = "Chứng thực (đổi tên)".into();
    position.components.push(Component {
        id: "hop".into(),
        name: "Họp giao ban".into(),
        code: None,
        kind: ComponentKind::Support(SupportAmount::Percent(5.0)),
    });
    let c = compare::compare_versions(&old, &new).unwrap();
    let p = self::position(&c, "vp-tu-phap");
    assert_eq!(p.workload.len(), 2);
    assert_eq!(p.workload[0].matched_by, Some(MatchedBy::Code));
    assert_eq!(p.workload[0].fte_change, Some(0.0));
    assert_eq!(p.workload[1].status, Status::Added);
    assert_eq!(
        p.workload[1].new.as_ref().unwrap().support_share,
        Some(0.05)
    );
    assert_eq!(p.workload[1].fte_change, None);
    assert!(p.change.required_fte > 0.0);
}

// --- Benchmark ---

/// An agency's plan: one unit, one position, service components `(code, volume, minutes)`.
fn agency(name: &str, components: &[(Option<&str>, f64, f64)]) -> Plan {
    Plan {
        units: vec![Unit::new("u", None, name)],
        positions: vec![Position {
            components: components
                .iter()
                .enumerate()
                .map(|(i, (code, volume, minutes))| Component {
                    id: format!("c{i}"),
                    name: format!("Thủ tục {}", code.unwrap_or("không mã")),
                    code: code.map(str::to_owned),
                    kind: service(*volume, *minutes),
                })
                .collect(),
            ..Position::new("p", "u", "Chuyên viên một cửa")
        }],
        ..Plan::default()
    }
}

fn run(plans: &[(&str, Plan)]) -> compare::Benchmark {
    let entries: Vec<BenchmarkPlan> = plans
        .iter()
        .map(|(label, plan)| BenchmarkPlan { label, plan })
        .collect();
    let benchmark = compare::benchmark(&entries).unwrap();
    // Given the results the plans already have, the benchmark is the same.
    let results: Vec<_> = plans
        .iter()
        .map(|(_, plan)| vtvl::engine::compute(plan).unwrap())
        .collect();
    let results: Vec<_> = results.iter().collect();
    assert_eq!(
        compare::benchmark_computed(&entries, &results).unwrap(),
        benchmark
    );
    benchmark
}

#[test]
fn values_at_the_bounds_are_not_outliers() {
    // Median 60: 90 is exactly 1.5 x 60 and 40 exactly 2/3 of it.
    let b = run(&[
        ("Xã A", agency("A", &[(Some("1.001"), 100.0, 40.0)])),
        ("Xã B", agency("B", &[(Some("1.001"), 100.0, 60.0)])),
        ("Xã C", agency("C", &[(Some("1.001"), 100.0, 90.0)])),
    ]);
    assert_eq!(b.codes.len(), 1);
    let code = &b.codes[0];
    assert_eq!((code.agencies, code.judged), (3, true));
    let m = code.minutes_per_item;
    assert_eq!((m.median, m.min, m.max), (60.0, 40.0, 90.0));
    assert!(code.values.iter().all(|v| v.minutes_outlier.is_none()));
    // Staff per 1,000 items is proportional to the minutes here (same volume and calendar),
    // so its bounds are met exactly too: 1,000 x 60 / 60 / 1,896 for the median.
    let s = code.staff_per_1000.unwrap();
    assert!((s.median - 1000.0 / AWT).abs() < EPS);
    assert!(code.values.iter().all(|v| v.staff_outlier.is_none()));
    assert_eq!(b.outlier_count(), 0);
}

#[test]
fn values_just_past_the_bounds_are_outliers() {
    let b = run(&[
        ("Xã A", agency("A", &[(Some("1.001"), 100.0, 39.9)])),
        ("Xã B", agency("B", &[(Some("1.001"), 100.0, 60.0)])),
        ("Xã C", agency("C", &[(Some("1.001"), 100.0, 90.1)])),
    ]);
    let values = &b.codes[0].values;
    let agencies: Vec<&str> = values.iter().map(|v| v.agency.as_str()).collect();
    assert_eq!(agencies, ["Xã A", "Xã B", "Xã C"]);
    let flags: Vec<Option<Outlier>> = values.iter().map(|v| v.minutes_outlier).collect();
    assert_eq!(flags, [Some(Outlier::Low), None, Some(Outlier::High)]);
    let flags: Vec<Option<Outlier>> = values.iter().map(|v| v.staff_outlier).collect();
    assert_eq!(flags, [Some(Outlier::Low), None, Some(Outlier::High)]);
    assert_eq!(b.outlier_count(), 4);
}

#[test]
fn an_even_number_of_agencies_takes_the_middle_pair_for_median() {
    // Median of 40, 50, 70, 100 is 60: 100 > 90 is high, 40 = 2/3 x 60 is not low.
    let b = run(&[
        ("A", agency("A", &[(Some("X"), 10.0, 40.0)])),
        ("B", agency("B", &[(Some("X"), 10.0, 50.0)])),
        ("C", agency("C", &[(Some("X"), 10.0, 70.0)])),
        ("D", agency("D", &[(Some("X"), 10.0, 100.0)])),
    ]);
    let code = &b.codes[0];
    assert_eq!(code.minutes_per_item.median, 60.0);
    let flags: Vec<Option<Outlier>> = code.values.iter().map(|v| v.minutes_outlier).collect();
    assert_eq!(flags, [None, None, None, Some(Outlier::High)]);
}

#[test]
fn several_components_of_a_code_are_weighted_by_volume() {
    let b = run(&[
        (
            "A",
            agency(
                "A",
                &[
                    (Some("K"), 100.0, 30.0),
                    (Some("K"), 300.0, 50.0),
                    (None, 5.0, 999.0),
                ],
            ),
        ),
        (
            "B",
            agency("B", &[(Some("K"), 200.0, 45.0), (Some("L"), 10.0, 20.0)]),
        ),
    ]);
    let k = b.codes.iter().find(|c| c.code == "K").unwrap();
    let a = &k.values[0];
    assert_eq!(a.components, 2);
    assert_eq!(a.volume, 400.0);
    // (100 x 30 + 300 x 50) / 400 = 45 minutes; 18,000 min = 300 h = 300/1,896 FTE per
    // 400 items.
    assert!((a.minutes_per_item - 45.0).abs() < EPS);
    let staff = 300.0 / AWT * 1000.0 / 400.0;
    assert!((a.staff_per_1000.unwrap() - staff).abs() < EPS);
    // Both agencies at 45 minutes and the same staff per item: nothing stands out.
    assert!((k.minutes_per_item.median - 45.0).abs() < EPS);
    assert!(
        k.values
            .iter()
            .all(|v| v.minutes_outlier.is_none() && v.staff_outlier.is_none())
    );

    // A code one agency uses is listed, not judged.
    let l = b.codes.iter().find(|c| c.code == "L").unwrap();
    assert_eq!((l.agencies, l.judged), (1, false));
    assert_eq!(l.values[0].minutes_per_item, 20.0);
    // Components without a code are left out.
    assert_eq!(b.codes.len(), 2);
}

#[test]
fn staff_per_thousand_items_follows_the_engine() {
    // The coefficient and the calendar count in the FTE, not in the minutes.
    let mut a = agency("A", &[(Some("K"), 1000.0, 60.0)]);
    if let ComponentKind::Service { coefficient, .. } = &mut a.positions[0].components[0].kind {
        *coefficient = 1.5;
    }
    let mut b = agency("B", &[(Some("K"), 1000.0, 60.0)]);
    b.calendars = vec![Calendar {
        available_hours: Some(1200.0),
        ..Calendar::vietnamese_default()
    }];
    let result = run(&[("A", a.clone()), ("B", b)]);
    let k = &result.codes[0];
    assert_eq!(k.values[0].minutes_per_item, 60.0);
    let engine_fte = engine::all_contributions(&a).unwrap()[0][0]
        .fte(engine::compute(&a).unwrap().positions[0].available_hours)
        .unwrap();
    assert!((k.values[0].staff_per_1000.unwrap() - engine_fte).abs() < EPS);
    assert!((engine_fte - 1500.0 / AWT).abs() < EPS);
    assert!((k.values[1].staff_per_1000.unwrap() - 1000.0 / 1200.0).abs() < EPS);
}

#[test]
fn the_commune_against_a_copy_asking_four_times_the_time_for_one_procedure() {
    let mut copy = commune();
    for component in copy
        .positions
        .iter_mut()
        .flat_map(|p| p.components.iter_mut())
    {
        if component.code.as_deref() == Some("2.000815")
            && let ComponentKind::Service {
                minutes_per_item, ..
            } = &mut component.kind
        {
            *minutes_per_item *= 4.0;
        }
    }
    let b = run(&[("Tân Hòa", commune()), ("Bản sao", copy)]);
    let codes_in_plan = commune()
        .positions
        .iter()
        .flat_map(|p| &p.components)
        .filter(|c| matches!(c.kind, ComponentKind::Service { .. }))
        .filter_map(|c| c.code.clone())
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(b.codes.len(), codes_in_plan.len());
    assert!(b.codes.iter().all(|c| c.agencies == 2 && c.judged));
    // Chứng thực bản sao: 6 minutes against 24, median 15: 24 > 22.5 and 6 < 10.
    let copies = b.codes.iter().find(|c| c.code == "2.000815").unwrap();
    assert_eq!(copies.minutes_per_item.median, 15.0);
    let flags: Vec<Option<Outlier>> = copies.values.iter().map(|v| v.minutes_outlier).collect();
    assert_eq!(flags, [Some(Outlier::Low), Some(Outlier::High)]);
    let flags: Vec<Option<Outlier>> = copies.values.iter().map(|v| v.staff_outlier).collect();
    assert_eq!(flags, [Some(Outlier::Low), Some(Outlier::High)]);
    // Every other procedure is the same in both plans.
    assert_eq!(b.outlier_count(), 4);
}

#[test]
fn plans_without_codes_give_an_empty_benchmark() {
    let mut plan = commune();
    for component in plan
        .positions
        .iter_mut()
        .flat_map(|p| p.components.iter_mut())
    {
        component.code = None;
    }
    let b = run(&[("Xã", plan.clone()), ("Xã 2", plan)]);
    assert_eq!(b.agencies, ["Xã", "Xã 2"]);
    assert!(b.codes.is_empty());
}
