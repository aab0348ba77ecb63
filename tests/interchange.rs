//! The CSV interchange folder: reading, problems reported, and round trips through export.

use std::fs;

#[path = "common/number_cases.rs"]
mod number_cases;

use tempfile::TempDir;
use vtvl::interchange::{ExportError, ImportError, Problem, export_dir, import_dir};
use vtvl::language::Text;
use vtvl::model::{
    AutonomyGroup, BirthDate, Calendar, Category, CivilDate, CommuneSetting, Competency,
    CompetencyGroup, Component, ComponentKind, Employment, FORMAT_VERSION, JobDescription,
    LeaderRole, Method, NormDrivers, Period, PersonalFields, Plan, PlanMeta, Position, Proposal,
    ProvinceClass, Requirement, Rounding, Sex, StaffMember, StepCount, SupportAmount, Unit,
    UnitType, WorkItem, WorkSection,
};

/// A temp folder holding the given files.
fn folder(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

const UNITS: &str = "id,parent_id,name,unit_type,quota\nso,,Sở Nội vụ,so,40\n";
const POSITIONS: &str = "id,unit_id,name,category,rank_code,method,count,min,max,calendar\n\
                         cv,so,Chuyên viên,specialized,01.003,workload,,,,\n";

fn import(files: &[(&str, &str)]) -> Result<Plan, ImportError> {
    let dir = folder(files);
    import_dir(dir.path())
}

/// The problems of an import, their messages in English only, so that tests compare them with
/// [`cell`]s written in English (the Vietnamese text is checked on its own).
fn problems(files: &[(&str, &str)]) -> Vec<Problem> {
    match import(files) {
        Ok(plan) => panic!("expected problems, got {plan:?}"),
        Err(error) => error.problems().iter().map(english).collect(),
    }
}

fn english(problem: &Problem) -> Problem {
    match problem.clone() {
        Problem::Cell {
            file,
            line,
            column,
            message,
        } => Problem::Cell {
            file,
            line,
            column,
            message: Text::same(message.en),
        },
        Problem::Row {
            file,
            line,
            message,
        } => Problem::Row {
            file,
            line,
            message: Text::same(message.en),
        },
        other => other,
    }
}

fn cell(file: &str, line: u64, column: &str, message: &str) -> Problem {
    Problem::Cell {
        file: file.to_owned(),
        line,
        column: column.to_owned(),
        message: Text::same(message),
    }
}

/// The components of the single position `cv`, read from a duties table.
fn duties(text: &str) -> Vec<Component> {
    let plan = import(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        ("duties.csv", text),
    ])
    .unwrap();
    plan.positions[0].components.clone()
}

fn duty_problems(text: &str) -> Vec<Problem> {
    problems(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        ("duties.csv", text),
    ])
}

fn component(id: &str, name: &str, kind: ComponentKind) -> Component {
    Component {
        id: id.to_owned(),
        name: name.to_owned(),
        code: None,
        kind,
    }
}

const DUTY_HEADER: &str = "id,position_id,name,kind,volume,minutes_per_item,coefficient,percent,minutes,per,staff,ratio,code\n";

// ---------------------------------------------------------------- a complete folder

const FULL: [(&str, &str); 6] = [
    (
        "settings.csv",
        "key,value\nname,Đề án vị trí việc làm 2026\nagency,Sở Nội vụ tỉnh A\nyear,2026\n\
         rounding,Up\n",
    ),
    (
        "calendars.csv",
        "id,days_per_week,weeks_per_year,public_holidays,annual_leave,sick_leave,other_leave,\
         hours_per_day,available_hours\n\
         hc,5,52,11,12,,,8,\n\
         yte,5.5,52,12,14,3,1.5,7.5,1200\n",
    ),
    (
        "units.csv",
        "id,parent_id,name,unit_type,quota\n\
         so,,Sở Nội vụ,so,40\n\
         vp,so,Văn phòng,van_phong_so,\n",
    ),
    (
        "positions.csv",
        "id,unit_id,name,category,rank_code,method,count,min,max,calendar\n\
         gd,so,Giám đốc,leadership,,fixed,1,1,1,\n\
         cv,vp,Chuyên viên,specialized,01.003,workload,,2,8,yte\n",
    ),
    (
        "duties.csv",
        "id,position_id,name,kind,volume,minutes_per_item,coefficient,percent,minutes,per,\
         staff,ratio,code\n\
         d1,cv,Thẩm định hồ sơ,service,1200,45,1.2,,,,,,1.001234\n\
         d2,cv,Tiếp dân,service,300,30,,,,,,,\n\
         d3,cv,Họp giao ban,support,,,,10,,,,,\n\
         d4,cv,Báo cáo ngày,support,,,,,30,day,,,\n\
         d5,cv,Báo cáo tuần,support,,,,,60,week,,,\n\
         d6,cv,Tập huấn,additional,,,,,240,month,2,,\n\
         d7,cv,Trực,additional,,,,,600,year,,,\n\
         d8,cv,Định mức,norm,20,,,,,,,1.5,\n\
         d9,gd,Điều hành,support,,,,,15,year,,,\n",
    ),
    (
        "staff.csv",
        "id,unit_id,position_id,rank_code,fte,Họ tên,Năm sinh\n\
         s1,so,gd,,,Nguyễn Văn A,1970\n\
         s2,vp,cv,01.003,0.5,Trần Thị B,\n\
         s3,vp,,,,,\n",
    ),
];

