//! The dossier's sheets written side by side: a worksheet knows nothing of the others until
//! the workbook is saved, so the sheets of a province's dossier are shared out among the
//! machine's cores, and the plan's fingerprint is computed once for the sheets that print it.

use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread;

use super::DossierError;
use super::annex::{self, Workbooks};
use super::print::Styles;
use super::sheet::{Sheet, memory_folder, streamable_sheets};
use crate::model::Plan;
use crate::plan_file::{self, PlanFileError};

/// One piece of work: filling a worksheet (which it holds), or computing what sheets share.
pub type Job<'a> = Box<dyn FnOnce() -> Result<(), DossierError> + Send + 'a>;

/// What fills one or more consecutive worksheets (a table continued on further sheets), with
/// formats that live as long as it.
pub type SheetsWriter<'a> =
    Box<dyn for<'w> FnOnce(&mut [Sheet<'w, 'a>]) -> Result<(), DossierError> + Send + 'a>;

/// A part of the workbook: its place in the order of work, how many sheets it fills, whether
/// they are streamed (see [`Sheet::streamed`]), and what fills them.
pub struct Writer<'a> {
    pub order: u8,
    pub sheets: usize,
    pub streamed: bool,
    pub write: SheetsWriter<'a>,
}

impl<'a> Writer<'a> {
    /// A part of one sheet.
    pub fn one(
        order: u8,
        write: impl for<'w> FnOnce(&mut Sheet<'w, 'a>) -> Result<(), DossierError> + Send + 'a,
    ) -> Self {
        Writer {
            order,
            sheets: 1,
            streamed: false,
            write: Box::new(move |sheets| match sheets.first_mut() {
                Some(sheet) => write(sheet),
                None => Ok(()),
            }),
        }
    }

    /// A part of `sheets` sheets, filled in order by one job.
    pub fn many(
        order: u8,
        sheets: usize,
        write: impl for<'w> FnOnce(&mut [Sheet<'w, 'a>]) -> Result<(), DossierError> + Send + 'a,
    ) -> Self {
        Writer {
            order,
            sheets,
            streamed: false,
            write: Box::new(write),
        }
    }

    /// The same part on streamed sheets (see [`Sheet::streamed`]), as far as the system lets
    /// them be (see [`super::sheet::streamable_sheets`]), written in an annex shared with the
    /// writers of the same place in the order of work (see [`super::annex`]).
    pub fn streamed(self) -> Self {
        Writer {
            streamed: true,
            ..self
        }
    }
}

