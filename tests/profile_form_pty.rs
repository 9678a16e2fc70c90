//! The document-profile form in the real binary: `p` on the start screen opens it, a fact
//! typed there is saved to `<data-dir>/document-profile.json` the way `onsite doc profile
//! --set` saves it, `Esc` goes back; text being typed survives SIGHUP.

mod pty;

use std::time::Duration;

use pty::harness::Pty;

fn profile(data: &std::path::Path) -> serde_json::Value {
    let text = std::fs::read_to_string(data.join("document-profile.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Moves the focus to the fact `place` (the 7th).
fn to_place(p: &mut Pty) {
    for _ in 0..6 {
        p.send("j");
    }
}

#[test]
fn p_on_the_start_screen_edits_the_profile_and_esc_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // A fact set on the command line is shown and kept.
    let set = std::process::Command::new(env!("CARGO_BIN_EXE_onsite"))
        .arg("--data-dir")
        .arg(data)
        .args(["doc", "profile", "--set", "issuer-code=BCĐ"])
        .output()
        .unwrap();
    assert!(set.status.success());
    let mut p = Pty::spawn(&["--lang", "vi"], data, &[], 80, 24);
    p.wait_for("Cuộc kiểm tra đang làm", 10);
    p.send("p");
    p.wait_for("Hồ sơ văn bản", 5);
    p.wait_for("BCĐ", 5);
    to_place(&mut p);
    p.send("\r");
    p.type_slowly("Quảng Trị");
    p.send("\r");
    p.wait_for("Đã lưu", 5);
    p.send("\x1b");
    p.wait_for("Enter sửa", 5);
    std::thread::sleep(Duration::from_millis(100));
    p.send("\x1b");
    p.wait_for("Cuộc kiểm tra đang làm", 5);
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    let v = profile(data);
    assert_eq!(v["place"], "Quảng Trị");
    assert_eq!(v["issuer-code"], "BCĐ");
}

#[test]
fn text_being_typed_is_saved_on_sighup() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut p = Pty::spawn(&["--lang", "en"], data, &[], 80, 24);
    p.wait_for("Inspections in progress", 10);
    p.send("p");
    p.wait_for("Document profile", 5);
    to_place(&mut p);
    p.send("\r");
    p.type_slowly("Ha Tinh");
    p.wait_for("Ha Tinh", 5);
    // SAFETY: kill with a valid pid and signal.
    let rc = unsafe { libc::kill(p.pid(), libc::SIGHUP) };
    assert_eq!(rc, 0);
    assert!(p.wait_exit(Duration::from_secs(5)).is_some());
    assert_eq!(profile(data)["place"], "Ha Tinh");
}

#[test]
fn ctrl_c_while_typing_saves_the_fact_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut p = Pty::spawn(&["--lang", "en"], data, &[], 80, 24);
    p.wait_for("Inspections in progress", 10);
    p.send("p");
    p.wait_for("Document profile", 5);
    to_place(&mut p);
    p.send("\r");
    p.type_slowly("Dong Ha");
    p.wait_for("Dong Ha", 5);
    p.send("\x03");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    assert_eq!(profile(data)["place"], "Dong Ha");
}
