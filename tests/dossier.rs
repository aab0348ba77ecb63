//! The dossier workbook read back with calamine: sheets, title block, fingerprint, every
//! position, formula totals matching the engine, job descriptions, and the charts.

use std::path::Path;

use calamine::{Data, DataType, Range, Reader, open_workbook_auto};
use vtvl::dossier::{self, ChartKind, SHEET_NAMES};
use vtvl::engine;
use vtvl::model::{
    CivilDate, Competency, CompetencyGroup, Employment, JobDescription, Plan, Proposal,
    Requirement, StepCount, WorkItem, WorkSection,
};
use vtvl::plan_file::{BUNDLED, short_fingerprint};

const TODAY: CivilDate = CivilDate {
    day: 29,
    month: 11,
    year: 2026,
};

struct Book {
    sheets: Vec<String>,
    reader: calamine::Sheets<std::io::BufReader<std::fs::File>>,
}

impl Book {
    fn write(plan: &Plan, dir: &Path, name: &str) -> Book {
        let results = engine::compute(plan).unwrap();
        let path = dir.join(name);
        dossier::write_workbook(plan, &results, &path, TODAY).unwrap();
        let reader = open_workbook_auto(&path).unwrap();
        Book {
            sheets: reader.sheet_names(),
            reader,
        }
    }

    fn values(&mut self, sheet: &str) -> Range<Data> {
        self.reader.worksheet_range(sheet).unwrap()
    }

    /// Every sheet of `table`: its first sheet and the sheets that continue it, in order.
    fn table(&mut self, table: &str) -> Vec<Range<Data>> {
        let names: Vec<String> = (self.sheets.iter())
            .filter(|sheet| dossier::table_of_sheet(sheet) == table)
            .cloned()
            .collect();
        assert!(!names.is_empty(), "no sheet {table}");
        names.iter().map(|name| self.values(name)).collect()
    }

    /// The texts of every sheet of `table`.
    fn table_strings(&mut self, table: &str) -> Vec<String> {
        self.table(table).iter().flat_map(strings).collect()
    }

    /// The job descriptions of every sheet, one block per position.
    fn description_blocks(&mut self) -> Vec<(String, Vec<String>)> {
        (self.table("Mô tả công việc").iter())
            .flat_map(description_blocks)
            .collect()
    }

    /// The tables of the workbook's sheets in order, continuation sheets folded into theirs.
    fn tables(&self) -> Vec<&str> {
        let mut tables: Vec<&str> = (self.sheets.iter())
            .map(|sheet| dossier::table_of_sheet(sheet))
            .collect();
        tables.dedup();
        tables
    }

    fn formulas(&mut self, sheet: &str) -> Range<String> {
        self.reader.worksheet_formula(sheet).unwrap()
    }
}

/// Absolute (row, col) of the first cell holding exactly `text`.
fn find(range: &Range<Data>, text: &str) -> Option<(u32, u32)> {
    let (r0, c0) = range.start()?;
    range.used_cells().find_map(|(r, c, v)| {
        (v.get_string() == Some(text)).then(|| {
            (
                r0 + u32::try_from(r).unwrap(),
                c0 + u32::try_from(c).unwrap(),
            )
        })
    })
}

fn strings(range: &Range<Data>) -> Vec<String> {
    range
        .used_cells()
        .filter_map(|(_, _, v)| v.get_string().map(str::to_owned))
        .collect()
}

fn number(range: &Range<Data>, at: (u32, u32)) -> f64 {
    range
        .get_value(at)
        .and_then(|v| v.as_f64())
        .unwrap_or_else(|| panic!("no number at {at:?}"))
}

