//! The streamed sheets written in a workbook of their own, the annex, and put back in place.
//!
//! rust_xlsxwriter compresses a workbook's parts one after the other on one core when it saves
//! it: on a province's dossier, a quarter of a second during which the other core waits. More
//! than half of that XML is the job descriptions, written on streamed sheets (see
//! [`super::sheet`]). So those sheets are written in a second workbook, saved beside the first
//! on a thread of its own, and their compressed entries are copied as they are into the first
//! workbook's archive, in place of the empty sheets that hold their places there.
//!
//! A sheet's XML stands alone when its formats are the workbook's [`super::print::Styles`]
//! (numbered first, in the same order, in both workbooks), its texts are in its cells (as a
//! streamed sheet's are) and it has no pictures, links or notes: such are the sheets written
//! there. What the workbook itself says of a sheet (its name, its print area) is said of the
//! empty sheet holding its place (see [`hold_place`]). The archive is the one the workbook
//! would be saved as with those sheets in it, entry for entry (a test compares the two).

use std::io::Cursor;
use std::path::Path;
use std::thread;

use rust_xlsxwriter::{ColNum, RowNum, Workbook, Worksheet, XlsxError};
use zip::{ZipArchive, ZipWriter};

/// The dossier's workbook and its annex, and which worksheets of the annex take whose place.
pub struct Workbooks {
    pub main: Workbook,
    /// `None` when the sheets are written in the main workbook itself.
    pub annex: Option<Workbook>,
    /// For each sheet written in the annex: its place in the main workbook and in the annex
    /// (their worksheets' numbers, from 0).
    moved: Vec<(usize, usize)>,
}

/// How fast a province's ~100 MB of XML must be compressed: the fastest deflate level saves
/// most of the export's time for a file about a fifth larger.
const COMPRESSION_LEVEL: u8 = 1;

impl Workbooks {
    /// A workbook whose streamed sheets are written in an annex.
    pub fn with_annex() -> Self {
        let mut annex = new_workbook();
        // The first sheet of a workbook is its selected tab; an empty one takes that part, so
        // that the sheets that move are written as they are in the main workbook.
        annex.add_worksheet();
        Workbooks {
            main: new_workbook(),
            annex: Some(annex),
            moved: Vec::new(),
        }
    }

    /// A workbook that holds all its sheets itself.
    #[cfg(test)]
    pub fn whole() -> Self {
        Workbooks {
            main: new_workbook(),
            annex: None,
            moved: Vec::new(),
        }
    }

    /// Streamed sheets keep their XML in temporary files in `folder` until they are saved,
    /// where it can hold one (or else in the system's temporary folder).
    pub fn keep_temporary_files_in(&mut self, folder: &Path) {
        for workbook in std::iter::once(&mut self.main).chain(&mut self.annex) {
            // rust_xlsxwriter makes a file there to see that it can; if not, nothing changes.
            let _ = workbook.set_tempdir(folder);
        }
    }

    /// Whether the next sheet added may be written in the annex: there is one, and the sheet is
    /// not the main workbook's first (the selected tab, which the annex's sheets are not).
    pub fn may_annex(&mut self) -> bool {
        self.annex.is_some() && !self.main.worksheets().is_empty()
    }

    /// Adds a sheet to be streamed: in the annex if `annexed` (see [`Workbooks::may_annex`]),
    /// with an empty sheet holding its place in the main workbook, or else in the main
    /// workbook. `streamable` is whether the system lets one more sheet be streamed (see
    /// [`super::sheet::streamable_sheets`]); a sheet that is not is kept in memory. Returns
    /// whether it is streamed.
    pub fn add_streamed(&mut self, annexed: bool, streamable: bool) -> bool {
        let workbook = match &mut self.annex {
            Some(annex) if annexed => {
                self.moved
                    .push((self.main.worksheets().len(), annex.worksheets().len()));
                self.main.add_worksheet();
                annex
            }
            _ => &mut self.main,
        };
        let is_streamed = streamable && workbook.add_worksheet_with_constant_memory().is_ok();
        if !is_streamed {
            workbook.add_worksheet();
        }
        is_streamed
    }

    /// The main workbook's worksheets and the annex's, less the annex's first (see
    /// [`Workbooks::with_annex`]), to be shared out among the sheets' writers.
    pub fn worksheets_mut(&mut self) -> (&mut [Worksheet], &mut [Worksheet]) {
        let main = self.main.worksheets_mut().as_mut_slice();
        let annexed = match &mut self.annex {
            Some(annex) => annex
                .worksheets_mut()
                .as_mut_slice()
                .split_first_mut()
                .map_or(&mut [][..], |(_, rest)| rest),
            None => &mut [],
        };
        (main, annexed)
    }

