//! The reviewer's appraisal (thẩm định) of a plan: a figure, a decision and a comment per
//! position, and an overall conclusion.
//!
//! It travels in the plan file beside the agency's proposal and never alters it: the plan
//! fingerprint leaves the review out, so both sides can check that the proposal is unchanged.
//! Each line keeps what the reviewer saw of its position when recording the figure or the
//! decision ([`SeenProposal`]), so that a proposal changed since then can be named
//! ([`crate::report::changed_since_appraisal`]).

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
    /// Whether the decision follows the figure (it was set by writing the figure, or by
    /// agreeing with the remaining lines) rather than chosen by the reviewer for this line:
    /// only such a decision moves when the figure changes. Decisions in files written before
    /// this field count as chosen.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decision_follows_figure: bool,
    /// The proposal as the reviewer saw it when last recording the figure or the decision;
    /// `None` for a line with a comment only, or from a file written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seen: Option<SeenProposal>,
}

impl Appraisal {
    /// A line with nothing in it yet.
    pub fn new(position_id: impl Into<String>) -> Self {
        Appraisal {
            position_id: position_id.into(),
            appraised: None,
            decision: None,
            comment: String::new(),
            decision_follows_figure: false,
            seen: None,
        }
    }
}

/// What the reviewer saw of a position when appraising it: the proposal and the facts it rests
/// on. The proposal "changed since the appraisal" when any of them differs now: the proposed
/// headcount (đề xuất), the headcount the method requires (cần), the staff in post (hiện có),
/// the rank (ngạch) or the unit. A new name, description or workload that leaves these figures
/// as they were does not change what was appraised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeenProposal {
    /// Đề xuất: the agency's own count, else the required one.
    pub proposed: i64,
    /// Cần: the whole people the method requires.
    pub required: i64,
    /// Hiện có: staff in post, in full-time equivalents.
    pub current: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rank_code: String,
    pub unit_id: String,
}

/// One fact of a [`SeenProposal`] that differs now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalChange {
    Proposed,
    Required,
    Current,
    Rank,
    Unit,
}

impl SeenProposal {
    /// Staff counts closer than this are the same (they are sums of fractions).
    const SAME_FTE: f64 = 1e-6;

    /// What differs between this (as seen) and `now`, in the order of [`ProposalChange`].
    pub fn changes(&self, now: &SeenProposal) -> Vec<ProposalChange> {
        let mut changes = Vec::new();
        if self.proposed != now.proposed {
            changes.push(ProposalChange::Proposed);
        }
        if self.required != now.required {
            changes.push(ProposalChange::Required);
        }
        if (self.current - now.current).abs() > Self::SAME_FTE {
            changes.push(ProposalChange::Current);
        }
        if self.rank_code != now.rank_code {
            changes.push(ProposalChange::Rank);
        }
        if self.unit_id != now.unit_id {
            changes.push(ProposalChange::Unit);
        }
        changes
    }
}

impl ProposalChange {
    /// The name of the fact, as the tables head it.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        match self {
            ProposalChange::Proposed => language.t("đề xuất", "proposed"),
            ProposalChange::Required => language.t("cần", "required"),
            ProposalChange::Current => language.t("hiện có", "current"),
            ProposalChange::Rank => language.t("ngạch", "rank"),
            ProposalChange::Unit => language.t("đơn vị", "unit"),
        }
    }
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