#[test]
fn every_bundled_plan_exports_a_complete_workbook() {
    let dir = tempfile::tempdir().unwrap();
    for bundled in BUNDLED {
        let plan = bundled.load().unwrap();
        let results = engine::compute(&plan).unwrap();
        let mut book = Book::write(&plan, dir.path(), "out.xlsx");
        assert_eq!(book.tables(), SHEET_NAMES, "{}", bundled.file);

        // Title block and fingerprint.
        let summary = book.values("Tổng hợp");
        let texts = strings(&summary);
        for expected in [
            "BẢNG TỔNG HỢP VỊ TRÍ VIỆC LÀM VÀ SỐ LƯỢNG NGƯỜI LÀM VIỆC",
            plan.meta.name.as_str(),
            plan.meta.agency.as_str(),
            plan.rounding.label_vi(),
            &short_fingerprint(&plan).unwrap(),
        ] {
            assert!(
                texts.iter().any(|t| t == expected),
                "{expected} in {}",
                bundled.file
            );
        }
        let (row, col) = find(&summary, "Ngày lập").unwrap();
        assert!(summary.get_value((row, col + 1)).unwrap().is_datetime());
        let (row, col) = find(&summary, "Thời gian làm việc có sẵn (giờ/năm)").unwrap();
        assert_eq!(
            number(&summary, (row, col + 1)),
            plan.default_calendar().available_hours()
        );

        // Every position, in the summary, the catalogue and the job descriptions.
        let catalogue = strings(&book.values("Danh mục VTVL"));
        let descriptions = book.table_strings("Mô tả công việc");
        let workload = book.table_strings("Thống kê công việc");
        for position in &plan.positions {
            assert!(texts.contains(&position.name), "{}", position.name);
            assert!(catalogue.contains(&position.name), "{}", position.name);
            assert!(descriptions.contains(&position.name), "{}", position.name);
            assert!(workload.contains(&position.name), "{}", position.name);
            for component in &position.components {
                assert!(workload.contains(&component.name), "{}", component.name);
            }
        }
        assert!(descriptions.iter().any(|t| t.starts_with("(chưa có) Ghi")));

        // Totals are formulas, and the grand total of computed headcount is the engine's.
        let formulas = book.formulas("Tổng hợp");
        let (row, _) = find(&summary, "TỔNG CỘNG").unwrap();
        let required_col = find(&summary, "Số người theo tính toán").unwrap().1;
        assert_eq!(
            number(&summary, (row, required_col)),
            results.total.required as f64,
            "{}",
            bundled.file
        );
        let total_formula = formulas.get_value((row, required_col)).unwrap();
        assert!(total_formula.starts_with("SUM("), "{total_formula}");
        let all: Vec<&String> = formulas.used_cells().map(|(_, _, f)| f).collect();
        assert!(all.iter().any(|f| f.starts_with("SUMIF(")));
        let catalogue_formulas = book.formulas("Danh mục VTVL");
        assert!(
            catalogue_formulas
                .used_cells()
                .any(|(_, _, f)| f.starts_with("SUM("))
        );
        let rank_formulas = book.formulas("Cơ cấu ngạch");
        assert!(
            rank_formulas
                .used_cells()
                .any(|(_, _, f)| f.starts_with("SUM("))
        );
        let ranks = book.values("Cơ cấu ngạch");
        let (row, _) = find(&ranks, "TỔNG CỘNG").unwrap();
        let required_col = find(&ranks, "Số người theo tính toán").unwrap().1;
        assert_eq!(
            number(&ranks, (row, required_col)),
            results.total.required as f64
        );
    }
}

#[test]
fn job_descriptions_and_proposals_survive_in_vietnamese() {
    let mut plan = BUNDLED[0].load().unwrap();
    let results = engine::compute(&plan).unwrap();
    let position = &mut plan.positions[0];
    let required = results.position(&position.id).unwrap().required;
    position.proposed = Some(Proposal {
        count: u32::try_from(required).unwrap() + 2,
        reason: "Tăng khối lượng hồ sơ một cửa liên thông".to_owned(),
    });
    position.job_description = JobDescription {
        purpose: "Tham mưu, giúp Chủ tịch điều hành công việc chung của xã".to_owned(),
        work_items: vec![WorkItem {
            section: WorkSection::Professional,
            step: "Bậc 1".to_owned(),
            content: "Tiếp nhận, thẩm định hồ sơ".to_owned(),
            output: "Phiếu tiếp nhận".to_owned(),
            criterion: "Đúng hạn, đủ thành phần".to_owned(),
        }],
        competencies: vec![Competency {
            group: CompetencyGroup::General,
            name: "Đạo đức công vụ".to_owned(),
            level: 4,
            step: String::new(),
        }],
        relationships: "Phối hợp với các ngành ở huyện".to_owned(),
        authority: "Được ký văn bản theo ủy quyền".to_owned(),
        requirements: vec![Requirement {
            group: "Trình độ đào tạo".to_owned(),
            detail: "Tốt nghiệp đại học chuyên ngành luật".to_owned(),
        }],
    };
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::write(&plan, dir.path(), "jd.xlsx");
    let descriptions = book.table_strings("Mô tả công việc");
    for expected in [
        "Tham mưu, giúp Chủ tịch điều hành công việc chung của xã",
        "Tiếp nhận, thẩm định hồ sơ",
        "Phiếu tiếp nhận",
        "Đúng hạn, đủ thành phần",
        "Đạo đức công vụ",
        "Cấp độ 4",
        "Năng lực chung",
        "Phối hợp với các ngành ở huyện",
        "Được ký văn bản theo ủy quyền",
        "Tốt nghiệp đại học chuyên ngành luật",
    ] {
        assert!(descriptions.iter().any(|t| t == expected), "{expected}");
    }
    for header in [
        "Bậc",
        "Nội dung công việc",
        "Sản phẩm, kết quả đầu ra",
        "Tiêu chí đánh giá",
    ] {
        assert!(descriptions.iter().any(|t| t == header), "{header}");
    }
    let summary = book.values("Tổng hợp");
    assert!(find(&summary, "Tăng khối lượng hồ sơ một cửa liên thông").is_some());
    let (row, _) = find(&summary, "TỔNG CỘNG").unwrap();
    let required_col = find(&summary, "Số người theo tính toán").unwrap().1;
    let proposed_col = find(&summary, "Số người đề nghị").unwrap().1;
    assert_eq!(
        number(&summary, (row, proposed_col)),
        number(&summary, (row, required_col)) + 2.0
    );
}