fn full_plan() -> Plan {
    let personal = |pairs: &[(&str, &str)]| -> PersonalFields {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    let service = |volume, minutes_per_item, coefficient| ComponentKind::Service {
        volume,
        minutes_per_item,
        coefficient,
    };
    let time = |minutes, per| ComponentKind::Support(SupportAmount::Time { minutes, per });
    let additional = |minutes, per, staff| ComponentKind::Additional {
        minutes,
        per,
        staff,
    };
    Plan {
        format_version: FORMAT_VERSION,
        meta: PlanMeta {
            name: "Đề án vị trí việc làm 2026".into(),
            agency: "Sở Nội vụ tỉnh A".into(),
            year: Some(2026),
            ..PlanMeta::default()
        },
        rounding: Rounding::Up,
        calendars: vec![
            Calendar {
                id: "hc".into(),
                name: String::new(),
                days_per_week: 5.0,
                weeks_per_year: 52.0,
                public_holidays: 11.0,
                annual_leave: 12.0,
                sick_leave: 0.0,
                other_leave: 0.0,
                hours_per_day: 8.0,
                available_hours: None,
            },
            Calendar {
                id: "yte".into(),
                name: String::new(),
                days_per_week: 5.5,
                weeks_per_year: 52.0,
                public_holidays: 12.0,
                annual_leave: 14.0,
                sick_leave: 3.0,
                other_leave: 1.5,
                hours_per_day: 7.5,
                available_hours: Some(1200.0),
            },
        ],
        units: vec![
            Unit {
                id: "so".into(),
                parent_id: None,
                name: "Sở Nội vụ".into(),
                unit_type: UnitType::ProvincialDepartment,
                quota: Some(40),
                ..Default::default()
            },
            Unit {
                id: "vp".into(),
                parent_id: Some("so".into()),
                name: "Văn phòng".into(),
                unit_type: UnitType::DepartmentOffice,
                ..Default::default()
            },
        ],
        positions: vec![
            Position {
                id: "gd".into(),
                unit_id: "so".into(),
                name: "Giám đốc".into(),
                category: Category::Leadership,
                rank_code: String::new(),
                method: Method::Fixed,
                count: 1,
                min: Some(1),
                max: Some(1),
                calendar: None,
                components: vec![component("d9", "Điều hành", time(15.0, Period::Year))],
                proposed: None,
                ..Default::default()
            },
            Position {
                id: "cv".into(),
                unit_id: "vp".into(),
                name: "Chuyên viên".into(),
                category: Category::Specialized,
                rank_code: "01.003".into(),
                method: Method::Workload,
                count: 0,
                min: Some(2),
                max: Some(8),
                calendar: Some("yte".into()),
                components: vec![
                    Component {
                        code: Some("1.001234".into()),
                        ..component("d1", "Thẩm định hồ sơ", service(1200.0, 45.0, 1.2))
                    },
                    component("d2", "Tiếp dân", service(300.0, 30.0, 1.0)),
                    component(
                        "d3",
                        "Họp giao ban",
                        ComponentKind::Support(SupportAmount::Percent(10.0)),
                    ),
                    component("d4", "Báo cáo ngày", time(30.0, Period::Day)),
                    component("d5", "Báo cáo tuần", time(60.0, Period::Week)),
                    component("d6", "Tập huấn", additional(240.0, Period::Month, 2.0)),
                    component("d7", "Trực", additional(600.0, Period::Year, 1.0)),
                    component(
                        "d8",
                        "Định mức",
                        ComponentKind::Norm {
                            volume: 20.0,
                            ratio: 1.5,
                        },
                    ),
                ],
                proposed: None,
                ..Default::default()
            },
        ],
        staff: vec![
            StaffMember {
                id: "s1".into(),
                unit_id: "so".into(),
                position_id: Some("gd".into()),
                rank_code: String::new(),
                fte: 1.0,
                birth_date: None,
                sex: None,
                retires_on: None,
                personal: personal(&[("Họ tên", "Nguyễn Văn A"), ("Năm sinh", "1970")]),
            },
            StaffMember {
                id: "s2".into(),
                unit_id: "vp".into(),
                position_id: Some("cv".into()),
                rank_code: "01.003".into(),
                fte: 0.5,
                birth_date: None,
                sex: None,
                retires_on: None,
                personal: personal(&[("Họ tên", "Trần Thị B")]),
            },
            StaffMember {
                id: "s3".into(),
                unit_id: "vp".into(),
                position_id: None,
                rank_code: String::new(),
                fte: 1.0,
                birth_date: None,
                sex: None,
                retires_on: None,
                personal: PersonalFields::new(),
            },
        ],
        ..Plan::default()
    }
}

#[test]
fn a_complete_folder_reads_into_the_expected_plan() {
    assert_eq!(import(&FULL).unwrap(), full_plan());
}

#[test]
fn only_units_and_positions_are_needed() {
    let plan = import(&[("units.csv", UNITS), ("positions.csv", POSITIONS)]).unwrap();
    assert_eq!(plan.meta, PlanMeta::default());
    assert_eq!(plan.rounding, Rounding::Nearest);
    assert!(
        plan.calendars.is_empty(),
        "no calendars.csv means the default"
    );
    assert_eq!(plan.default_calendar().available_hours(), 1896.0);
    assert_eq!(plan.units.len(), 1);
    assert_eq!(plan.positions[0].count, 0);
    assert!(plan.staff.is_empty());
}

// ---------------------------------------------------------------- text handling

#[test]
fn a_byte_order_mark_is_skipped() {
    let units = format!("\u{feff}{UNITS}");
    let plan = import(&[("units.csv", &units), ("positions.csv", POSITIONS)]).unwrap();
    assert_eq!(plan.units[0].id, "so");
}

#[test]
fn quoted_fields_keep_commas_quotes_and_newlines() {
    let units = "id,parent_id,name,unit_type,quota\n\
                 so,,\"Phòng \"\"A\"\", Cán bộ\",\"so\",\n\
                 vp,so,\"Văn phòng\nSở\",,\n";
    let plan = import(&[("units.csv", units), ("positions.csv", POSITIONS)]).unwrap();
    assert_eq!(plan.units[0].name, "Phòng \"A\", Cán bộ");
    assert_eq!(plan.units[0].unit_type, UnitType::ProvincialDepartment);
    assert_eq!(plan.units[1].name, "Văn phòng\nSở");
}

#[test]
fn lines_after_a_multi_line_cell_and_blank_lines_are_counted() {
    let units = "id,parent_id,name,unit_type,quota\n\
                 a,,\"one\ntwo\nthree\",,\n\
                 \n\
                 b,,B,,many\n";
    assert_eq!(
        problems(&[("units.csv", units), ("positions.csv", POSITIONS)]),
        [cell(
            "units.csv",
            6,
            "quota",
            "\"many\" is not a whole number (0 or more)"
        )]
    );
}

#[test]
fn empty_lines_and_surrounding_whitespace_are_dropped() {
    let units = "\n id , name \n\n  so  ,  Sở Nội vụ \n,\n\r\n";
    let plan = import(&[("units.csv", units), ("positions.csv", POSITIONS)]).unwrap();
    assert_eq!(plan.units.len(), 1);
    assert_eq!(plan.units[0].id, "so");
    assert_eq!(plan.units[0].name, "Sở Nội vụ");
}

#[test]
fn windows_line_ends_are_read() {
    let units = UNITS.replace('\n', "\r\n");
    let positions = POSITIONS.replace('\n', "\r\n");
    let plan = import(&[("units.csv", &units), ("positions.csv", &positions)]).unwrap();
    assert_eq!(plan.positions[0].id, "cv");
}

#[test]
fn decomposed_text_is_stored_composed() {
    // "Hồ sơ" and "Họ tên" typed with combining marks (NFD), in ids, values and headers.
    let nfd_ho = "Ho\u{302}\u{300} so\u{31b}";
    let nfd_key = "Ho\u{323} te\u{302}n";
    let units = format!("id,name\nđơn-vị-{nfd_ho},{nfd_ho}\n");
    let staff = format!("id,unit_id,{nfd_key}\ns1,đơn-vị-{nfd_ho},Nguye\u{302}\u{303}n\n");
    let plan = import(&[
        ("units.csv", &units),
        ("positions.csv", POSITIONS),
        ("staff.csv", &staff),
    ])
    .unwrap();
    assert_eq!(plan.units[0].id, "đơn-vị-Hồ sơ");
    assert_eq!(plan.units[0].name, "Hồ sơ");
    assert_eq!(plan.staff[0].unit_id, "đơn-vị-Hồ sơ");
    assert_eq!(plan.staff[0].personal.get("Họ tên").unwrap(), "Nguyễn");
}

#[test]
fn a_file_that_is_not_utf8_is_reported() {
    let dir = folder(&[("positions.csv", POSITIONS)]);
    fs::write(dir.path().join("units.csv"), b"id,name\nso,S\xe0 N\xf4i\n").unwrap();
    let error = import_dir(dir.path()).unwrap_err();
    let [Problem::Unreadable { file, reason }] = error.problems() else {
        panic!("{error}");
    };
    assert_eq!(file, "units.csv");
    assert!(reason.contains("UTF-8"));
}

// ---------------------------------------------------------------- columns

#[test]
fn missing_optional_columns_read_as_empty() {
    let plan = import(&[
        ("settings.csv", "key,value\nname,X\n"),
        ("calendars.csv", "id,days_per_week,weeks_per_year,public_holidays,annual_leave,hours_per_day\nc,5,52,11,12,8\n"),
        ("units.csv", "id,name\nso,Sở\n"),
        ("positions.csv", "id,unit_id,name,category,method\ncv,so,CV,shared,workload\n"),
        ("duties.csv", "id,position_id,name,kind,volume,minutes_per_item\nd,cv,D,service,10,5\n"),
        ("staff.csv", "id,unit_id\ns,so\n"),
    ])
    .unwrap();
    assert_eq!(plan.calendars[0].sick_leave, 0.0);
    assert_eq!(plan.calendars[0].available_hours, None);
    assert_eq!(plan.units[0].parent_id, None);
    assert_eq!(plan.units[0].quota, None);
    let p = &plan.positions[0];
    assert_eq!((p.count, p.min, p.max, &p.calendar), (0, None, None, &None));
    assert_eq!(p.rank_code, "");
    assert_eq!(
        p.components,
        [component(
            "d",
            "D",
            ComponentKind::Service {
                volume: 10.0,
                minutes_per_item: 5.0,
                coefficient: 1.0
            }
        )]
    );
    let s = &plan.staff[0];
    assert_eq!((s.fte, &s.position_id, s.personal.len()), (1.0, &None, 0));
}

#[test]
fn unknown_columns_are_ignored_and_order_is_free() {
    let plan = import(&[
        ("units.csv", "Quota,Name,note,ID\n40,Sở,anything,so\n"),
        (
            "positions.csv",
            "calendar,max,min,count,method,rank_code,category,name,unit_id,id,ghi chú\n\
             ,3,1,,WORKLOAD,01.003,Specialized,CV,so,cv,x\n",
        ),
        (
            "duties.csv",
            "kind,code,per,minutes,name,position_id,id,comment\nSupport,,Week,30,D,cv,d,ignored\n",
        ),
    ])
    .unwrap();
    assert_eq!(plan.units[0].quota, Some(40));
    assert_eq!(plan.units[0].name, "Sở");
    let p = &plan.positions[0];
    assert_eq!(
        (p.category, p.method),
        (Category::Specialized, Method::Workload)
    );
    assert_eq!((p.min, p.max), (Some(1), Some(3)));
    assert_eq!(
        p.components[0].kind,
        ComponentKind::Support(SupportAmount::Time {
            minutes: 30.0,
            per: Period::Week
        })
    );
}

#[test]
fn staff_extra_columns_are_personal_fields_without_empty_values() {
    let plan = import(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        (
            "staff.csv",
            "Trình độ,id,fte,unit_id,Họ tên\nThạc sĩ,s1,1,so,\n,s2,,so,Lê Văn C\n",
        ),
    ])
    .unwrap();
    let keys = |i: usize| -> Vec<(&str, &str)> {
        plan.staff[i]
            .personal
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    };
    assert_eq!(keys(0), [("Trình độ", "Thạc sĩ")]);
    assert_eq!(keys(1), [("Họ tên", "Lê Văn C")]);
}

