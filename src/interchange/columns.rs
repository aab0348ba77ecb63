//! The tables of the interchange format and their columns: the contract other tools rely on.
//!
//! Column names are matched case-insensitively; their order in a file is free. A missing
//! optional column reads as empty cells; a missing required column is an error.

use crate::model::NormDriver;

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

const fn required(name: &'static str) -> Column {
    Column {
        name,
        required: true,
    }
}

const fn optional(name: &'static str) -> Column {
    Column {
        name,
        required: false,
    }
}

/// One table: a CSV file `<name>.csv`, or a workbook sheet named `<name>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSpec {
    pub name: &'static str,
    /// Whether an import fails without this table.
    pub required: bool,
    /// The known columns, in the order an export writes them.
    pub columns: &'static [Column],
    /// Whether columns not listed are kept (as personal fields) rather than ignored.
    pub keeps_other_columns: bool,
}

impl TableSpec {
    /// The file name of the table in a folder of CSV files.
    pub fn file_name(&self) -> String {
        format!("{}.csv", self.name)
    }

    /// The known column with this name (case-insensitive), if any.
    pub fn column(&self, name: &str) -> Option<&'static Column> {
        self.columns
            .iter()
            .find(|column| column.name.eq_ignore_ascii_case(name))
    }

    /// The names of the known columns, in export order.
    pub fn column_names(&self) -> impl Iterator<Item = &'static str> {
        self.columns.iter().map(|column| column.name)
    }

    /// The Vietnamese header label of a known column, shown under the column names in a
    /// workbook template.
    pub fn label_vi(&self, column: &str) -> Option<&'static str> {
        let label = match (self.name, column) {
            ("settings", "key") => "Khóa",
            ("settings", "value") => "Giá trị",
            (_, "id") => "Mã",
            ("calendars", "days_per_week") => "Số ngày làm việc/tuần",
            ("calendars", "weeks_per_year") => "Số tuần/năm",
            ("calendars", "public_holidays") => "Ngày nghỉ lễ, tết",
            ("calendars", "annual_leave") => "Ngày nghỉ phép",
            ("calendars", "sick_leave") => "Ngày nghỉ ốm",
            ("calendars", "other_leave") => "Ngày nghỉ khác",
            ("calendars", "hours_per_day") => "Số giờ làm việc/ngày",
            ("calendars", "available_hours") => "Tổng giờ làm việc/năm",
            ("calendars", "name") => "Tên lịch",
            ("units", "parent_id") => "Mã đơn vị cấp trên",
            ("units", "name") => "Tên đơn vị",
            ("units", "unit_type") => "Loại đơn vị",
            ("units", "quota") => "Biên chế được giao",
            ("units", "autonomy_group") => "Nhóm tự chủ tài chính (1-4)",
            ("units", "school_zone") => "Vùng trường học (1-3)",
            ("units", driver) if NormDriver::from_keyword(driver).is_some() => {
                NormDriver::from_keyword(driver).map_or("", NormDriver::label_vi)
            }
            (_, "unit_id") => "Mã đơn vị",
            ("positions", "name") => "Tên vị trí việc làm",
            ("positions", "category") => "Nhóm vị trí",
            (_, "rank_code") => "Mã ngạch",
            ("positions", "method") => "Cách tính",
            ("positions", "count") => "Số người (cố định)",
            ("positions", "min") => "Tối thiểu",
            ("positions", "max") => "Tối đa",
            ("positions", "calendar") => "Lịch làm việc",
            ("positions", "proposed") => "Số đề nghị",
            ("positions", "proposed_reason") => "Lý do đề nghị",
            ("positions", "role") => "Cấp trưởng/cấp phó",
            ("positions", "steps") => "Cơ cấu bậc (bậc:số người)",
            ("positions", "employment") => "Chế độ (công chức, viên chức, hợp đồng lao động)",
            (_, "position_id") => "Mã vị trí",
            ("duties", "name") => "Tên công việc",
            ("duties", "kind") => "Loại",
            ("duties", "volume") => "Khối lượng/năm",
            ("duties", "minutes_per_item") => "Phút/sản phẩm",
            ("duties", "coefficient") => "Hệ số",
            ("duties", "percent") => "Tỷ lệ %",
            ("duties", "minutes") => "Số phút",
            ("duties", "per") => "Mỗi",
            ("duties", "staff") => "Số người",
            ("duties", "ratio") => "Định mức",
            ("duties", "code") => "Mã thủ tục",
            ("staff", "fte") => "Quy đổi toàn thời gian",
            ("staff", "full_name") => "Họ và tên",
            ("staff", "birth_date") => "Ngày sinh (hoặc năm sinh)",
            ("staff", "sex") => "Giới tính",
            ("staff", "retires_on") => "Ngày nghỉ hưu đã quyết định",
            ("job_descriptions", "section") => "Mục",
            ("job_descriptions", "step") => "Bậc",
            ("job_descriptions", "content") => "Nội dung",
            ("job_descriptions", "output") => "Sản phẩm đầu ra",
            ("job_descriptions", "criterion") => "Tiêu chí đánh giá",
            ("job_descriptions", "group") => "Nhóm",
            ("job_descriptions", "name") => "Tên năng lực",
            ("job_descriptions", "level") => "Cấp độ (1-5)",
            ("job_descriptions", "detail") => "Yêu cầu cụ thể",
            _ => return None,
        };
        self.column(column).map(|_| label)
    }
}

