//! Trợ giúp > Hướng dẫn: a short guide in the app, in the interface language: the steps of a
//! plan, how the figures are derived, and the keyboard shortcuts.

use eframe::egui;

use crate::app::state::AppState;
use crate::language::Language;

/// The guide's sections: a heading and its lines.
fn sections(language: Language) -> [(&'static str, &'static [&'static str]); 3] {
    match language {
        Language::Vietnamese => [
            (
                "Các bước lập đề án",
                &[
                    "1. Thiết lập: tên đề án, cơ quan, loại tỉnh, ngày áp dụng quy định, lịch làm việc.",
                    "2. Cây bên trái: thêm các đơn vị, nhập loại đơn vị, biên chế được giao và các chỉ tiêu định mức.",
                    "3. Vị trí việc làm: thêm vị trí cho từng đơn vị; chọn cách xác định (cố định, theo khối lượng công việc, theo định mức).",
                    "4. Khối lượng công việc: nhập từng công việc của vị trí (khối lượng/năm, phút/lần, hệ số) và công việc hỗ trợ.",
                    "5. Nhân sự: nhập người hiện có, xếp vào vị trí.",
                    "6. Kiểm tra: sửa các lỗi và cảnh báo; rồi Tệp > Xuất hồ sơ Excel.",
                    "Sở Nội vụ: Tệp > Mở thư mục tổng hợp... mở mọi đề án trong một thư mục ở thẻ Tổng hợp; nhấn vào một cơ quan để mở và thẩm định đề án của cơ quan đó.",
                ],
            ),
            (
                "Cách tính",
                &[
                    "Thời gian làm việc = ngày làm việc/năm − ngày nghỉ, nhân số giờ/ngày.",
                    "FTE công việc chính = tổng (khối lượng × phút/lần × hệ số / 60) / giờ làm việc/năm.",
                    "Hệ số hỗ trợ (CAF) = 1 / (1 − tỷ lệ thời gian hỗ trợ).",
                    "Hệ số bổ sung (IAF) = giờ công việc bổ sung/năm / giờ làm việc/năm.",
                    "Nhu cầu (FTE) = FTE công việc chính × CAF + IAF + số người theo định mức; làm tròn theo quy tắc của đề án.",
                    "Tỷ lệ WISN = hiện có / nhu cầu (dưới 1: thiếu người).",
                    "Nhấn vào một số ở cột Cần (FTE) để xem cách tính của vị trí đó.",
                ],
            ),
            (
                "Phím tắt",
                &[
                    "Ctrl+Z hoàn tác (trong ô đang gõ: hoàn tác phần đang gõ trước), Ctrl+Y hoặc Ctrl+Shift+Z làm lại.",
                    "Ctrl+S lưu, Ctrl+Shift+S lưu thành, Ctrl+O mở, Ctrl+N đề án mới, Ctrl+Q thoát.",
                    "Trong bảng: gõ vào ô để thay nội dung, Enter xuống ô dưới, Tab sang ô kế tiếp, Esc bỏ phần đang gõ.",
                ],
            ),
        ],
        Language::English => [
            (
                "Building a plan",
                &[
                    "1. Settings: plan name, agency, province class, the date rules are judged at, calendars.",
                    "2. The tree on the left: add units, with their type, assigned quota and norm figures.",
                    "3. Positions: add each unit's positions; choose how each is set (fixed, by workload, by norm).",
                    "4. Workload: enter each component of a position (volume a year, minutes each, coefficient) and support work.",
                    "5. Staff: enter the people in post and assign them to positions.",
                    "6. Checks: fix errors and warnings; then File > Export the dossier workbook.",
                    "Reviewers: File > Open a portfolio folder... opens every plan of a folder in the Portfolio tab; click an agency to open and appraise its plan.",
                ],
            ),
            (
                "How figures are derived",
                &[
                    "Available time = working days a year minus days off, times hours a day.",
                    "Service FTE = sum of (volume × minutes each × coefficient / 60) / available hours a year.",
                    "Support factor (CAF) = 1 / (1 − share of time on support work).",
                    "Individual allowance (IAF) = additional hours a year / available hours a year.",
                    "Required FTE = service FTE × CAF + IAF + staff by norm; rounded by the plan's rule.",
                    "WISN ratio = current / required (below 1: short of staff).",
                    "Click a figure in the Required FTE column to see how that position's figure was reached.",
                ],
            ),
            (
                "Keyboard shortcuts",
                &[
                    "Ctrl+Z undo (inside a field being typed in: the typing first), Ctrl+Y or Ctrl+Shift+Z redo.",
                    "Ctrl+S save, Ctrl+Shift+S save as, Ctrl+O open, Ctrl+N new plan, Ctrl+Q quit.",
                    "In tables: type into a cell to replace it, Enter for the cell below, Tab for the next, Esc drops the typing.",
                ],
            ),
        ],
    }
}

/// The guide's window, while it is open.
pub fn help_window_ui(state: &mut AppState, ui: &mut egui::Ui) {
    if !state.show_help {
        return;
    }
    let mut open = true;
    let title = state.t("Hướng dẫn sử dụng", "User guide").to_owned();
    egui::Window::new(title)
        .open(&mut open)
        .default_width(560.0)
        .vscroll(true)
        .show(ui.ctx(), |ui| {
            for (heading, lines) in sections(state.language()) {
                ui.heading(heading);
                for line in lines {
                    ui.label(*line);
                }
                ui.add_space(6.0);
            }
        });
    state.show_help = open;
}