#[test]
fn charts_draw_as_png_and_svg_and_are_embedded() {
    let plan = BUNDLED[1].load().unwrap();
    let results = engine::compute(&plan).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let units = dossier::chart_data(&plan, &results, ChartKind::Units).unwrap();
    assert!(!units.labels.is_empty());
    // Top-level units carry their whole subtree; the units under them are indented.
    let required: f64 = units
        .labels
        .iter()
        .zip(&units.series[1].values)
        .filter(|(label, _)| !label.starts_with(' '))
        .map(|(_, value)| value)
        .sum();
    assert_eq!(required, results.total.required as f64);
    assert!(units.labels.iter().any(|l| l.starts_with("   1. ")));
    let png = dir.path().join("units.png");
    dossier::render_png(&units, &png).unwrap();
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let ranks = dossier::chart_data(&plan, &results, ChartKind::Ranks).unwrap();
    let svg = dir.path().join("ranks.svg");
    dossier::render_svg(&ranks, &svg).unwrap();
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<svg"));
    assert!(text.contains("Hiện có"), "Vietnamese legend kept");

    let bytes = dossier::workbook_bytes(&plan, &results, TODAY).unwrap();
    // Zip entry names are stored uncompressed: both charts are in the workbook's media.
    for image in [&b"xl/media/image1.png"[..], &b"xl/media/image2.png"[..]] {
        assert!(bytes.windows(image.len()).any(|w| w == image));
    }
}

#[test]
fn dates_print_day_first() {
    assert_eq!(TODAY.to_string(), "29/11/2026");
}

fn reviewed_example() -> Plan {
    vtvl::plan_file::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/ubnd-xa-tan-hoa-tham-dinh.ron"),
    )
    .unwrap()
}

/// A formula cached as "nothing appraised" reads back as an empty text or an empty cell.
fn is_blank(range: &Range<Data>, at: (u32, u32)) -> bool {
    match range.get_value(at) {
        None | Some(Data::Empty) => true,
        Some(Data::String(text)) => text.is_empty(),
        Some(_) => false,
    }
}

