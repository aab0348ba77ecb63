//! Exports: the dossier, the results as CSV, the plan in the workbook template, the empty
//! template and the charts. Each asks where to write with a suggested name (the plan's name and
//! what the file holds), through the native save dialog or the typed path, and asks before
//! replacing a file that exists, whichever way the path came.

use crate::language::Localized as _;
use std::path::{Path, PathBuf};

use super::picker::{CSV_FILES, DOCX_FILES, FileFilter, PNG_FILES, XLSX_FILES};
use super::{FileDialog, PathPurpose, Picked, start_folder, suggested_file_name, type_path};
use crate::app::state::{AppState, Dialog, Notice};
use crate::dossier::ChartKind;
use crate::language::Language;
use crate::model::CivilDate;
use crate::{dossier, engine, interchange, narrative, report};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The approval dossier workbook.
    Dossier,
    /// The đề án as a Word draft.
    Narrative,
    /// The results as `vtvl compute --format csv` prints them.
    ResultsCsv,
    /// The plan in the workbook template's layout, to edit in a spreadsheet and import.
    PlanWorkbook,
    /// The empty workbook template.
    Template,
    /// One of the dossier's charts as a PNG image.
    Chart(ChartKind),
}

impl Export {
    /// The dialog's title, also the menu item without its dots.
    pub fn title(self, language: Language) -> &'static str {
        match self {
            Export::Dossier => language.t("Xuất hồ sơ Excel", "Export the dossier workbook"),
            Export::Narrative => language.t("Xuất đề án Word", "Export the proposal as Word"),
            Export::ResultsCsv => language.t("Xuất kết quả CSV", "Export results as CSV"),
            Export::PlanWorkbook => language.t("Xuất ra mẫu Excel", "Export to the Excel template"),
            Export::Template => language.t("Ghi mẫu Excel trống", "Write the empty Excel template"),
            Export::Chart(ChartKind::Units) => language.t(
                "Xuất biểu đồ theo đơn vị (PNG)",
                "Export the chart by unit (PNG)",
            ),
            Export::Chart(ChartKind::Ranks) => language.t(
                "Xuất biểu đồ theo ngạch (PNG)",
                "Export the chart by rank (PNG)",
            ),
        }
    }

    /// What the suggested file name adds to the plan's name.
    fn suffix(self) -> &'static str {
        match self {
            Export::Dossier => "ho-so",
            Export::Narrative => "de-an",
            Export::ResultsCsv => "ket-qua",
            Export::PlanWorkbook => "mau",
            Export::Template => "mau-trong",
            Export::Chart(ChartKind::Units) => "bieu-do-don-vi",
            Export::Chart(ChartKind::Ranks) => "bieu-do-ngach",
        }
    }

    pub fn filter(self) -> FileFilter {
        match self {
            Export::Dossier | Export::PlanWorkbook | Export::Template => XLSX_FILES,
            Export::Narrative => DOCX_FILES,
            Export::ResultsCsv => CSV_FILES,
            Export::Chart(_) => PNG_FILES,
        }
    }

    fn extension(self) -> &'static str {
        self.filter().extensions.first().copied().unwrap_or("")
    }

    /// The notice after writing, before the path.
    fn done(self, language: Language) -> &'static str {
        match self {
            Export::Dossier => language.t("Đã xuất hồ sơ", "Dossier exported to"),
            Export::Narrative => language.t("Đã xuất đề án", "Proposal exported to"),
            Export::ResultsCsv => language.t("Đã xuất kết quả", "Results exported to"),
            Export::PlanWorkbook => language.t("Đã xuất ra mẫu Excel", "Plan exported to"),
            Export::Template => language.t("Đã ghi mẫu Excel trống", "Empty template written to"),
            Export::Chart(_) => language.t("Đã xuất biểu đồ", "Chart exported to"),
        }
    }

    /// Whether the export carries figures, which a plan with problems would get wrong.
    fn needs_valid_plan(self) -> bool {
        matches!(self, Export::Dossier | Export::Narrative | Export::Chart(_))
    }
}

/// The suggested file name: the plan file's name (else the plan's name without diacritics),
/// then what the export holds: `so-tai-chinh-ho-so.xlsx`.
pub fn suggested_name(state: &AppState, export: Export) -> String {
    let plan_name = suggested_file_name(state.document.path(), state.document.plan());
    let stem = plan_name
        .strip_suffix(".ron")
        .or_else(|| plan_name.strip_suffix(".RON"))
        .unwrap_or(&plan_name);
    format!("{stem}-{}.{}", export.suffix(), export.extension())
}