#[test]
fn missing_required_files_and_columns_are_named() {
    assert_eq!(
        problems(&[]),
        [
            Problem::MissingFile {
                file: "units.csv".into()
            },
            Problem::MissingFile {
                file: "positions.csv".into()
            },
        ]
    );
    assert_eq!(
        problems(&[
            ("units.csv", UNITS),
            (
                "positions.csv",
                "id,name,category,method\ncv,CV,shared,fixed\n"
            ),
            ("duties.csv", "id,position_id,name\nd,cv,D\n"),
        ]),
        [
            Problem::MissingColumn {
                file: "positions.csv".into(),
                column: "unit_id".into()
            },
            Problem::MissingColumn {
                file: "duties.csv".into(),
                column: "kind".into()
            },
        ]
    );
    let error = import(&[("positions.csv", POSITIONS)]).unwrap_err();
    assert_eq!(error.to_string(), "units.csv: required file is missing");
}

#[test]
fn a_column_given_twice_is_reported() {
    assert_eq!(
        problems(&[
            ("units.csv", "id,name,Name\nso,A,B\n"),
            ("positions.csv", POSITIONS)
        ]),
        [cell(
            "units.csv",
            1,
            "Name",
            "this column appears more than once"
        )]
    );
}

#[test]
fn a_row_with_more_cells_than_the_header_is_reported() {
    let found = problems(&[
        ("units.csv", "id,name\nso,Phòng Tổ chức, Cán bộ\n"),
        ("positions.csv", POSITIONS),
    ]);
    assert!(
        matches!(&found[..], [Problem::Row { file, line: 2, message }]
            if file == "units.csv" && message.en.contains("3 cells")),
        "{found:?}"
    );
}

#[test]
fn a_missing_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    assert!(matches!(
        import_dir(&missing),
        Err(ImportError::DirectoryNotFound(path)) if path == missing
    ));
    let file = dir.path().join("file.csv");
    fs::write(&file, "x").unwrap();
    assert!(matches!(
        import_dir(&file),
        Err(ImportError::NotADirectory(_))
    ));
}

// ---------------------------------------------------------------- cells

/// Each case of the shared table as the volume of a service duty, in a `,`-separated file
/// (quoted) and in a `;`-separated one as Excel writes it in a Vietnamese locale.
#[test]
fn typed_numbers_read_as_the_shared_table_says() {
    use number_cases::{CASES, Reads};
    for (text, expected) in CASES {
        let comma = format!("{DUTY_HEADER}d1,cv,D,service,\"{text}\",5,,,,,,,\n");
        let semicolon = format!(
            "{}d1;cv;D;service;{text};5;;;;;;;\n",
            DUTY_HEADER.replace(',', ";")
        );
        for file in [comma, semicolon] {
            let files = [
                ("units.csv", UNITS),
                ("positions.csv", POSITIONS),
                ("duties.csv", file.as_str()),
            ];
            match expected {
                Reads::Value(value) => {
                    let read = duties(&file);
                    let Some(ComponentKind::Service { volume, .. }) = read.first().map(|c| &c.kind)
                    else {
                        panic!("{text:?}: no service duty read from {file}");
                    };
                    assert_eq!(*volume, *value, "{text:?} in {file}");
                }
                Reads::Ambiguous | Reads::Refused => {
                    let found = problems(&files);
                    let [
                        Problem::Cell {
                            file,
                            line,
                            column,
                            message,
                        },
                    ] = found.as_slice()
                    else {
                        panic!("{text:?}: one problem expected, got {found:?}");
                    };
                    assert_eq!(
                        (file.as_str(), *line, column.as_str()),
                        ("duties.csv", 2, "volume")
                    );
                    let why = match expected {
                        Reads::Ambiguous => "ambiguous",
                        _ => "not a number",
                    };
                    assert!(message.en.contains(why), "{text:?}: {message}");
                }
            }
        }
    }
}

#[test]
fn a_semicolon_separated_folder_reads_like_a_comma_separated_one() {
    let semicolon = |text: &str| text.replace(',', ";");
    let plan = import(&[
        ("units.csv", &semicolon(UNITS)),
        ("positions.csv", &semicolon(POSITIONS)),
        (
            "duties.csv",
            &format!(
                "{}d1;cv;D;service;2.400;1,5;;;;;;;\n",
                semicolon(DUTY_HEADER)
            ),
        ),
    ])
    .unwrap();
    assert_eq!(plan.units[0].name, "Sở Nội vụ");
    assert_eq!(plan.units[0].quota, Some(40));
    assert_eq!(
        plan.positions[0].components[0].kind,
        ComponentKind::Service {
            volume: 2400.0,
            minutes_per_item: 1.5,
            coefficient: 1.0
        }
    );
}

#[test]
fn bad_numbers_keywords_and_integers_name_file_line_and_column() {
    let found = problems(&[
        (
            "settings.csv",
            "key,value\nyear,năm nay\nrounding,sideways\n",
        ),
        (
            "calendars.csv",
            "id,days_per_week,weeks_per_year,public_holidays,annual_leave,hours_per_day\n\
             c,5,52,11,12,\"7,500\"\n",
        ),
        (
            "units.csv",
            "id,parent_id,name,quota\nso,,Sở,1.5\nvp,so,VP,-2\n",
        ),
        (
            "positions.csv",
            "id,unit_id,name,category,method,count\ncv,so,CV,expert,workload,x\n",
        ),
        (
            "duties.csv",
            format!(
                "{DUTY_HEADER}d1,cv,D,service,abc,5,,,,,,,\nd2,cv,D,additional,,,,,5,fortnight,,,\n"
            )
            .as_str(),
        ),
        ("staff.csv", "id,unit_id,fte\ns1,so,1,0\n"),
    ]);
    let nan = "is not a number (write digits, \",\" or \".\" before decimals, \".\" between \
               thousands: 1.896,5 or 1896.5)";
    assert_eq!(
        found,
        [
            cell(
                "settings.csv",
                2,
                "value",
                "\"năm nay\" is not a whole number"
            ),
            cell(
                "settings.csv",
                3,
                "value",
                "\"sideways\" is not one of: nearest, up, down"
            ),
            cell(
                "calendars.csv",
                2,
                "hours_per_day",
                "\"7,500\" is ambiguous: write 7.500 for 7500 or 7,5 for 7.5"
            ),
            cell(
                "units.csv",
                2,
                "quota",
                "\"1.5\" is not a whole number (0 or more)"
            ),
            cell(
                "units.csv",
                3,
                "quota",
                "\"-2\" is negative; a whole number of 0 or more"
            ),
            cell(
                "positions.csv",
                2,
                "category",
                "\"expert\" is not one of: leadership, specialized, shared, support"
            ),
            cell(
                "positions.csv",
                2,
                "count",
                "\"x\" is not a whole number (0 or more)"
            ),
            cell("duties.csv", 2, "volume", &format!("\"abc\" {nan}")),
            cell(
                "duties.csv",
                3,
                "per",
                "\"fortnight\" is not one of: day, week, month, year"
            ),
            Problem::Row {
                file: "staff.csv".into(),
                line: 2,
                message: Text::same(
                    "the row has 4 cells but the header has 3 columns \
                     (a value with a comma must be quoted)"
                )
            },
        ]
    );
}

#[test]
fn the_error_message_lists_problems_one_per_line() {
    let units = "id,parent_id,name,quota\na,,A,x\nb,a,B,y\n";
    let error = import(&[("units.csv", units), ("positions.csv", POSITIONS)]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "units.csv:2, column \"quota\": \"x\" is not a whole number (0 or more)\n\
         units.csv:3, column \"quota\": \"y\" is not a whole number (0 or more)"
    );
}

#[test]
fn negative_numbers_are_read_for_validation_to_judge() {
    let found = duties(&format!("{DUTY_HEADER}d,cv,D,norm,-3,,,,,,,-0.5,\n"));
    assert_eq!(
        found[0].kind,
        ComponentKind::Norm {
            volume: -3.0,
            ratio: -0.5
        }
    );
}

#[test]
fn required_cells_must_be_filled() {
    let found = problems(&[
        ("units.csv", "id,parent_id,name\n,,Sở\nvp,,\n"),
        (
            "positions.csv",
            "id,unit_id,name,category,method\ncv,so,CV,,\n",
        ),
    ]);
    assert_eq!(
        found,
        [
            cell("units.csv", 2, "id", "a value is required"),
            cell("units.csv", 3, "name", "a value is required"),
            cell(
                "positions.csv",
                2,
                "category",
                "a value is required for a position (one of: leadership, specialized, shared, support)"
            ),
            cell(
                "positions.csv",
                2,
                "method",
                "a value is required for a position (one of: workload, fixed)"
            ),
        ]
    );
}