#[test]
fn the_appraisal_sheet_sets_the_review_beside_the_proposal() {
    let plan = reviewed_example();
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::write(&plan, dir.path(), "tham-dinh.xlsx");
    assert!(book.sheets.iter().any(|s| s == "Thẩm định"));
    let sheet = book.values("Thẩm định");
    let texts = strings(&sheet);
    for expected in [
        "KẾT QUẢ THẨM ĐỊNH VỊ TRÍ VIỆC LÀM VÀ SỐ LƯỢNG NGƯỜI LÀM VIỆC",
        "Lê Thị Hạnh",
        "Sở Nội vụ tỉnh An Hòa",
        "Ủy ban nhân dân xã Tân Hòa, tỉnh An Hòa",
        "Hiện có",
        "Đề xuất",
        "Thẩm định",
        "KẾT LUẬN THẨM ĐỊNH",
    ] {
        assert!(texts.iter().any(|t| t == expected), "{expected}");
    }
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with("Đề án chưa được thẩm định"))
    );
    let (row, col) = find(&sheet, "Ngày thẩm định").unwrap();
    let date = sheet.get_value((row, col + 1)).unwrap();
    assert!(date.is_datetime(), "{date:?}");
    // The fingerprint is the proposal's: the same as the plan without its review.
    let mut proposal = plan.clone();
    proposal.review = None;
    let short = short_fingerprint(&proposal).unwrap();
    assert_eq!(short, short_fingerprint(&plan).unwrap());
    assert!(texts.iter().any(|t| t.starts_with(&short)), "{short}");
    let conclusion = &plan.review.as_ref().unwrap().conclusion;
    assert!(texts.iter().any(|t| t == conclusion));

    let column = |title: &str| find(&sheet, title).unwrap().1;
    let (current, proposed, appraised) =
        (column("Hiện có"), column("Đề xuất"), column("Thẩm định"));
    let proposed_change = column("Đề xuất so với hiện có");
    let appraised_change = column("Thẩm định so với đề xuất");
    let decision = column("Ý kiến thẩm định");
    let comment = column("Nhận xét của cơ quan thẩm định");
    // The guard post: 2 in post, 3 proposed, cut to 2.
    let (row, _) = find(&sheet, "Nhân viên bảo vệ, phục vụ (hợp đồng lao động)").unwrap();
    assert_eq!(number(&sheet, (row, current)), 2.0);
    assert_eq!(number(&sheet, (row, proposed)), 3.0);
    assert_eq!(number(&sheet, (row, appraised)), 2.0);
    assert_eq!(number(&sheet, (row, proposed_change)), 1.0);
    assert_eq!(number(&sheet, (row, appraised_change)), -1.0);
    assert_eq!(
        sheet.get_value((row, decision)).unwrap().get_string(),
        Some("Điều chỉnh")
    );
    assert!(
        sheet
            .get_value((row, comment))
            .unwrap()
            .get_string()
            .unwrap()
            .starts_with("Bảo vệ, phục vụ là hợp đồng lao động")
    );
    // Rejected without a figure: 0.
    let (row, _) = find(&sheet, "Chuyên viên giáo dục - y tế").unwrap();
    assert_eq!(number(&sheet, (row, appraised)), 0.0);
    assert_eq!(
        sheet.get_value((row, decision)).unwrap().get_string(),
        Some("Không thống nhất")
    );
    // Unit sum and grand total: formulas cached with the engine's figures (by hand: 38
    // proposed; -1 guard post, -1 education officer, +1 one-stop desk).
    let formulas = book.formulas("Thẩm định");
    let (row, _) = find(&sheet, "Cộng Phòng Văn hóa - Xã hội").unwrap();
    assert_eq!(number(&sheet, (row, proposed)), 6.0);
    assert_eq!(number(&sheet, (row, appraised)), 5.0);
    assert_eq!(number(&sheet, (row, appraised_change)), -1.0);
    let unit_formula = formulas.get_value((row, appraised)).unwrap();
    assert!(unit_formula.contains("SUM("), "{unit_formula}");
    let (row, _) = find(&sheet, "TỔNG CỘNG").unwrap();
    assert_eq!(number(&sheet, (row, current)), 37.0);
    assert_eq!(number(&sheet, (row, proposed)), 38.0);
    assert_eq!(number(&sheet, (row, appraised)), 37.0);
    assert_eq!(number(&sheet, (row, proposed_change)), 1.0);
    assert_eq!(number(&sheet, (row, appraised_change)), -1.0);
    let results = engine::compute(&plan).unwrap();
    assert_eq!(results.total.appraised, Some(37));
    let total_formula = formulas.get_value((row, appraised)).unwrap();
    assert!(total_formula.contains("SUMIF("), "{total_formula}");
}

#[test]
fn the_appraisal_sheet_names_lines_whose_proposal_changed_after_the_appraisal() {
    let mut plan = reviewed_example();
    let results = engine::compute(&plan).unwrap();
    // The guard post was appraised when the agency proposed 4; it proposes 3 now.
    let guard = plan.position("vp-bao-ve").unwrap().clone();
    let mut seen = vtvl::report::seen_proposal(&guard, results.position("vp-bao-ve").unwrap());
    assert_eq!(seen.proposed, 3);
    seen.proposed = 4;
    let review = plan.review.as_mut().unwrap();
    let line = review
        .lines
        .iter_mut()
        .find(|l| l.position_id == "vp-bao-ve")
        .unwrap();
    line.seen = Some(seen);
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::write(&plan, dir.path(), "doi.xlsx");
    let texts = strings(&book.values("Thẩm định"));
    let heading = texts
        .iter()
        .position(|t| t.starts_with("Đề xuất của 1 vị trí đã thay đổi sau khi thẩm định"))
        .expect("the note");
    assert_eq!(
        texts[heading + 1],
        "- Nhân viên bảo vệ, phục vụ (hợp đồng lao động) (vp-bao-ve): đề xuất từ 4 thành 3"
    );
    // The example as written has nothing recorded to compare: no note.
    let mut book = Book::write(&reviewed_example(), dir.path(), "vua.xlsx");
    let texts = strings(&book.values("Thẩm định"));
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("đã thay đổi sau khi thẩm định"))
    );
}

