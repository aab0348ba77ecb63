//! The streamed sheets written in workbooks of their own, the annexes, and put back in place.
//!
//! rust_xlsxwriter compresses a workbook's parts one after the other on one core when it saves
//! it: on a province's dossier, a quarter of a second during which the other core waits. Most
//! of that XML is the job descriptions and the workload, written on streamed sheets (see
//! [`super::sheet`]). So each kind of streamed sheet is written in an annex, a workbook saved
//! beside the main one on a thread of its own, and the annexes' compressed entries are copied
//! as they are into the main workbook's archive, in place of the empty sheets that hold their
//! places there.
//!
//! A sheet's XML stands alone when its formats are the workbook's [`super::print::Styles`]
//! (numbered first, in the same order, in every workbook), its texts are in its cells (as a
//! streamed sheet's are) and it has no pictures, links or notes: such are the sheets written
//! there. What the workbook itself says of a sheet (its name, its print area, the rows printed
//! atop each page) is said of the empty sheet holding its place (see [`hold_place`]). The
//! archive is the one the workbook would be saved as with those sheets in it, entry for entry
//! (a test compares the two).

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::thread;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use zip::result::ZipError;
use zip::{ZipArchive, ZipWriter};

use super::sheet::Printing;

/// The dossier's workbook and its annexes, and which worksheets of the annexes take whose
/// place.
pub struct Workbooks {
    pub main: Workbook,
    /// Whether streamed sheets go to annexes rather than to the main workbook.
    annexed: bool,
    /// Each annex, with the group of sheets it holds (see [`Workbooks::annex_of`]).
    annexes: Vec<(u8, Workbook)>,
    /// Where the annexes' streamed sheets keep their temporary files, if not in the system's
    /// temporary folder.
    temporary_folder: Option<PathBuf>,
    /// The formats every workbook numbers first (see [`Workbooks::register_formats`]).
    formats: Vec<Format>,
    /// For each sheet written in an annex: its place in the main workbook, its annex, and its
    /// place there (worksheets' numbers, from 0).
    moved: Vec<Moved>,
}

/// A sheet written in an annex: its place in the main workbook, its annex, and its place there
/// (worksheets' numbers, from 0).
struct Moved {
    place: usize,
    annex: usize,
    from: usize,
}

/// How fast a province's ~100 MB of XML must be compressed: the fastest deflate level saves
/// most of the export's time for a file about a fifth larger.
const COMPRESSION_LEVEL: u8 = 1;

impl Workbooks {
    /// A workbook whose streamed sheets are written in annexes.
    pub fn with_annexes() -> Self {
        Workbooks {
            annexed: true,
            ..Workbooks::whole()
        }
    }

    /// A workbook that holds all its sheets itself.
    pub fn whole() -> Self {
        Workbooks {
            main: new_workbook(),
            annexed: false,
            annexes: Vec::new(),
            temporary_folder: None,
            formats: Vec::new(),
            moved: Vec::new(),
        }
    }

    /// Numbers `formats` in the main workbook and in every annex, now and when made, in their
    /// order, before any sheet is written: the annexes' sheets then number them as the main
    /// workbook does.
    pub fn register_formats<'f>(&mut self, formats: impl Iterator<Item = &'f Format>) {
        let formats: Vec<Format> = formats.cloned().collect();
        for workbook in self.every_workbook() {
            register(workbook, &formats);
        }
        self.formats = formats;
    }

    /// Streamed sheets keep their XML in temporary files in `folder` until they are saved,
    /// where it can hold one (or else in the system's temporary folder).
    pub fn keep_temporary_files_in(&mut self, folder: &Path) {
        for workbook in self.every_workbook() {
            keep_temporary_files(workbook, folder);
        }
        self.temporary_folder = Some(folder.to_path_buf());
    }

    /// The main workbook and the annexes made so far.
    fn every_workbook(&mut self) -> impl Iterator<Item = &mut Workbook> {
        let annexes = self.annexes.iter_mut().map(|(_, annex)| annex);
        std::iter::once(&mut self.main).chain(annexes)
    }

    /// The annex that takes the sheets of `group` (the sheets of one kind, saved on a thread of
    /// their own), made the first time it is asked for; `None` if the next sheet added is to
    /// be in the main workbook: there are no annexes, or it would be the main workbook's first
    /// (the selected tab, which the annexes' sheets are not).
    pub fn annex_of(&mut self, group: u8) -> Option<usize> {
        if !self.annexed || self.main.worksheets().is_empty() {
            return None;
        }
        if let Some(index) = self.annexes.iter().position(|(of, _)| *of == group) {
            return Some(index);
        }
        let mut annex = new_workbook();
        register(&mut annex, &self.formats);
        if let Some(folder) = &self.temporary_folder {
            keep_temporary_files(&mut annex, folder);
        }
        // The first sheet of a workbook is its selected tab; an empty one takes that part, so
        // that the sheets that move are written as they are in the main workbook.
        annex.add_worksheet();
        self.annexes.push((group, annex));
        Some(self.annexes.len() - 1)
    }

    /// Adds a sheet to be streamed: in `annex` (see [`Workbooks::annex_of`]), with an empty
    /// sheet holding its place in the main workbook, or else in the main workbook.
    /// `streamable` is whether the system lets one more sheet be streamed (see
    /// [`super::sheet::streamable_sheets`]); a sheet that is not is kept in memory. Returns
    /// whether it is streamed.
    pub fn add_streamed(&mut self, annex: Option<usize>, streamable: bool) -> bool {
        let workbook = match annex.and_then(|index| Some(index).zip(self.annexes.get_mut(index))) {
            Some((index, (_, workbook))) => {
                self.moved.push(Moved {
                    place: self.main.worksheets().len(),
                    annex: index,
                    from: workbook.worksheets().len(),
                });
                self.main.add_worksheet();
                workbook
            }
            None => &mut self.main,
        };
        let is_streamed = streamable && workbook.add_worksheet_with_constant_memory().is_ok();
        if !is_streamed {
            workbook.add_worksheet();
        }
        is_streamed
    }

    /// The main workbook's worksheets and each annex's, less its first (see
    /// [`Workbooks::annex_of`]), to be shared out among the sheets' writers.
    pub fn worksheets_mut(&mut self) -> (&mut [Worksheet], Vec<&mut [Worksheet]>) {
        let main = self.main.worksheets_mut().as_mut_slice();
        let annexes = (self.annexes.iter_mut())
            .map(|(_, annex)| {
                (annex.worksheets_mut().as_mut_slice().split_first_mut())
                    .map_or(&mut [][..], |(_, rest)| rest)
            })
            .collect();
        (main, annexes)
    }

    /// The workbook's archive: each annex saved beside the main workbook on a thread of its
    /// own, and their sheets copied into place.
    pub fn save(&mut self) -> Result<Vec<u8>, XlsxError> {
        if self.annexes.is_empty() {
            return self.main.save_to_buffer();
        }
        let main = &mut self.main;
        let annexes = &mut self.annexes;
        let (main, annexes) = thread::scope(|scope| {
            let saving: Vec<_> = (annexes.iter_mut())
                .map(|(_, annex)| scope.spawn(|| annex.save_to_buffer()))
                .collect();
            let main = main.save_to_buffer();
            let annexes: Vec<_> = saving.into_iter().map(super::parallel::finished).collect();
            (main, annexes)
        });
        let annexes = annexes.into_iter().collect::<Result<Vec<_>, _>>()?;
        splice(&main?, &annexes, &self.moved)
    }
}