    /// The workbook's archive: the annex saved beside the main workbook, and its sheets copied
    /// into place.
    pub fn save(&mut self) -> Result<Vec<u8>, XlsxError> {
        let Some(annex) = &mut self.annex else {
            return self.main.save_to_buffer();
        };
        let main = &mut self.main;
        let (main, annex) = thread::scope(|scope| {
            let annex = scope.spawn(|| annex.save_to_buffer());
            let main = main.save_to_buffer();
            match annex.join() {
                Ok(annex) => (main, annex),
                // A panic while saving is not an error to report: it goes on as a panic.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        splice(&main?, &annex?, &self.moved)
    }
}

fn new_workbook() -> Workbook {
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(COMPRESSION_LEVEL);
    workbook
}

/// Says of `place` (the empty sheet holding a sheet's place in the main workbook) what the
/// workbook says of `sheet`: its name and its print area, ending at `print_area` (see
/// [`super::sheet::Sheet::finish`]).
pub fn hold_place(
    place: &mut Worksheet,
    sheet: &Worksheet,
    print_area: Option<(RowNum, ColNum)>,
) -> Result<(), XlsxError> {
    place.set_name(sheet.name())?;
    if let Some((last_row, last_col)) = print_area {
        place.set_print_area(0, 0, last_row, last_col)?;
    }
    Ok(())
}

/// The archive entry of worksheet `index` (from 0): rust_xlsxwriter numbers worksheets from 1
/// in the workbook's order (the dossier has no chart sheets, which are numbered apart).
fn worksheet_entry(index: usize) -> String {
    format!("xl/worksheets/sheet{}.xml", index + 1)
}

/// `main`'s archive with the worksheets `moved` (place in `main`, place in `annex`) taken from
/// `annex`, each entry copied as it is compressed.
fn splice(main: &[u8], annex: &[u8], moved: &[(usize, usize)]) -> Result<Vec<u8>, XlsxError> {
    let capacity = main.len() + annex.len();
    let mut main = ZipArchive::new(Cursor::new(main))?;
    let mut annex = ZipArchive::new(Cursor::new(annex))?;
    let taken: std::collections::HashMap<String, String> = moved
        .iter()
        .map(|&(place, from)| (worksheet_entry(place), worksheet_entry(from)))
        .collect();
    let mut spliced = ZipWriter::new(Cursor::new(Vec::with_capacity(capacity)));
    for index in 0..main.len() {
        let entry = main.by_index_raw(index)?;
        let name = entry.name()?.into_owned();
        match taken.get(&name) {
            Some(from) => {
                spliced.raw_copy_file_rename(annex.by_name_raw(from.as_bytes())?, name)?
            }
            None => spliced.raw_copy_file(entry)?,
        }
    }
    Ok(spliced.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use zip::ZipArchive;

    use super::Workbooks;
    use crate::generate::{Spec, generate};
    use crate::model::CivilDate;

    /// The entries of an archive, in order, each with its name and content, less the time the
    /// workbook was made (which changes from one second to the next).
    fn entries(bytes: Vec<u8>) -> Vec<(String, Vec<u8>)> {
        let mut archive = ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|index| {
                let mut entry = archive.by_index(index).unwrap();
                let mut content = Vec::new();
                entry.read_to_end(&mut content).unwrap();
                (entry.name().unwrap().into_owned(), content)
            })
            .filter(|(name, _)| name != "docProps/core.xml")
            .collect()
    }

    #[test]
    fn a_dossier_written_with_an_annex_is_the_one_written_whole() {
        let plan = generate(Spec {
            units: 12,
            seed: 5,
            staff: None,
        });
        let results = crate::engine::compute(&plan).unwrap();
        let today = CivilDate::new(2026, 12, 7).unwrap();
        let dossier = |workbooks| {
            let mut workbooks =
                super::super::build_workbook(&plan, &results, today, workbooks).unwrap();
            entries(workbooks.save().unwrap())
        };
        let whole = dossier(Workbooks::whole());
        let annexed = dossier(Workbooks::with_annex());
        let sheets = plan
            .positions
            .len()
            .div_ceil(super::super::DESCRIPTIONS_PER_SHEET);
        assert!(sheets >= 3, "{} description sheets", sheets);
        // The description sheets are written in the annex, and only those.
        let descriptions = (annexed.iter())
            .filter(|(_, content)| content.windows(5).any(|w| w == b"<is><"))
            .count();
        assert_eq!(descriptions, sheets);
        let names = |entries: &[(String, Vec<u8>)]| -> Vec<String> {
            entries.iter().map(|(name, _)| name.clone()).collect()
        };
        assert_eq!(names(&annexed), names(&whole));
        for ((name, annexed), (_, whole)) in annexed.iter().zip(&whole) {
            assert!(
                annexed == whole,
                "{name} differs:\n{}\n\n{}",
                String::from_utf8_lossy(annexed),
                String::from_utf8_lossy(whole)
            );
        }
    }
}
