//! `vtvl export --docx`: the đề án as a Word draft, read back from the document's XML.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use vtvl::model::Plan;

use crate::workdir::*;

fn bundled_plans() -> Vec<PathBuf> {
    let mut plans: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "ron"))
            .collect();
    plans.sort();
    assert!(plans.len() >= 4, "{plans:?}");
    plans
}

/// `word/document.xml` of a .docx file.
fn document_xml(docx: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut entry = archive.by_name("word/document.xml").unwrap();
    let mut xml = String::new();
    entry.read_to_string(&mut xml).unwrap();
    xml
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The texts of the `<w:t>` elements in `xml`, concatenated.
fn text_of(xml: &str) -> String {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:t") {
        rest = &rest[start + 4..];
        // `<w:t>` or `<w:t xml:space=...>`, not `<w:tbl>`, `<w:tc>`, `<w:tr>`...
        if !(rest.starts_with('>') || rest.starts_with(' ')) {
            continue;
        }
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</w:t>") else {
            break;
        };
        text.push_str(&unescape(&rest[open_end + 1..close]));
        rest = &rest[close..];
    }
    text
}

/// The rows of the table that follows the caption `caption`, each as its cells' texts.
fn table_after(xml: &str, caption: &str) -> Vec<Vec<String>> {
    let start = xml.find(caption).unwrap_or_else(|| panic!("no {caption}"));
    let table_start = start + xml[start..].find("<w:tbl>").unwrap();
    let table_end = table_start + xml[table_start..].find("</w:tbl>").unwrap();
    xml[table_start..table_end]
        .split("</w:tr>")
        .filter(|row| row.contains("<w:tc>"))
        .map(|row| {
            row.split("</w:tc>")
                .filter(|cell| cell.contains("<w:tc>"))
                .map(text_of)
                .collect()
        })
        .collect()
}

fn export(wd: &Workdir, plan: &Path) -> (Plan, String) {
    let out = wd.path("de-an.docx");
    assert_ok(&wd.run(&["export", s(plan), "--docx", s(&out)]));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip (docx) file");
    (vtvl::plan_file::load(plan).unwrap(), document_xml(&out))
}

/// The sample with proposals apart from the computed figures (every third position asks for
/// seven people) and its form filled in, saved in the work folder.
fn with_proposals_and_form(wd: &Workdir, path: &Path) -> PathBuf {
    let mut plan = vtvl::plan_file::load(path).unwrap();
    for position in plan.positions.iter_mut().step_by(3) {
        position.proposed = Some(vtvl::model::Proposal {
            count: 7,
            reason: String::new(),
        });
    }
    let form = &mut plan.meta.document;
    form.parent_body = "Ủy ban nhân dân tỉnh An Hòa".to_owned();
    form.place = "An Hòa".to_owned();
    form.date = vtvl::model::CivilDate::new(2026, 11, 20);
    form.signer_name = "Nguyễn Văn Bình".to_owned();
    let saved = wd.path("de-an.ron");
    vtvl::plan_file::save(&plan, &saved).unwrap();
    saved
}