/// Numbers `formats` in `workbook`, in their order.
fn register(workbook: &mut Workbook, formats: &[Format]) {
    // rust_xlsxwriter leaves this out of its documentation, but names this use for it: formats
    // numbered before sheets written side by side use them.
    for format in formats {
        workbook.register_format(format);
    }
}

/// Streamed sheets of `workbook` keep their temporary files in `folder`, where it can hold one.
fn keep_temporary_files(workbook: &mut Workbook, folder: &Path) {
    // rust_xlsxwriter makes a file there to see that it can; if not, nothing changes.
    let _ = workbook.set_tempdir(folder);
}

fn new_workbook() -> Workbook {
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(COMPRESSION_LEVEL);
    workbook
}

/// Says of `place` (the empty sheet holding a sheet's place in the main workbook) what the
/// workbook says of `sheet`: its name, its print area and the rows printed atop each page (see
/// [`super::sheet::Sheet::finish`]).
pub fn hold_place(
    place: &mut Worksheet,
    sheet: &Worksheet,
    printing: Printing,
) -> Result<(), XlsxError> {
    place.set_name(sheet.name())?;
    if let Some((last_row, last_col)) = printing.area {
        place.set_print_area(0, 0, last_row, last_col)?;
    }
    if let Some((first_row, last_row)) = printing.titles {
        place.set_repeat_rows(first_row, last_row)?;
    }
    Ok(())
}

/// The archive entry of worksheet `index` (from 0): rust_xlsxwriter numbers worksheets from 1
/// in the workbook's order (the dossier has no chart sheets, which are numbered apart).
fn worksheet_entry(index: usize) -> String {
    format!("xl/worksheets/sheet{}.xml", index + 1)
}

/// `main`'s archive with the worksheets `moved` taken from the `annexes`, each entry copied as
/// it is compressed.
fn splice(main: &[u8], annexes: &[Vec<u8>], moved: &[Moved]) -> Result<Vec<u8>, XlsxError> {
    let capacity = main.len() + annexes.iter().map(Vec::len).sum::<usize>();
    let mut main = ZipArchive::new(Cursor::new(main))?;
    let mut annexes = (annexes.iter())
        .map(|annex| ZipArchive::new(Cursor::new(annex.as_slice())))
        .collect::<Result<Vec<_>, _>>()?;
    let taken: HashMap<String, (usize, String)> = (moved.iter())
        .map(|moved| {
            let from = (moved.annex, worksheet_entry(moved.from));
            (worksheet_entry(moved.place), from)
        })
        .collect();
    let mut spliced = ZipWriter::new(Cursor::new(Vec::with_capacity(capacity)));
    for index in 0..main.len() {
        let entry = main.by_index_raw(index)?;
        let name = entry.name()?.into_owned();
        match taken.get(&name) {
            Some((annex, from)) => {
                let annex = annexes.get_mut(*annex).ok_or(ZipError::FileNotFound)?;
                spliced.raw_copy_file_rename(annex.by_name_raw(from.as_bytes())?, name)?;
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
        let annexed = dossier(Workbooks::with_annexes());
        let sheets = plan
            .positions
            .len()
            .div_ceil(super::super::DESCRIPTIONS_PER_SHEET);
        assert!(sheets >= 3, "{} description sheets", sheets);
        // The description and workload sheets are streamed (their texts in their cells), and
        // only those.
        let workload = super::super::workload_sheet::Workload::of(&plan, &results).unwrap();
        let streamed = (annexed.iter())
            .filter(|(_, content)| content.windows(5).any(|w| w == b"<is><"))
            .count();
        assert_eq!(streamed, sheets + workload.sheets());
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
