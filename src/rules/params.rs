//! The parameters of review rules: every threshold a check compares with, as data.
//!
//! Each variant of [`ReviewParams`] is one kind of check (deputy caps by size, minimum staff,
//! rank shares, step caps...); the figures live in the RON packs, never in code, and
//! [`ReviewParams::describe_vi`] lists them for the reviewer.

use serde::{Deserialize, Serialize};

use super::Input;
use super::counting::CountBasis;
use super::ranks::RankTier;
use crate::format::vi_number;
use crate::language::{Language, Text};
use crate::model::{AutonomyGroup, Category, Employment, JobSection, ProvinceClass, UnitType};

/// A figure that is the same everywhere, or one per province class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ByClass<T> {
    /// One figure for every province.
    All(T),
    /// Hà Nội and Thành phố Hồ Chí Minh, then provinces of class I, II and III.
    ByClass {
        special: T,
        class_i: T,
        class_ii: T,
        class_iii: T,
    },
}

impl<T> ByClass<T> {
    /// The figure for a province class; `None` when it depends on a class not given.
    pub fn get(&self, class: Option<ProvinceClass>) -> Option<&T> {
        match (self, class) {
            (ByClass::All(value), _) => Some(value),
            (ByClass::ByClass { .. }, None) => None,
            (ByClass::ByClass { special, .. }, Some(ProvinceClass::Special)) => Some(special),
            (ByClass::ByClass { class_i, .. }, Some(ProvinceClass::I)) => Some(class_i),
            (ByClass::ByClass { class_ii, .. }, Some(ProvinceClass::II)) => Some(class_ii),
            (ByClass::ByClass { class_iii, .. }, Some(ProvinceClass::III)) => Some(class_iii),
        }
    }

    pub fn needs_class(&self) -> bool {
        matches!(self, ByClass::ByClass { .. })
    }

    /// Each figure with the provinces it is for.
    fn labelled(&self) -> Vec<(Text, &T)> {
        let class = |c: ProvinceClass| Text::new(c.label_vi(), c.label_en());
        match self {
            ByClass::All(value) => vec![(
                Text::new("Mọi tỉnh, thành phố", "Every province and city"),
                value,
            )],
            ByClass::ByClass {
                special,
                class_i,
                class_ii,
                class_iii,
            } => vec![
                (class(ProvinceClass::Special), special),
                (class(ProvinceClass::I), class_i),
                (class(ProvinceClass::II), class_ii),
                (class(ProvinceClass::III), class_iii),
            ],
        }
    }
}

/// One band of a size scale: from `from` people on (up to the next band), at most `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from: u32,
    pub max: u32,
}

/// The band a headcount falls in: the last whose `from` it reaches.
pub fn band_for(bands: &[Band], headcount: i64) -> Option<Band> {
    bands
        .iter()
        .filter(|band| i64::from(band.from) <= headcount)
        .max_by_key(|band| band.from)
        .copied()
}

/// A scale in words: `dưới 10 người: 1; từ 10 đến 14: 2; từ 15 trở lên: 3`.
pub fn bands_text(bands: &[Band], language: Language) -> String {
    let mut sorted = bands.to_vec();
    sorted.sort_by_key(|band| band.from);
    let parts: Vec<String> = sorted
        .iter()
        .enumerate()
        .map(|(i, band)| {
            let next = sorted.get(i + 1).map(|b| b.from);
            let range = match (language, band.from, next) {
                (Language::Vietnamese, 0, Some(next)) => format!("dưới {next} người"),
                (Language::English, 0, Some(next)) => format!("under {next} people"),
                (language, 0, None) => language.t("mọi quy mô", "any size").to_owned(),
                (Language::Vietnamese, from, Some(next)) if next == from + 1 => {
                    format!("{from} người")
                }
                (Language::English, from, Some(next)) if next == from + 1 => {
                    format!("{from} people")
                }
                (Language::Vietnamese, from, Some(next)) => {
                    format!("từ {from} đến {} người", next - 1)
                }
                (Language::English, from, Some(next)) => {
                    format!("{from} to {} people", next - 1)
                }
                (Language::Vietnamese, from, None) => format!("từ {from} người trở lên"),
                (Language::English, from, None) => format!("{from} people or more"),
            };
            format!("{range}: {} {}", language.t("tối đa", "at most"), band.max)
        })
        .collect();
    parts.join("; ")
}