#[test]
fn each_sample_plan_becomes_a_draft_with_its_units_figures_and_legal_bases() {
    for sample in bundled_plans() {
        let wd = Workdir::new();
        let path = with_proposals_and_form(&wd, &sample);
        let (plan, xml) = export(&wd, &path);
        let name = sample.display();
        let text = text_of(&xml);
        assert!(
            text.contains(vtvl::narrative::agency(&plan)),
            "{name}: agency"
        );
        assert!(
            text.contains("ỦY BAN NHÂN DÂN TỈNH AN HÒA"),
            "{name}: parent body"
        );
        assert!(
            text.contains("An Hòa, ngày 20 tháng 11 năm 2026"),
            "{name}: date line"
        );
        assert!(text.contains("Nguyễn Văn Bình"), "{name}: signer");
        assert!(
            text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "{name}"
        );
        assert!(text.contains("Độc lập - Tự do - Hạnh phúc"), "{name}");
        assert!(
            text.contains(vtvl::narrative::HEAD_OF_AGENCY),
            "{name}: signer"
        );
        assert!(text.contains("Nơi nhận:"), "{name}");
        for title in vtvl::narrative::PART_TITLES {
            assert!(text.contains(title), "{name}: {title}");
        }
        // The wide tables are set on a landscape page.
        assert!(xml.contains("w:orient=\"landscape\""), "{name}");

        // Every unit's row of Bảng 3 holds the engine's proposal for its whole subtree.
        let results = vtvl::engine::compute(&plan).unwrap();
        assert!(
            results.units.iter().any(|u| u.proposed != u.required),
            "{name}: proposals differ from the computed figures"
        );
        let rows = table_after(&xml, "Bảng 3.");
        for unit in &plan.units {
            let expected = results.unit(&unit.id).unwrap().proposed;
            let row = rows
                .iter()
                .find(|cells| cells.get(1).is_some_and(|c| c == &unit.name))
                .unwrap_or_else(|| panic!("{name}: no row for {}", unit.name));
            let proposed = &row[row.len() - 2];
            assert_eq!(proposed, &expected.to_string(), "{name}: {}", unit.name);
            let quota = unit.quota.map(|q| q.to_string()).unwrap_or_default();
            assert_eq!(row[2], quota, "{name}: quota of {}", unit.name);
        }

        // The legal bases are the rule packs' citations in force on the judgement date.
        let at = plan.judgement_date();
        let findings = vtvl::rules::check(&plan, &results, at);
        let bases = vtvl::narrative::legal_bases(&plan, &results, &findings, at);
        assert!(!bases.is_empty(), "{name}");
        for basis in &bases {
            assert!(text.contains(&basis.citation), "{name}: {}", basis.citation);
        }
        // Every error or warning of the check is a point to address.
        for finding in findings
            .iter()
            .filter(|f| f.severity != vtvl::rules::Severity::Info)
        {
            let message = finding.message.vi.trim().trim_end_matches('.');
            assert!(text.contains(message), "{name}: {message}");
        }
    }
}

#[test]
fn the_health_centre_marks_units_over_quota() {
    let path = bundled_plans()
        .into_iter()
        .find(|p| p.ends_with("trung-tam-y-te-huyen.ron"))
        .unwrap();
    let wd = Workdir::new();
    let (plan, xml) = export(&wd, &path);
    let rows = table_after(&xml, "Bảng 3.");
    let mut over: Vec<&str> = rows
        .iter()
        .filter(|cells| {
            cells
                .last()
                .is_some_and(|c| c == vtvl::narrative::OVER_QUOTA)
        })
        .map(|cells| cells[1].as_str())
        .collect();
    // The same units `vtvl check` finds above their quota.
    let results = vtvl::engine::compute(&plan).unwrap();
    let findings = vtvl::rules::check(&plan, &results, plan.judgement_date());
    let mut expected: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule_id.starts_with("bien-che."))
        .filter_map(|f| f.unit_id.as_deref())
        .filter_map(|id| plan.unit(id))
        .map(|u| u.name.as_str())
        .collect();
    expected.sort();
    expected.dedup();
    over.sort();
    assert!(!over.is_empty());
    assert_eq!(over, expected);
    // Sub-units are numbered under their parent (4.1 below 4).
    assert!(rows.iter().any(|cells| cells[0] == "4.1"), "{rows:?}");
}

#[test]
fn export_writes_workbook_and_document_together_and_needs_one_of_them() {
    let wd = Workdir::new();
    let plan = bundled_plans().remove(0);
    let (xlsx, docx) = (wd.path("ho-so.xlsx"), wd.path("de-an.docx"));
    assert_ok(&wd.run(&["export", s(&plan), "--xlsx", s(&xlsx), "--docx", s(&docx)]));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    let out = wd.run(&["export", s(&plan)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn a_document_that_cannot_be_written_is_an_error_naming_the_file() {
    let wd = Workdir::new();
    let plan = bundled_plans().remove(0);
    let out = wd.path("missing-folder/de-an.docx");
    let err = assert_invalid(&wd.run(&["export", s(&plan), "--docx", s(&out)]));
    assert!(err.contains("missing-folder"), "{err}");
}

#[test]
fn the_document_may_not_overwrite_the_plan() {
    let wd = Workdir::new();
    let plan = with_proposals_and_form(&wd, &bundled_plans().remove(0));
    let before = std::fs::read(&plan).unwrap();
    assert_invalid(&wd.run(&["export", s(&plan), "--docx", s(&plan)]));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}
