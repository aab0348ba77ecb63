//! Fixed figures that need no driver: one Tổng phụ trách Đội per school, at most two clerks,
//! treasurers and accountants, at least five people at a commune health station.

use crate::norms::drivers::DriverReader;
use crate::norms::params::{Bound, FixedFigure};

use super::{Computed, Context, FigureFrame, finish, num};
use crate::norms::assessment::NormFigure;

pub(super) fn figure(ctx: &Context, figure: &FixedFigure) -> NormFigure {
    let count = f64::from(figure.count);
    let frame = FigureFrame {
        key: figure.key.clone(),
        label: figure.label.clone(),
        legal_basis: ctx.legal_basis(&figure.clause),
        bound: figure.bound,
        compared_with: ctx.subtree.compare(&figure.compared_with, &[]),
    };
    let computed = Computed {
        minimum: (figure.bound == Bound::Minimum).then_some(count),
        maximum: (figure.bound != Bound::Minimum).then_some(count),
        formula: format!(
            "Mức cố định mỗi đơn vị: {} {} người",
            figure.bound.label_vi(),
            num(count)
        ),
    };
    finish(frame, DriverReader::new(ctx.unit), Some(computed))
}
