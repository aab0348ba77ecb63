//! The dossier prints the unit tree as `vtvl compute` totals it: every "Cộng ‹đơn vị›" row of
//! every sheet that totals by unit equals the engine's figures of that unit with its whole
//! subtree, both as the cached result and as the sum of the cells its formula references.

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use vtvl::dossier::{self, OVER_QUOTA_NOTE, QUOTA_HEADER};
use vtvl::engine::{self, PlanResults, UnitResult};
use vtvl::generate::{Spec, generate};
use vtvl::interchange::import_dir;
use vtvl::model::{CivilDate, Plan};
use vtvl::plan_file::BUNDLED;
use vtvl::report::subtree_comparisons;

const TODAY: CivilDate = CivilDate {
    day: 29,
    month: 11,
    year: 2026,
};

struct Sheet {
    values: Range<Data>,
    formulas: Range<String>,
}

impl Sheet {
    fn text(&self, row: u32, col: u32) -> Option<&str> {
        self.values
            .get_value((row, col))
            .and_then(|v| v.get_string())
    }

    fn number(&self, row: u32, col: u32) -> Option<f64> {
        self.values.get_value((row, col)).and_then(|v| v.as_f64())
    }

    fn formula(&self, row: u32, col: u32) -> String {
        self.formulas
            .get_value((row, col))
            .cloned()
            .unwrap_or_default()
    }

    /// The column of the first header cell holding exactly `text`.
    fn column(&self, text: &str) -> u32 {
        self.values
            .cells()
            .find(|(_, _, v)| v.get_string() == Some(text))
            .map(|(_, c, _)| c as u32 + self.values.start().unwrap().1)
            .unwrap_or_else(|| panic!("no column {text:?}"))
    }

    /// Rows whose name column reads "Cộng ‹name›", by name (a trailing " (*)" marks a unit above
    /// its quota).
    fn unit_totals(&self) -> HashMap<String, u32> {
        let (r0, c0) = self.values.start().unwrap();
        let mut rows = HashMap::new();
        for (r, c, value) in self.values.cells() {
            let Some(text) = value.get_string().filter(|_| c0 + c as u32 == 1) else {
                continue;
            };
            if let Some(name) = text.strip_prefix("Cộng ") {
                let name = name.trim_end_matches(" (*)").to_owned();
                let previous = rows.insert(name.clone(), r0 + r as u32);
                assert!(previous.is_none(), "two totals of {name}");
            }
        }
        rows
    }

    /// The value of a formula as the sum of the cells it references: `SUM(E5:E7)+E12`,
    /// `SUM(E5:E7,E12)`, `IF(COUNT(...)=0,"",SUM(...))` (empty when nothing is counted),
    /// `SUMIF($A$5:$A$9,">0",E5:E9)` (the rows numbered in column A).
    fn evaluate(&self, formula: &str) -> Option<f64> {
        self.evaluate_in(formula, &|name| panic!("{formula} names sheet {name}"))
    }

