//! The interchange format: a folder of CSV files that other tools can read and write, or a
//! workbook with one sheet per file (named like the file without `.csv`).
//!
//! | file | columns |
//! |---|---|
//! | `settings.csv` | `key,value`; keys `name`, `agency`, `year`, `rounding`, `province_class`, `judged_at`, `blocking_rules`, and the dossier's form: `parent_body`, `document_kind`, `document_number`, `document_date`, `place`, `signer_title`, `signer_name`, `preparer_name` |
//! | `calendars.csv` | `id,days_per_week,weeks_per_year,public_holidays,annual_leave,sick_leave,other_leave,hours_per_day,available_hours` (and an optional `name`) |
//! | `units.csv` | `id,parent_id,name,unit_type,quota`, and optional `autonomy_group,school_zone` and one column per norm driver (`classes`, `pupils`, `population`, ...: see [`NormDriver`](crate::model::NormDriver)) |
//! | `positions.csv` | `id,unit_id,name,category,rank_code,method,count,min,max,calendar,proposed,proposed_reason`, and optional `role,steps,employment` |
//! | `duties.csv` | `id,position_id,name,kind,volume,minutes_per_item,coefficient,percent,minutes,per,staff,ratio,code` |
//! | `staff.csv` | `id,unit_id,position_id,rank_code,fte`, optional `full_name`, `birth_date` (`YYYY-MM-DD` or `YYYY`), `sex` (`nam`/`nữ`, `male`/`female`), `retires_on`, and any personal columns |
//! | `job_descriptions.csv` | `position_id,section,step,content,output,criterion,group,name,level,detail` |
//!
//! `units.csv` and `positions.csv` are required, the others optional. Column order is free and
//! names are matched ignoring case; a missing optional column reads as empty cells, an unknown
//! one is ignored (in `staff.csv` it is a personal field). Files are UTF-8 with or without BOM;
//! cells are trimmed and normalised to Unicode NFC; blank lines are skipped. Numbers use `.` as
//! the decimal separator; a keyword column reads the keyword or the Vietnamese label the app
//! shows ([`Choice`](crate::model::Choice)), ignoring case, Unicode form and spaces; yes/no
//! columns read `có`/`không`, `yes`/`no`, `1`/`0` or `true`/`false` and are written `yes`/`no`; steps are written
//! `step:count` pairs separated by `;` (`5:2;4:3`); dates `YYYY-MM-DD`. Export leaves out the
//! optional columns and settings a plan does not use. An import reports every problem found,
//! each with its file, line and column.
//!
//! The layers: `csv_dir` turns files into [`table::Table`]s of cleaned text cells; one module
//! per table (`units`, `positions`, ...) turns rows into the model and back, knowing nothing
//! of CSV, so that another source of rows (a workbook sheet) can feed the same code through
//! [`TableSource`]: `workbook` reads sheets into the same tables, and `template` writes the
//! workbook planners fill in, empty or holding a plan (labels in keyword cells).

mod calendars;
mod cells;
pub mod columns;
mod csv_dir;
mod duties;
mod error;
mod export;
mod import;
mod job_descriptions;
mod long_texts;
mod origins;
mod position_rows;
mod positions;
mod settings;
mod staff;
pub mod table;
mod template;
mod units;
mod workbook;

pub use error::{ExportError, ImportError, MAX_LISTED, Problem, Problems};
pub use export::export_dir;
pub use import::{
    TableSource, import_dir, import_from, import_path, import_path_with_origins, import_valid,
    read_tables,
};
pub use origins::{Origin, Origins, Rows};
pub use template::{write_plan_workbook, write_template};
pub use workbook::{Workbook, is_workbook};