#[test]
fn a_plan_not_yet_appraised_gets_the_sheet_with_empty_appraisal_columns() {
    let plan = BUNDLED[0].load().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::write(&plan, dir.path(), "chua.xlsx");
    let sheet = book.values("Thẩm định");
    let texts = strings(&sheet);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Đề án chưa được thẩm định"))
    );
    let appraised = find(&sheet, "Thẩm định").unwrap().1;
    let appraised_change = find(&sheet, "Thẩm định so với đề xuất").unwrap().1;
    let proposed = find(&sheet, "Đề xuất").unwrap().1;
    for label in [
        "Chuyên viên địa chính - đất đai",
        "Cộng Phòng Kinh tế",
        "TỔNG CỘNG",
    ] {
        let (row, _) = find(&sheet, label).unwrap();
        assert!(is_blank(&sheet, (row, appraised)), "{label}");
        assert!(is_blank(&sheet, (row, appraised_change)), "{label}");
    }
    let (row, _) = find(&sheet, "TỔNG CỘNG").unwrap();
    assert_eq!(number(&sheet, (row, proposed)), 38.0);
    // No conclusion yet.
    let (row, col) = find(&sheet, "KẾT LUẬN THẨM ĐỊNH").unwrap();
    assert_eq!(
        sheet.get_value((row + 1, col)).unwrap().get_string(),
        Some("(chưa có)")
    );
}

fn bundled(file: &str) -> Plan {
    BUNDLED
        .iter()
        .find(|b| b.file.ends_with(file))
        .unwrap_or_else(|| panic!("{file} is bundled"))
        .load()
        .unwrap()
}

/// The job-description sheet cut into one block per position: its name (the line under the
/// title) and every text of the block.
fn description_blocks(range: &Range<Data>) -> Vec<(String, Vec<String>)> {
    let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
    let mut after_title = false;
    for row in range.rows() {
        let texts: Vec<String> = row
            .iter()
            .filter_map(|v| v.get_string().map(str::to_owned))
            .collect();
        if texts.iter().any(|t| t == dossier::JOB_DESCRIPTION_TITLE) {
            after_title = true;
            continue;
        }
        if after_title {
            blocks.push((texts.first().cloned().unwrap_or_default(), Vec::new()));
            after_title = false;
        }
        if let Some((_, block)) = blocks.last_mut() {
            block.extend(texts);
        }
    }
    blocks
}

#[test]
fn job_descriptions_name_every_workload_component_of_positions_without_written_work() {
    let dir = tempfile::tempdir().unwrap();
    for bundled in BUNDLED {
        let plan = bundled.load().unwrap();
        let mut book = Book::write(&plan, dir.path(), "mo-ta.xlsx");
        let blocks = book.description_blocks();
        assert_eq!(blocks.len(), plan.positions.len(), "{}", bundled.file);
        let mut drawn = 0;
        for position in &plan.positions {
            if !position.job_description.work_items.is_empty() {
                continue;
            }
            // Names may repeat across units: some block of that name holds every component.
            let holds_all = blocks.iter().any(|(name, texts)| {
                name == &position.name
                    && position
                        .components
                        .iter()
                        .all(|c| texts.iter().any(|t| t == &c.name))
            });
            assert!(
                holds_all,
                "{}: {} in {}",
                bundled.file, position.name, bundled.file
            );
            if !position.components.is_empty() {
                drawn += 1;
            }
        }
        if drawn > 0 {
            assert!(
                blocks
                    .iter()
                    .any(|(_, texts)| texts.iter().any(|t| t == dossier::DRAWN_FROM_WORKLOAD)),
                "{}",
                bundled.file
            );
        }
    }
}

#[test]
fn job_descriptions_fill_section_i_from_the_plan() {
    let plan = bundled("truong-thcs-nguyen-du.ron");
    let results = engine::compute(&plan).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::write(&plan, dir.path(), "truong.xlsx");
    let blocks = book.description_blocks();
    let (_, maths) = blocks
        .iter()
        .find(|(name, _)| name == "Giáo viên Toán")
        .unwrap();
    let position = plan
        .positions
        .iter()
        .find(|p| p.name == "Giáo viên Toán")
        .unwrap();
    let result = results.position(&position.id).unwrap();
    let incumbents = plan
        .staff
        .iter()
        .filter(|s| s.position_id.as_deref() == Some(position.id.as_str()))
        .count();
    for expected in [
        "Tổ Toán - Tin học (thuộc Trường Trung học cơ sở Nguyễn Du)",
        "Nghiệp vụ chuyên ngành",
        "Viên chức (trong số lượng người làm việc)",
        "Chức danh nghề nghiệp",
        "Giáo viên trung học cơ sở hạng III (V.07.04.32)",
        "Bậc sử dụng",
        "Bậc 4: 3 người; bậc 3: 6 người",
        "Số người đang đảm nhiệm",
        &incumbents.to_string(),
        &result.required.to_string(),
    ] {
        assert!(maths.iter().any(|t| t == expected), "{expected}: {maths:?}");
    }
    // The head counts sit two to a row, each label in the column before its value.
    let descriptions = book.values(dossier::job_descriptions_sheet_name(0).as_str());
    for (left, right) in [
        ("Số người hiện có", "Số người đang đảm nhiệm"),
        ("Số người theo tính toán", "Số người đề nghị"),
    ] {
        let (row, col) = find(&descriptions, left).unwrap();
        assert_eq!(find(&descriptions, right), Some((row, col + 2)), "{right}");
    }
    // Empty sections say what to write, not only "(chưa có)".
    assert!(
        maths
            .iter()
            .any(|t| t.starts_with("(chưa có) Ghi năng lực chung"))
    );
    assert!(!maths.iter().any(|t| t == "(chưa có)"));
}