    /// [`Sheet::evaluate`] where a reference may name another sheet (`'Thống kê (2)'!I5:I7`),
    /// found by `named`.
    fn evaluate_in<'s>(&'s self, formula: &str, named: &dyn Fn(&str) -> &'s Sheet) -> Option<f64> {
        let formula = formula.trim_start_matches('=');
        let body = match formula.strip_prefix("IF(COUNT(") {
            Some(rest) => {
                let (_, sum) = rest.split_once("=0,\"\",")?;
                sum.strip_suffix(')')?
            }
            None => formula,
        };
        let mut total = 0.0;
        let mut counted = 0;
        let resolve = |argument: &str| -> (&'s Sheet, (u32, u32), (u32, u32)) {
            let (sheet, cells) = match argument.strip_prefix('\'') {
                Some(rest) => {
                    let (name, cells) = rest.split_once("'!").expect("'sheet'!cells");
                    (named(&name.replace("''", "'")), cells)
                }
                None => (self, argument),
            };
            let (from, to) = cells.split_once(':').unwrap_or((cells, cells));
            (sheet, cell(from), cell(to))
        };
        for term in split_top(body, '+') {
            // SUMIF(numbers,">0",values): the values of the rows numbered in column A.
            if let Some(inner) = term.strip_prefix("SUMIF(") {
                let arguments = split_top(inner.strip_suffix(')').expect("SUMIF(...)"), ',');
                let [numbers, criterion, values] = arguments[..] else {
                    panic!("{term}")
                };
                assert_eq!(criterion, "\">0\"", "{term}");
                let (sheet, (r1, c1), (r2, _)) = resolve(numbers);
                let (values_sheet, (v1, vc), _) = resolve(values);
                for (r, v) in (r1..=r2).zip(v1..) {
                    if sheet.number(r, c1).is_some_and(|n| n > 0.0)
                        && let Some(value) = values_sheet.number(v, vc)
                    {
                        total += value;
                        counted += 1;
                    }
                }
                continue;
            }
            let arguments = match term.strip_prefix("SUM(") {
                Some(inner) => inner.strip_suffix(')').expect("SUM(...)"),
                None => term,
            };
            for argument in split_top(arguments, ',') {
                if argument == "0" {
                    counted += 1;
                    continue;
                }
                let (sheet, (r1, c1), (r2, c2)) = resolve(argument);
                for r in r1..=r2 {
                    for c in c1..=c2 {
                        if let Some(v) = sheet.number(r, c) {
                            total += v;
                            counted += 1;
                        }
                    }
                }
            }
        }
        (counted > 0 || !formula.starts_with("IF(")).then_some(total)
    }
}

fn split_top(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, ch) in text.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if c == separator && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// `E12` or `$E$12` as a 0-based (row, col).
fn cell(reference: &str) -> (u32, u32) {
    let reference = reference.replace('$', "");
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1))
        - 1;
    let row: u32 = reference[letters.len()..]
        .parse()
        .unwrap_or_else(|_| panic!("{reference}"));
    (row - 1, col)
}

fn open(
    plan: &Plan,
    results: &PlanResults,
    dir: &Path,
) -> calamine::Sheets<std::io::BufReader<std::fs::File>> {
    let path = dir.join("dossier.xlsx");
    dossier::write_workbook(plan, results, &path, TODAY).unwrap();
    open_workbook_auto(&path).unwrap()
}

fn sheet(book: &mut calamine::Sheets<std::io::BufReader<std::fs::File>>, name: &str) -> Sheet {
    Sheet {
        values: book.worksheet_range(name).unwrap(),
        formulas: book.worksheet_formula(name).unwrap(),
    }
}

/// A table's sheets, by name: its first sheet and those that continue it.
struct Table {
    sheets: Vec<(String, Sheet)>,
}

impl Table {
    fn open(book: &mut calamine::Sheets<std::io::BufReader<std::fs::File>>, table: &str) -> Table {
        let names: Vec<String> = (book.sheet_names().into_iter())
            .filter(|name| dossier::table_of_sheet(name) == table)
            .collect();
        assert!(!names.is_empty(), "no sheet {table}");
        Table {
            sheets: names
                .into_iter()
                .map(|name| {
                    let sheet = sheet(book, &name);
                    (name, sheet)
                })
                .collect(),
        }
    }

    fn named(&self, name: &str) -> &Sheet {
        (self.sheets.iter())
            .find(|(sheet, _)| sheet == name)
            .map(|(_, sheet)| sheet)
            .unwrap_or_else(|| panic!("no sheet {name}"))
    }

    /// The sheet and row of every unit's total, by the unit's name.
    fn unit_totals(&self) -> HashMap<String, (&Sheet, u32)> {
        let mut rows = HashMap::new();
        for (_, sheet) in &self.sheets {
            for (name, row) in sheet.unit_totals() {
                let previous = rows.insert(name.clone(), (sheet, row));
                assert!(previous.is_none(), "two totals of {name}");
            }
        }
        rows
    }
}

/// Asserts `col` of a unit's total row: the cached value and the sum of the referenced cells
/// both equal `expected`.
fn assert_total(sheet: &Sheet, row: u32, col: u32, expected: Option<f64>, what: &str) {
    assert_total_in(sheet, None, row, col, expected, what);
}

