//! The message catalogue in both languages: every label of the enums users read, every kind of
//! validation problem, import, export, plan-file and engine error, and the findings of the rules
//! on the bundled plans. In Vietnamese each text is Vietnamese; in English none has a Vietnamese
//! letter left, but for the names the plan itself gives (units, positions) and the quoted names
//! of instruments.
//!
//! Lists of variants are kept honest by a `match` without a wildcard: a new variant does not
//! compile until it is listed here.

use std::io;
use std::path::PathBuf;

use vtvl::compare::{CompareError, Field, Input as CompareInput, Outlier, Status};
use vtvl::dossier::DossierError;
use vtvl::engine::{self, BreakdownError, EngineError};
use vtvl::interchange::{ExportError, ImportError, Problem as ImportProblem, Problems};
use vtvl::language::{Language, Localized, Text, has_vietnamese_letters};
use vtvl::model::{
    Category, CivilDate, CommuneSetting, CompetencyGroup, DateParseError, Decision,
    DriverValueError, Employment, JobSection, LeaderRole, NormDriver, Period, Plan, ProvinceClass,
    Rounding, UnitType, WorkSection,
};
use vtvl::norms::params::{FixedFigure, NormParams, PositionScope};
use vtvl::norms::{Driver, Rounded};
use vtvl::plan_file::{BUNDLED, PlanFileError};
use vtvl::report::{AppraisalTableError, ResultsCsvError};
use vtvl::rules::{self, PackError, RankTier, Severity};
use vtvl::validation::{Bounds, Place, Problem, ProblemKind};

/// Vietnamese words without a diacritic that still say a text is Vietnamese.
const VIETNAMESE_WORDS: [&str; 4] = ["cao", "theo", "trong", "ngay"];

/// Proper names English texts may quote: instruments cited by their Vietnamese names.
const PROPER_NAMES: [&str; 1] = ["Phụ lục IV"];

fn is_vietnamese(text: &str) -> bool {
    has_vietnamese_letters(text)
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| VIETNAMESE_WORDS.contains(&word.to_lowercase().as_str()))
}

/// `text` with the names it may quote taken out.
fn without(text: &str, names: &[String]) -> String {
    let mut text = text.to_owned();
    for name in names.iter().map(String::as_str).chain(PROPER_NAMES) {
        if !name.is_empty() {
            text = text.replace(name, "");
        }
    }
    text
}

/// Asserts that `vi` is Vietnamese and `en` has no Vietnamese but `names`.
fn assert_pair(what: &str, vi: &str, en: &str, names: &[String]) {
    assert!(is_vietnamese(vi), "{what}: not Vietnamese: {vi:?}");
    assert!(
        !has_vietnamese_letters(&without(en, names)),
        "{what}: Vietnamese left in English: {en:?}"
    );
}

fn assert_localized(what: &str, message: &impl Localized) {
    assert_pair(
        what,
        &message.message(Language::Vietnamese),
        &message.message(Language::English),
        &[],
    );
}

fn assert_labels<T: Copy + std::fmt::Debug>(
    all: &[T],
    label: impl Fn(T, Language) -> &'static str,
) {
    for &value in all {
        assert_pair(
            &format!("{value:?}"),
            label(value, Language::Vietnamese),
            label(value, Language::English),
            &[],
        );
    }
}

#[test]
fn every_enum_label_reads_in_both_languages() {
    assert_labels(&Category::ALL, Category::label);
    assert_labels(&LeaderRole::ALL, LeaderRole::label);
    assert_labels(&Rounding::ALL, Rounding::label);
    assert_labels(&Decision::ALL, Decision::label);
    assert_labels(&ProvinceClass::ALL, ProvinceClass::label);
    assert_labels(UnitType::ALL, UnitType::label);
    assert_labels(&Period::ALL, Period::label);
    assert_labels(&Employment::ALL, Employment::label);
    assert_labels(&JobSection::ALL, JobSection::label);
    assert_labels(&WorkSection::ALL, WorkSection::label);
    assert_labels(&CompetencyGroup::ALL, CompetencyGroup::label);
    assert_labels(&RankTier::ALL, RankTier::label);
    assert_labels(NormDriver::ALL, NormDriver::label);
    assert_labels(&CommuneSetting::ALL, CommuneSetting::label);
    assert_labels(&severities(), Severity::label);
    assert_labels(&outliers(), Outlier::label);
    assert_labels(&statuses(), Status::label);
    assert_labels(&fields(), Field::label);
    assert_labels(&compare_inputs(), CompareInput::label);
    assert_labels(&drivers(), |d: Driver, l| l.t(d.label_vi(), d.label_en()));
    assert_labels(&[Rounded::Down, Rounded::Up], |r: Rounded, l| {
        l.t(r.label_vi(), r.label_en())
    });
}

