//! Work to be held concurrently (kiêm nhiệm): a position whose workload rounds to no whole person
//! still has work to do, and everyone must have a full workload, so that work goes to another
//! post. Reported as information, with the FTE the work needs.

use super::{Ctx, Place};
use crate::engine::WHOLE_NUMBER_TOLERANCE;
use crate::format::vi_number;
use crate::rules::Input;
use crate::rules::catalogue::RuleRef;
use crate::rules::params::count_text;

/// Decimals of the FTE shown (`0,297 FTE`), as the explanation of a figure shows them.
const FTE_DECIMALS: usize = 4;

pub fn concurrent_work(ctx: &mut Ctx<'_>, rule: RuleRef<'_>) {
    let facts = ctx.facts;
    for (p, position) in facts.plan.positions.iter().enumerate() {
        let Some(f) = facts.position(p) else {
            continue;
        };
        if f.required != 0 || f.required_fte <= WHOLE_NUMBER_TOLERANCE {
            continue;
        }
        let fte = vi_number(f.required_fte, FTE_DECIMALS);
        let rounding = facts.plan.rounding.label_vi();
        let mut inputs = vec![
            Input::new("Nhu cầu theo khối lượng công việc", format!("{fte} FTE")),
            Input::new("Làm tròn", format!("{rounding}: 0 người")),
            Input::new("Số người đề xuất của vị trí", count_text(f.proposed)),
        ];
        if let Some(max) = position.max {
            inputs.push(Input::new("Số người tối đa của vị trí", max.to_string()));
        }
        ctx.info(
            rule,
            Place::position(&position.unit_id, &position.id),
            format!(
                "{}: khối lượng công việc {fte} FTE, làm tròn thành 0 người; giao phần việc này cho một vị trí khác kiêm nhiệm",
                position.name
            ),
            None,
            inputs,
        );
    }
}
