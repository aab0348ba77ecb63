//! Vietnamese names for synthetic units, positions, tasks and people.

use crate::model::UnitType;

const UNIT_KINDS: [(UnitType, &str); 6] = [
    (UnitType::DepartmentDivision, "Phòng chuyên môn"),
    (UnitType::SubDepartment, "Chi cục"),
    (UnitType::PublicServiceUnit, "Trung tâm dịch vụ công"),
    (UnitType::LowerSecondarySchool, "Trường Trung học cơ sở"),
    (UnitType::CommuneHealthStation, "Trạm Y tế"),
    (UnitType::CommuneCommittee, "Ủy ban nhân dân xã"),
];

pub fn unit_kind(index: usize, rng: &mut fastrand::Rng) -> (UnitType, &'static str) {
    if index == 0 {
        return (UnitType::ProvincialCommittee, "Ủy ban nhân dân tỉnh");
    }
    UNIT_KINDS[rng.usize(0..UNIT_KINDS.len())]
}

const LEADERS: [&str; 2] = ["Trưởng đơn vị", "Phó Trưởng đơn vị"];
const POSITIONS: [&str; 8] = [
    "Chuyên viên quản lý ngân sách",
    "Chuyên viên tổng hợp",
    "Chuyên viên pháp chế",
    "Kế toán viên",
    "Văn thư",
    "Chuyên viên tiếp nhận hồ sơ một cửa",
    "Thanh tra viên",
    "Chuyên viên quản lý đất đai",
];

pub fn position_name(index: usize, rng: &mut fastrand::Rng) -> &'static str {
    match LEADERS.get(index) {
        Some(name) => name,
        None => POSITIONS[rng.usize(0..POSITIONS.len())],
    }
}

const RANKS: [&str; 5] = ["01.001", "01.002", "01.003", "01.004", "06.031"];

pub fn rank_code(rng: &mut fastrand::Rng) -> &'static str {
    RANKS[rng.usize(0..RANKS.len())]
}

const TASKS: [&str; 8] = [
    "Thẩm định hồ sơ thủ tục hành chính",
    "Tiếp nhận và trả kết quả",
    "Soạn thảo văn bản, báo cáo",
    "Kiểm tra, giám sát",
    "Tổng hợp số liệu thống kê",
    "Tham mưu xây dựng kế hoạch",
    "Lưu trữ hồ sơ",
    "Tiếp công dân",
];

pub fn task_name(rng: &mut fastrand::Rng) -> &'static str {
    TASKS[rng.usize(0..TASKS.len())]
}

const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc"];
const GIVEN: [&str; 8] = ["An", "Bình", "Hương", "Dũng", "Lệ", "Tuấn", "Thủy", "Việt"];

pub fn person_name(rng: &mut fastrand::Rng) -> String {
    format!(
        "{} {} {}",
        FAMILY[rng.usize(0..FAMILY.len())],
        MIDDLE[rng.usize(0..MIDDLE.len())],
        GIVEN[rng.usize(0..GIVEN.len())]
    )
}