fn severities() -> Vec<Severity> {
    let listed = |s: Severity| match s {
        Severity::Error | Severity::Warning | Severity::Info => s,
    };
    [Severity::Error, Severity::Warning, Severity::Info]
        .map(listed)
        .to_vec()
}

fn outliers() -> Vec<Outlier> {
    let listed = |o: Outlier| match o {
        Outlier::High | Outlier::Low => o,
    };
    [Outlier::High, Outlier::Low].map(listed).to_vec()
}

fn statuses() -> Vec<Status> {
    let listed = |s: Status| match s {
        Status::Added | Status::Removed | Status::Changed | Status::Unchanged => s,
    };
    [
        Status::Added,
        Status::Removed,
        Status::Changed,
        Status::Unchanged,
    ]
    .map(listed)
    .to_vec()
}

fn fields() -> Vec<Field> {
    let listed = |f: Field| match f {
        Field::Id
        | Field::Name
        | Field::Parent
        | Field::Quota
        | Field::UnitType
        | Field::Unit
        | Field::Category
        | Field::RankCode
        | Field::Method
        | Field::Count
        | Field::Min
        | Field::Max
        | Field::Calendar
        | Field::Proposal
        | Field::ProposalReason => f,
    };
    [
        Field::Id,
        Field::Name,
        Field::Parent,
        Field::Quota,
        Field::UnitType,
        Field::Unit,
        Field::Category,
        Field::RankCode,
        Field::Method,
        Field::Count,
        Field::Min,
        Field::Max,
        Field::Calendar,
        Field::Proposal,
        Field::ProposalReason,
    ]
    .map(listed)
    .to_vec()
}

fn compare_inputs() -> Vec<CompareInput> {
    use CompareInput::*;
    let listed = |i: CompareInput| match i {
        Volume | MinutesPerItem | Coefficient | Percent | Minutes | Per | Staff | Ratio => i,
    };
    [
        Volume,
        MinutesPerItem,
        Coefficient,
        Percent,
        Minutes,
        Per,
        Staff,
        Ratio,
    ]
    .map(listed)
    .to_vec()
}

fn drivers() -> Vec<Driver> {
    use Driver::*;
    let listed = |d: Driver| match d {
        SchoolZone
        | Classes
        | NurseryGroups
        | Pupils
        | TwoSessionsADay
        | Population
        | BorderGates
        | InternationalQuarantine
        | IndustrialZones
        | Mountainous
        | CentrallyRunCity
        | ShelfMetres
        | ElectronicMb
        | AudioVisualHours
        | CommuneClass
        | CommuneSetting => d,
    };
    [
        SchoolZone,
        Classes,
        NurseryGroups,
        Pupils,
        TwoSessionsADay,
        Population,
        BorderGates,
        InternationalQuarantine,
        IndustrialZones,
        Mountainous,
        CentrallyRunCity,
        ShelfMetres,
        ElectronicMb,
        AudioVisualHours,
        CommuneClass,
        CommuneSetting,
    ]
    .map(listed)
    .to_vec()
}