/// Plan-wide settings as `key,value` rows.
pub const SETTINGS: TableSpec = TableSpec {
    name: "settings",
    required: false,
    columns: &[required("key"), required("value")],
    keeps_other_columns: false,
};

/// Keys of `settings.csv`.
pub mod settings_keys {
    pub const NAME: &str = "name";
    pub const AGENCY: &str = "agency";
    pub const YEAR: &str = "year";
    pub const ROUNDING: &str = "rounding";
    pub const PROVINCE_CLASS: &str = "province_class";
    pub const JUDGED_AT: &str = "judged_at";
    pub const BLOCKING_RULES: &str = "blocking_rules";
    /// The printed dossier's administrative form ([`crate::model::DocumentForm`]).
    pub const PARENT_BODY: &str = "parent_body";
    pub const DOCUMENT_KIND: &str = "document_kind";
    pub const DOCUMENT_NUMBER: &str = "document_number";
    pub const DOCUMENT_DATE: &str = "document_date";
    pub const PLACE: &str = "place";
    pub const SIGNER_TITLE: &str = "signer_title";
    pub const SIGNER_NAME: &str = "signer_name";
    pub const PREPARER_NAME: &str = "preparer_name";

    /// Every key, in the order an export writes them.
    pub const ALL: [&str; 15] = [
        NAME,
        AGENCY,
        YEAR,
        ROUNDING,
        PROVINCE_CLASS,
        JUDGED_AT,
        BLOCKING_RULES,
        PARENT_BODY,
        DOCUMENT_KIND,
        DOCUMENT_NUMBER,
        DOCUMENT_DATE,
        PLACE,
        SIGNER_TITLE,
        SIGNER_NAME,
        PREPARER_NAME,
    ];
}

/// Working calendars. `name` is an optional extra column, written only when a calendar has one.
pub const CALENDARS: TableSpec = TableSpec {
    name: "calendars",
    required: false,
    columns: &[
        required("id"),
        required("days_per_week"),
        required("weeks_per_year"),
        required("public_holidays"),
        required("annual_leave"),
        optional("sick_leave"),
        optional("other_leave"),
        required("hours_per_day"),
        optional("available_hours"),
        optional("name"),
    ],
    keeps_other_columns: false,
};

/// The organisation tree, with the attributes the rules read: the autonomy group of a public
/// service unit, the zone of a school, and one column per norm driver (named as the fields of
/// [`NormDrivers`](crate::model::NormDrivers), in the order of [`NormDriver::ALL`]).
pub const UNITS: TableSpec = TableSpec {
    name: "units",
    required: true,
    columns: &[
        required("id"),
        // Required once there are two units or more (see `units::read`).
        optional("parent_id"),
        required("name"),
        optional("unit_type"),
        optional("quota"),
        optional("autonomy_group"),
        optional("school_zone"),
        optional("classes"),
        optional("nursery_groups"),
        optional("pupils"),
        optional("two_sessions_a_day"),
        optional("population"),
        optional("area_km2"),
        optional("border_gates"),
        optional("international_quarantine"),
        optional("industrial_zones"),
        optional("mountainous"),
        optional("centrally_run_city"),
        optional("shelf_metres"),
        optional("electronic_mb"),
        optional("audio_visual_hours"),
        optional("commune_class"),
        optional("commune_setting"),
    ],
    keeps_other_columns: false,
};

/// Job positions.
pub const POSITIONS: TableSpec = TableSpec {
    name: "positions",
    required: true,
    columns: &[
        required("id"),
        required("unit_id"),
        required("name"),
        required("category"),
        optional("rank_code"),
        required("method"),
        optional("count"),
        optional("min"),
        optional("max"),
        optional("calendar"),
        optional("proposed"),
        optional("proposed_reason"),
        optional("role"),
        optional("steps"),
        optional("employment"),
    ],
    keeps_other_columns: false,
};

/// Workload components of the positions, one row each.
pub const DUTIES: TableSpec = TableSpec {
    name: "duties",
    required: false,
    columns: &[
        required("id"),
        required("position_id"),
        required("name"),
        required("kind"),
        optional("volume"),
        optional("minutes_per_item"),
        optional("coefficient"),
        optional("percent"),
        optional("minutes"),
        optional("per"),
        optional("staff"),
        optional("ratio"),
        optional("code"),
    ],
    keeps_other_columns: false,
};