#[test]
fn ranks_and_titles_print_by_name_with_the_code_beside() {
    let dir = tempfile::tempdir().unwrap();
    // Civil servants: ranks (ngạch).
    let mut book = Book::write(&bundled("so-tai-chinh.ron"), dir.path(), "so.xlsx");
    let catalogue = book.values("Danh mục VTVL");
    assert!(find(&catalogue, "Ngạch công chức").is_some());
    assert!(find(&catalogue, "Chuyên viên chính (01.002)").is_some());
    assert!(find(&catalogue, "Mã ngạch").is_none());
    let ranks = book.values("Cơ cấu ngạch");
    for expected in [
        "CƠ CẤU NGẠCH CÔNG CHỨC",
        "NGẠCH CÔNG CHỨC",
        "Chuyên viên chính (01.002)",
        "Thanh tra viên chính (04.024)",
    ] {
        assert!(find(&ranks, expected).is_some(), "{expected}");
    }

    // Public employees: professional titles (chức danh nghề nghiệp), never "Mã ngạch".
    let plan = bundled("trung-tam-y-te-huyen.ron");
    let mut book = Book::write(&plan, dir.path(), "ttyt.xlsx");
    let catalogue = book.values("Danh mục VTVL");
    assert!(find(&catalogue, "Chức danh nghề nghiệp").is_some());
    assert!(find(&catalogue, "Điều dưỡng hạng IV (V.08.05.13)").is_some());
    let ranks = book.values("Cơ cấu ngạch");
    for expected in [
        "CƠ CẤU CHỨC DANH NGHỀ NGHIỆP VIÊN CHỨC",
        "Chức danh nghề nghiệp",
        "Bác sĩ chính (hạng II) (V.08.01.02)",
        "Điều dưỡng hạng IV (V.08.05.13)",
    ] {
        assert!(find(&ranks, expected).is_some(), "{expected}");
    }
    for sheet in ["Danh mục VTVL", "Cơ cấu ngạch", "Mô tả công việc"] {
        let texts = book.table_strings(sheet);
        assert!(!texts.iter().any(|t| t.contains("Mã ngạch")), "{sheet}");
        assert!(
            !texts.iter().any(|t| t.contains("(chưa có trong danh mục)")),
            "{sheet}"
        );
    }
    let descriptions = book.table_strings("Mô tả công việc");
    assert!(descriptions.iter().any(|t| t == "Chức danh nghề nghiệp"));

    // A code the catalogue does not know says so.
    let mut plan = bundled("so-tai-chinh.ron");
    plan.positions[0].rank_code = "99.999".to_owned();
    let mut book = Book::write(&plan, dir.path(), "la.xlsx");
    let catalogue = book.values("Danh mục VTVL");
    assert!(find(&catalogue, "99.999 (chưa có trong danh mục)").is_some());
}

#[test]
fn contract_posts_are_one_line_apart_from_bien_che_in_the_rank_structure() {
    let dir = tempfile::tempdir().unwrap();
    for (file, driver) in [
        ("so-tai-chinh.ron", "Nhân viên lái xe (hợp đồng lao động)"),
        (
            "trung-tam-y-te-huyen.ron",
            "Lái xe cứu thương (hợp đồng lao động)",
        ),
    ] {
        let plan = bundled(file);
        let results = engine::compute(&plan).unwrap();
        let contract = results.total.by_employment.contract;
        assert!(contract.required > 0, "{file} marks its contract posts");
        let mut book = Book::write(&plan, dir.path(), "hd.xlsx");
        let ranks = book.values("Cơ cấu ngạch");
        let texts = strings(&ranks);
        assert!(!texts.iter().any(|t| t == dossier::NO_RANK), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.starts_with("(chưa xác định")),
            "{texts:?}"
        );
        let required_col = find(&ranks, "Số người theo tính toán").unwrap().1;
        let current_col = find(&ranks, "Số người hiện có").unwrap().1;
        let (row, _) = find(&ranks, dossier::CONTRACT_POSTS).unwrap();
        assert_eq!(
            number(&ranks, (row, required_col)),
            contract.required as f64
        );
        assert_eq!(number(&ranks, (row, current_col)), contract.current);
        let (row, _) = find(&ranks, "CỘNG TRONG BIÊN CHẾ").unwrap();
        let establishment = results.total.by_employment.establishment();
        assert_eq!(
            number(&ranks, (row, required_col)),
            establishment.required as f64
        );
        let (row, _) = find(&ranks, "TỔNG CỘNG").unwrap();
        assert_eq!(
            number(&ranks, (row, required_col)),
            results.total.required as f64
        );
        let formulas = book.formulas("Cơ cấu ngạch");
        assert!(
            formulas
                .get_value((row, required_col))
                .unwrap()
                .contains('+')
        );
        // The contract posts' rank column in the catalogue says what they are.
        let catalogue = book.values("Danh mục VTVL");
        let (row, col) = find(&catalogue, driver).unwrap();
        let rank = catalogue.get_value((row, col + 2)).unwrap().get_string();
        assert_eq!(rank, Some("Hợp đồng lao động"), "{file}");
    }
}

