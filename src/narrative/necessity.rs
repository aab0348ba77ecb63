//! Phần I of the đề án: why it is drawn up, how the figures are derived, and its legal bases.

use super::form::{DOTS, agency};
use super::legal_bases::LegalBasis;
use super::typeset::{Block, heading, item, part_heading, text};
use crate::format::vi_number;
use crate::model::{CivilDate, Plan};

pub const TITLE: &str = "I. SỰ CẦN THIẾT VÀ CƠ SỞ PHÁP LÝ";

pub fn part(plan: &Plan, bases: &[LegalBasis], at: CivilDate) -> Vec<Block> {
    let agency = agency(plan);
    let mut blocks = vec![
        part_heading(TITLE),
        heading("1. Sự cần thiết xây dựng đề án"),
    ];
    blocks.push(text(&format!(
        "Thực hiện quy định của pháp luật về vị trí việc làm, biên chế công chức và số lượng \
         người làm việc, {agency} xây dựng Đề án vị trí việc làm nhằm xác định rõ từng vị trí \
         việc làm gắn với chức năng, nhiệm vụ của cơ quan, đơn vị; làm căn cứ để xác định biên \
         chế, số lượng người làm việc, cơ cấu ngạch công chức và cơ cấu viên chức theo chức danh \
         nghề nghiệp; thực hiện tuyển dụng, sử dụng, quản lý và đánh giá cán bộ, công chức, viên \
         chức và người lao động."
    )));
    blocks.push(text(&format!(
        "Số người cần bố trí cho mỗi vị trí được xác định theo khối lượng công việc: tổng thời \
         gian cần để hoàn thành các công việc của vị trí trong một năm chia cho thời gian làm \
         việc thực tế của một người trong năm ({}), cộng thêm thời gian cho các công việc hỗ trợ \
         và công việc riêng của một số người; vị trí lãnh đạo, quản lý bố trí theo quy định. Kết \
         quả được {}.",
        calendars_text(plan),
        plan.rounding.label_vi()
    )));
    blocks.push(text(&format!(
        "(Cơ quan, đơn vị bổ sung: kết quả thực hiện nhiệm vụ thời gian qua; những khó khăn, \
         bất cập về tổ chức bộ máy, biên chế và nhân sự hiện nay {DOTS})"
    )));
    blocks.push(heading("2. Cơ sở pháp lý"));
    blocks.push(text(&format!(
        "Đề án căn cứ các văn bản có hiệu lực tại ngày {at}:"
    )));
    for basis in bases {
        blocks.push(item(&format!("- {};", basis.citation), 0));
        blocks.push(item(&format!("Áp dụng: {}.", basis.rules.join("; ")), 1));
    }
    blocks.push(item(
        &format!(
            "- Văn bản quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của {agency}: \
             {DOTS}."
        ),
        0,
    ));
    blocks
}

/// "1.896 giờ/năm" for one calendar; each calendar by name when the plan has several.
fn calendars_text(plan: &Plan) -> String {
    let hours = |h: f64| format!("{} giờ/năm", vi_number(h, 1));
    if plan.calendars.len() <= 1 {
        hours(plan.default_calendar().available_hours())
    } else {
        plan.calendars
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let name = if c.name.trim().is_empty() {
                    format!("lịch {}", i + 1)
                } else {
                    c.name.trim().to_owned()
                };
                format!("{name}: {}", hours(c.available_hours()))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}