/// The staff roster; `full_name` (Họ và tên) and any further column are personal fields, kept
/// in the plan and never printed in the dossier. `birth_date` (a date or the year alone),
/// `sex` and `retires_on` (a decided retirement date) set when each person retires.
pub const STAFF: TableSpec = TableSpec {
    name: "staff",
    required: false,
    columns: &[
        required("id"),
        required("unit_id"),
        optional("position_id"),
        optional("rank_code"),
        optional("fte"),
        optional("full_name"),
        optional("birth_date"),
        optional("sex"),
        optional("retires_on"),
    ],
    keeps_other_columns: true,
};

/// The personal field a staff member's `full_name` is kept in.
pub const FULL_NAME: &str = "full_name";

/// The hidden workbook sheet holding the template's drop-down lists; an import ignores it.
pub const LISTS_SHEET: &str = "lists";

/// Job descriptions (Phụ lục IV), one item a row: `section` says which part of the
/// description the row fills and so which of the other columns it uses.
pub const JOB_DESCRIPTIONS: TableSpec = TableSpec {
    name: "job_descriptions",
    required: false,
    columns: &[
        required("position_id"),
        required("section"),
        optional("step"),
        optional("content"),
        optional("output"),
        optional("criterion"),
        optional("group"),
        optional("name"),
        optional("level"),
        optional("detail"),
    ],
    keeps_other_columns: false,
};

/// The names users give tables in Vietnamese, for recognising a sheet or file that is meant to
/// be a table but is not named as one.
const VIETNAMESE_NAMES: [(&str, &[&str]); 7] = [
    ("settings", &["Thông tin chung", "Cài đặt", "Thiết lập"]),
    ("calendars", &["Lịch làm việc", "Lịch"]),
    ("units", &["Đơn vị", "Cơ cấu tổ chức"]),
    ("positions", &["Vị trí việc làm", "Vị trí"]),
    ("duties", &["Công việc", "Nhiệm vụ", "Khối lượng công việc"]),
    ("staff", &["Nhân sự", "Cán bộ", "Biên chế hiện có"]),
    (
        "job_descriptions",
        &["Mô tả công việc", "Bản mô tả công việc"],
    ),
];

/// The table a sheet or file stem seems meant to be when it is not named exactly as one: the
/// name with other case or accents, a near misspelling, or a Vietnamese name of the table.
/// `None` for exact names and for names unlike any table.
pub fn look_alike(name: &str) -> Option<&'static str> {
    let name = name.trim();
    if ALL.iter().any(|spec| spec.name == name) {
        return None;
    }
    let folded = crate::format::folded(name).replace([' ', '-'], "_");
    for (table, names) in VIETNAMESE_NAMES {
        let vietnamese = names
            .iter()
            .any(|n| crate::format::folded(n).replace(' ', "_") == folded);
        if vietnamese {
            return Some(table);
        }
    }
    crate::format::nearest(&folded, ALL.iter().map(|spec| spec.name))
}

/// Every table, in the order they are read and written.
pub const ALL: [TableSpec; 7] = [
    SETTINGS,
    CALENDARS,
    UNITS,
    POSITIONS,
    DUTIES,
    STAFF,
    JOB_DESCRIPTIONS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_units_and_positions_are_required() {
        let required: Vec<_> = ALL.iter().filter(|t| t.required).map(|t| t.name).collect();
        assert_eq!(required, ["units", "positions"]);
    }

    #[test]
    fn column_lookup_ignores_case() {
        assert_eq!(
            DUTIES.column("Minutes_Per_Item").map(|c| c.name),
            Some("minutes_per_item")
        );
        assert!(DUTIES.column("minutes_per").is_none());
    }

    #[test]
    fn every_column_has_a_vietnamese_label() {
        for table in ALL {
            for name in table.column_names() {
                assert!(table.label_vi(name).is_some(), "{}.{name}", table.name);
            }
        }
        assert_eq!(UNITS.label_vi("no_such_column"), None);
    }

    #[test]
    fn the_driver_columns_follow_the_norm_drivers() {
        let names: Vec<&str> = UNITS.column_names().collect();
        let drivers: Vec<&str> = NormDriver::ALL.iter().map(|d| d.keyword()).collect();
        let first = names.iter().position(|n| *n == "classes").unwrap();
        assert_eq!(names[first..], drivers[..]);
        assert_eq!(UNITS.label_vi("pupils"), Some("Số học sinh"));
        assert_eq!(
            UNITS.label_vi("commune_setting"),
            Some("Loại xã, phường, thị trấn")
        );
    }

    #[test]
    fn column_names_are_unique_lowercase_ascii() {
        for table in ALL {
            let names: Vec<_> = table.column_names().collect();
            for (i, name) in names.iter().enumerate() {
                assert!(
                    name.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                );
                assert!(
                    !names[i + 1..].contains(name),
                    "{} twice in {}",
                    name,
                    table.name
                );
            }
        }
    }
}