/// What a share is taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareBase {
    /// The unit's proposed headcount (its subtree's).
    Proposed,
    /// The headcount assigned to the unit (its quota), else its proposed headcount.
    QuotaElseProposed,
}

/// Which of a unit's figures is held against its quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuotaFigure {
    /// Required by the workload (cần có).
    Required,
    /// Proposed by the agency (đề xuất).
    Proposed,
}

/// Step caps that apply when `highest` is the highest step a position uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighestStepCaps {
    pub highest: u8,
    pub caps: Vec<StepCap>,
}

/// At most `max_percent` of a position's allocation at `step`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepCap {
    pub step: u8,
    pub max_percent: u32,
}

/// The parameters of one review rule; the variant says what the check does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReviewParams {
    /// A unit's deputies (positions with the deputy role, their proposed counts) at most as
    /// the band of its proposed headcount (the posts it `counts`) allows.
    DeputyCap {
        units: Vec<UnitType>,
        /// Only units of these autonomy groups (their own or their nearest parent's); empty
        /// means any.
        #[serde(default)]
        autonomy_groups: Vec<AutonomyGroup>,
        scale: ByClass<Vec<Band>>,
        /// The posts the size counts (biên chế unless the instrument says otherwise).
        #[serde(default)]
        counts: CountBasis,
    },
    /// A unit's proposed headcount (the posts it `counts`) at least the minimum to form it.
    MinimumStaff {
        units: Vec<UnitType>,
        #[serde(default)]
        autonomy_groups: Vec<AutonomyGroup>,
        minimum: ByClass<u32>,
        #[serde(default)]
        counts: CountBasis,
    },
    /// Deputies of each unit of these types at most `average` (a cap on the average over the
    /// province, so one unit above it is a warning to explain, not proof of a breach).
    AverageDeputies {
        units: Vec<UnitType>,
        average: u32,
        /// Deputies Hà Nội and Thành phố Hồ Chí Minh may add in total.
        special_extra_total: u32,
    },
    /// A unit's deputies not more than its direct parent's.
    ParentDeputies { units: Vec<UnitType> },
    /// People at `tiers` at most `max_percent` of the unit's headcount (its subtree's), both
    /// over the posts it `counts`.
    RankShare {
        units: Vec<UnitType>,
        #[serde(default)]
        autonomy_groups: Vec<AutonomyGroup>,
        tiers: Vec<RankTier>,
        max_percent: u32,
        base: ShareBase,
        #[serde(default)]
        counts: CountBasis,
    },
    /// Over every unit of these types together: their deputies at `tiers` at most
    /// `max_percent` of all their deputies.
    DeputyRankShare {
        units: Vec<UnitType>,
        tiers: Vec<RankTier>,
        max_percent: u32,
    },
    /// The head of each unit of these types holds a rank at one of `tiers`.
    HeadRank {
        units: Vec<UnitType>,
        tiers: Vec<RankTier>,
    },
    /// People per career step of a position at most a share of its allocation, allowed count
    /// `floor(share x allocation)`; positions of posts it does not `count` are left out.
    StepCaps {
        by_highest: Vec<HighestStepCaps>,
        /// With exactly two steps used, the higher at most this share.
        two_steps_higher_percent: u32,
        /// Units of these autonomy groups (own or inherited) set their own step ratios: above
        /// the caps is information for them, not a breach.
        #[serde(default)]
        own_ratios_groups: Vec<AutonomyGroup>,
        #[serde(default)]
        counts: CountBasis,
    },
    /// The steps listed on a position add up to its allocation.
    StepsSum,
    /// People in positions of `categories` at least `min_percent` of the unit's headcount, both
    /// over the posts it `counts`.
    CategoryShare {
        units: Vec<UnitType>,
        categories: Vec<Category>,
        min_percent: u32,
        #[serde(default)]
        counts: CountBasis,
    },
    /// Each position's job description fills `sections`, and, with `category_work`, the work
    /// section of its category (III professional, IV management for leaders, V support).
    JobDescription {
        sections: Vec<JobSection>,
        #[serde(default)]
        category_work: bool,
        /// Only positions of these employment bases; empty means every position.
        #[serde(default)]
        employment: Vec<Employment>,
    },
    /// A unit's figure (its subtree's, over the posts it `counts`) at most its quota.
    Quota {
        figure: QuotaFigure,
        #[serde(default)]
        counts: CountBasis,
    },
    /// A position whose workload rounds to no whole person: its work is to be held concurrently
    /// by another post (kiêm nhiệm). Information only.
    ConcurrentWork,
}