/// Starts an export: asks where, with a suggested name.
pub fn export(state: &mut AppState, export: Export) {
    if export.needs_valid_plan() {
        let problems = state.document.problems().len();
        if problems > 0 {
            state.notice = Some(Notice::Error(format!(
                "{} {problems} {}",
                state.t("Kế hoạch còn", "The plan has"),
                state.t(
                    "vấn đề; hãy sửa trước khi xuất",
                    "problems; fix them before exporting"
                )
            )));
            return;
        }
    }
    let title = export.title(state.language()).to_owned();
    let folder = start_folder(state);
    let name = suggested_name(state, export);
    let picked = state
        .files
        .dialogs
        .pick_save(&title, folder.as_deref(), &name, export.filter());
    match picked {
        Picked::Path(path) => chosen(state, export, path),
        Picked::Cancelled => {}
        Picked::Unavailable => type_path(state, PathPurpose::Export(export), folder, &name),
    }
}

/// A path was chosen (in a dialog or typed): the extension is added when missing, and an
/// existing file is only replaced once the user agrees.
pub fn chosen(state: &mut AppState, export: Export, path: PathBuf) {
    let path = with_extension(path, export.filter());
    if path.exists() {
        state.dialog = Some(Dialog::File(FileDialog::ConfirmOverwrite { export, path }));
    } else {
        write(state, export, &path);
    }
}

/// The answer to "replace the existing file?".
pub fn answer_overwrite(state: &mut AppState, export: Export, path: &Path, replace: bool) {
    state.dialog = None;
    if replace {
        write(state, export, path);
    }
}

/// `path` with the filter's first extension added unless it already has one of them.
fn with_extension(path: PathBuf, filter: FileFilter) -> PathBuf {
    if filter.matches(&path) {
        return path;
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(filter.extensions.first().copied().unwrap_or(""));
    PathBuf::from(name)
}

fn write(state: &mut AppState, export: Export, path: &Path) {
    let plan = state.document.plan();
    let language = state.language();
    let written: Result<(), String> = match export {
        Export::Dossier => engine::compute(plan)
            .map_err(|e| e.message(language))
            .and_then(|results| {
                dossier::write_workbook(plan, &results, path, CivilDate::today())
                    .map_err(|e| e.message(language))
            }),
        Export::Narrative => engine::compute(plan)
            .map_err(|e| e.to_string())
            .and_then(|results| {
                narrative::write_document(plan, &results, path, plan.judgement_date())
                    .map_err(|e| e.message(state.preferences.language))
            }),
        Export::ResultsCsv => engine::compute(plan)
            .map_err(|e| e.message(language))
            .and_then(|results| report::results_csv(&results).map_err(|e| e.message(language)))
            .and_then(|text| {
                crate::output::atomic::write_bytes(path, text.as_bytes()).map_err(|e| e.to_string())
            }),
        Export::PlanWorkbook => {
            interchange::write_plan_workbook(plan, path).map_err(|e| e.message(language))
        }
        Export::Template => interchange::write_template(path).map_err(|e| e.message(language)),
        Export::Chart(kind) => engine::compute(plan)
            .map_err(|e| e.message(language))
            .and_then(|results| {
                dossier::chart_data(plan, &results, kind)
                    .and_then(|data| dossier::render_png(&data, path))
                    .map_err(|e| e.message(language))
            }),
    };
    state.notice = Some(match written {
        Ok(()) => Notice::Info(format!(
            "{} {}",
            export.done(state.language()),
            path.display()
        )),
        Err(error) => Notice::Error(format!(
            "{} {}: {error}",
            state.t("Không xuất được", "Cannot export to"),
            path.display()
        )),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_is_added_once() {
        assert_eq!(
            with_extension(PathBuf::from("/a/ho-so"), XLSX_FILES),
            PathBuf::from("/a/ho-so.xlsx")
        );
        assert_eq!(
            with_extension(PathBuf::from("/a/ho-so.XLSX"), XLSX_FILES),
            PathBuf::from("/a/ho-so.XLSX")
        );
        assert_eq!(
            with_extension(PathBuf::from("/a/ket-qua.v2"), CSV_FILES),
            PathBuf::from("/a/ket-qua.v2.csv")
        );
    }
}
