//! Fixed figures that need no driver: one Tổng phụ trách Đội per school, at most two clerks,
//! treasurers and accountants, at least five people at a commune health station.

use crate::language::{Language, Text};
use crate::norms::drivers::DriverReader;
use crate::norms::params::{Bound, FixedFigure};

use super::{Computed, Context, FigureFrame, finish, num};
use crate::norms::assessment::NormFigure;

pub(super) fn figure(ctx: &Context, figure: &FixedFigure) -> NormFigure {
    let count = f64::from(figure.count);
    let frame = FigureFrame {
        key: figure.key.clone(),
        label: figure.label_text(),
        legal_basis: ctx.legal_basis(&figure.clause),
        bound: figure.bound,
        compared_with: ctx.subtree.compare(&figure.compared_with, &[]),
    };
    let computed = Computed {
        minimum: (figure.bound == Bound::Minimum).then_some(count),
        maximum: (figure.bound != Bound::Minimum).then_some(count),
        formula: Text::from_fn(|l| {
            let (bound, count) = (figure.bound.label(l), num(l, count));
            match l {
                Language::Vietnamese => format!("Mức cố định mỗi đơn vị: {bound} {count} người"),
                Language::English => {
                    let people = if figure.count == 1 {
                        "person"
                    } else {
                        "people"
                    };
                    format!("Fixed figure per unit: {bound} {count} {people}")
                }
            }
        }),
    };
    finish(frame, DriverReader::new(ctx.unit), Some(computed))
}