impl ReviewParams {
    /// The unit types the rule looks at; empty for rules on positions or every unit.
    pub fn unit_types(&self) -> &[UnitType] {
        match self {
            ReviewParams::DeputyCap { units, .. }
            | ReviewParams::MinimumStaff { units, .. }
            | ReviewParams::AverageDeputies { units, .. }
            | ReviewParams::ParentDeputies { units }
            | ReviewParams::RankShare { units, .. }
            | ReviewParams::DeputyRankShare { units, .. }
            | ReviewParams::HeadRank { units, .. }
            | ReviewParams::CategoryShare { units, .. } => units,
            ReviewParams::StepCaps { .. }
            | ReviewParams::StepsSum
            | ReviewParams::Quota { .. }
            | ReviewParams::ConcurrentWork
            | ReviewParams::JobDescription { .. } => &[],
        }
    }

    /// The posts the rule counts, for the rules that count people.
    pub fn counts(&self) -> Option<CountBasis> {
        match self {
            ReviewParams::DeputyCap { counts, .. }
            | ReviewParams::MinimumStaff { counts, .. }
            | ReviewParams::RankShare { counts, .. }
            | ReviewParams::StepCaps { counts, .. }
            | ReviewParams::CategoryShare { counts, .. }
            | ReviewParams::Quota { counts, .. } => Some(*counts),
            _ => None,
        }
    }

    /// Whether the rule counts deputies, so that a leadership position without a role matters.
    pub fn counts_deputies(&self) -> bool {
        matches!(
            self,
            ReviewParams::DeputyCap { .. }
                | ReviewParams::AverageDeputies { .. }
                | ReviewParams::ParentDeputies { .. }
                | ReviewParams::DeputyRankShare { .. }
        )
    }

