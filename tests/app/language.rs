//! The app in English: menus, tab names, table headers, the Checks panel's findings and the
//! unit types on a sample plan carry no Vietnamese but the names the plan gives.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use vtvl::app::VtvlApp;
use vtvl::app::document::Document;
use vtvl::app::state::{Preferences, Tab};
use vtvl::language::{Language, has_vietnamese_letters};
use vtvl::model::Plan;

use crate::harness::{click, has_label_containing};

fn english_harness(plan: Plan) -> Harness<'static, VtvlApp> {
    let preferences = Preferences {
        language: Language::English,
        ..Preferences::default()
    };
    let app = VtvlApp::new(Document::new(plan, None), preferences);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(vtvl::app::fonts::install)
        .build_ui_state(|ui, app: &mut VtvlApp| app.ui(ui), app);
    harness.run();
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    harness
}

/// What the plan names itself: units, positions, components, staff, the plan and its agency,
/// and the language menu's own name for Vietnamese. Longest first.
fn names(plan: &Plan) -> Vec<String> {
    let mut names: Vec<String> = plan
        .units
        .iter()
        .map(|u| u.name.clone())
        .chain(plan.positions.iter().map(|p| p.name.clone()))
        .chain(
            plan.positions
                .iter()
                .flat_map(|p| p.components.iter().map(|c| c.name.clone())),
        )
        .chain([
            plan.meta.name.clone(),
            plan.meta.agency.clone(),
            Language::Vietnamese.name().to_owned(),
        ])
        .filter(|name| !name.is_empty())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
}

/// Every text on screen that still has a Vietnamese letter once the plan's names are taken out.
fn vietnamese_left(harness: &Harness<'static, VtvlApp>, names: &[String]) -> Vec<String> {
    let mut left: Vec<String> = harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .flat_map(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value()]
        })
        .flatten()
        .map(|label| {
            let mut text = label.clone();
            for name in names {
                text = text.replace(name.as_str(), "");
            }
            (label, text)
        })
        .filter(|(_, text)| has_vietnamese_letters(text))
        .map(|(label, _)| label)
        .collect();
    left.sort();
    left.dedup();
    left
}

/// The department sample with no province class and a deputy without its role, so that the
/// Checks panel has findings of several kinds to show.
fn department() -> Plan {
    let mut plan = vtvl::plan_file::BUNDLED[1].load().unwrap();
    plan.meta.province_class = None;
    if let Some(deputy) = plan
        .positions
        .iter_mut()
        .find(|p| p.role == Some(vtvl::model::LeaderRole::Deputy))
    {
        deputy.role = None;
    }
    plan
}

#[test]
fn the_english_app_shows_no_vietnamese_but_the_plans_names() {
    let plan = department();
    let names = names(&plan);
    let mut harness = english_harness(plan);

    // The main window: menus, tabs, the unit tree and the positions table.
    harness.get_by_label("File");
    harness.get_by_label("Positions");
    assert_eq!(vietnamese_left(&harness, &names), Vec::<String>::new());

    // The File menu opened.
    click(&mut harness, "File");
    assert_eq!(vietnamese_left(&harness, &names), Vec::<String>::new());
    harness.key_press(egui::Key::Escape);
    harness.run();

    // The Checks panel with its findings, each listed in English.
    click(&mut harness, "Checks");
    let findings = {
        let state = &mut harness.state_mut().state;
        let key = state.view_key();
        let document = &state.document;
        state
            .checks
            .findings(key, document)
            .unwrap_or_default()
            .to_vec()
    };
    assert!(!findings.is_empty(), "the sample has findings to show");
    for finding in &findings {
        assert!(
            has_label_containing(&harness, &finding.message.en),
            "{}",
            finding.message.en
        );
    }
    assert_eq!(vietnamese_left(&harness, &names), Vec::<String>::new());

    // A finding selected: its explanation, figures and parameters.
    click(&mut harness, &findings[0].message.en);
    harness.state_mut().state.tab = Tab::Positions;
    harness.run();
    let explained: Vec<String> = vietnamese_left(&harness, &names)
        .into_iter()
        // The rule's name and text, and the instrument's title, are quoted from the packs.
        .filter(|text| {
            let rule = vtvl::rules::rule(&findings[0].rule_id);
            !rule.is_some_and(|r| {
                text == r.rule.name() || text == &r.rule.text || text == &r.pack.instrument.title
            }) && !text.contains(&findings[0].legal_basis)
        })
        .collect();
    assert_eq!(explained, Vec::<String>::new());
}

#[test]
fn unit_types_and_categories_are_named_in_english() {
    let plan = vtvl::plan_file::default_plan().unwrap();
    let unit = plan.units[0].clone();
    let mut harness = english_harness(plan);
    harness.state_mut().state.selected_unit = Some(unit.id.clone());
    harness.state_mut().state.tab = Tab::Positions;
    harness.run();
    let english = unit.unit_type.label_en();
    let shown = harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .any(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .any(|text| text.contains(english))
        });
    assert!(shown, "the unit type {:?} in English", unit.unit_type);
}

#[test]
fn a_sector_norm_finding_reads_in_english_with_english_numbers() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/truong-thcs-nguyen-du.ron");
    let mut plan = vtvl::plan_file::load(&path).unwrap();
    plan.meta.judged_at = Some("2026-09-01".parse().unwrap());
    // The plan's names, and the citations of the instruments (numbers and clauses).
    let mut names = names(&plan);
    for pack in vtvl::rules::catalogue().unwrap().packs.iter() {
        names.push(pack.instrument.code.clone());
        names.extend(pack.rules.iter().map(|r| r.clause.clone()));
    }
    for pack in vtvl::norms::norm_packs().unwrap() {
        names.push(pack.instrument.code.clone());
        names.extend(pack.rules.iter().map(|r| r.clause.clone()));
    }
    names.retain(|n| !n.is_empty());
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    let mut harness = english_harness(plan);
    click(&mut harness, "Checks");
    let finding = {
        let state = &mut harness.state_mut().state;
        let key = state.view_key();
        let document = &state.document;
        state
            .checks
            .findings(key, document)
            .unwrap_or_default()
            .iter()
            .find(|f| f.message.en.contains("Teachers: norm at most 53 people"))
            .expect("the teacher norm finding")
            .clone()
    };
    click(&mut harness, &finding.message.en);
    harness.state_mut().state.tab = Tab::Positions;
    harness.run();
    for text in [
        "28 classes × 1.9 teachers per class = 53.2",
        "1,220 pupils, not above 28 × 45 = 1,260",
        "53.2 -> 53 (rounded down (a maximum: not to exceed))",
        "Teachers per class",
    ] {
        assert!(has_label_containing(&harness, text), "{text}");
    }
    let (pack, rule) = vtvl::norms::norm_rule(&finding.rule_id).unwrap();
    let left: Vec<String> = vietnamese_left(&harness, &names)
        .into_iter()
        // Quoted from the pack: the rule's name (wrapped over lines) and words, the
        // instrument's title, and the position name the teachers are matched by.
        .filter(|text| {
            !rule.name().contains(text.as_str())
                && !text.contains(&rule.text)
                && text != &pack.instrument.title
                && !text.contains("\"giáo viên\"")
        })
        .collect();
    assert_eq!(left, Vec::<String>::new());
}
