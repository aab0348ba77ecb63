//! Primary and secondary schools (TT 20/2023/TT-BGDĐT): teachers per class by level (and, in
//! primary schools, by sessions a day), plus teachers for leftover pupils, plus the posts set per
//! school.
//!
//! Leftover pupils are those above `classes x class size of the zone`; each full group of the
//! zone's divisor adds one teacher. A school with fewer pupils than that keeps its classes (the
//! norm is not reduced). The teacher figure is compared with the positions of the school's
//! subtree the rule's scope names (the packs: specialised positions named "giáo viên"), less
//! positions a post of the rule counts (the Tổng phụ trách Đội).

use crate::language::{Language, Text};
use crate::norms::assessment::{Driver, NormFigure};
use crate::norms::drivers::DriverReader;
use crate::norms::params::{Bound, SchoolNorm, TeachersPerClass};

use super::{Computed, Context, FigureFrame, finish, fixed, full_times, num, number};

pub(super) fn figures(ctx: &Context, norm: &SchoolNorm) -> Vec<NormFigure> {
    let posts: Vec<NormFigure> = norm.posts.iter().map(|p| fixed::figure(ctx, p)).collect();
    let claimed: Vec<String> = posts
        .iter()
        .flat_map(|f| f.compared_with.position_ids.iter().cloned())
        .collect();
    let mut figures = vec![teachers(ctx, norm, &claimed)];
    figures.extend(posts);
    figures
}

fn teachers(ctx: &Context, norm: &SchoolNorm, claimed: &[String]) -> NormFigure {
    let t = &norm.teachers;
    let frame = FigureFrame {
        key: "giao_vien".into(),
        label: Text::new("Giáo viên", "Teachers"),
        legal_basis: ctx.legal_basis(&t.clause),
        bound: Bound::Maximum,
        compared_with: ctx.subtree.compare(&t.compared_with, claimed),
    };
    let mut reader = DriverReader::new(ctx.unit);
    let classes = reader.number(Driver::Classes);
    let ratio = match t.per_class {
        TeachersPerClass::Flat(ratio) => Some(ratio),
        TeachersPerClass::BySessions {
            one_session,
            two_sessions,
        } => reader
            .flag(Driver::TwoSessionsADay)
            .map(|two| if two { two_sessions } else { one_session }),
    };
    let zone = reader.number(Driver::SchoolZone);
    let pupils = reader.number(Driver::Pupils);
    let by_zone = zone.and_then(|z| {
        let z = z as u8;
        Some((
            z,
            t.class_size.get(z)?,
            t.leftover_pupils_per_teacher.get(z)?,
        ))
    });
    if zone.is_some() && by_zone.is_none() && !reader.missing.contains(&Driver::SchoolZone) {
        // A zone other than 1, 2 or 3 gives no class size: it is as good as missing.
        reader.missing.push(Driver::SchoolZone);
    }
    if let Some(ratio) = ratio {
        reader.parameter(
            Text::new("Định mức giáo viên/lớp", "Teachers per class"),
            number(ratio),
        );
    }
    if let Some((zone, size, divisor)) = by_zone {
        reader.parameter(
            Text::new(
                format!("Sĩ số theo vùng {zone}"),
                format!("Class size in zone {zone}"),
            ),
            Text::new(
                format!("{size} học sinh/lớp"),
                format!("{size} pupils per class"),
            ),
        );
        reader.parameter(
            Text::new(
                "Số học sinh dôi dư được thêm 01 giáo viên",
                "Extra pupils that add one teacher",
            ),
            Text::same(divisor.to_string()),
        );
    }
    let computed = match (classes, ratio, by_zone, pupils) {
        (Some(classes), Some(ratio), Some((_, size, divisor)), Some(pupils)) => {
            let base = classes * ratio;
            let capacity = classes * f64::from(size);
            let leftover = pupils - capacity;
            let (total, formula) = if leftover > 0.0 {
                let (extra, division) = full_times(&number(leftover), leftover, f64::from(divisor));
                let formula = Text::from_fn(|l| {
                    let n = |v| num(l, v);
                    let (division, total) = (division.get(l), base + extra);
                    match l {
                        Language::Vietnamese => format!(
                            "{} lớp × {} giáo viên/lớp = {}; học sinh dôi dư: {} - {} × {size} = {}, \
                             cứ đủ {divisor} học sinh thêm 01 giáo viên: {division}; tổng {} + {} = {}",
                            n(classes),
                            n(ratio),
                            n(base),
                            n(pupils),
                            n(classes),
                            n(leftover),
                            n(base),
                            n(extra),
                            n(total)
                        ),
                        Language::English => format!(
                            "{} classes × {} teachers per class = {}; leftover pupils: {} - {} × \
                             {size} = {}, one more teacher for each full {divisor} pupils: \
                             {division}; total {} + {} = {}",
                            n(classes),
                            n(ratio),
                            n(base),
                            n(pupils),
                            n(classes),
                            n(leftover),
                            n(base),
                            n(extra),
                            n(total)
                        ),
                    }
                });
                (base + extra, formula)
            } else {
                let formula = Text::from_fn(|l| {
                    let n = |v| num(l, v);
                    match l {
                        Language::Vietnamese => format!(
                            "{} lớp × {} giáo viên/lớp = {}; không có học sinh dôi dư ({} học sinh, \
                             không quá {} × {size} = {})",
                            n(classes),
                            n(ratio),
                            n(base),
                            n(pupils),
                            n(classes),
                            n(capacity)
                        ),
                        Language::English => format!(
                            "{} classes × {} teachers per class = {}; no leftover pupils ({} \
                             pupils, not above {} × {size} = {})",
                            n(classes),
                            n(ratio),
                            n(base),
                            n(pupils),
                            n(classes),
                            n(capacity)
                        ),
                    }
                });
                (base, formula)
            };
            Some(Computed {
                minimum: None,
                maximum: Some(total),
                formula,
            })
        }
        _ => None,
    };
    finish(frame, reader, computed)
}