/// [`assert_total`] on a sheet of `table`, whose totals may add rows of its other sheets.
fn assert_total_in(
    sheet: &Sheet,
    table: Option<&Table>,
    row: u32,
    col: u32,
    expected: Option<f64>,
    what: &str,
) {
    let formula = sheet.formula(row, col);
    assert!(!formula.is_empty(), "{what}: no formula at ({row}, {col})");
    let evaluated = match table {
        Some(table) => sheet.evaluate_in(&formula, &|name| table.named(name)),
        None => sheet.evaluate(&formula),
    };
    match expected {
        Some(expected) => {
            let cached = sheet.number(row, col).unwrap_or(f64::NAN);
            assert!(
                (cached - expected).abs() < 1e-6,
                "{what}: cached {cached} != {expected}"
            );
            let evaluated = evaluated.unwrap_or(f64::NAN);
            assert!(
                (evaluated - expected).abs() < 1e-6,
                "{what}: {formula} sums to {evaluated}, not {expected}"
            );
        }
        None => assert_eq!(evaluated, None, "{what}: {formula}"),
    }
}

/// How many sheets the continued tables fill.
struct Continued {
    workload: usize,
    appraisal: usize,
    /// Each sheet's name and whether it prints a page footer, in workbook order.
    footers: Vec<(String, bool)>,
}

/// Each sheet of the workbook at `path` and whether it prints a page footer, in workbook order
/// (rust_xlsxwriter writes sheet N as `xl/worksheets/sheetN.xml`).
fn footers(path: &Path) -> Vec<(String, bool)> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut names = Vec::new();
    for i in 1.. {
        let Ok(mut entry) = archive.by_name(&format!("xl/worksheets/sheet{i}.xml")) else {
            break;
        };
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        names.push(xml.contains("<oddFooter>"));
    }
    let book = open_workbook_auto(path).unwrap();
    let sheets = book.sheet_names();
    assert_eq!(sheets.len(), names.len());
    sheets.into_iter().zip(names).collect()
}

