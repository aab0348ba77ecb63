//! Phần V of the đề án: how it will be carried out, what the check of the plan against the
//! rules in force found (the points to address before submitting), and the request.

use super::form::{DOTS, agency};
use super::typeset::{Block, heading, item, part_heading, text};
use crate::engine::PlanResults;
use crate::format::vi_number;
use crate::model::{CivilDate, Plan};
use crate::norms::norm_rule;
use crate::rules::{Finding, Severity, rule};

pub const TITLE: &str = "V. TỔ CHỨC THỰC HIỆN VÀ KIẾN NGHỊ";
/// What the check section says when nothing was found.
pub const NO_FINDINGS: &str = "Không có nội dung nào trái với các quy định được kiểm tra.";

pub fn part(plan: &Plan, results: &PlanResults, findings: &[Finding], at: CivilDate) -> Vec<Block> {
    let agency = agency(plan);
    let mut blocks = vec![part_heading(TITLE), heading("1. Tổ chức thực hiện")];
    blocks.push(text(&format!(
        "Sau khi đề án được cấp có thẩm quyền phê duyệt, {agency} tổ chức triển khai: bố trí, \
         sắp xếp công chức, viên chức và người lao động theo vị trí việc làm; hoàn thiện bản mô \
         tả công việc và khung năng lực của từng vị trí; thực hiện tuyển dụng, nâng ngạch, thăng \
         hạng trong số lượng được phê duyệt; định kỳ rà soát, điều chỉnh vị trí việc làm khi \
         chức năng, nhiệm vụ hoặc khối lượng công việc thay đổi."
    )));
    blocks.push(text(&format!(
        "(Cơ quan, đơn vị bổ sung: phân công thực hiện, lộ trình bố trí nhân sự {DOTS})"
    )));

    blocks.push(heading(
        "2. Kết quả tự kiểm tra và những nội dung cần hoàn thiện",
    ));
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    blocks.push(text(&format!(
        "Đối chiếu đề án với các quy định có hiệu lực tại ngày {at}: {} lỗi, {} cảnh báo, {} \
         thông tin.",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )));
    if findings.is_empty() {
        blocks.push(text(NO_FINDINGS));
    }
    let to_address: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .collect();
    if !to_address.is_empty() {
        blocks.push(text("Những nội dung cần giải trình hoặc điều chỉnh:"));
        for (i, finding) in to_address.into_iter().enumerate() {
            blocks.push(item(&point(plan, i + 1, finding), 0));
        }
    }
    let infos: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .collect();
    if !infos.is_empty() {
        blocks.push(text("Những thông tin cần lưu ý:"));
        for (i, group) in by_rule(&infos).into_iter().enumerate() {
            blocks.push(item(&grouped_point(plan, i + 1, &group), 0));
        }
    }

    blocks.push(heading("3. Kiến nghị"));
    let establishment = results.total.by_employment.establishment();
    blocks.push(text(&format!(
        "{agency} kính đề nghị cấp có thẩm quyền xem xét, thẩm định và phê duyệt Đề án vị trí \
         việc làm với {} vị trí việc làm và tổng số {} người làm việc, trong đó {} biên chế \
         (công chức, viên chức).",
        plan.positions.len(),
        results.total.proposed,
        establishment.proposed
    )));
    blocks.push(text(&format!("(Các kiến nghị khác: {DOTS})")));
    blocks
}

/// Findings of one rule, in the order found.
fn by_rule<'a>(findings: &[&'a Finding]) -> Vec<Vec<&'a Finding>> {
    let mut groups: Vec<Vec<&Finding>> = Vec::new();
    for &finding in findings {
        match groups
            .iter_mut()
            .find(|g| g.first().is_some_and(|f| f.rule_id == finding.rule_id))
        {
            Some(group) => group.push(finding),
            None => groups.push(vec![finding]),
        }
    }
    groups
}

/// The rule's short name, from the review rules or the sector norms.
fn rule_name(rule_id: &str) -> Option<String> {
    if let Some(r) = rule(rule_id) {
        return Some(r.rule.name().to_owned());
    }
    norm_rule(rule_id).map(|(_, r)| r.name().to_owned())
}

/// One point for the findings of one rule: the finding itself when alone, else the rule's
/// name, how many places and which.
fn grouped_point(plan: &Plan, number: usize, group: &[&Finding]) -> String {
    match group {
        [] => String::new(),
        [only] => point(plan, number, only),
        [first, ..] => {
            let places: Vec<String> = group.iter().map(|f| place(plan, f)).collect();
            let name = rule_name(&first.rule_id).unwrap_or_else(|| first.rule_id.clone());
            let basis = first.legal_basis.trim();
            let basis = if basis.is_empty() {
                String::new()
            } else {
                format!("; căn cứ: {basis}")
            };
            format!(
                "{number}. {name} ({} nội dung{basis}): {}.",
                group.len(),
                places.join("; ")
            )
        }
    }
}

/// Where a finding is: "Khoa Nội - Điều dưỡng", the unit alone, or the whole plan.
fn place(plan: &Plan, finding: &Finding) -> String {
    let unit = finding
        .unit_id
        .as_deref()
        .and_then(|id| plan.unit(id))
        .map(|u| u.name.as_str());
    let position = finding
        .position_id
        .as_deref()
        .and_then(|id| plan.position(id))
        .map(|p| p.name.as_str());
    match (unit, position) {
        (Some(unit), Some(position)) => format!("{unit} - {position}"),
        (Some(unit), None) => unit.to_owned(),
        (None, Some(position)) => position.to_owned(),
        (None, None) => "Toàn đề án".to_owned(),
    }
}

/// "1. Phòng Kế toán - Kế toán viên: message (căn cứ: ...; thực tế 12; giới hạn 10)."; a
/// message that names its unit or position is not preceded by it again.
fn point(plan: &Plan, number: usize, finding: &Finding) -> String {
    let message = finding.message.vi.trim().trim_end_matches('.');
    let unit = finding
        .unit_id
        .as_deref()
        .and_then(|id| plan.unit(id))
        .map(|u| u.name.as_str());
    let position = finding
        .position_id
        .as_deref()
        .and_then(|id| plan.position(id))
        .map(|p| p.name.as_str());
    let unnamed: Vec<&str> = [unit, position]
        .into_iter()
        .flatten()
        .filter(|name| !message.contains(name))
        .collect();
    let lead = match (unnamed.is_empty(), unit.is_none() && position.is_none()) {
        (_, true) => format!("{number}. Toàn đề án: "),
        (true, false) => format!("{number}. "),
        (false, false) => format!("{number}. {}: ", unnamed.join(" - ")),
    };
    let mut details = Vec::new();
    if !finding.legal_basis.trim().is_empty() {
        details.push(format!("căn cứ: {}", finding.legal_basis.trim()));
    }
    if let Some(actual) = finding.actual {
        details.push(format!("thực tế {}", vi_number(actual, 2)));
    }
    if let Some(limit) = finding.limit {
        details.push(format!("giới hạn {}", vi_number(limit, 2)));
    }
    if details.is_empty() {
        format!("{lead}{message}.")
    } else {
        format!("{lead}{message} ({}).", details.join("; "))
    }
}