// ---------------------------------------------------------------- duties

#[test]
fn every_kind_and_period_is_read() {
    let rows = [
        "s,cv,S,service,10,6,2,,,,,,",
        "p,cv,P,support,,,,12.5,,,,,",
        "t1,cv,T,support,,,,,5,day,,,",
        "t2,cv,T,support,,,,,5,week,,,",
        "t3,cv,T,support,,,,,5,month,,,",
        "t4,cv,T,support,,,,,5,year,,,",
        "a1,cv,A,additional,,,,,60,DAY,3,,",
        "a2,cv,A,additional,,,,,60,Week,,,",
        "a3,cv,A,additional,,,,,60,month,0.5,,",
        "a4,cv,A,additional,,,,,60,year,1,,",
        "n,cv,N,norm,20,,,,,,,1.5,K-1",
    ];
    let kinds: Vec<ComponentKind> = duties(&format!("{DUTY_HEADER}{}\n", rows.join("\n")))
        .into_iter()
        .map(|c| c.kind)
        .collect();
    let time = |per| ComponentKind::Support(SupportAmount::Time { minutes: 5.0, per });
    let additional = |per, staff| ComponentKind::Additional {
        minutes: 60.0,
        per,
        staff,
    };
    assert_eq!(
        kinds,
        [
            ComponentKind::Service {
                volume: 10.0,
                minutes_per_item: 6.0,
                coefficient: 2.0
            },
            ComponentKind::Support(SupportAmount::Percent(12.5)),
            time(Period::Day),
            time(Period::Week),
            time(Period::Month),
            time(Period::Year),
            additional(Period::Day, 3.0),
            additional(Period::Week, 1.0),
            additional(Period::Month, 0.5),
            additional(Period::Year, 1.0),
            ComponentKind::Norm {
                volume: 20.0,
                ratio: 1.5
            },
        ]
    );
}

#[test]
fn duties_attach_to_their_positions_in_file_order() {
    let positions = format!("{POSITIONS}tp,so,Trưởng phòng,leadership,,fixed,1,,,\n");
    let plan = import(&[
        ("units.csv", UNITS),
        ("positions.csv", &positions),
        (
            "duties.csv",
            &format!(
                "{DUTY_HEADER}b,tp,B,support,,,,5,,,,,\na,cv,A,support,,,,5,,,,,\n\
                 c,tp,C,support,,,,5,,,,,\n"
            ),
        ),
    ])
    .unwrap();
    let ids = |i: usize| -> Vec<&str> {
        plan.positions[i]
            .components
            .iter()
            .map(|c| c.id.as_str())
            .collect()
    };
    assert_eq!(ids(0), ["a"]);
    assert_eq!(ids(1), ["b", "c"]);
}

#[test]
fn cells_a_kind_does_not_use_are_errors() {
    let found = duty_problems(&format!(
        "{DUTY_HEADER}\
         s,cv,S,service,10,6,,15,,,,,\n\
         p,cv,P,support,8,,,10,,,,,\n\
         a,cv,A,additional,,,,,60,day,,2,\n\
         n,cv,N,norm,20,5,,,,,,1,\n"
    ));
    assert_eq!(
        found,
        [
            cell(
                "duties.csv",
                2,
                "percent",
                "\"15\" is not used by kind service"
            ),
            cell(
                "duties.csv",
                3,
                "volume",
                "\"8\" is not used by kind support"
            ),
            cell(
                "duties.csv",
                4,
                "ratio",
                "\"2\" is not used by kind additional"
            ),
            cell(
                "duties.csv",
                5,
                "minutes_per_item",
                "\"5\" is not used by kind norm"
            ),
        ]
    );
}

#[test]
fn support_needs_either_percent_or_time() {
    let found = duty_problems(&format!(
        "{DUTY_HEADER}\
         both,cv,B,support,,,,10,30,day,,,\n\
         neither,cv,N,support,,,,,,,,,\n\
         no_per,cv,M,support,,,,,30,,,,\n\
         no_minutes,cv,P,support,,,,,,week,,,\n"
    ));
    assert_eq!(
        found,
        [
            cell(
                "duties.csv",
                2,
                "percent",
                "give either percent, or minutes and per, not both"
            ),
            cell(
                "duties.csv",
                3,
                "percent",
                "a number is required for kind support (or give minutes and per instead)"
            ),
            cell(
                "duties.csv",
                4,
                "per",
                "a value is required for kind support given as time (one of: day, week, month, year)"
            ),
            cell(
                "duties.csv",
                5,
                "minutes",
                "a number is required for kind support given as time"
            ),
        ]
    );
}

#[test]
fn required_duty_cells_are_checked_per_kind() {
    let found = duty_problems(&format!(
        "{DUTY_HEADER}\
         s,cv,S,service,10,,,,,,,,\n\
         a,cv,A,additional,,,,,,,,,\n\
         n,cv,N,norm,,,,,,,,,\n\
         k,cv,K,chore,,,,,,,,,\n"
    ));
    let columns: Vec<(u64, &str)> = found
        .iter()
        .map(|p| (p.line().unwrap(), p.column().unwrap()))
        .collect();
    assert_eq!(
        columns,
        [
            (2, "minutes_per_item"),
            (3, "minutes"),
            (3, "per"),
            (4, "volume"),
            (4, "ratio"),
            (5, "kind"),
        ]
    );
}

#[test]
fn a_duty_naming_an_unknown_position_is_an_error() {
    assert_eq!(
        duty_problems(&format!(
            "{DUTY_HEADER}ok,cv,A,support,,,,5,,,,,\nbad,ghost,B,support,,,,5,,,,,\n"
        )),
        [cell(
            "duties.csv",
            3,
            "position_id",
            "no position \"ghost\" in positions.csv"
        )]
    );
}

#[test]
fn a_duty_of_a_position_whose_row_failed_is_not_reported_twice() {
    let found = problems(&[
        ("units.csv", UNITS),
        (
            "positions.csv",
            "id,unit_id,name,category,method\ncv,so,CV,shared,sometimes\n",
        ),
        (
            "duties.csv",
            &format!("{DUTY_HEADER}d,cv,D,support,,,,5,,,,,\n"),
        ),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].file(), "positions.csv");
}

#[test]
fn several_problems_in_several_files_are_reported_together() {
    let found = problems(&[
        (
            "units.csv",
            "id,parent_id,name,quota\na,,A,x\nb,a,B,\nc,a,C,-1\n",
        ),
        ("positions.csv", "id,unit_id,name,category,method\n"),
        (
            "duties.csv",
            &format!("{DUTY_HEADER}d,cv,D,service,1,,,,,,,,\n"),
        ),
        ("staff.csv", "id,unit_id,fte\ns,a,full\n"),
    ]);
    let places: Vec<(&str, Option<u64>)> = found.iter().map(|p| (p.file(), p.line())).collect();
    assert_eq!(
        places,
        [
            ("units.csv", Some(2)),
            ("units.csv", Some(4)),
            ("duties.csv", Some(2)),
            ("duties.csv", Some(2)),
            ("staff.csv", Some(2)),
        ]
    );
}

#[test]
fn settings_keys_and_keywords_ignore_case_and_unknown_keys_are_errors() {
    let plan = import(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        ("settings.csv", "value,key\nDown,ROUNDING\n2027,Year\n"),
    ])
    .unwrap();
    assert_eq!(plan.rounding, Rounding::Down);
    assert_eq!(plan.meta.year, Some(2027));
    // An unknown key would silently leave its setting at the default.
    assert_eq!(
        problems(&[
            ("units.csv", UNITS),
            ("positions.csv", POSITIONS),
            ("settings.csv", "key,value\nnam,A\ntheme,x\n"),
        ]),
        [
            cell(
                "settings.csv",
                2,
                "key",
                "unknown key \"nam\"; did you mean \"name\"? (keys: name, agency, year, \
                 rounding, province_class, judged_at, blocking_rules, parent_body, document_kind, \
                 document_number, document_date, place, signer_title, signer_name, \
                 preparer_name)"
            ),
            cell(
                "settings.csv",
                3,
                "key",
                "unknown key \"theme\" (keys: name, agency, year, rounding, province_class, \
                 judged_at, blocking_rules, parent_body, document_kind, \
                 document_number, document_date, place, signer_title, signer_name, \
                 preparer_name)"
            ),
        ]
    );
}

