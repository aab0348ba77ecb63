//! Kindergartens (TT 19/2023/TT-BGDĐT): teachers per nursery group plus teachers per
//! kindergarten class, compared with the positions of the kindergarten's subtree the rule's
//! scope names (the packs: specialised positions named "giáo viên").

use crate::language::{Language, Text};
use crate::norms::assessment::{Driver, NormFigure};
use crate::norms::drivers::DriverReader;
use crate::norms::params::{Bound, KindergartenNorm};

use super::{Computed, Context, FigureFrame, finish, fixed, num, number};

pub(super) fn figures(ctx: &Context, norm: &KindergartenNorm) -> Vec<NormFigure> {
    let posts: Vec<NormFigure> = norm.posts.iter().map(|p| fixed::figure(ctx, p)).collect();
    let claimed: Vec<String> = posts
        .iter()
        .flat_map(|f| f.compared_with.position_ids.iter().cloned())
        .collect();
    let t = &norm.teachers;
    let frame = FigureFrame {
        key: "giao_vien".into(),
        label: Text::new("Giáo viên", "Teachers"),
        legal_basis: ctx.legal_basis(&t.clause),
        bound: Bound::Maximum,
        compared_with: ctx.subtree.compare(&t.compared_with, &claimed),
    };
    let mut reader = DriverReader::new(ctx.unit);
    let groups = reader.number(Driver::NurseryGroups);
    let classes = reader.number(Driver::Classes);
    reader.parameter(
        Text::new("Định mức giáo viên/nhóm trẻ", "Teachers per nursery group"),
        number(t.per_nursery_group),
    );
    reader.parameter(
        Text::new(
            "Định mức giáo viên/lớp mẫu giáo",
            "Teachers per kindergarten class",
        ),
        number(t.per_class),
    );
    let computed = match (groups, classes) {
        (Some(groups), Some(classes)) => {
            let total = groups * t.per_nursery_group + classes * t.per_class;
            Some(Computed {
                minimum: None,
                maximum: Some(total),
                formula: Text::from_fn(|l| {
                    let n = |v| num(l, v);
                    let (groups, per_group, classes, per_class, total) = (
                        n(groups),
                        n(t.per_nursery_group),
                        n(classes),
                        n(t.per_class),
                        n(total),
                    );
                    match l {
                        Language::Vietnamese => format!(
                            "{groups} nhóm trẻ × {per_group} giáo viên/nhóm + {classes} lớp × \
                             {per_class} giáo viên/lớp = {total}"
                        ),
                        Language::English => format!(
                            "{groups} nursery groups × {per_group} teachers per group + {classes} \
                             classes × {per_class} teachers per class = {total}"
                        ),
                    }
                }),
            })
        }
        _ => None,
    };
    let mut figures = vec![finish(frame, reader, computed)];
    figures.extend(posts);
    figures
}
