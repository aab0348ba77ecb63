//! Provincial historical archives (TT 09/2024/TT-BNV): a floor, and a cap reached from the floor
//! by add-ons for paper records above the shelf-metres the floor covers, electronic records and
//! audio-visual records (each counting full steps only), limited by the city or province cap.
//! The figures are compared with the whole archive.

use crate::language::{Language, Text};
use crate::norms::assessment::{Driver, NormFigure};
use crate::norms::drivers::DriverReader;
use crate::norms::params::{ArchiveNorm, Bound};

use super::{Computed, Context, FigureFrame, finish, full_times, num, number};

pub(super) fn figure(ctx: &Context, norm: &ArchiveNorm) -> NormFigure {
    let frame = FigureFrame {
        key: "nguoi_lam_viec".into(),
        label: Text::new("Người làm việc", "Staff"),
        legal_basis: ctx.legal_basis(""),
        bound: Bound::Both,
        compared_with: ctx.subtree.compare(&norm.compared_with, &[]),
    };
    let mut reader = DriverReader::new(ctx.unit);
    let shelf = reader.number(Driver::ShelfMetres);
    let electronic = reader.number(Driver::ElectronicMb);
    let audio_visual = reader.number(Driver::AudioVisualHours);
    let city = reader.flag(Driver::CentrallyRunCity);
    reader.parameter(
        Text::new("Mức tối thiểu", "Minimum"),
        Text::same(norm.minimum.to_string()),
    );
    let computed = match (shelf, electronic, audio_visual, city) {
        (Some(shelf), Some(electronic), Some(audio_visual), Some(city)) => {
            let above = (shelf - norm.shelf_metres_included).max(0.0);
            let (paper, paper_text) = full_times(
                &Text::from_fn(|l| {
                    format!(
                        "({} - {})",
                        num(l, shelf.max(norm.shelf_metres_included)),
                        num(l, norm.shelf_metres_included)
                    )
                }),
                above,
                norm.shelf_metres_per_person,
            );
            let (digital, digital_text) = full_times(
                &number(electronic),
                electronic,
                norm.electronic_mb_per_person,
            );
            let (av, av_text) = full_times(
                &number(audio_visual),
                audio_visual,
                norm.audio_visual_hours_per_person,
            );
            let (cap, cap_text) = if city {
                (
                    norm.maximum_city,
                    Text::new("thành phố trực thuộc trung ương", "centrally-run city"),
                )
            } else {
                (norm.maximum_province, Text::new("tỉnh", "province"))
            };
            reader.parameter(
                Text::new("Cộng thêm: tài liệu giấy", "Added: paper records"),
                paper_text.clone(),
            );
            reader.parameter(
                Text::new("Cộng thêm: tài liệu điện tử", "Added: electronic records"),
                digital_text.clone(),
            );
            reader.parameter(
                Text::new(
                    "Cộng thêm: tài liệu nghe nhìn",
                    "Added: audio-visual records",
                ),
                av_text.clone(),
            );
            reader.parameter(
                Text::new(
                    format!("Mức tối đa ({})", cap_text.vi),
                    format!("Maximum ({})", cap_text.en),
                ),
                Text::same(cap.to_string()),
            );
            let minimum = f64::from(norm.minimum);
            let sum = minimum + paper + digital + av;
            let cap = f64::from(cap);
            let formula = Text::from_fn(|l| {
                let n = |v| num(l, v);
                let (paper_text, digital_text, av_text, cap_text) = (
                    paper_text.get(l),
                    digital_text.get(l),
                    av_text.get(l),
                    cap_text.get(l),
                );
                let terms = format!(
                    "{} + {} + {} + {} = {}",
                    n(minimum),
                    n(paper),
                    n(digital),
                    n(av),
                    n(sum)
                );
                match (l, sum > cap) {
                    (Language::Vietnamese, above) => {
                        let verdict = if above {
                            format!("vượt mức tối đa {} ({cap_text}) nên lấy {}", n(cap), n(cap))
                        } else {
                            format!("không vượt mức tối đa {} ({cap_text})", n(cap))
                        };
                        format!(
                            "{terms} (tài liệu giấy: {paper_text}; điện tử: {digital_text}; \
                             nghe nhìn: {av_text}); {verdict}"
                        )
                    }
                    (Language::English, above) => {
                        let verdict = if above {
                            format!(
                                "above the maximum of {} ({cap_text}), so {}",
                                n(cap),
                                n(cap)
                            )
                        } else {
                            format!("not above the maximum of {} ({cap_text})", n(cap))
                        };
                        format!(
                            "{terms} (paper records: {paper_text}; electronic: {digital_text}; \
                             audio-visual: {av_text}); {verdict}"
                        )
                    }
                }
            });
            Some(Computed {
                minimum: Some(minimum),
                maximum: Some(sum.min(cap)),
                formula,
            })
        }
        _ => None,
    };
    finish(frame, reader, computed)
}