#[test]
fn the_dossier_form_is_read_from_settings_and_written_back() {
    let plan = import(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        (
            "settings.csv",
            "key,value\nparent_body,UBND tỉnh An Hòa\ndocument_kind,Đề án\n\
             document_number,125/ĐA-STC\ndocument_date,2026-07-15\nplace,An Hòa\n\
             signer_title,\"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\"\nsigner_name,Trần Văn B\n\
             preparer_name,Nguyễn Thị A\n",
        ),
    ])
    .unwrap();
    let form = &plan.meta.document;
    assert_eq!(form.parent_body, "UBND tỉnh An Hòa");
    assert_eq!(form.kind, "Đề án");
    assert_eq!(form.number, "125/ĐA-STC");
    assert_eq!(form.date, Some("2026-07-15".parse().unwrap()));
    assert_eq!(form.place, "An Hòa");
    assert_eq!(form.signer_title, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
    assert_eq!(form.signer_name, "Trần Văn B");
    assert_eq!(form.preparer_name, "Nguyễn Thị A");
    assert_eq!(round_trip(&plan), plan);

    // A date that is not one names its place.
    let found = problems(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        ("settings.csv", "key,value\ndocument_date,15 tháng 7\n"),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].to_string().contains("settings.csv"),
        "{}",
        found[0]
    );
}

#[test]
fn a_setting_given_twice_is_an_error() {
    assert_eq!(
        problems(&[
            ("units.csv", UNITS),
            ("positions.csv", POSITIONS),
            ("settings.csv", "key,value\nname,A\nname,B\n"),
        ]),
        [cell(
            "settings.csv",
            3,
            "key",
            "the key \"name\" is given twice (first on line 2)"
        )]
    );
}

// ---------------------------------------------------------------- export and round trips

fn round_trip(plan: &Plan) -> Plan {
    let dir = tempfile::tempdir().unwrap();
    export_dir(plan, dir.path()).unwrap();
    import_dir(dir.path()).unwrap()
}

#[test]
fn import_export_import_gives_the_same_plan() {
    let first = import(&FULL).unwrap();
    assert_eq!(round_trip(&first), first);
}

#[test]
fn export_import_gives_the_same_plan() {
    let mut plan = full_plan();
    plan.meta.agency = String::new();
    plan.meta.year = None;
    plan.calendars[1].name = "Lịch y tế, \"ca\" kíp".into();
    plan.calendars.push(Calendar::vietnamese_default());
    plan.units[0].name = "Sở Nội vụ\nTỉnh A, \"B\"".into();
    let awkward = [
        0.1 + 0.2,
        1.0 / 3.0,
        1e-7,
        1e21,
        123456789.125,
        -0.5,
        5e-324,
    ];
    for (i, value) in awkward.into_iter().enumerate() {
        plan.positions[1].components.push(component(
            &format!("x{i}"),
            "Số lẻ",
            ComponentKind::Service {
                volume: value,
                minutes_per_item: value,
                coefficient: value,
            },
        ));
    }
    plan.staff[2]
        .personal
        .insert("Ghi chú, thêm".into(), "dòng 1\ndòng 2".into());
    assert_eq!(round_trip(&plan), plan);
}

#[test]
fn an_empty_plan_round_trips() {
    assert_eq!(round_trip(&Plan::default()), Plan::default());
}

#[test]
fn export_writes_headers_without_bom_and_only_the_calendars_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("new").join("folder");
    let mut plan = full_plan();
    export_dir(&plan, &target).unwrap();
    let read = |name: &str| fs::read_to_string(target.join(name)).unwrap();
    let units = read("units.csv");
    assert!(units.starts_with("id,parent_id,name,unit_type,quota\nso,,Sở Nội vụ,so,40\n"));
    assert!(read("calendars.csv").starts_with(
        "id,days_per_week,weeks_per_year,public_holidays,annual_leave,sick_leave,other_leave,\
         hours_per_day,available_hours\nhc,5,52,11,12,0,0,8,\n"
    ));
    assert!(read("positions.csv").starts_with(
        "id,unit_id,name,category,rank_code,method,count,min,max,calendar,proposed,\
         proposed_reason\ngd,so,Giám đốc,leadership,,fixed,1,1,1,,,\n"
    ));
    assert_eq!(
        read("job_descriptions.csv"),
        "position_id,section,step,content,output,criterion,group,name,level,detail\n"
    );
    assert!(read("duties.csv").starts_with(DUTY_HEADER));
    assert!(read("duties.csv").contains("\nd3,cv,Họp giao ban,support,,,,10,,,,,\n"));
    assert!(
        read("staff.csv").starts_with("id,unit_id,position_id,rank_code,fte,Họ tên,Năm sinh\n")
    );
    assert_eq!(
        read("settings.csv"),
        "key,value\nname,Đề án vị trí việc làm 2026\nagency,Sở Nội vụ tỉnh A\nyear,2026\n\
         rounding,up\n"
    );
    assert!(!units.as_bytes().starts_with(b"\xEF\xBB\xBF"));

    // Exporting a plan without calendars over the folder removes the old calendars.csv.
    plan.calendars.clear();
    for p in &mut plan.positions {
        p.calendar = None;
    }
    plan.staff.clear();
    export_dir(&plan, &target).unwrap();
    assert!(!target.join("calendars.csv").exists());
    assert_eq!(read("staff.csv"), "id,unit_id,position_id,rank_code,fte\n");
    assert_eq!(import_dir(&target).unwrap(), plan);
}

#[test]
fn export_refuses_what_cannot_be_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = full_plan();
    plan.staff[0].personal.insert("FTE".into(), "x".into());
    assert!(matches!(
        export_dir(&plan, dir.path()),
        Err(ExportError::PersonalField { key, .. }) if key == "FTE"
    ));

    let mut plan = full_plan();
    plan.calendars[0].hours_per_day = f64::NAN;
    assert!(matches!(
        export_dir(&plan, dir.path()),
        Err(ExportError::NotFinite { column, .. }) if column == "hours_per_day"
    ));
}

#[test]
fn export_into_a_file_path_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.csv");
    fs::write(&file, "x").unwrap();
    assert!(matches!(
        export_dir(&full_plan(), &file),
        Err(ExportError::CreateDir { .. })
    ));
}

// ---------------------------------------------------------------- proposals and job descriptions

/// The full plan with proposed headcounts and complete job descriptions.
fn described_plan() -> Plan {
    let mut plan = full_plan();
    plan.positions[0].proposed = Some(Proposal {
        count: 1,
        reason: String::new(),
    });
    plan.positions[1].proposed = Some(Proposal {
        count: 9,
        reason: "Tăng thủ tục hành chính, \"một cửa\"\nliên thông".into(),
    });
    plan.positions[1].job_description = JobDescription {
        purpose: "Tham mưu, thẩm định hồ sơ.\nHướng dẫn tổ chức, cá nhân.".into(),
        work_items: vec![
            WorkItem {
                section: WorkSection::Professional,
                step: "1".into(),
                content: "Tiếp nhận, thẩm định hồ sơ".into(),
                output: "Phiếu thẩm định".into(),
                criterion: "Đúng hạn, đúng quy định".into(),
            },
            WorkItem {
                section: WorkSection::Support,
                step: String::new(),
                content: "Lưu trữ hồ sơ".into(),
                output: String::new(),
                criterion: String::new(),
            },
            WorkItem {
                section: WorkSection::Management,
                step: "2".into(),
                content: "Phân công, kiểm tra".into(),
                output: "Kế hoạch tuần".into(),
                criterion: String::new(),
            },
        ],
        competencies: vec![
            Competency {
                group: CompetencyGroup::General,
                name: "Đạo đức công vụ".into(),
                level: 3,
                step: String::new(),
            },
            Competency {
                group: CompetencyGroup::Professional,
                name: "Thẩm định".into(),
                level: 5,
                step: "2".into(),
            },
            Competency {
                group: CompetencyGroup::Management,
                name: "Điều hành".into(),
                level: 1,
                step: String::new(),
            },
        ],
        relationships: "Phối hợp với các phòng, ban".into(),
        authority: "Đề xuất, kiến nghị".into(),
        requirements: vec![
            Requirement {
                group: "Trình độ đào tạo".into(),
                detail: "Đại học trở lên, chuyên ngành luật".into(),
            },
            Requirement {
                group: String::new(),
                detail: "Có kinh nghiệm 2 năm".into(),
            },
        ],
    };
    plan.positions[0].job_description.authority = "Quyết định theo thẩm quyền".into();
    plan
}

const JD_HEADER: &str =
    "position_id,section,step,content,output,criterion,group,name,level,detail\n";

fn jd_problems(text: &str) -> Vec<Problem> {
    problems(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        ("job_descriptions.csv", text),
    ])
}