#[test]
fn the_steps_sheet_lists_each_public_employee_position_by_step() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["truong-thcs-nguyen-du.ron", "trung-tam-y-te-huyen.ron"] {
        let plan = bundled(file);
        let results = engine::compute(&plan).unwrap();
        let mut book = Book::write(&plan, dir.path(), "bac.xlsx");
        let sheet = book.values("Cơ cấu bậc");
        assert!(find(&sheet, dossier::STEPS_TITLE).is_some());
        let allocation_col = find(&sheet, "Số người đề nghị").unwrap().1;
        let (header, step5) = find(&sheet, "Bậc 5").unwrap();
        let mut with_steps = 0;
        for position in &plan.positions {
            let result = results.position(&position.id).unwrap();
            if result.employment != Employment::PublicEmployee {
                continue;
            }
            // Position names may repeat across units: the row of this one is the one whose
            // allocation and steps agree.
            let rows: Vec<u32> = sheet
                .used_cells()
                .filter(|(_, _, v)| v.get_string() == Some(position.name.as_str()))
                .map(|(r, _, _)| r as u32 + sheet.start().unwrap().0)
                .filter(|&r| r > header + 1)
                .collect();
            assert!(!rows.is_empty(), "{file}: {}", position.name);
            let matches = rows.iter().any(|&row| {
                let steps_ok = (1..=5u8).all(|step| {
                    let expected: i64 = position
                        .steps
                        .iter()
                        .filter(|s: &&StepCount| s.step == step)
                        .map(|s| i64::from(s.count))
                        .sum();
                    let col = step5 + 2 * u32::from(5 - step);
                    let shown = sheet.get_value((row, col)).and_then(|v| v.as_f64());
                    shown.unwrap_or(0.0) == expected as f64
                });
                steps_ok
                    && sheet
                        .get_value((row, allocation_col))
                        .and_then(|v| v.as_f64())
                        == Some(result.proposed as f64)
            });
            assert!(matches, "{file}: {}", position.name);
            if position.steps.is_empty() {
                assert!(find(&sheet, dossier::NO_STEPS).is_some());
            } else {
                with_steps += 1;
            }
        }
        assert!(with_steps > 0, "{file} uses steps");
    }
    // A plan without public employees says so.
    let plan = bundled("so-tai-chinh.ron");
    let mut book = Book::write(&plan, dir.path(), "so-bac.xlsx");
    let sheet = book.values("Cơ cấu bậc");
    assert!(find(&sheet, dossier::NO_PUBLIC_EMPLOYEES).is_some());
}

/// Full names (Họ và tên) are personal data: kept in the plan, never printed in the dossier,
/// neither in a cell nor anywhere else in the file.
#[test]
fn staff_names_never_appear_in_the_dossier() {
    use std::io::Read as _;
    let mut plan = BUNDLED[0].load().unwrap();
    assert!(!plan.staff.is_empty());
    let names: Vec<String> = (0..plan.staff.len())
        .map(|i| format!("Trần Thị Riêngtư{i}"))
        .collect();
    for (member, name) in plan.staff.iter_mut().zip(&names) {
        member.personal.insert("full_name".into(), name.clone());
    }
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::write(&plan, dir.path(), "ho-so.xlsx");
    for sheet in book.sheets.clone() {
        let text = strings(&book.values(&sheet)).join("\n");
        assert!(!text.contains("Riêngtư"), "a name in sheet {sheet}");
    }
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(dir.path().join("ho-so.xlsx")).unwrap()).unwrap();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Riêngtư"), "a name in entry {i}");
    }
}

