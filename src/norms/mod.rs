//! Sector ratio norms (định mức): the norm-based maximum or minimum staff of a unit, shown beside
//! its workload-based figure.
//!
//! The norms are data: one RON pack per instrument in `src/norms/packs/`, embedded in the binary,
//! each rule with its clause, text, dates and parameters ([`params`]). On a date, a unit gets the
//! rule in force for its type; the calculators turn its drivers ([`crate::model::NormDrivers`])
//! into figures that explain themselves ([`NormAssessment`]), and [`findings`] compares them with
//! the engine's required and proposed headcount of the unit's subtree, over the posts the
//! instrument counts: biên chế (labour contracts left out) unless its pack says `counts:
//! all_posts` (TT 03/2023/TT-BYT, whose staffing counts contract staff).
//!
//! | unit type | figures | instrument |
//! |---|---|---|
//! | trường tiểu học, THCS, THPT | giáo viên (max, by classes, sessions and leftover pupils), Tổng phụ trách Đội (primary, lower secondary), văn thư + thủ quỹ + kế toán (max 2) | TT 20/2023/TT-BGDĐT |
//! | trường mầm non | giáo viên (max, by nursery groups and classes) | TT 19/2023/TT-BGDĐT |
//! | Trung tâm Kiểm soát bệnh tật tỉnh | người làm việc (max, by population band, add-ons, x1,3 mountainous) | TT 03/2023/TT-BYT |
//! | trạm y tế xã | người làm việc (min 5) | TT 03/2023/TT-BYT |
//! | Lưu trữ lịch sử tỉnh | người làm việc (min 15; max by records, capped at 22 or 30) | TT 09/2024/TT-BNV |
//! | UBND xã, phường (to 30/06/2025) | cán bộ, công chức (max, by class and population) | NĐ 33/2023/NĐ-CP |
//!
//! A cap ("không vượt quá", "tối đa") is rounded down to whole people; a floor is rounded up.
//! A figure whose drivers are missing is not computed: the assessment lists what to fill in.

mod assessment;
mod calculators;
mod drivers;
mod findings;
mod packs;
pub mod params;
mod scope;

pub use assessment::{ComparedWith, Driver, NormAssessment, NormFigure, NormLimit, Rounded};
pub use findings::findings;
pub use packs::{NormPack, NormPackError, load, norm_packs, norm_rule, rule_for};

use crate::model::{CivilDate, Plan, Unit};

use calculators::Context;
use scope::{Layout, Subtree};

/// The norm figures of `unit` under the rule in force on `at` for its type; `None` when no norm
/// applies to that type on that date (or the embedded packs do not load, which a test guards).
pub fn assess(unit: &Unit, plan: &Plan, at: CivilDate) -> Option<NormAssessment> {
    assess_with(norm_packs().ok()?, unit, plan, at)
}

/// [`assess`] under the given packs instead of the embedded ones (packs checked by [`load`]).
pub fn assess_with(
    packs: &[NormPack],
    unit: &Unit,
    plan: &Plan,
    at: CivilDate,
) -> Option<NormAssessment> {
    assess_in(packs, unit, &Layout::new(plan), at)
}

/// [`assess_with`] on a plan's layout built once for many units.
fn assess_in(
    packs: &[NormPack],
    unit: &Unit,
    layout: &Layout<'_>,
    at: CivilDate,
) -> Option<NormAssessment> {
    let (pack, rule) = rule_for(packs, unit.unit_type, at)?;
    let ctx = Context {
        unit,
        pack,
        rule,
        subtree: Subtree::new(layout, &unit.id),
    };
    Some(NormAssessment {
        unit_id: unit.id.clone(),
        unit_name: unit.name.clone(),
        rule_id: rule.id.clone(),
        rule_text: rule.text.clone(),
        instrument: pack.instrument.code.clone(),
        legal_basis: pack.legal_basis(rule),
        at,
        counts: rule.params.counts(),
        figures: calculators::figures(&ctx),
    })
}

/// The assessments of every unit of the plan a norm applies to, in plan order.
pub fn assess_plan(plan: &Plan, at: CivilDate) -> Vec<NormAssessment> {
    let Ok(packs) = norm_packs() else {
        return Vec::new();
    };
    // Units no norm applies to need no layout.
    let mut layout = None;
    plan.units
        .iter()
        .filter(|unit| rule_for(packs, unit.unit_type, at).is_some())
        .filter_map(|unit| {
            let layout = layout.get_or_insert_with(|| Layout::new(plan));
            assess_in(packs, unit, layout, at)
        })
        .collect()
}