#[test]
fn a_plan_with_proposals_and_job_descriptions_round_trips() {
    let plan = described_plan();
    assert_eq!(round_trip(&plan), plan);
    let dir = tempfile::tempdir().unwrap();
    export_dir(&plan, dir.path()).unwrap();
    let jd = fs::read_to_string(dir.path().join("job_descriptions.csv")).unwrap();
    assert!(jd.starts_with(JD_HEADER), "{jd}");
    assert!(
        jd.contains("\ngd,authority,,Quyết định theo thẩm quyền,,,,,,\n"),
        "{jd}"
    );
    assert!(
        jd.contains("\ncv,competency,2,,,,professional,Thẩm định,5,\n"),
        "{jd}"
    );
    let positions = fs::read_to_string(dir.path().join("positions.csv")).unwrap();
    assert!(positions.contains(",yte,9,\"Tăng thủ tục"), "{positions}");
    // import -> export -> import as well.
    let again = import_dir(dir.path()).unwrap();
    assert_eq!(round_trip(&again), plan);
}

#[test]
fn job_description_rows_are_read_per_section_in_file_order() {
    let text = format!(
        "{JD_HEADER}\
         cv,purpose,,Dòng một,,,,,,\n\
         cv,professional,1,Soạn thảo,Văn bản,Đúng hạn,,,,\n\
         cv,Competency,,,,,General,Giao tiếp,4,\n\
         cv,purpose,,Dòng hai,,,,,,\n\
         cv,requirement,,,,,Chứng chỉ,,,Tin học cơ bản\n"
    );
    let plan = import(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        ("job_descriptions.csv", &text),
    ])
    .unwrap();
    let jd = &plan.positions[0].job_description;
    assert_eq!(jd.purpose, "Dòng một\nDòng hai");
    assert_eq!(jd.work_items.len(), 1);
    assert_eq!(jd.work_items[0].output, "Văn bản");
    assert_eq!(jd.competencies[0].group, CompetencyGroup::General);
    assert_eq!(jd.competencies[0].level, 4);
    assert_eq!(jd.requirements[0].detail, "Tin học cơ bản");
    assert!(jd.relationships.is_empty());
}

#[test]
fn bad_job_description_cells_name_file_line_and_column() {
    let text = format!(
        "{JD_HEADER}\
         cv,competency,,,,,general,Giao tiếp,6,\n\
         cv,competency,,,,,general,Giao tiếp,0,\n\
         cv,competency,,,,,general,Giao tiếp,,\n\
         cv,competency,,,,,chung,Giao tiếp,2,\n\
         cv,purpose,,Mục tiêu,,,,,3,\n\
         cv,chapter,,x,,,,,,\n\
         cv,professional,,,,,,,,\n\
         xx,authority,,Quyền,,,,,,\n"
    );
    let found = jd_problems(&text);
    let places: Vec<_> = found
        .iter()
        .map(|p| (p.line().unwrap(), p.column().unwrap().to_owned()))
        .collect();
    assert_eq!(
        places,
        [
            (2, "level".to_owned()),
            (3, "level".to_owned()),
            (4, "level".to_owned()),
            (5, "group".to_owned()),
            (6, "level".to_owned()),
            (7, "section".to_owned()),
            (8, "content".to_owned()),
            (9, "position_id".to_owned()),
        ]
    );
    assert!(found.iter().all(|p| p.file() == "job_descriptions.csv"));
    assert_eq!(
        found[0].to_string(),
        "job_descriptions.csv:2, column \"level\": \"6\" is not a level from 1 to 5"
    );
}

#[test]
fn proposals_are_read_and_bad_ones_reported() {
    let positions = "id,unit_id,name,category,method,proposed,proposed_reason\n\
                     cv,so,Chuyên viên,specialized,workload,3,Thêm việc\n\
                     a,so,A,support,workload,-1,\n\
                     b,so,B,support,workload,,Không có số\n\
                     c,so,C,support,workload,1.5,\n";
    let found = problems(&[("units.csv", UNITS), ("positions.csv", positions)]);
    let places: Vec<_> = found
        .iter()
        .map(|p| (p.line().unwrap(), p.column().unwrap().to_owned()))
        .collect();
    assert_eq!(
        places,
        [
            (3, "proposed".to_owned()),
            (4, "proposed_reason".to_owned()),
            (5, "proposed".to_owned()),
        ]
    );
    let good = "id,unit_id,name,category,method,proposed,proposed_reason\n\
                cv,so,Chuyên viên,specialized,workload,3,Thêm việc\n\
                gd,so,Giám đốc,leadership,fixed,,\n";
    let plan = import(&[("units.csv", UNITS), ("positions.csv", good)]).unwrap();
    assert_eq!(
        plan.positions[0].proposed,
        Some(Proposal {
            count: 3,
            reason: "Thêm việc".into()
        })
    );
    assert_eq!(plan.positions[1].proposed, None);
}

// ---------------------------------------------------------------- attributes the rules read

const ATTRIBUTE_UNITS: &str = "\
id,parent_id,name,unit_type,quota,autonomy_group,school_zone,classes,nursery_groups,pupils,\
two_sessions_a_day,population,area_km2,border_gates,international_quarantine,industrial_zones,\
mountainous,centrally_run_city,shelf_metres,electronic_mb,audio_visual_hours,commune_class,\
commune_setting
so,,Sở Giáo dục,so,40,,,,,,,,,,,,,,,,,,
thcs,so,Trường THCS,truong_thcs,55,4,2,24,,905,,,,,,,,,,,,,
mn,so,Trường mầm non,truong_mam_non,,3,1,9,4,310,,,,,,,,,,,,,
th,so,Trường tiểu học,truong_tieu_hoc,,,3,20,,700,Có,,,,,,,,,,,,
cdc,so,CDC,cdc,,2,,,,,,2500000000,,3,1,true,không,,,,,,
lt,so,Lưu trữ,luu_tru_lich_su,,,,,,,,,,,,,,FALSE,3500.5,2000000,640,,
xa,so,Xã Tân Hòa,ubnd_xa,37,,,,,,,36000,64.8,,,,yes,,,,,1,xa_mien_nui
phuong,so,Phường An Lạc,ubnd_phuong,,,,,,,,21000,,,,,,,,,,2,Phuong_Thuoc_Thi_Xa
";

const ATTRIBUTE_POSITIONS: &str = "\
id,unit_id,name,category,method,count,role,steps
hieu-truong,thcs,Hiệu trưởng,leadership,fixed,1,head,
pho,thcs,Phó Hiệu trưởng,leadership,fixed,2,Deputy,
gv,thcs,Giáo viên Toán,specialized,workload,,,4:3; 3:5
cv,so,Chuyên viên,specialized,workload,,,
";

const ATTRIBUTE_SETTINGS: &str = "key,value\nname,Đề án\nprovince_class,II\njudged_at,2026-07-01\n\
                                  blocking_rules,nd45-2025.deputies.division; nd232-2026.steps\n";

fn attribute_plan() -> Plan {
    import(&[
        ("settings.csv", ATTRIBUTE_SETTINGS),
        ("units.csv", ATTRIBUTE_UNITS),
        ("positions.csv", ATTRIBUTE_POSITIONS),
    ])
    .unwrap()
}

#[test]
fn unit_attributes_and_norm_drivers_are_read() {
    let plan = attribute_plan();
    let unit = |id: &str| plan.unit(id).unwrap().clone();
    let school = unit("thcs");
    assert_eq!(school.autonomy_group, Some(AutonomyGroup::Group4));
    assert_eq!(school.school_zone, Some(2));
    assert_eq!(
        school.drivers,
        NormDrivers {
            classes: Some(24),
            pupils: Some(905),
            ..Default::default()
        }
    );
    let kindergarten = unit("mn");
    assert_eq!(kindergarten.autonomy_group, Some(AutonomyGroup::Group3));
    assert_eq!(kindergarten.drivers.nursery_groups, Some(4));
    assert_eq!(unit("th").drivers.two_sessions_a_day, Some(true));
    let cdc = unit("cdc").drivers;
    assert_eq!(cdc.population, Some(2_500_000_000));
    assert_eq!(cdc.border_gates, Some(3));
    assert_eq!(
        (
            cdc.international_quarantine,
            cdc.industrial_zones,
            cdc.mountainous
        ),
        (Some(true), Some(true), Some(false))
    );
    let archive = unit("lt").drivers;
    assert_eq!(archive.centrally_run_city, Some(false));
    assert_eq!(archive.shelf_metres, Some(3500.5));
    assert_eq!(archive.electronic_mb, Some(2_000_000.0));
    assert_eq!(archive.audio_visual_hours, Some(640.0));
    let commune = unit("xa").drivers;
    assert_eq!(commune.commune_class, Some(1));
    assert_eq!(commune.population, Some(36_000));
    assert_eq!(commune.area_km2, Some(64.8));
    assert_eq!(commune.mountainous, Some(true));
    assert_eq!(
        commune.commune_setting,
        Some(CommuneSetting::MountainCommune)
    );
    // Keywords are read ignoring case.
    let ward = unit("phuong").drivers;
    assert_eq!(ward.commune_setting, Some(CommuneSetting::TownWard));
    assert_eq!(ward.commune_class, Some(2));
    assert_eq!(unit("so").drivers, NormDrivers::default());
    assert_eq!(unit("so").autonomy_group, None);
}