    /// The parameters, one labelled line each, for the explanation of a finding.
    pub fn describe(&self) -> Vec<Input> {
        let t = Text::new;
        let mut lines = Vec::new();
        let units = self.unit_types();
        if !units.is_empty() {
            lines.push(Input::words(
                t("Áp dụng cho", "Applies to"),
                Text::from_fn(|l| unit_types_text(units, l)),
            ));
        }
        if let Some(counts) = self.counts() {
            lines.push(Input::words(
                t("Số người tính", "People counted"),
                counts.describe(),
            ));
        }
        match self {
            ReviewParams::DeputyCap {
                autonomy_groups,
                scale,
                ..
            } => {
                groups_line(&mut lines, autonomy_groups);
                for (provinces, bands) in scale.labelled() {
                    lines.push(Input::words(
                        Text::new(
                            format!("Số cấp phó ({})", provinces.vi),
                            format!("Deputies ({})", provinces.en),
                        ),
                        Text::from_fn(|l| bands_text(bands, l)),
                    ));
                }
            }
            ReviewParams::MinimumStaff {
                autonomy_groups,
                minimum,
                ..
            } => {
                groups_line(&mut lines, autonomy_groups);
                for (provinces, minimum) in minimum.labelled() {
                    lines.push(Input::new(
                        Text::new(
                            format!("Số người tối thiểu ({})", provinces.vi),
                            format!("Minimum people ({})", provinces.en),
                        ),
                        minimum.to_string(),
                    ));
                }
            }
            ReviewParams::AverageDeputies {
                average,
                special_extra_total,
                ..
            } => {
                lines.push(Input::new(
                    t("Số cấp phó bình quân", "Average deputies"),
                    average.to_string(),
                ));
                lines.push(Input::new(
                    t(
                        "Hà Nội, TP. Hồ Chí Minh được tăng thêm (tổng số)",
                        "Extra for Hanoi, Ho Chi Minh City (in total)",
                    ),
                    special_extra_total.to_string(),
                ));
            }
            ReviewParams::ParentDeputies { .. } => lines.push(Input::words(
                t("So sánh", "Compared"),
                t(
                    "số cấp phó của đơn vị <= số cấp phó của đơn vị cấp trên trực tiếp",
                    "the unit's deputies <= its direct parent's deputies",
                ),
            )),
            ReviewParams::RankShare {
                autonomy_groups,
                tiers,
                max_percent,
                base,
                ..
            } => {
                groups_line(&mut lines, autonomy_groups);
                lines.push(Input::words(
                    t("Ngạch, hạng tính", "Ranks counted"),
                    Text::from_fn(|l| tiers_text(tiers, l)),
                ));
                lines.push(Input::new(
                    t("Tỷ lệ tối đa", "Maximum share"),
                    format!("{max_percent}%"),
                ));
                lines.push(Input::words(t("Tính trên", "Share of"), base_text(*base)));
            }
            ReviewParams::DeputyRankShare {
                tiers, max_percent, ..
            } => {
                lines.push(Input::words(
                    t("Ngạch, hạng tính", "Ranks counted"),
                    Text::from_fn(|l| tiers_text(tiers, l)),
                ));
                lines.push(Input::words(
                    t("Tỷ lệ tối đa", "Maximum share"),
                    Text::new(
                        format!("{max_percent}% tổng số cấp phó của các đơn vị"),
                        format!("{max_percent}% of the units' deputies"),
                    ),
                ));
            }
            ReviewParams::HeadRank { tiers, .. } => {
                lines.push(Input::words(
                    t("Ngạch của cấp trưởng", "Rank of the head"),
                    Text::from_fn(|l| tiers_text(tiers, l)),
                ));
            }
            ReviewParams::StepCaps {
                by_highest,
                two_steps_higher_percent,
                own_ratios_groups,
                ..
            } => {
                for rule in by_highest {
                    let caps = |l: Language| {
                        let step = l.t("bậc", "step");
                        let caps: Vec<String> = rule
                            .caps
                            .iter()
                            .map(|cap| format!("{step} {} <= {}%", cap.step, cap.max_percent))
                            .collect();
                        caps.join(", ")
                    };
                    lines.push(Input::words(
                        Text::new(
                            format!("Bậc cao nhất sử dụng là {}", rule.highest),
                            format!("Highest step used is {}", rule.highest),
                        ),
                        Text::from_fn(caps),
                    ));
                }
                lines.push(Input::words(
                    t("Chỉ sử dụng hai bậc", "Two steps used only"),
                    Text::new(
                        format!("bậc cao hơn <= {two_steps_higher_percent}%"),
                        format!("the higher step <= {two_steps_higher_percent}%"),
                    ),
                ));
                lines.push(Input::words(
                    t("Số người được phép", "People allowed"),
                    t(
                        "làm tròn xuống: floor(tỷ lệ x số người của vị trí) (suy luận)",
                        "rounded down: floor(share x the position's people) (inferred)",
                    ),
                ));
                if !own_ratios_groups.is_empty() {
                    let groups = groups_text(own_ratios_groups);
                    lines.push(Input::words(
                        t(
                            "Đơn vị tự quyết định tỷ lệ (vượt mức chỉ là thông tin)",
                            "Units that set their own ratios (above is information only)",
                        ),
                        Text::new(
                            format!("nhóm tự chủ tài chính {groups}"),
                            format!("financial autonomy group {groups}"),
                        ),
                    ));
                }
            }
            ReviewParams::StepsSum => lines.push(Input::words(
                t("So sánh", "Compared"),
                t(
                    "tổng số người theo bậc = số người đề xuất của vị trí",
                    "people by step in total = the position's proposed people",
                ),
            )),
            ReviewParams::CategoryShare {
                categories,
                min_percent,
                ..
            } => {
                lines.push(Input::words(
                    t("Nhóm vị trí tính", "Categories counted"),
                    Text::from_fn(|l| {
                        let names: Vec<&str> = categories.iter().map(|c| c.label(l)).collect();
                        names.join(", ")
                    }),
                ));
                lines.push(Input::new(
                    t("Tỷ lệ tối thiểu", "Minimum share"),
                    format!("{min_percent}%"),
                ));
            }
            ReviewParams::Quota { figure, .. } => lines.push(Input::words(
                t("So sánh", "Compared"),
                match figure {
                    QuotaFigure::Required => t(
                        "số người cần có (cả đơn vị trực thuộc) <= biên chế được giao",
                        "people required (with subunits) <= the quota assigned",
                    ),
                    QuotaFigure::Proposed => t(
                        "số người đề xuất (cả đơn vị trực thuộc) <= biên chế được giao",
                        "people proposed (with subunits) <= the quota assigned",
                    ),
                },
            )),
            ReviewParams::JobDescription {
                sections,
                category_work,
                employment,
            } => {
                if !employment.is_empty() {
                    lines.push(Input::words(
                        t("Áp dụng cho vị trí", "Applies to positions of"),
                        Text::from_fn(|l| {
                            let bases: Vec<&str> = employment.iter().map(|e| e.label(l)).collect();
                            bases.join(", ")
                        }),
                    ));
                }
                lines.push(Input::words(
                    t("Các mục phải có", "Sections required"),
                    Text::from_fn(|l| {
                        let titles: Vec<String> = sections
                            .iter()
                            .map(|s| format!("{}. {}", s.numeral(), s.label(l)))
                            .collect();
                        titles.join("; ")
                    }),
                ));
                if *category_work {
                    lines.push(Input::words(
                        t("Mục công việc theo nhóm vị trí", "Work section by category"),
                        Text::from_fn(|l| {
                            let works: Vec<String> = Category::ALL
                                .iter()
                                .map(|&c| {
                                    let section = JobSection::of_work(JobSection::work_of(c));
                                    let word = l.t("mục", "section");
                                    format!("{}: {word} {}", c.label(l), section.numeral())
                                })
                                .collect();
                            works.join("; ")
                        }),
                    ));
                }
            }
            ReviewParams::ConcurrentWork => lines.push(Input::words(
                t("So sánh", "Compared"),
                t(
                    "số người cần có của vị trí = 0 trong khi nhu cầu (FTE) > 0: giao kiêm nhiệm",
                    "the position's people required = 0 while its need (FTE) > 0: held \
                     concurrently",
                ),
            )),
        }
        lines
    }
}

