//! Work to be held concurrently (kiêm nhiệm): a position whose workload rounds to no whole person
//! still has work to do, and everyone must have a full workload, so that work goes to another
//! post. Reported as information, with the FTE the work needs.

use super::{Ctx, Place};
use crate::engine::WHOLE_NUMBER_TOLERANCE;
use crate::format::vi_number;
use crate::language::Text;
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
        let rounding = facts.plan.rounding;
        let mut inputs = vec![
            Input::new(
                Text::new("Nhu cầu theo khối lượng công việc", "Need by workload"),
                format!("{fte} FTE"),
            ),
            Input::words(
                Text::new("Làm tròn", "Rounding"),
                Text::new(
                    format!("{}: 0 người", rounding.label_vi()),
                    format!("{}: 0 people", rounding.label_en()),
                ),
            ),
            Input::new(
                Text::new(
                    "Số người đề xuất của vị trí",
                    "People proposed for the position",
                ),
                count_text(f.proposed),
            ),
        ];
        if let Some(max) = position.max {
            inputs.push(Input::new(
                Text::new(
                    "Số người tối đa của vị trí",
                    "Maximum people of the position",
                ),
                max.to_string(),
            ));
        }
        let name = &position.name;
        ctx.info(
            rule,
            Place::position(&position.unit_id, &position.id),
            Text::new(
                format!(
                    "{name}: khối lượng công việc {fte} FTE, làm tròn thành 0 người; giao phần việc này cho một vị trí khác kiêm nhiệm"
                ),
                format!(
                    "{name}: a workload of {fte} FTE rounds to 0 people; give this work to another position to hold concurrently"
                ),
            ),
            None,
            inputs,
        );
    }
}