#[test]
fn roles_steps_and_review_settings_are_read() {
    let plan = attribute_plan();
    let position = |id: &str| plan.position(id).unwrap().clone();
    assert_eq!(position("hieu-truong").role, Some(LeaderRole::Head));
    assert_eq!(position("pho").role, Some(LeaderRole::Deputy));
    assert_eq!(position("gv").role, None);
    assert_eq!(
        position("gv").steps,
        [
            StepCount { step: 4, count: 3 },
            StepCount { step: 3, count: 5 }
        ]
    );
    assert!(position("cv").steps.is_empty());
    assert_eq!(plan.meta.province_class, Some(ProvinceClass::II));
    assert_eq!(plan.meta.judged_at, CivilDate::new(2026, 7, 1));
    assert_eq!(
        plan.blocking_rules,
        ["nd45-2025.deputies.division", "nd232-2026.steps"]
    );
}

#[test]
fn the_attributes_round_trip_folder_plan_folder() {
    let plan = attribute_plan();
    let dir = tempfile::tempdir().unwrap();
    export_dir(&plan, dir.path()).unwrap();
    assert_eq!(import_dir(dir.path()).unwrap(), plan);
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
    // Every attribute column is used, so every one is written, flags as yes/no.
    let units = read("units.csv");
    let header = ATTRIBUTE_UNITS.lines().next().unwrap();
    assert!(units.starts_with(&format!("{header}\n")), "{units}");
    assert!(units.contains("\nth,so,Trường tiểu học,truong_tieu_hoc,,,3,20,,700,yes,"));
    assert!(units.contains(",2500000000,,3,yes,yes,no,"));
    assert!(
        units.contains("\nxa,so,Xã Tân Hòa,ubnd_xa,37,,,,,,,36000,64.8,,,,yes,,,,,1,xa_mien_nui\n")
    );
    assert!(units.contains(
        "\nphuong,so,Phường An Lạc,ubnd_phuong,,,,,,,,21000,,,,,,,,,,2,phuong_thuoc_thi_xa\n"
    ));
    let positions = read("positions.csv");
    assert!(positions.starts_with(
        "id,unit_id,name,category,rank_code,method,count,min,max,calendar,proposed,\
         proposed_reason,role,steps\n"
    ));
    assert!(positions.contains("\npho,thcs,Phó Hiệu trưởng,leadership,,fixed,2,,,,,,deputy,\n"));
    assert!(positions.contains(",4:3;3:5\n"));
    assert_eq!(
        read("settings.csv"),
        "key,value\nname,Đề án\nagency,\nyear,\nrounding,nearest\nprovince_class,ii\n\
         judged_at,2026-07-01\nblocking_rules,nd45-2025.deputies.division;nd232-2026.steps\n"
    );
    // Again from the written folder: the same text.
    let again = tempfile::tempdir().unwrap();
    export_dir(&import_dir(dir.path()).unwrap(), again.path()).unwrap();
    for file in ["settings.csv", "units.csv", "positions.csv"] {
        assert_eq!(
            fs::read_to_string(again.path().join(file)).unwrap(),
            read(file),
            "{file}"
        );
    }
}

#[test]
fn only_the_attribute_columns_in_use_are_written() {
    let mut plan = full_plan();
    plan.units[1].school_zone = Some(3);
    plan.units[1].drivers.mountainous = Some(false);
    plan.positions[0].role = Some(LeaderRole::Head);
    let dir = tempfile::tempdir().unwrap();
    export_dir(&plan, dir.path()).unwrap();
    let read = |name: &str| fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(
        read("units.csv"),
        "id,parent_id,name,unit_type,quota,school_zone,mountainous\n\
         so,,Sở Nội vụ,so,40,,\nvp,so,Văn phòng,van_phong_so,,3,no\n"
    );
    // A commune setting on one unit brings its column, last, as its keyword.
    let mut with_setting = plan.clone();
    with_setting.units[0].drivers.commune_setting = Some(CommuneSetting::CityWard);
    let other = tempfile::tempdir().unwrap();
    export_dir(&with_setting, other.path()).unwrap();
    assert_eq!(
        fs::read_to_string(other.path().join("units.csv")).unwrap(),
        "id,parent_id,name,unit_type,quota,school_zone,mountainous,commune_setting\n\
         so,,Sở Nội vụ,so,40,,,phuong_thuoc_thanh_pho\nvp,so,Văn phòng,van_phong_so,,3,no,\n"
    );
    assert_eq!(import_dir(other.path()).unwrap(), with_setting);
    assert!(read("positions.csv").starts_with(
        "id,unit_id,name,category,rank_code,method,count,min,max,calendar,proposed,\
         proposed_reason,role\ngd,so,Giám đốc,leadership,,fixed,1,1,1,,,,head\n"
    ));
    assert_eq!(import_dir(dir.path()).unwrap(), plan);
}

#[test]
fn bad_attribute_values_name_file_line_and_column() {
    let found = problems(&[
        (
            "settings.csv",
            "key,value\nprovince_class,iv\njudged_at,2026-02-30\nblocking_rules,a b;c\n",
        ),
        (
            "units.csv",
            "id,name,school_zone,autonomy_group,classes,mountainous,area_km2,commune_class,pupils,\
             commune_setting\n\
             a,A,4,5,-1,perhaps,\"1..5\",0,99999999999,phuong\n",
        ),
        (
            "positions.csv",
            "id,unit_id,name,category,method,role,steps\n\
             gd,a,GĐ,leadership,fixed,boss,\n\
             gv,a,GV,specialized,workload,,5:x\n\
             cv,a,CV,specialized,workload,deputy,6:1\n\
             vt,a,VT,support,workload,,4:1;4:2\n",
        ),
    ]);
    let nan = "is not a number (write digits, \",\" or \".\" before decimals, \".\" between \
               thousands: 1.896,5 or 1896.5)";
    assert_eq!(
        found,
        [
            cell(
                "settings.csv",
                2,
                "value",
                "\"iv\" is not one of: special, i, ii, iii"
            ),
            cell(
                "settings.csv",
                3,
                "value",
                "\"2026-02-30\" is not a date: write YYYY-MM-DD, e.g. 2026-07-01"
            ),
            cell(
                "settings.csv",
                4,
                "value",
                "\"a b\" is not a rule id (ids have no spaces or commas; separate them with \";\")"
            ),
            cell(
                "units.csv",
                2,
                "autonomy_group",
                "\"5\" is not a whole number from 1 to 4"
            ),
            cell(
                "units.csv",
                2,
                "school_zone",
                "\"4\" is not a whole number from 1 to 3"
            ),
            cell(
                "units.csv",
                2,
                "classes",
                "\"-1\" is negative; a whole number of 0 or more"
            ),
            cell("units.csv", 2, "pupils", "\"99999999999\" is too large"),
            cell("units.csv", 2, "area_km2", &format!("\"1..5\" {nan}")),
            cell(
                "units.csv",
                2,
                "mountainous",
                "\"perhaps\" is not yes or no (write yes or no; 1/0, true/false and the \
                 Vietnamese words are read too)"
            ),
            cell(
                "units.csv",
                2,
                "commune_class",
                "\"0\" is not a whole number from 1 to 3"
            ),
            cell(
                "units.csv",
                2,
                "commune_setting",
                "\"phuong\" is not one of: xa, xa_mien_nui, \
                 thi_tran, thi_tran_hai_dao, \
                 phuong_thuoc_quan, \
                 phuong_thuoc_thanh_pho, \
                 phuong_thuoc_thi_xa, phuong_hai_dao"
            ),
            cell(
                "positions.csv",
                2,
                "role",
                "\"boss\" is not one of: head, deputy"
            ),
            cell(
                "positions.csv",
                3,
                "steps",
                "\"5:x\" is not a list of steps: write step:count pairs separated by \";\", \
                 e.g. 5:2;4:3"
            ),
            cell(
                "positions.csv",
                4,
                "role",
                "only leadership positions are heads or deputies (category \"leadership\")"
            ),
            cell(
                "positions.csv",
                4,
                "steps",
                "step 6 in \"6:1\" is not a step from 1 to 5"
            ),
            cell(
                "positions.csv",
                5,
                "steps",
                "step 4 is given twice in \"4:1;4:2\""
            ),
        ]
    );
    // The message a user reads names the file, the line and the column.
    let error = import(&[
        ("units.csv", "id,name,school_zone\na,A,4\n"),
        ("positions.csv", POSITIONS),
    ])
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "units.csv:2, column \"school_zone\": \"4\" is not a whole number from 1 to 3"
    );
}