/// One of every problem kind.
fn problem_kinds() -> Vec<ProblemKind> {
    let first = Place::Unit {
        index: 0,
        id: "a".into(),
        field: "id",
    };
    let kinds = vec![
        ProblemKind::UnsupportedFormatVersion {
            found: 9,
            supported: 2,
        },
        ProblemKind::EmptyId,
        ProblemKind::EmptyName,
        ProblemKind::DuplicateId {
            id: "a".into(),
            first,
        },
        ProblemKind::MissingUnit { id: "x".into() },
        ProblemKind::MissingPosition { id: "x".into() },
        ProblemKind::MissingCalendar { id: "x".into() },
        ProblemKind::PositionOfOtherUnit {
            position_id: "p".into(),
            position_unit_id: "a".into(),
            unit_id: "b".into(),
        },
        ProblemKind::RetiresBeforeWorkingAge {
            retires_on: "31/12/2004".into(),
            born: "1990".into(),
        },
        ProblemKind::UnitCycle {
            units: vec!["a".into(), "b".into()],
        },
        ProblemKind::Negative { value: -1.0 },
        ProblemKind::NotFinite { value: f64::NAN },
        ProblemKind::Zero,
        ProblemKind::NoWorkingTime {
            days: 0.0,
            hours: 0.0,
        },
        ProblemKind::SupportTooLarge { share: 1.2 },
        ProblemKind::MinAboveMax { min: 3, max: 2 },
        ProblemKind::LevelOutOfRange { level: 7 },
        ProblemKind::OutOfRange {
            value: 4,
            min: 1,
            max: 3,
        },
        ProblemKind::DuplicateStep { step: 2 },
        ProblemKind::RoleOutsideLeadership,
        ProblemKind::DuplicateAppraisal {
            position_id: "p".into(),
        },
        ProblemKind::OutOfBounds {
            value: 9.0,
            bounds: Bounds {
                min: 0.0,
                max: 7.0,
                min_exclusive: true,
            },
        },
        ProblemKind::AvailableTimeOutOfBounds {
            value: 2.3e-318,
            bounds: Bounds {
                min: 1.0,
                max: 8_784.0,
                min_exclusive: false,
            },
            in_days: false,
        },
        ProblemKind::TextTooLong {
            chars: 40_000,
            max: 32_767,
        },
    ];
    for kind in &kinds {
        // A new kind fails here until it is listed above.
        match kind {
            ProblemKind::UnsupportedFormatVersion { .. }
            | ProblemKind::EmptyId
            | ProblemKind::EmptyName
            | ProblemKind::DuplicateId { .. }
            | ProblemKind::MissingUnit { .. }
            | ProblemKind::MissingPosition { .. }
            | ProblemKind::MissingCalendar { .. }
            | ProblemKind::PositionOfOtherUnit { .. }
            | ProblemKind::RetiresBeforeWorkingAge { .. }
            | ProblemKind::UnitCycle { .. }
            | ProblemKind::Negative { .. }
            | ProblemKind::NotFinite { .. }
            | ProblemKind::Zero
            | ProblemKind::NoWorkingTime { .. }
            | ProblemKind::SupportTooLarge { .. }
            | ProblemKind::MinAboveMax { .. }
            | ProblemKind::LevelOutOfRange { .. }
            | ProblemKind::OutOfRange { .. }
            | ProblemKind::DuplicateStep { .. }
            | ProblemKind::RoleOutsideLeadership
            | ProblemKind::DuplicateAppraisal { .. }
            | ProblemKind::OutOfBounds { .. }
            | ProblemKind::AvailableTimeOutOfBounds { .. }
            | ProblemKind::TextTooLong { .. } => {}
        }
    }
    kinds
}

fn places() -> Vec<Place> {
    let places = vec![
        Place::Meta { field: "name" },
        Place::Calendar {
            index: 0,
            id: "c".into(),
            field: "weeks_per_year",
        },
        Place::Unit {
            index: 0,
            id: "u".into(),
            field: "parent_id",
        },
        Place::Position {
            index: 0,
            id: "p".into(),
            field: "unit_id",
        },
        Place::Component {
            position_index: 0,
            component_index: 1,
            position_id: "p".into(),
            component_id: "d".into(),
            field: "volume",
        },
        Place::Staff {
            index: 2,
            id: String::new(),
            field: "id",
        },
        Place::Appraisal {
            index: 0,
            position_id: "p".into(),
            field: "position_id",
        },
    ];
    for place in &places {
        match place {
            Place::Meta { .. }
            | Place::Calendar { .. }
            | Place::Unit { .. }
            | Place::Position { .. }
            | Place::Component { .. }
            | Place::Staff { .. }
            | Place::Appraisal { .. } => {}
        }
    }
    places
}

