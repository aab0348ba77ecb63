//! A temporary folder with fixture files, and a runner for the `vtvl` binary in it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Workdir {
    dir: tempfile::TempDir,
}

/// A small commune plan as an interchange folder: two units, three positions with every
/// component kind, and staff.
pub const SETTINGS: &str =
    "key,value\nname,Đề án thử nghiệm\nagency,UBND xã Thử\nyear,2026\nrounding,nearest\n";
pub const UNITS: &str = "id,parent_id,name,unit_type,quota\nubnd,,UBND xã Thử,ubnd_xa,10\nvp,ubnd,Văn phòng HĐND và UBND,van_phong_xa,\n";
pub const POSITIONS: &str = "id,unit_id,name,category,rank_code,method,count,min,max,calendar\n\
chu-tich,ubnd,Chủ tịch UBND,leadership,,fixed,1,,,\n\
mot-cua,vp,Chuyên viên một cửa,specialized,01.003,workload,,,,\n\
van-thu,vp,Văn thư,support,02.008,workload,,1,,\n";
pub const DUTIES: &str = "id,position_id,name,kind,volume,minutes_per_item,coefficient,percent,minutes,per,staff,ratio,code\n\
d1,mot-cua,\"Chứng thực bản sao, chữ ký\",service,1200,90,,,,,,,2.000815\n\
d2,mot-cua,Hộ tịch,service,208,60,,,,,,,\n\
d3,mot-cua,Họp giao ban,support,,,,10,,,,,\n\
d4,mot-cua,Hướng dẫn đồng nghiệp,additional,,,,,60,week,1,,\n\
d5,van-thu,Văn thư lưu trữ,norm,0,,,,,,,0.5,\n";
pub const STAFF: &str = "id,unit_id,position_id,rank_code,fte,full_name\n\
s1,ubnd,chu-tich,01.002,1,Nguyễn Văn An\n\
s2,vp,mot-cua,01.003,1,Trần Thị Bình\n";

impl Workdir {
    pub fn new() -> Self {
        Workdir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, text).expect("write fixture");
        path
    }

    /// Writes the small commune interchange folder into `name`.
    pub fn interchange(&self, name: &str) -> PathBuf {
        self.write(&format!("{name}/settings.csv"), SETTINGS);
        self.write(&format!("{name}/units.csv"), UNITS);
        self.write(&format!("{name}/positions.csv"), POSITIONS);
        self.write(&format!("{name}/duties.csv"), DUTIES);
        self.write(&format!("{name}/staff.csv"), STAFF);
        self.path(name)
    }

    /// Imports the small commune folder and returns the plan file's path.
    pub fn plan(&self) -> PathBuf {
        let dir = self.interchange("commune");
        let plan = self.path("commune.ron");
        let out = self.run(&["import", s(&dir), "-o", s(&plan)]);
        assert_ok(&out);
        plan
    }

    /// Runs vtvl in the folder, with no locale set: messages in Vietnamese, the default.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with_env(args, &[])
    }

    /// Runs vtvl with the locale variables cleared, then `env` set.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_vtvl"));
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            command.env_remove(name);
        }
        command
            .envs(env.iter().copied())
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("run vtvl")
    }
}

pub fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
pub fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        stdout(out),
        stderr(out)
    );
}

/// Asserts exit code 1 with a message on stderr and no panic.
#[track_caller]
pub fn assert_invalid(out: &Output) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{err}");
    assert!(!err.contains("panicked"), "panicked:\n{err}");
    assert!(!err.is_empty());
    err
}
