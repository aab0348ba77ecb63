//! Usage errors exit 2: a mistyped command, an unknown option, a bare argument that is no plan.

use std::process::{Command, Output};

use crate::workdir::*;

fn run_in(wd: &Workdir, locale: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vtvl"))
        .args(args)
        .current_dir(wd.path(""))
        .env("LC_ALL", locale)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run vtvl")
}

#[test]
fn a_mistyped_command_exits_2_and_names_the_commands() {
    let wd = Workdir::new();
    let out = run_in(&wd, "en_US.UTF-8", &["valdate"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("unknown command valdate; did you mean validate?"),
        "{err}"
    );
    assert!(
        err.contains("commands: compute, explain, validate"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());

    let out = run_in(&wd, "vi_VN.UTF-8", &["xyzzy"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("không có lệnh xyzzy\ncác lệnh: compute"),
        "{err}"
    );
}

#[test]
fn a_mistyped_command_before_its_arguments_is_named_in_the_chosen_language() {
    let wd = Workdir::new();
    let plan = wd.plan();
    // Without the check, clap complains about the plan path, not the command.
    for args in [
        vec!["valdate", s(&plan), "--lang", "en"],
        vec!["--lang=en", "valdate", s(&plan)],
    ] {
        let out = run_in(&wd, "vi_VN.UTF-8", &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("vtvl: unknown command valdate; did you mean validate?\ncommands: "),
            "{args:?}: {err}"
        );
    }
    let out = run_in(&wd, "en_US.UTF-8", &["valdate", s(&plan), "--lang", "vi"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("vtvl: không có lệnh valdate; có phải là validate?"),
        "{}",
        stderr(&out)
    );
    // A known command with a wrong option keeps clap's own message.
    let out = run_in(&wd, "en_US.UTF-8", &["validate", "--frobnicate", s(&plan)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'--frobnicate'"), "{}", stderr(&out));
    // Help and version still print and succeed.
    for flag in ["--help", "--version"] {
        let out = run_in(&wd, "en_US.UTF-8", &[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(!stdout(&out).is_empty(), "{flag}");
    }
}

#[test]
fn a_missing_plan_path_exits_2_and_an_existing_one_still_opens_the_app() {
    let wd = Workdir::new();
    let out = run_in(&wd, "en_US.UTF-8", &["no-such-plan.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no plan file \"no-such-plan.ron\""),
        "{}",
        stderr(&out)
    );
    // An existing file is still a plan for the app: here, without a display, exit 1.
    let plan = wd.plan();
    let out = run_in(&wd, "en_US.UTF-8", &[s(&plan)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no display"), "{}", stderr(&out));
    // So is an existing folder, opened as a portfolio; a missing one is not.
    let folder = plan.parent().expect("folder");
    let out = run_in(&wd, "en_US.UTF-8", &[s(folder)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no display"), "{}", stderr(&out));
    let out = run_in(&wd, "en_US.UTF-8", &["no-such-folder/"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn an_unknown_option_exits_2() {
    let wd = Workdir::new();
    let out = run_in(&wd, "en_US.UTF-8", &["validate", "--frobnicate", "x.ron"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_plan_the_app_cannot_read_is_said_in_the_chosen_language() {
    let wd = Workdir::new();
    wd.write(
        "hong.ron",
        "(\n    format_version: 2,\n    meta: (name: \"X\" year: 2026),\n)\n",
    );
    // The plan is read before any window opens: a display is named, none is reached.
    for (locale, expected) in [
        ("vi_VN.UTF-8", "vtvl: hong.ron:3:22: thiếu dấu phẩy"),
        ("en_US.UTF-8", "vtvl: hong.ron:3:22: expected comma"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_vtvl"))
            .arg("hong.ron")
            .current_dir(wd.path(""))
            .env("LC_ALL", locale)
            .env("DISPLAY", ":vtvl-test-none")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .expect("run vtvl");
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_eq!(stderr(&out).trim_end(), expected);
    }
}