#[test]
fn the_employment_basis_is_read_as_keyword_or_label_and_round_trips() {
    let units = "id,parent_id,name,unit_type,quota\nso,,Sở Nội vụ,so,40\n";
    let positions = "id,unit_id,name,category,method,employment\n\
                     cv,so,Chuyên viên,specialized,workload,\n\
                     lx,so,Lái xe,support,workload,Hợp đồng lao động\n\
                     bv,so,Bảo vệ,support,workload,contract\n\
                     vc,so,Viên chức biệt phái,specialized,workload,viên chức\n\
                     cc,so,Công chức,specialized,workload,CIVIL_SERVANT\n";
    let plan = import(&[("units.csv", units), ("positions.csv", positions)]).unwrap();
    let basis = |id: &str| plan.position(id).unwrap().employment;
    assert_eq!(basis("cv"), None, "empty follows the unit");
    assert_eq!(basis("lx"), Some(Employment::Contract));
    assert_eq!(basis("bv"), Some(Employment::Contract));
    assert_eq!(basis("vc"), Some(Employment::PublicEmployee));
    assert_eq!(basis("cc"), Some(Employment::CivilServant));

    // Written as keywords, last, and read back to the same plan.
    let dir = tempfile::tempdir().unwrap();
    export_dir(&plan, dir.path()).unwrap();
    let written = fs::read_to_string(dir.path().join("positions.csv")).unwrap();
    let mut lines = written.lines();
    assert!(lines.next().unwrap().ends_with(",employment"), "{written}");
    assert!(
        lines.next().unwrap().ends_with(",workload,0,,,,,,"),
        "{written}"
    );
    assert!(written.contains("\nlx,so,Lái xe,support,,workload,0,,,,,,contract\n"));
    assert!(written.contains(",public_employee\n"), "{written}");
    assert_eq!(import_dir(dir.path()).unwrap(), plan);

    // A plan stating no basis writes no column.
    let mut none = plan.clone();
    for position in &mut none.positions {
        position.employment = None;
    }
    let other = tempfile::tempdir().unwrap();
    export_dir(&none, other.path()).unwrap();
    let written = fs::read_to_string(other.path().join("positions.csv")).unwrap();
    assert!(!written.contains("employment"), "{written}");
    assert_eq!(import_dir(other.path()).unwrap(), none);
}

#[test]
fn a_bad_employment_basis_is_named_by_file_row_and_column() {
    let found = problems(&[
        ("units.csv", UNITS),
        (
            "positions.csv",
            "id,unit_id,name,category,method,employment\n\
             cv,so,Chuyên viên,specialized,workload,công chức\n\
             lx,so,Lái xe,support,workload,hđlđ\n",
        ),
    ]);
    let expected = cell(
        "positions.csv",
        3,
        "employment",
        "\"hđlđ\" is not one of: civil_servant, public_employee, \
         contract",
    );
    assert_eq!(found, std::slice::from_ref(&expected));
    assert!(
        expected
            .to_string()
            .starts_with("positions.csv:3, column \"employment\": \"hđlđ\""),
        "{expected}"
    );
}

/// Every keyword column reads the Vietnamese label the app shows as well as the keyword, in
/// any letter case, composed or decomposed, with spaces around: the folder written in words
/// reads as the one written in keywords.
#[test]
fn vietnamese_labels_read_as_the_keywords() {
    let coded = [
        (
            "settings.csv",
            "key,value\nrounding,up\nprovince_class,ii\n",
        ),
        (
            "units.csv",
            "id,parent_id,name,unit_type,mountainous,commune_setting\n\
             so,,Sở Nội vụ,so,yes,\nxa,so,Xã A,ubnd_xa,no,xa_mien_nui\n",
        ),
        (
            "positions.csv",
            "id,unit_id,name,category,method,count,role,employment\n\
             gd,so,Giám đốc,leadership,fixed,1,head,\n\
             cv,so,Chuyên viên,specialized,workload,,,\n\
             lx,so,Lái xe,support,workload,,,contract\n",
        ),
        (
            "duties.csv",
            "id,position_id,name,kind,volume,minutes_per_item,percent,minutes,per,staff,ratio\n\
             d1,cv,Hồ sơ,service,2400,30,,,,,\n\
             d2,cv,Họp,support,,,,60,week,,\n\
             d3,cv,Trực,additional,,,,30,day,2,\n\
             d4,lx,Xe,norm,2,,,,,,1\n",
        ),
        (
            "job_descriptions.csv",
            "position_id,section,content,group,name,level\n\
             cv,purpose,Tham mưu,,,\ncv,competency,,professional,Soạn thảo,3\n",
        ),
    ];
    let nfd = |text: &str| -> String {
        use unicode_normalization::UnicodeNormalization as _;
        text.nfd().collect()
    };
    let worded = [
        (
            "settings.csv",
            "key,value\nrounding,LUÔN LÀM TRÒN LÊN\nprovince_class, Tỉnh loại II \n".to_owned(),
        ),
        (
            "units.csv",
            format!(
                "id,parent_id,name,unit_type,mountainous,commune_setting\n\
                 so,,Sở Nội vụ,\"Sở (cơ quan chuyên môn thuộc UBND tỉnh)\",Có,\n\
                 xa,so,Xã A,ubnd xã,{},\"xã miền núi,  vùng cao\"\n",
                nfd("không")
            ),
        ),
        (
            "positions.csv",
            format!(
                "id,unit_id,name,category,method,count,role,employment\n\
                 gd,so,Giám đốc,\"Lãnh đạo, quản lý\",Cố định theo quy định,1,Cấp trưởng,\n\
                 cv,so,Chuyên viên,{},theo khối lượng công việc,,,\n\
                 lx,so,Lái xe,\"Hỗ trợ, phục vụ\",Theo khối lượng công việc,,,Hợp đồng lao động\n",
                nfd("Nghiệp vụ chuyên ngành")
            ),
        ),
        (
            "duties.csv",
            "id,position_id,name,kind,volume,minutes_per_item,percent,minutes,per,staff,ratio\n\
             d1,cv,Hồ sơ,Công việc chính,2.400,30,,,,,\n\
             d2,cv,Họp,Công việc hỗ trợ,,,,60,tuần,,\n\
             d3,cv,Trực,Công việc bổ sung,,,,30,Ngày,2,\n\
             d4,lx,Xe,Định mức,2,,,,,,1\n"
                .to_owned(),
        ),
        (
            "job_descriptions.csv",
            "position_id,section,content,group,name,level\n\
             cv,Mục tiêu của vị trí việc làm,Tham mưu,,,\n\
             cv,Khung năng lực,,Năng lực chuyên môn,Soạn thảo,3\n"
                .to_owned(),
        ),
    ];
    let worded: Vec<(&str, &str)> = worded.iter().map(|(f, t)| (*f, t.as_str())).collect();
    let expected = import(&coded).unwrap();
    assert_eq!(expected.rounding, Rounding::Up);
    assert_eq!(
        expected.units[1].unit_type,
        vtvl::model::UnitType::CommuneCommittee
    );
    assert_eq!(import(&worded).unwrap(), expected);
}

#[test]
fn birth_dates_sex_and_decided_retirement_dates_are_read_and_written_back() {
    let plan = import(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        (
            "staff.csv",
            "id,unit_id,birth_date,sex,retires_on\n\
             s1,so,1961-10-05,nam,\n\
             s2,so,1970,Nữ,2027-06-30\n\
             s3,so,05/03/1980,female,\n\
             s4,so,,,\n",
        ),
    ])
    .unwrap();
    let s = |i: usize| &plan.staff[i];
    assert_eq!(
        s(0).birth_date,
        Some(BirthDate::Day(CivilDate::new(1961, 10, 5).unwrap()))
    );
    assert_eq!(s(0).sex, Some(Sex::Male));
    assert_eq!(s(1).birth_date, Some(BirthDate::Year(1970)));
    assert_eq!(s(1).sex, Some(Sex::Female));
    assert_eq!(s(1).retires_on, CivilDate::new(2027, 6, 30));
    assert_eq!(
        s(2).birth_date,
        Some(BirthDate::Day(CivilDate::new(1980, 3, 5).unwrap()))
    );
    assert_eq!(
        (s(3).birth_date, s(3).sex, s(3).retires_on),
        (None, None, None)
    );
    assert_eq!(round_trip(&plan), plan);
}

#[test]
fn a_wrong_birth_date_or_sex_is_reported_at_its_cell() {
    let found = problems(&[
        ("units.csv", UNITS),
        ("positions.csv", POSITIONS),
        (
            "staff.csv",
            "id,unit_id,birth_date,sex,retires_on\ns1,so,61,nam,\ns2,so,1970,x,\ns3,so,,,2027-02-30\n",
        ),
    ]);
    let columns: Vec<(u64, String)> = found
        .iter()
        .map(|p| match p {
            Problem::Cell { line, column, .. } => (*line, column.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        columns,
        [
            (2, "birth_date".to_owned()),
            (3, "sex".to_owned()),
            (4, "retires_on".to_owned())
        ]
    );
}