/// Adds the writers' worksheets to `workbooks`, in order, and returns the jobs that fill them,
/// each with its place in the order of work. A streamed writer's sheets go to an annex, if
/// there are annexes (see [`super::annex`]), and are streamed as far as the system allows; a sheet
/// without a temporary file (no temporary folder, or no file handle left) is kept in memory as
/// the others are.
///
/// The `styles` are numbered in each workbook first, in their order: streamed sheets number the
/// formats they use as they write them, and whichever thread came first would otherwise decide;
/// and the sheets of the annexes must number them as the main workbook does.
pub fn jobs<'a>(
    workbooks: &'a mut Workbooks,
    styles: &'a Styles,
    writers: Vec<Writer<'a>>,
) -> Vec<(u8, Job<'a>)> {
    workbooks.register_formats(styles.all());
    let streamed_sheets: usize = (writers.iter())
        .filter(|writer| writer.streamed)
        .map(|writer| writer.sheets)
        .sum();
    if let Some(folder) = memory_folder(streamed_sheets) {
        workbooks.keep_temporary_files_in(&folder);
    }
    let mut streamable = streamable_sheets();
    // Each writer's annex, if its sheets are written in one, and whether each is streamed, as
    // they are added. The writers of one kind (one place in the order of work) share an annex.
    let modes: Vec<(Option<usize>, Vec<bool>)> = (writers.iter())
        .map(|writer| {
            let annex = if writer.streamed {
                workbooks.annex_of(writer.order)
            } else {
                None
            };
            let streamed = (0..writer.sheets)
                .map(|_| {
                    if !writer.streamed {
                        workbooks.main.add_worksheet();
                        return false;
                    }
                    let is_streamed = workbooks.add_streamed(annex, streamable > 0);
                    if is_streamed {
                        streamable -= 1;
                    }
                    is_streamed
                })
                .collect();
            (annex, streamed)
        })
        .collect();
    let (mut rest, mut annex_rests) = workbooks.worksheets_mut();
    let mut jobs: Vec<(u8, Job<'a>)> = Vec::with_capacity(writers.len());
    for (writer, (annex, modes)) in writers.into_iter().zip(modes) {
        let count = modes.len().min(rest.len());
        let (mine, tail) = std::mem::take(&mut rest).split_at_mut(count);
        rest = tail;
        // The sheets written in the annex, and the main workbook's that hold their places.
        let (written, places) = match annex.and_then(|index| annex_rests.get_mut(index)) {
            Some(annex_rest) => {
                let count = count.min(annex_rest.len());
                let (annexed, tail) = std::mem::take(annex_rest).split_at_mut(count);
                *annex_rest = tail;
                (annexed, mine)
            }
            None => (mine, &mut [][..]),
        };
        let write = writer.write;
        jobs.push((
            writer.order,
            Box::new(move || {
                let mut sheets: Vec<Sheet<'_, 'a>> = written
                    .iter_mut()
                    .zip(modes)
                    .map(|(sheet, is_streamed)| {
                        if is_streamed {
                            Sheet::streamed(sheet, styles)
                        } else {
                            Sheet::new(sheet)
                        }
                    })
                    .collect();
                write(&mut sheets)?;
                let printing = sheets
                    .into_iter()
                    .map(Sheet::finish)
                    .collect::<Result<Vec<_>, _>>()?;
                for ((place, sheet), printing) in places.iter_mut().zip(&*written).zip(printing) {
                    annex::hold_place(place, sheet, printing)?;
                }
                Ok(())
            }),
        ));
    }
    jobs
}

/// Runs `jobs` on up to as many threads as the machine has cores, each thread taking the next
/// job in the order given (so the longest should come first). Every job runs; the error
/// returned is the first in the order given, so the result does not depend on the timing.
pub fn run(jobs: Vec<Job<'_>>) -> Result<(), DossierError> {
    let count = jobs.len();
    let threads = thread::available_parallelism()
        .map_or(1, usize::from)
        .min(count);
    let queue = Mutex::new(jobs.into_iter().enumerate());
    let next = || queue.lock().unwrap_or_else(PoisonError::into_inner).next();
    let mut outcomes: Vec<(usize, Result<(), DossierError>)> = Vec::with_capacity(count);
    let work = || {
        let mut done = Vec::new();
        while let Some((index, job)) = next() {
            done.push((index, job()));
        }
        done
    };
    thread::scope(|scope| {
        // The calling thread is one of the workers.
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        outcomes.extend(work());
        for helper in helpers {
            outcomes.extend(finished(helper));
        }
    });
    outcomes.sort_by_key(|(index, _)| *index);
    outcomes.into_iter().try_for_each(|(_, outcome)| outcome)
}

/// What the thread `handle` returned, once it has finished. A panic on it is not an error to
/// report: it goes on as a panic here.
pub fn finished<T>(handle: thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The plan's short fingerprint, computed once by whichever job asks first; a job asking
/// meanwhile waits for it.
pub struct Fingerprint<'a> {
    plan: &'a Plan,
    text: OnceLock<Result<String, PlanFileError>>,
}

impl<'a> Fingerprint<'a> {
    pub fn of(plan: &'a Plan) -> Self {
        Fingerprint {
            plan,
            text: OnceLock::new(),
        }
    }

    /// `3f2a-9c41-07be-d512`, as [`plan_file::short_fingerprint`] gives it.
    pub fn get(&self) -> Result<&str, DossierError> {
        match self
            .text
            .get_or_init(|| plan_file::short_fingerprint(self.plan))
        {
            Ok(text) => Ok(text),
            // Only serialising can fail, and each sheet asking reports it.
            Err(error) => Err(PlanFileError::Serialize {
                message: match error {
                    PlanFileError::Serialize { message } => message.clone(),
                    other => other.to_string(),
                },
            }
            .into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_runs_and_the_first_error_in_order_is_returned() {
        let ran = Mutex::new(Vec::new());
        let jobs: Vec<Job<'_>> = (0..6)
            .map(|i| -> Job<'_> {
                let ran = &ran;
                Box::new(move || {
                    ran.lock().unwrap().push(i);
                    if i % 2 == 1 {
                        Err(DossierError::Chart(format!("job {i}")))
                    } else {
                        Ok(())
                    }
                })
            })
            .collect();
        let error = run(jobs).unwrap_err();
        assert_eq!(error.to_string(), "cannot draw the chart: job 1");
        let mut ran = ran.into_inner().unwrap();
        ran.sort_unstable();
        assert_eq!(ran, vec![0, 1, 2, 3, 4, 5]);
        assert!(run(Vec::new()).is_ok());
    }

    /// The styles and the two sheets of a workbook whose two streamed sheets are filled by jobs
    /// run one after the other, in the order given or reversed, each using formats the other
    /// uses too.
    fn streamed_pair(styles: &Styles, reverse: bool, mut workbooks: Workbooks) -> [String; 3] {
        let writers = vec![
            Writer::one(0, |sheet| {
                sheet.write_string_with_format(0, 0, "a", &styles.hint)?;
                sheet.write_number_with_format(1, 0, 2.0, &styles.whole)?;
                Ok(())
            })
            .streamed(),
            Writer::one(1, |sheet| {
                sheet.write_number_with_format(0, 0, 3.0, &styles.whole)?;
                sheet.merge_range(1, 0, 1, 2, "b", &styles.title)?;
                sheet.write_string_with_format(2, 0, "a", &styles.hint)?;
                Ok(())
            })
            .streamed(),
        ];
        let mut jobs = jobs(&mut workbooks, styles, writers);
        if reverse {
            jobs.reverse();
        }
        for (_, job) in jobs {
            job().unwrap();
        }
        crate::dossier::sheet::tests::archive_entries(
            workbooks.save().unwrap(),
            [
                "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml",
            ],
        )
    }

    #[test]
    fn streamed_sheets_give_the_same_workbook_whichever_is_written_first() {
        let styles = Styles::new();
        let in_order = streamed_pair(&styles, false, Workbooks::whole());
        assert!(in_order[2].contains("<is><t>b</t></is>"), "{}", in_order[2]);
        assert_eq!(streamed_pair(&styles, true, Workbooks::whole()), in_order);
        // Written in an annex and put back in place, they are the same sheets.
        assert_eq!(
            streamed_pair(&styles, false, Workbooks::with_annexes()),
            in_order
        );
        assert_eq!(
            streamed_pair(&styles, true, Workbooks::with_annexes()),
            in_order
        );
    }

    #[test]
    fn the_fingerprint_is_the_plan_file_one() {
        let plan = crate::plan_file::default_plan().unwrap();
        let shared = Fingerprint::of(&plan);
        let expected = plan_file::short_fingerprint(&plan).unwrap();
        assert_eq!(shared.get().unwrap(), expected);
        assert_eq!(shared.get().unwrap(), expected);
    }
}