/// Checks every unit's totals in every sheet that totals by unit; returns how many sheets the
/// continued tables fill.
fn check_plan(plan: &Plan, label: &str) -> Continued {
    let results = engine::compute(plan).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(plan, &results, dir.path());
    let footers = footers(&dir.path().join("dossier.xlsx"));
    let by_id: HashMap<&str, &UnitResult> =
        results.units.iter().map(|u| (u.id.as_str(), u)).collect();
    let sections = dossier::unit_sections(plan, &results).unwrap();
    assert!(!sections.is_empty(), "{label}");
    let mut names = HashMap::new();
    for section in &sections {
        assert!(
            names
                .insert(section.unit.name.clone(), section.unit.id.clone())
                .is_none(),
            "{label}: two units named {}",
            section.unit.name
        );
    }

    // Tổng hợp: current, computed, proposed and quota.
    let summary = sheet(&mut book, "Tổng hợp");
    let totals = summary.unit_totals();
    assert_eq!(totals.len(), sections.len(), "{label}: one total per unit");
    let columns = [
        summary.column("Số người hiện có"),
        summary.column("Số người theo tính toán"),
        summary.column("Số người đề nghị"),
    ];
    let quota_col = summary.column(QUOTA_HEADER);
    let mut over_quota = 0;
    for (name, &row) in &totals {
        let unit = by_id[names[name].as_str()];
        let expected = [unit.current, unit.required as f64, unit.proposed as f64];
        for (col, value) in columns.into_iter().zip(expected) {
            assert_total(&summary, row, col, Some(value), &format!("{label}: {name}"));
        }
        assert_eq!(
            summary.number(row, quota_col),
            unit.quota.map(f64::from),
            "{label}: quota of {name}"
        );
        let proposed = unit.by_employment.establishment().proposed;
        let over = unit.quota.is_some_and(|q| proposed > i64::from(q));
        let marked = summary.text(row, 1).is_some_and(|t| t.ends_with(" (*)"));
        assert_eq!(over, marked, "{label}: {name} marked above its quota");
        over_quota += usize::from(over);
    }
    let note = summary
        .values
        .cells()
        .filter_map(|(_, _, v)| v.get_string())
        .find(|t| t.starts_with(OVER_QUOTA_NOTE));
    assert_eq!(note.is_some(), over_quota > 0, "{label}: the quota note");

    // Thẩm định: current, proposed and appraised of the whole subtree, on as many sheets as
    // the table fills; the grand total on the last.
    let appraisal = Table::open(&mut book, "Thẩm định");
    let totals = appraisal.unit_totals();
    assert_eq!(
        totals.len(),
        sections.len(),
        "{label}: one appraisal total per unit"
    );
    let subtrees = subtree_comparisons(plan, &results).unwrap();
    let first = &appraisal.sheets[0].1;
    let columns = [
        first.column("Hiện có"),
        first.column("Đề xuất"),
        first.column("Thẩm định"),
    ];
    for section in &sections {
        let (sheet, row) = totals[&section.unit.name];
        let sums = subtrees[section.index];
        let unit = by_id[section.unit.id.as_str()];
        assert_eq!(sums.proposed, unit.proposed, "{label}");
        let expected = [
            Some(unit.current),
            Some(unit.proposed as f64),
            unit.appraised.map(|a| a as f64),
        ];
        for (col, value) in columns.into_iter().zip(expected) {
            let what = format!("{label}: appraisal of {}", section.unit.name);
            assert_total_in(sheet, Some(&appraisal), row, col, value, &what);
        }
    }
    let (_, last) = appraisal.sheets.last().unwrap();
    let (r0, _) = last.values.start().unwrap();
    let grand = (last.values.cells())
        .find(|(_, c, v)| *c == 1 && v.get_string() == Some("TỔNG CỘNG"))
        .map(|(r, _, _)| r0 + r as u32)
        .unwrap_or_else(|| panic!("{label}: no grand total"));
    let expected = [
        Some(results.total.current),
        Some(results.total.proposed as f64),
        results.total.appraised.map(|a| a as f64),
    ];
    for (col, value) in columns.into_iter().zip(expected) {
        let what = format!("{label}: appraisal grand total");
        assert_total_in(last, Some(&appraisal), grand, col, value, &what);
    }

    // Thống kê công việc: full-time equivalents of the whole subtree, on as many sheets as
    // the table fills.
    let workload = Table::open(&mut book, "Thống kê công việc");
    let totals = workload.unit_totals();
    assert_eq!(
        totals.len(),
        sections.len(),
        "{label}: one workload total per unit"
    );
    let fte = workload.sheets[0].1.column("Quy ra số người (FTE)");
    for section in &sections {
        let (sheet, row) = totals[&section.unit.name];
        let unit = by_id[section.unit.id.as_str()];
        let what = format!("{label}: workload of {}", section.unit.name);
        assert_total_in(
            sheet,
            Some(&workload),
            row,
            fte,
            Some(unit.required_fte),
            &what,
        );
    }
    Continued {
        workload: workload.sheets.len(),
        appraisal: appraisal.sheets.len(),
        footers,
    }
}

#[test]
fn every_units_total_is_its_whole_subtree_in_the_bundled_plans() {
    for bundled in BUNDLED {
        check_plan(&bundled.load().unwrap(), bundled.file);
    }
}

#[test]
fn every_units_total_is_its_whole_subtree_in_the_sample_folders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-orgs");
    let mut folders: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    folders.sort();
    assert!(folders.len() >= 4);
    for folder in folders {
        let plan = import_dir(&folder).unwrap();
        check_plan(&plan, &folder.display().to_string());
    }
}

#[test]
fn every_units_total_is_its_whole_subtree_in_a_deep_generated_tree() {
    let plan = generate(Spec {
        units: 200,
        seed: 7,
        staff: None,
    });
    let results = engine::compute(&plan).unwrap();
    let sections = dossier::unit_sections(&plan, &results).unwrap();
    assert!(
        sections.iter().any(|s| s.depth >= 2),
        "a tree three levels deep"
    );
    assert_eq!(sections[0].number, "I");
    assert!(sections.iter().any(|s| s.number == "1.1"));
    // The workload and the appraisal continue on further sheets: the totals of units whose
    // subtree spans them add rows of the earlier sheets.
    let sheets = check_plan(&plan, "generated");
    assert!(
        sheets.workload > 2,
        "the workload on {} sheets",
        sheets.workload
    );
    assert!(
        sheets.appraisal > 1,
        "the appraisal on {} sheets",
        sheets.appraisal
    );
    assert_footers(&sheets.footers);
}

