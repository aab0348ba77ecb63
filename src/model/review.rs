//! The reviewer's appraisal (thẩm định) of a plan: a figure, a decision and a comment per
//! position, and an overall conclusion.
//!
//! It travels in the plan file beside the agency's proposal and never alters it: the plan
//! fingerprint leaves the review out, so both sides can check that the proposal is unchanged.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::CivilDate;

/// A Home Affairs reviewer's appraisal of the plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reviewer: String,
    /// The body the reviewer speaks for (e.g. Sở Nội vụ tỉnh An Hòa).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    /// The overall conclusion (kết luận thẩm định).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub conclusion: String,
    /// One line per appraised position, in plan order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Appraisal>,
}

impl Review {
    /// The line of one position (a scan: for many positions use [`Review::by_position`]).
    pub fn line(&self, position_id: &str) -> Option<&Appraisal> {
        self.lines.iter().find(|l| l.position_id == position_id)
    }

    /// Every line by its position id.
    pub fn by_position(&self) -> HashMap<&str, &Appraisal> {
        self.lines
            .iter()
            .map(|line| (line.position_id.as_str(), line))
            .collect()
    }
}

/// The appraisal of one position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appraisal {
    pub position_id: String,
    /// The appraised headcount; `None` until the reviewer enters one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appraised: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// The reviewer's decision on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Thống nhất: the proposal stands.
    Agree,
    /// Điều chỉnh: the appraised figure replaces the proposal.
    Adjust,
    /// Không thống nhất: the position is not approved.
    Reject,
}

impl Decision {
    pub const ALL: [Decision; 3] = [Decision::Agree, Decision::Adjust, Decision::Reject];

    pub fn keyword(self) -> &'static str {
        match self {
            Decision::Agree => "agree",
            Decision::Adjust => "adjust",
            Decision::Reject => "reject",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.keyword() == text.trim())
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Decision::Agree => "Thống nhất",
            Decision::Adjust => "Điều chỉnh",
            Decision::Reject => "Không thống nhất",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Decision::Agree => "Agree",
            Decision::Adjust => "Adjust",
            Decision::Reject => "Reject",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}