#[test]
fn every_validation_problem_reads_in_both_languages() {
    for kind in problem_kinds() {
        assert_localized(&format!("{kind:?}"), &kind);
        for place in places() {
            let problem = Problem {
                place: place.clone(),
                kind: kind.clone(),
            };
            assert_localized(&format!("{problem:?}"), &problem);
        }
    }
    // The place says where in Vietnamese too, with the column's interchange name.
    let problem = Problem {
        place: Place::Position {
            index: 0,
            id: "van-thu".into(),
            field: "unit_id",
        },
        kind: ProblemKind::MissingUnit {
            id: "vp-khong-co".into(),
        },
    };
    assert_eq!(
        problem.message(Language::Vietnamese),
        "vị trí \"van-thu\" (unit_id): không có đơn vị \"vp-khong-co\""
    );
    assert_eq!(
        problem.message(Language::English),
        "position \"van-thu\" (unit_id): unit \"vp-khong-co\" does not exist"
    );
}

fn import_problems() -> Vec<ImportProblem> {
    let text = Text::new("\"x\" không phải là số", "\"x\" is not a number");
    let problems = vec![
        ImportProblem::MissingFile {
            file: "units.csv".into(),
        },
        ImportProblem::Unreadable {
            file: "units".into(),
            reason: "x".into(),
        },
        ImportProblem::MissingColumn {
            file: "units.csv".into(),
            column: "id".into(),
        },
        ImportProblem::Cell {
            file: "duties".into(),
            line: 3,
            column: "volume".into(),
            message: text.clone(),
        },
        ImportProblem::Row {
            file: "staff.csv".into(),
            line: 2,
            message: text.clone(),
        },
        ImportProblem::Misnamed {
            file: "Duties.csv".into(),
            table: "duties".into(),
        },
        ImportProblem::Misnamed {
            file: "Units".into(),
            table: "units".into(),
        },
        ImportProblem::Plan { message: text },
    ];
    for problem in &problems {
        match problem {
            ImportProblem::MissingFile { .. }
            | ImportProblem::Unreadable { .. }
            | ImportProblem::MissingColumn { .. }
            | ImportProblem::Cell { .. }
            | ImportProblem::Row { .. }
            | ImportProblem::Misnamed { .. }
            | ImportProblem::Plan { .. } => {}
        }
    }
    problems
}

#[test]
fn every_import_and_export_error_reads_in_both_languages() {
    for problem in import_problems() {
        assert_localized(&format!("{problem:?}"), &problem);
    }
    let path = || PathBuf::from("mau.xlsx");
    let imports = vec![
        ImportError::DirectoryNotFound(path()),
        ImportError::NotADirectory(path()),
        ImportError::NotFound(path()),
        ImportError::NotImportable(path()),
        ImportError::Workbook {
            path: path(),
            reason: "x".into(),
        },
        ImportError::Invalid(Problems(import_problems())),
    ];
    for error in &imports {
        match error {
            ImportError::DirectoryNotFound(_)
            | ImportError::NotADirectory(_)
            | ImportError::NotFound(_)
            | ImportError::NotImportable(_)
            | ImportError::Workbook { .. }
            | ImportError::Invalid(_) => assert_localized(&format!("{error:?}"), error),
        }
    }
    let io = || io::Error::other("x");
    let exports = vec![
        ExportError::CreateDir {
            path: path(),
            source: io(),
        },
        ExportError::Write {
            path: path(),
            source: io(),
        },
        ExportError::Remove {
            path: path(),
            source: io(),
        },
        ExportError::NotFinite {
            file: "duties.csv".into(),
            id: "d".into(),
            column: "volume".into(),
            value: f64::INFINITY,
        },
        ExportError::Workbook {
            path: path(),
            reason: "x".into(),
        },
        ExportError::ForeignFile {
            path: path(),
            file: "ghi-chu.txt".into(),
        },
        ExportError::PersonalField {
            file: "staff.csv".into(),
            id: "s".into(),
            key: "id".into(),
            reason: Text::new(
                "trùng tên một cột cố định",
                "has the name of a fixed column",
            ),
        },
    ];
    let full = ExportError::Write {
        path: path(),
        source: io::Error::from(io::ErrorKind::StorageFull),
    };
    assert!(
        full.message(Language::Vietnamese)
            .ends_with(": ổ đĩa đã đầy")
    );
    assert!(full.to_string().ends_with(": the disk is full"));
    for error in &exports {
        match error {
            ExportError::CreateDir { .. }
            | ExportError::Write { .. }
            | ExportError::Remove { .. }
            | ExportError::NotFinite { .. }
            | ExportError::Workbook { .. }
            | ExportError::ForeignFile { .. }
            | ExportError::PersonalField { .. } => assert_localized(&format!("{error:?}"), error),
        }
    }
}