/// A table continued over several sheets prints no page footer, nor do the job descriptions;
/// the other sheets do.
fn assert_footers(footers: &[(String, bool)]) {
    let sheets_of = |table: &str| {
        (footers.iter())
            .filter(|(name, _)| dossier::table_of_sheet(name) == table)
            .count()
    };
    for (name, footer) in footers {
        let table = dossier::table_of_sheet(name);
        let continued = table == "Mô tả công việc" || sheets_of(table) > 1;
        assert_eq!(*footer, !continued, "{name}: footer");
    }
    assert!(footers.iter().any(|(name, _)| name == "Tổng hợp"));
}

#[test]
fn a_table_on_two_sheets_prints_no_footer_on_either() {
    let plan = generate(Spec {
        units: 20,
        seed: 7,
        staff: None,
    });
    let sheets = check_plan(&plan, "generated, 20 units");
    assert_eq!(sheets.workload, 2, "the workload on two sheets");
    assert_footers(&sheets.footers);
}

#[test]
fn a_top_level_total_adds_its_sub_units_totals() {
    let plan = BUNDLED
        .iter()
        .map(|b| b.load().unwrap())
        .find(|p| p.meta.name.contains("THCS") || p.units.len() > 3)
        .unwrap();
    let results = engine::compute(&plan).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(&plan, &results, dir.path());
    let summary = sheet(&mut book, "Tổng hợp");
    let totals = summary.unit_totals();
    let root = &plan.units[0];
    let formula = summary.formula(
        totals[&root.name],
        summary.column("Số người theo tính toán"),
    );
    // The root's total names each child's total cell.
    let children: Vec<_> = plan
        .units
        .iter()
        .filter(|u| u.parent_id.as_deref() == Some(root.id.as_str()))
        .filter(|u| totals.contains_key(&u.name))
        .collect();
    assert!(!children.is_empty());
    for child in children {
        let row = totals[&child.name] + 1;
        assert!(
            formula.contains(&row.to_string()),
            "{formula} adds {}",
            child.name
        );
    }
}

#[test]
fn the_findings_sheet_lists_every_finding_of_the_check() {
    let mut seen_findings = 0;
    for bundled in BUNDLED {
        let plan = bundled.load().unwrap();
        let results = engine::compute(&plan).unwrap();
        let at = plan.meta.judged_at.unwrap_or(TODAY);
        let findings = vtvl::rules::check(&plan, &results, at);
        let dir = tempfile::tempdir().unwrap();
        let mut book = open(&plan, &results, dir.path());
        let sheet = sheet(&mut book, dossier::FINDINGS_SHEET);
        let message_col = sheet.column("Nội dung");
        let first = sheet.column("STT");
        let header = sheet
            .values
            .cells()
            .find(|(_, _, v)| v.get_string() == Some("Nội dung"))
            .map(|(r, _, _)| r as u32 + sheet.values.start().unwrap().0)
            .unwrap();
        if findings.is_empty() {
            assert_eq!(sheet.text(header + 1, first), Some(dossier::NOTHING_FOUND));
        }
        for (i, finding) in findings.iter().enumerate() {
            let row = header + 1 + i as u32;
            let what = format!("{}: finding {i}", bundled.file);
            assert_eq!(sheet.number(row, first), Some(i as f64 + 1.0), "{what}");
            assert_eq!(
                sheet.text(row, first + 1),
                Some(finding.severity.label_vi()),
                "{what}"
            );
            assert_eq!(
                sheet.text(row, first + 2),
                Some(
                    finding
                        .place(&plan.index(), vtvl::language::Language::Vietnamese)
                        .as_str()
                )
            );
            assert_eq!(
                sheet.text(row, message_col),
                Some(finding.message.vi.as_str())
            );
            assert_eq!(
                sheet.text(row, message_col + 1),
                Some(finding.legal_basis.as_str())
            );
            assert_eq!(sheet.number(row, message_col + 2), finding.actual, "{what}");
            assert_eq!(sheet.number(row, message_col + 3), finding.limit, "{what}");
        }
        assert_eq!(
            sheet.number(header + 1 + findings.len() as u32, first),
            None
        );
        seen_findings += findings.len();
    }
    assert!(seen_findings > 5, "the samples have findings to list");
}

