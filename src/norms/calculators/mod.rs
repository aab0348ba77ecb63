//! The norm calculators: one per kind of norm, each turning a unit's drivers and its rule's
//! parameters into norm figures with their formulas written out.

mod archive;
mod commune;
mod disease_control;
mod fixed;
mod kindergarten;
mod school;

use crate::format::{en_number, number_in, vi_number};
use crate::language::{Language, Text};
use crate::model::Unit;
use crate::rules::Rule;

use super::assessment::{ComparedWith, NormFigure, NormLimit};
use super::drivers::DriverReader;
use super::packs::NormPack;
use super::params::{Bound, NormParams};
use super::scope::Subtree;

/// What a calculator works on: the unit, its subtree's positions, and the rule picked for it.
pub(super) struct Context<'a> {
    pub(super) unit: &'a Unit,
    pub(super) pack: &'a NormPack,
    pub(super) rule: &'a Rule<NormParams>,
    pub(super) subtree: Subtree<'a>,
}

impl Context<'_> {
    /// `clause` of the rule's instrument; the rule's own clause when `clause` is empty.
    pub(super) fn legal_basis(&self, clause: &str) -> String {
        let clause = if clause.trim().is_empty() {
            self.rule.clause.as_str()
        } else {
            clause
        };
        format!("{} {}", clause, self.pack.instrument.code)
    }
}

/// The figures of a unit under its rule.
pub(super) fn figures(ctx: &Context) -> Vec<NormFigure> {
    match &ctx.rule.params {
        NormParams::School(p) => school::figures(ctx, p),
        NormParams::Kindergarten(p) => kindergarten::figures(ctx, p),
        NormParams::DiseaseControl(p) => vec![disease_control::figure(ctx, p)],
        NormParams::Fixed(p) => p.figures.iter().map(|f| fixed::figure(ctx, f)).collect(),
        NormParams::Archive(p) => vec![archive::figure(ctx, p)],
        NormParams::Commune(p) => vec![commune::figure(ctx, p)],
    }
}

/// The value a calculator found: bounds before rounding, and the formula with its numbers in
/// both languages.
struct Computed {
    minimum: Option<f64>,
    maximum: Option<f64>,
    formula: Text,
}

/// What a figure is, before it is computed.
struct FigureFrame {
    key: String,
    label: Text,
    legal_basis: String,
    bound: Bound,
    compared_with: ComparedWith,
}

/// Assembles a figure; with drivers missing it carries no bounds, only what is missing.
fn finish(frame: FigureFrame, reader: DriverReader, computed: Option<Computed>) -> NormFigure {
    let DriverReader {
        inputs, missing, ..
    } = reader;
    let (minimum, maximum, formula) = match computed {
        Some(c) if missing.is_empty() => (
            c.minimum.map(NormLimit::minimum),
            c.maximum.map(NormLimit::maximum),
            c.formula,
        ),
        _ if missing.is_empty() => (
            None,
            None,
            Text::new(
                "Chưa tính được: tham số của quy định không có mức cho đơn vị này",
                "Not computed: the rule's parameters give no figure for this unit",
            ),
        ),
        _ => (
            None,
            None,
            Text::from_fn(|l| {
                let labels = missing
                    .iter()
                    .map(|d| d.label(l).to_lowercase())
                    .collect::<Vec<_>>()
                    .join(", ");
                match l {
                    Language::Vietnamese => format!("Chưa tính được: còn thiếu {labels}"),
                    Language::English => format!("Not computed: missing {labels}"),
                }
            }),
        ),
    };
    NormFigure {
        key: frame.key,
        label: frame.label,
        legal_basis: frame.legal_basis,
        bound: frame.bound,
        minimum,
        maximum,
        formula,
        inputs,
        missing,
        compared_with: frame.compared_with,
    }
}

/// A figure as `language` writes it: `22,8`, `1.200.000` in Vietnamese, `22.8`, `1,200,000` in
/// English.
fn num(language: Language, value: f64) -> String {
    number_in(language, value, 4)
}

/// A figure in both languages, for the inputs shown with a figure.
fn number(value: f64) -> Text {
    Text::from_fn(|l| num(l, value))
}

/// The number of full `divisor`s in `amount`, and the division written out: `40 : 15 = 2,67,
/// lấy phần nguyên 2` / `40 ÷ 15 = 2.67, whole part 2` (`amount_text` is how the amount was
/// reached, e.g. `(2.600 - 2.000)`).
fn full_times(amount_text: &Text, amount: f64, divisor: f64) -> (f64, Text) {
    let quotient = amount.max(0.0) / divisor;
    let whole = (quotient + crate::engine::WHOLE_NUMBER_TOLERANCE).floor();
    let exact = (quotient - whole).abs() <= crate::engine::WHOLE_NUMBER_TOLERANCE;
    // Half away from zero (1,125 -> 1,13), as people round by hand.
    let rounded = (quotient * 100.0).round() / 100.0;
    let text = Text::from_fn(|l| {
        let (amount, divisor, whole) = (amount_text.get(l), num(l, divisor), num(l, whole));
        match (l, exact) {
            (Language::Vietnamese, true) => format!("{amount} : {divisor} = {whole}"),
            (Language::English, true) => format!("{amount} ÷ {divisor} = {whole}"),
            (Language::Vietnamese, false) => format!(
                "{amount} : {divisor} = {}, lấy phần nguyên {whole}",
                vi_number(rounded, 2)
            ),
            (Language::English, false) => format!(
                "{amount} ÷ {divisor} = {}, whole part {whole}",
                en_number(rounded, 2)
            ),
        }
    });
    (whole, text)
}