fn engine_errors() -> Vec<EngineError> {
    let errors = vec![
        EngineError::MissingUnit {
            position: "p".into(),
            unit: "u".into(),
        },
        EngineError::MissingParent {
            unit: "u".into(),
            parent: "x".into(),
        },
        EngineError::MissingCalendar {
            position: "p".into(),
            calendar: "c".into(),
        },
        EngineError::MissingStaffReference {
            staff: "s".into(),
            table: "unit",
            id: "u".into(),
        },
        EngineError::Cycle { unit: "u".into() },
        EngineError::NotComputable {
            position: "p".into(),
            figure: "required_fte",
            value: f64::INFINITY,
        },
        EngineError::UnknownPosition("p".into()),
        EngineError::Polars(polars::error::PolarsError::ComputeError("x".into())),
    ];
    for error in &errors {
        match error {
            EngineError::MissingUnit { .. }
            | EngineError::MissingParent { .. }
            | EngineError::MissingCalendar { .. }
            | EngineError::MissingStaffReference { .. }
            | EngineError::Cycle { .. }
            | EngineError::NotComputable { .. }
            | EngineError::UnknownPosition(_)
            | EngineError::Polars(_) => {}
        }
    }
    errors
}

fn plan_file_errors() -> Vec<PlanFileError> {
    let path = || PathBuf::from("de-an.ron");
    let errors = vec![
        PlanFileError::Io {
            path: path(),
            action: "read",
            error: io::Error::other("x"),
        },
        // A real syntax error (a comma missing), so that its message is RON's.
        vtvl::plan_file::from_ron_str("(format_version: 2 meta: ())", &path()).unwrap_err(),
        PlanFileError::NewerVersion {
            path: path(),
            found: 9,
            supported: 2,
        },
        PlanFileError::MissingVersion { path: path() },
        PlanFileError::Serialize {
            message: "x".into(),
        },
    ];
    for error in &errors {
        match error {
            PlanFileError::Io { .. }
            | PlanFileError::Parse { .. }
            | PlanFileError::NewerVersion { .. }
            | PlanFileError::MissingVersion { .. }
            | PlanFileError::Serialize { .. } => {}
        }
    }
    errors
}

