//! The administrative form of the printed dossier (ND 30/2020 on văn thư): who issues it, which
//! document its appendices accompany, where and when, and who signs.
//!
//! Every field may stay blank: the dossier then prints dotted lines to be filled by hand, as
//! agencies do.

use serde::{Deserialize, Serialize};

use super::CivilDate;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentForm {
    /// The body the agency belongs to (cơ quan chủ quản), printed above the agency's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parent_body: String,
    /// The kind of document the appendices accompany: "Tờ trình" (default) or "Đề án".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// Its number and symbol, e.g. "125/TTr-STC".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// The date it is signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    /// The place in the date line ("An Hòa, ngày ... tháng ... năm ...").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// The signer's authority and title ("GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer_title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signer_name: String,
    /// Who drew up the tables (người lập biểu).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preparer_name: String,
}

impl DocumentForm {
    pub fn is_empty(&self) -> bool {
        *self == DocumentForm::default()
    }
}