fn groups_line(lines: &mut Vec<Input>, groups: &[AutonomyGroup]) {
    if groups.is_empty() {
        return;
    }
    let groups = groups_text(groups);
    lines.push(Input::words(
        Text::new("Nhóm tự chủ tài chính", "Financial autonomy groups"),
        Text::new(format!("nhóm {groups}"), format!("group {groups}")),
    ));
}

/// Autonomy groups by number: `1, 2`.
pub fn groups_text(groups: &[AutonomyGroup]) -> String {
    let numbers: Vec<String> = groups.iter().map(|g| g.number().to_string()).collect();
    numbers.join(", ")
}

pub fn unit_types_text(units: &[UnitType], language: Language) -> String {
    let names: Vec<&str> = units.iter().map(|u| u.label(language)).collect();
    names.join("; ")
}

pub fn tiers_text(tiers: &[RankTier], language: Language) -> String {
    let names: Vec<&str> = tiers.iter().map(|t| t.label(language)).collect();
    names.join("; ")
}

fn base_text(base: ShareBase) -> Text {
    match base {
        ShareBase::Proposed => Text::new(
            "số người đề xuất của đơn vị (cả đơn vị trực thuộc)",
            "the unit's proposed people (with subunits)",
        ),
        ShareBase::QuotaElseProposed => Text::new(
            "biên chế được giao của đơn vị; khi chưa ghi, số người đề xuất (cả đơn vị trực thuộc)",
            "the unit's quota; when not given, its proposed people (with subunits)",
        ),
    }
}

/// A count the Vietnamese way (1.234).
pub fn count_text(value: i64) -> String {
    vi_number(value as f64, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_pick_the_last_reached_and_read_in_words() {
        let bands = [
            Band { from: 0, max: 1 },
            Band { from: 10, max: 2 },
            Band { from: 15, max: 3 },
        ];
        assert_eq!(band_for(&bands, 9).map(|b| b.max), Some(1));
        assert_eq!(band_for(&bands, 10).map(|b| b.max), Some(2));
        assert_eq!(band_for(&bands, 14).map(|b| b.max), Some(2));
        assert_eq!(band_for(&bands, 15).map(|b| b.max), Some(3));
        assert_eq!(
            bands_text(&bands, Language::Vietnamese),
            "dưới 10 người: tối đa 1; từ 10 đến 14 người: tối đa 2; từ 15 người trở lên: tối đa 3"
        );
        assert_eq!(band_for(&bands[1..], 3), None);
    }

    #[test]
    fn figures_by_class_need_the_class() {
        let minimum = ByClass::ByClass {
            special: 7,
            class_i: 6,
            class_ii: 5,
            class_iii: 5,
        };
        assert_eq!(minimum.get(None), None);
        assert_eq!(minimum.get(Some(ProvinceClass::I)), Some(&6));
        assert_eq!(ByClass::All(7).get(None), Some(&7));
    }
}
