//! The dossier as LibreOffice prints it: every sheet's columns fit on the page at the scale the
//! workbook sets. Skipped without LibreOffice and pdftotext, unless `VTVL_REQUIRE_LIBREOFFICE=1`
//! (the checks script sets it and installs both), when their absence fails the test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use vtvl::dossier;
use vtvl::engine;
use vtvl::model::CivilDate;
use vtvl::plan_file::BUNDLED;

const TODAY: CivilDate = CivilDate {
    day: 29,
    month: 11,
    year: 2026,
};

/// The table sheets whose first column, "STT", heads every page (the header row repeats).
const NUMBERED_SHEETS: [&str; 4] = [
    "Tổng hợp",
    "Danh mục VTVL",
    "Thống kê công việc",
    "Kết quả kiểm tra",
];

fn program(names: &[&str]) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|path| path.is_file())
}

/// The printed pages of `pdf` as text, each with the sheet its footer names (empty for a page
/// without a footer).
fn pages(pdftotext: &Path, pdf: &Path) -> Vec<(String, String)> {
    let output = Command::new(pdftotext)
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .map(|page| {
            let footer = page
                .lines()
                .rev()
                .find(|line| line.contains("Trang "))
                .unwrap_or_default();
            let sheet = footer.split("Trang ").next().unwrap_or_default().trim();
            (sheet.to_owned(), page.to_owned())
        })
        .collect()
}

/// Printed by LibreOffice, no sheet's columns run onto a page of their own: every page of a
/// numbered table shows its first column. A print scale too large for the columns, as LibreOffice
/// measures them, puts the last columns on extra pages without it. The job descriptions print
/// without a footer, each under its own title.
#[test]
fn every_printed_page_of_a_table_shows_its_first_column() {
    let (Some(libreoffice), Some(pdftotext)) = (
        program(&["libreoffice", "soffice"]),
        program(&["pdftotext"]),
    ) else {
        assert!(
            std::env::var("VTVL_REQUIRE_LIBREOFFICE").as_deref() != Ok("1"),
            "VTVL_REQUIRE_LIBREOFFICE=1 but LibreOffice or pdftotext is not on PATH"
        );
        eprintln!("LibreOffice or pdftotext not found: printing skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut positions = Vec::new();
    for (i, sample) in BUNDLED.iter().enumerate() {
        let plan = sample.load().unwrap();
        let results = engine::compute(&plan).unwrap();
        let path = dir.path().join(format!("mau-{i}.xlsx"));
        dossier::write_workbook(&plan, &results, &path, TODAY).unwrap();
        files.push(path);
        positions.push(plan.positions.len());
    }
    let status = Command::new(libreoffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&files)
        .status()
        .expect("run LibreOffice");
    assert!(status.success(), "LibreOffice failed: {status}");

    for ((file, sample), positions) in files.iter().zip(BUNDLED).zip(positions) {
        let pages = pages(&pdftotext, &file.with_extension("pdf"));
        let described: usize = pages
            .iter()
            .filter(|(sheet, _)| sheet.is_empty())
            .map(|(_, text)| text.matches(dossier::JOB_DESCRIPTION_TITLE).count())
            .sum();
        assert_eq!(
            described, positions,
            "{}: job descriptions on pages without a footer",
            sample.file
        );
        let mut per_sheet: BTreeMap<&str, usize> = BTreeMap::new();
        for (number, (sheet, text)) in pages.iter().enumerate() {
            *per_sheet.entry(sheet.as_str()).or_default() += 1;
            if NUMBERED_SHEETS.contains(&sheet.as_str()) {
                assert!(
                    text.contains("STT"),
                    "{}: page {} of {sheet} lacks the first column:\n{text}",
                    sample.file,
                    number + 1
                );
            }
        }
        for sheet in NUMBERED_SHEETS {
            assert!(
                per_sheet.contains_key(sheet),
                "{}: {sheet} printed: {per_sheet:?}",
                sample.file
            );
        }
    }
}
