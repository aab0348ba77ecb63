//! Text lengths: every text field fits one Excel cell ([`MAX_TEXT_CHARS`]), so that a plan
//! that validates also exports, and the field that is too long is named. One function per kind
//! of row, so that a row can be checked alone.

use super::bounds::MAX_TEXT_CHARS;
use super::{Place, Problem, ProblemKind};
use crate::model::{Appraisal, Calendar, Plan, Position, Review, StaffMember, Unit};

/// Reports `text` when it does not fit one cell.
fn check(text: &str, place: &dyn Fn() -> Place, problems: &mut Vec<Problem>) {
    // Bytes bound characters from above: most texts need no count.
    if text.len() <= MAX_TEXT_CHARS {
        return;
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        problems.push(Problem {
            place: place(),
            kind: ProblemKind::TextTooLong {
                chars,
                max: MAX_TEXT_CHARS,
            },
        });
    }
}

/// The plan's own texts and its blocking rules.
pub(super) fn check_plan(plan: &Plan, problems: &mut Vec<Problem>) {
    let meta = &plan.meta;
    let document = &meta.document;
    let meta_texts = [
        ("name", &meta.name),
        ("agency", &meta.agency),
        ("parent_body", &document.parent_body),
        ("document_kind", &document.kind),
        ("document_number", &document.number),
        ("place", &document.place),
        ("signer_title", &document.signer_title),
        ("signer_name", &document.signer_name),
        ("preparer_name", &document.preparer_name),
    ];
    for (field, text) in meta_texts {
        check(text, &|| Place::Meta { field }, problems);
    }
    for rule in &plan.blocking_rules {
        let place = || Place::Meta {
            field: "blocking_rules",
        };
        check(rule, &place, problems);
    }
}

pub(super) fn check_calendar(index: usize, calendar: &Calendar, problems: &mut Vec<Problem>) {
    for (field, text) in [("id", &calendar.id), ("name", &calendar.name)] {
        let place = || Place::Calendar {
            index,
            id: calendar.id.clone(),
            field,
        };
        check(text, &place, problems);
    }
}

pub(super) fn check_unit(index: usize, unit: &Unit, problems: &mut Vec<Problem>) {
    let parent = unit.parent_id.as_deref().unwrap_or_default();
    for (field, text) in [
        ("id", &*unit.id),
        ("parent_id", parent),
        ("name", &unit.name),
    ] {
        let place = || Place::Unit {
            index,
            id: unit.id.clone(),
            field,
        };
        check(text, &place, problems);
    }
}

/// A position with its job description and workload components.
pub(super) fn check_position(index: usize, position: &Position, problems: &mut Vec<Problem>) {
    let at = |field| {
        move || Place::Position {
            index,
            id: position.id.clone(),
            field,
        }
    };
    let description = &position.job_description;
    let texts = [
        ("id", &*position.id),
        ("unit_id", &position.unit_id),
        ("name", &position.name),
        ("rank_code", &position.rank_code),
        ("calendar", position.calendar.as_deref().unwrap_or_default()),
        (
            "proposal_reason",
            position
                .proposed
                .as_ref()
                .map(|p| p.reason.as_str())
                .unwrap_or_default(),
        ),
        ("purpose", &description.purpose),
        ("relationships", &description.relationships),
        ("authority", &description.authority),
    ];
    for (field, text) in texts {
        check(text, &at(field), problems);
    }
    for item in &description.work_items {
        for text in [&item.step, &item.content, &item.output, &item.criterion] {
            check(text, &at("work_items"), problems);
        }
    }
    for competency in &description.competencies {
        check(&competency.name, &at("competencies"), problems);
        check(&competency.step, &at("competencies"), problems);
    }
    for requirement in &description.requirements {
        check(&requirement.group, &at("requirements"), problems);
        check(&requirement.detail, &at("requirements"), problems);
    }
    for (component_index, component) in position.components.iter().enumerate() {
        let code = component.code.as_deref().unwrap_or_default();
        for (field, text) in [
            ("id", &*component.id),
            ("name", &component.name),
            ("code", code),
        ] {
            let place = || Place::Component {
                position_index: index,
                component_index,
                position_id: position.id.clone(),
                component_id: component.id.clone(),
                field,
            };
            check(text, &place, problems);
        }
    }
}

pub(super) fn check_staff(index: usize, member: &StaffMember, problems: &mut Vec<Problem>) {
    let at = |field| {
        move || Place::Staff {
            index,
            id: member.id.clone(),
            field,
        }
    };
    let position = member.position_id.as_deref().unwrap_or_default();
    let texts = [
        ("id", &*member.id),
        ("unit_id", &member.unit_id),
        ("position_id", position),
        ("rank_code", &member.rank_code),
    ];
    for (field, text) in texts {
        check(text, &at(field), problems);
    }
    for (_, value) in member.personal.iter() {
        check(value, &at("personal"), problems);
    }
}

/// The review's own texts (its lines are checked one by one).
pub(super) fn check_review(review: &Review, problems: &mut Vec<Problem>) {
    let review_texts = [
        ("reviewer", &review.reviewer),
        ("organisation", &review.organisation),
        ("conclusion", &review.conclusion),
    ];
    for (field, text) in review_texts {
        check(text, &|| Place::Meta { field }, problems);
    }
}

pub(super) fn check_line(index: usize, line: &Appraisal, problems: &mut Vec<Problem>) {
    for (field, text) in [
        ("position_id", &line.position_id),
        ("comment", &line.comment),
    ] {
        let place = || Place::Appraisal {
            index,
            position_id: line.position_id.clone(),
            field,
        };
        check(text, &place, problems);
    }
}