#[test]
fn every_plan_file_engine_and_dossier_error_reads_in_both_languages() {
    for error in plan_file_errors() {
        assert_localized(&format!("{error:?}"), &error);
    }
    for error in engine_errors() {
        assert_localized(&format!("{error:?}"), &error);
        let breakdown = BreakdownError::Engine(error);
        assert_eq!(
            breakdown.message(Language::Vietnamese),
            match &breakdown {
                BreakdownError::Engine(e) => e.message(Language::Vietnamese),
                BreakdownError::UnknownUnit(_) => unreachable!(),
            }
        );
    }
    assert_localized("breakdown", &BreakdownError::UnknownUnit("u".into()));
    assert_localized("appraisal", &AppraisalTableError::UnknownUnit("u".into()));
    assert_localized("results csv", &ResultsCsvError::Write("x".into()));
    assert_localized(
        "results csv",
        &ResultsCsvError::Csv(csv::Error::from(io::Error::other("x"))),
    );
    assert_localized(
        "compare",
        &CompareError::Engine {
            plan: "A".into(),
            source: EngineError::Cycle { unit: "u".into() },
        },
    );
    assert_localized(
        "compare",
        &CompareError::Polars(polars::error::PolarsError::ComputeError("x".into())),
    );
    let dossier = vec![
        DossierError::Xlsx(rust_xlsxwriter::XlsxError::ParameterError("x".into())),
        DossierError::Engine(EngineError::Cycle { unit: "u".into() }),
        DossierError::Breakdown(BreakdownError::UnknownUnit("u".into())),
        DossierError::PlanFile(PlanFileError::MissingVersion {
            path: PathBuf::from("x.ron"),
        }),
        DossierError::AppraisalTable(AppraisalTableError::UnknownUnit("u".into())),
        DossierError::Ranks(PackError {
            file: "ranks.ron".into(),
            line: 1,
            column: 1,
            message: "x".into(),
        }),
        DossierError::Chart("x".into()),
        DossierError::Projection(vtvl::projection::ProjectionError::UnknownScenario(
            "x".into(),
        )),
        DossierError::Io {
            path: "x.png".into(),
            source: io::Error::other("x"),
        },
    ];
    for error in &dossier {
        match error {
            DossierError::Xlsx(_)
            | DossierError::Engine(_)
            | DossierError::Breakdown(_)
            | DossierError::PlanFile(_)
            | DossierError::AppraisalTable(_)
            | DossierError::Ranks(_)
            | DossierError::Chart(_)
            | DossierError::Projection(_)
            | DossierError::Io { .. } => assert_localized(&format!("{error:?}"), error),
        }
    }
    use vtvl::projection::ProjectionError;
    let projection_errors = [
        ProjectionError::UnknownScenario("x".into()),
        ProjectionError::MissingReference {
            scenario: "x".into(),
            change: 1,
            field: "unit_id",
            what: "unit",
            id: "u".into(),
        },
        ProjectionError::BadPercent {
            scenario: "x".into(),
            change: 1,
            value: -200.0,
        },
        ProjectionError::BadCut {
            scenario: "x".into(),
            change: 1,
            value: 200.0,
        },
        ProjectionError::BadVolume {
            scenario: "x".into(),
            change: 1,
            value: -1.0,
        },
        ProjectionError::NoVolume {
            scenario: "x".into(),
            change: 1,
            id: "c".into(),
        },
        ProjectionError::BadYears { years: 0, max: 30 },
        ProjectionError::BadFrom(1800),
    ];
    for error in &projection_errors {
        assert_localized(&format!("{error:?}"), error);
    }
    assert_localized(
        "date",
        &DateParseError {
            text: "30/02".into(),
        },
    );
    let driver_errors = [
        DriverValueError::OutOfRange {
            value: 9,
            min: 1,
            max: 3,
        },
        DriverValueError::NotAChoice {
            value: "x",
            accepted: "xa, phuong".into(),
        },
    ];
    for error in &driver_errors {
        assert_localized(&format!("{error:?}"), error);
    }
}

/// The names a plan gives: units, positions, the plan and its agency. English messages quote
/// them as they are.
fn names(plan: &Plan) -> Vec<String> {
    let mut names: Vec<String> = plan
        .units
        .iter()
        .map(|u| u.name.clone())
        .chain(plan.positions.iter().map(|p| p.name.clone()))
        .chain([plan.meta.name.clone(), plan.meta.agency.clone()])
        .collect();
    // Longest first, so that a name inside another is taken out after it.
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
}

/// What the English explanation of a norm quotes as it is: the instruments' numbers and clauses
/// (citations) and the position names a figure's scope matches (`"giáo viên"`).
fn norm_quotes() -> Vec<String> {
    let mut quotes = Vec::new();
    for pack in vtvl::norms::norm_packs().unwrap() {
        quotes.push(pack.instrument.code.clone());
        for rule in &pack.rules {
            quotes.push(rule.clause.clone());
            quotes.extend(scope_names(&rule.params));
        }
    }
    quotes.retain(|q| !q.is_empty());
    quotes.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    quotes
}