#[test]
fn many_findings_continue_on_further_sheets_numbered_on() {
    let plan = generate(Spec {
        units: 220,
        seed: 5,
        staff: None,
    });
    let results = engine::compute(&plan).unwrap();
    let at = plan.meta.judged_at.unwrap_or(TODAY);
    let findings = vtvl::rules::check(&plan, &results, at);
    assert!(
        findings.len() > dossier::ROWS_PER_SHEET,
        "{} findings fill more than a sheet",
        findings.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(&plan, &results, dir.path());
    let table = Table::open(&mut book, dossier::FINDINGS_SHEET);
    assert_eq!(
        table.sheets.len(),
        findings.len().div_ceil(dossier::ROWS_PER_SHEET)
    );
    // Every sheet repeats the header; the rows below it number on from the sheet before.
    let mut listed = Vec::new();
    for (name, sheet) in &table.sheets {
        let header = (sheet.values.cells())
            .find(|(_, _, v)| v.get_string() == Some("Nội dung"))
            .map(|(r, c, _)| (r as u32 + sheet.values.start().unwrap().0, c as u32))
            .unwrap_or_else(|| panic!("{name}: no header"));
        let (first, message) = (sheet.column("STT"), sheet.column("Nội dung"));
        assert_eq!(message, header.1 + sheet.values.start().unwrap().1);
        let mut row = header.0 + 1;
        while let Some(number) = sheet.number(row, first) {
            let text = sheet.text(row, message).unwrap_or_default().to_owned();
            listed.push((number, text));
            row += 1;
        }
    }
    let expected: Vec<(f64, String)> = (findings.iter().enumerate())
        .map(|(i, finding)| (i as f64 + 1.0, finding.message.vi.clone()))
        .collect();
    assert_eq!(listed, expected);
}

fn all_texts(sheet: &Sheet) -> Vec<String> {
    sheet
        .values
        .cells()
        .filter_map(|(_, _, v)| v.get_string().map(str::to_owned))
        .collect()
}

#[test]
fn every_appendix_is_printed_in_the_administrative_form() {
    let mut plan = BUNDLED[1].load().unwrap();
    let results = engine::compute(&plan).unwrap();
    let dir = tempfile::tempdir().unwrap();

    // Blank fields print dotted lines to fill by hand.
    plan.meta.document = Default::default();
    let mut book = open(&plan, &results, dir.path());
    for (index, name) in dossier::APPENDICES.into_iter().enumerate() {
        // The head opens a table's first sheet, the foot closes its last.
        let table = Table::open(&mut book, name);
        let texts: Vec<String> = (table.sheets.iter())
            .flat_map(|(_, sheet)| all_texts(sheet))
            .collect();
        let numeral = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][index];
        for expected in [
            dossier::NATIONAL_NAME,
            dossier::MOTTO,
            &format!("Phụ lục {numeral}"),
            &dossier::attached_line(&plan),
            dossier::PREPARER,
            dossier::HEAD_OF_AGENCY,
            dossier::SEAL,
            &plan.meta.agency.to_uppercase(),
        ] {
            assert!(texts.iter().any(|t| t == expected), "{name}: {expected}");
        }
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("..") && t.contains("ngày ......")),
            "{name}: a dotted place and date"
        );
    }
    assert!(dossier::attached_line(&plan).contains("số .........."));

    // Given fields print as written.
    plan.meta.document.parent_body = "UBND tỉnh An Hòa".to_owned();
    plan.meta.document.number = "125/TTr-STC".to_owned();
    plan.meta.document.date = Some(CivilDate {
        day: 15,
        month: 7,
        year: 2026,
    });
    plan.meta.document.place = "An Hòa".to_owned();
    plan.meta.document.signer_title = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC".to_owned();
    plan.meta.document.signer_name = "Trần Văn B".to_owned();
    plan.meta.document.preparer_name = "Nguyễn Thị A".to_owned();
    let dir = tempfile::tempdir().unwrap();
    let mut book = open(&plan, &results, dir.path());
    let texts = all_texts(&sheet(&mut book, "Tổng hợp"));
    for expected in [
        "UBND TỈNH AN HÒA",
        "(Kèm theo Tờ trình số 125/TTr-STC ngày 15 tháng 7 năm 2026 của Sở Tài chính tỉnh An Hòa)",
        "An Hòa, ngày 15 tháng 7 năm 2026",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        "Trần Văn B",
        "Nguyễn Thị A",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} in {texts:?}"
        );
    }
}