#[test]
fn the_projection_sheet_reads_back_as_the_projection_with_counts_only() {
    let plan = bundled("ubnd-xa-tan-hoa.ron");
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::write(&plan, dir.path(), "du-bao.xlsx");
    let sheet = book.values(dossier::PROJECTION_SHEET);
    let texts = strings(&sheet);
    for expected in [
        "Phụ lục VIII",
        "DỰ BÁO BIÊN CHẾ GIAI ĐOẠN 2026 - 2030",
        "Kịch bản: Tăng trưởng 2026-2030",
        "- Khối lượng công việc tăng 3% mỗi năm từ năm thứ hai (mọi công việc)",
        "- 1 người nghỉ hưu trước tuổi (theo danh sách)",
        "1 người chưa có ngày sinh hoặc giới tính được tính là tiếp tục làm việc.",
        "Năm 2030",
        "Cần tuyển",
        "Phòng Kinh tế",
        "Chuyên viên (01.003)",
    ] {
        assert!(texts.iter().any(|t| t.contains(expected)), "{expected}");
    }
    // Counts only: no staff id, name or date of a person.
    for person in &plan.staff {
        let name = person.personal.get("full_name").unwrap();
        assert!(
            !texts
                .iter()
                .any(|t| t.contains(name.as_str()) || t == &person.id)
        );
    }
    let projection =
        vtvl::projection::project(&plan, &vtvl::projection::Options::default()).unwrap();
    let (row, _) = find(&sheet, "Tổng cộng").unwrap();
    for (i, year) in projection.timeline.iter().enumerate() {
        let col = 2 + 4 * i as u32;
        let read: Vec<f64> = (0..4).map(|j| number(&sheet, (row, col + j))).collect();
        let t = &year.total;
        assert_eq!(
            read,
            [t.required as f64, t.retiring, t.staff_end, t.needed],
            "{}",
            year.year
        );
    }
    // Someone retires in the horizon, so the sheet is not all zeros.
    assert!(projection.timeline.iter().any(|y| y.total.retiring > 0.0));
}

#[test]
fn many_job_descriptions_continue_on_further_sheets_printed_as_one_appendix() {
    let plan = vtvl::generate::generate(vtvl::generate::Spec {
        units: 40,
        seed: 3,
        staff: None,
    });
    let per_sheet = dossier::DESCRIPTIONS_PER_SHEET;
    let parts = plan.positions.len().div_ceil(per_sheet);
    assert!(
        parts >= 2,
        "{} positions fill more than one sheet",
        plan.positions.len()
    );
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::write(&plan, dir.path(), "nhieu-mo-ta.xlsx");

    assert_eq!(book.tables(), SHEET_NAMES);
    let continued: Vec<&String> = (book.sheets.iter())
        .skip_while(|name| **name != dossier::job_descriptions_sheet_name(0))
        .take(parts)
        .collect();
    let expected: Vec<String> = (0..parts)
        .map(dossier::job_descriptions_sheet_name)
        .collect();
    assert_eq!(continued, expected.iter().collect::<Vec<_>>());

    let mut described = 0;
    for part in 0..parts {
        let values = book.values(&dossier::job_descriptions_sheet_name(part));
        let blocks = description_blocks(&values).len();
        assert!(blocks <= per_sheet, "sheet {part}: {blocks} descriptions");
        described += blocks;
        let texts = strings(&values);
        // The appendix's head opens the first sheet only, its signatures close the last only.
        let head = texts.iter().any(|t| t == dossier::NATIONAL_NAME);
        let foot = texts.iter().any(|t| t == dossier::PREPARER);
        assert_eq!(head, part == 0, "sheet {part}: head");
        assert_eq!(foot, part + 1 == parts, "sheet {part}: foot");
    }
    assert_eq!(described, plan.positions.len());
}

#[test]
fn the_same_plan_exports_the_same_workbook_every_time() {
    // Several sheets of job descriptions, written side by side by as many threads as the
    // machine has: their cells, formats and strings must not depend on which came first.
    let plan = vtvl::generate::generate(vtvl::generate::Spec {
        units: 40,
        seed: 3,
        staff: None,
    });
    assert!(plan.positions.len() > 4 * dossier::DESCRIPTIONS_PER_SHEET);
    let results = engine::compute(&plan).unwrap();
    let entries = || {
        let bytes = dossier::workbook_bytes(&plan, &results, TODAY).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|index| {
                let mut file = archive.by_index(index).unwrap();
                let mut content = Vec::new();
                std::io::Read::read_to_end(&mut file, &mut content).unwrap();
                (file.name().unwrap().into_owned(), content)
            })
            // The time of the export.
            .filter(|(name, _)| name != "docProps/core.xml")
            .collect::<Vec<_>>()
    };
    let first = entries();
    assert!(first.len() > 10);
    for _ in 0..3 {
        let again = entries();
        assert_eq!(
            again.iter().map(|(name, _)| name).collect::<Vec<_>>(),
            first.iter().map(|(name, _)| name).collect::<Vec<_>>()
        );
        for ((name, content), (_, expected)) in again.iter().zip(&first) {
            assert!(content == expected, "{name} differs between two exports");
        }
    }
}