/// The position names the scopes of a norm rule's figures match.
fn scope_names(params: &NormParams) -> Vec<String> {
    let posts = |posts: &[FixedFigure]| -> Vec<PositionScope> {
        posts.iter().map(|p| p.compared_with.clone()).collect()
    };
    let scopes: Vec<PositionScope> = match params {
        NormParams::School(p) => [vec![p.teachers.compared_with.clone()], posts(&p.posts)].concat(),
        NormParams::Kindergarten(p) => {
            [vec![p.teachers.compared_with.clone()], posts(&p.posts)].concat()
        }
        NormParams::DiseaseControl(p) => vec![p.compared_with.clone()],
        NormParams::Fixed(p) => posts(&p.figures),
        NormParams::Archive(p) => vec![p.compared_with.clone()],
        NormParams::Commune(p) => vec![p.compared_with.clone()],
    };
    scopes
        .into_iter()
        .flat_map(|scope| match scope {
            PositionScope::WholeUnit => Vec::new(),
            PositionScope::Categories { names, .. } | PositionScope::Matching { names, .. } => {
                names
            }
        })
        .collect()
}

/// Plans that make every kind of rule speak: the bundled samples as they are, without their
/// province class and leaders' roles, and at the dates of each generation of rules.
fn plans() -> Vec<Plan> {
    let mut plans = Vec::new();
    for bundled in BUNDLED {
        let plan = bundled.load().unwrap();
        let mut bare = plan.clone();
        bare.meta.province_class = None;
        for unit in &mut bare.units {
            unit.autonomy_group = None;
        }
        for position in &mut bare.positions {
            position.role = None;
        }
        plans.push(plan);
        plans.push(bare);
    }
    plans
}

#[test]
fn every_finding_of_the_rules_reads_in_both_languages() {
    let mut rule_ids = std::collections::BTreeSet::new();
    let mut norm_rules = std::collections::BTreeSet::new();
    let norm_quotes = norm_quotes();
    for plan in plans() {
        let results = engine::compute(&plan).unwrap();
        let mut names = names(&plan);
        names.extend(norm_quotes.iter().cloned());
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        for at in ["2024-06-01", "2025-06-01", "2026-09-01"] {
            let at: CivilDate = at.parse().unwrap();
            for finding in rules::check(&plan, &results, at) {
                let what = format!("{} at {at}", finding.rule_id);
                if finding.rule_id.contains(".norms.") {
                    norm_rules.insert(finding.rule_id.clone());
                    // The explanation of a norm quotes its rule's words and the position names
                    // its scope matches: the other values are checked.
                    for input in &finding.inputs {
                        assert_pair(&what, &input.label.vi, &input.label.en, &[]);
                        if input.label.en.starts_with("Rule") {
                            continue;
                        }
                        let en = without(&input.value.en, &norm_quotes);
                        assert!(
                            !has_vietnamese_letters(&without(&en, &names)),
                            "{what}: {}: Vietnamese left in English: {:?}",
                            input.label.en,
                            input.value.en
                        );
                    }
                }
                assert_pair(&what, &finding.message.vi, &finding.message.en, &names);
                for input in &finding.inputs {
                    assert_pair(&what, &input.label.vi, &input.label.en, &[]);
                }
                rule_ids.insert(finding.rule_id.clone());
            }
        }
    }
    // The school's norm speaks at every date, the commune's until 30/06/2025.
    assert!(
        norm_rules.contains("tt20-2023.norms.lower-secondary")
            && norm_rules.contains("nd33-2023.norms.commune"),
        "{norm_rules:?}"
    );
    // The plans make the deputy, size, rank, step, job-description and concurrency rules speak.
    for family in [
        "deputies",
        "minimum",
        "ranks",
        "job-description",
        "concurrent",
    ] {
        assert!(
            rule_ids.iter().any(|id| id.contains(family)),
            "no finding of {family}: {rule_ids:?}"
        );
    }
}

#[test]
fn the_vietnamese_letter_test_tells_the_languages_apart() {
    assert!(has_vietnamese_letters("Đơn vị"));
    assert!(has_vietnamese_letters("lỗi"));
    assert!(!has_vietnamese_letters(
        "Unit \"vp-khong-co\" is not in units.csv"
    ));
}
