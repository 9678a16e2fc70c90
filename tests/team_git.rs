//! Git as the sync engine, with the real `git` binary: a bare repository on disk stands for
//! the team's server or USB stick; each member clones it and syncs with
//! `onsite team sync --git`. One member works on two laptops, so the same journal changes
//! on both sides and git runs `onsite merge-driver`. No record or journal ever holds
//! conflict markers, and every change reaches every copy. A `git bundle` carries the
//! commits to a member with no access to the repository.

mod team_support;

use std::path::Path;

use onsite::record::merge::conflicts;
use team_support::{Member, at, files_under, git, start_inspection};

fn has_git() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn clone(bare: &Path, to: &Path, home: &Path) {
    let out = git(
        to.parent().expect("parent"),
        home,
        &[
            "clone",
            "-q",
            bare.to_str().expect("p"),
            to.to_str().expect("p"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn sync(m: &Member, id: &str, clone: &Path) -> String {
    m.ok(&["team", "sync", id, "--git", clone.to_str().expect("path")])
}

fn no_markers(dir: &Path) {
    for f in files_under(dir) {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        assert!(
            !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
            "conflict markers in {}",
            f.display()
        );
    }
}

#[test]
fn three_members_and_a_second_laptop_sync_through_git_with_the_merge_driver() {
    if !has_git() {
        eprintln!("git not found: skipped");
        return;
    }
    let root = tempfile::tempdir().expect("tmp");
    let r = root.path();
    let home = r.join("home");
    let bare = r.join("team.git");
    let out = git(
        r,
        &home,
        &["init", "-q", "--bare", bare.to_str().expect("p")],
    );
    assert!(out.status.success());

    let lan = Member::new(r, "lan", "Nguyễn Thị Lan");
    let minh = Member::new(r, "minh", "Trần Văn Minh");
    let minh2 = Member::new(r, "minh-laptop2", "Trần Văn Minh");
    let hoa = Member::new(r, "hoa", "Lê Thị Hoa");
    let id = start_inspection(&lan);
    lan.ok(&["team", "assign", &id, "leadership", &minh.name]);
    let pack = r.join("pack.json");
    lan.ok(&["team", "pack", &id, "-o", pack.to_str().expect("p")]);
    for m in [&minh, &minh2, &hoa] {
        m.ok(&["team", "join", pack.to_str().expect("p")]);
    }
    let clones: Vec<std::path::PathBuf> = ["c-lan", "c-minh", "c-minh2", "c-hoa"]
        .iter()
        .map(|c| r.join(c))
        .collect();
    for c in &clones {
        clone(&bare, c, &home);
    }

    // Everyone works with no network.
    lan.answer(&id, at("09:00"), &[("disclosure-finance", "no")]);
    minh.answer(&id, at("09:01"), &[("steering-committee", "yes")]);
    minh2.answer(&id, at("09:02"), &[("union-role", "partial")]);
    hoa.answer(
        &id,
        at("09:03"),
        &[("steering-committee", "no"), ("internal-rules", "yes")],
    );

    // Then each syncs: the first push creates the branch, the others pull and merge.
    sync(&lan, &id, &clones[0]);
    sync(&minh, &id, &clones[1]);
    // Minh's other laptop writes the same journal file differently: git merges it with
    // the driver.
    sync(&minh2, &id, &clones[2]);
    sync(&hoa, &id, &clones[3]);
    // Concurrent: Minh changes more on the first laptop and syncs from a stale clone.
    minh.answer(&id, at("09:30"), &[("annual-plan", "partial")]);
    sync(&minh, &id, &clones[1]);
    for (m, c) in [(&lan, 0), (&minh2, 2), (&hoa, 3), (&minh, 1)] {
        sync(m, &id, &clones[c]);
    }

    let config = git(&clones[1], &home, &["config", "merge.onsite.driver"]);
    let driver = String::from_utf8_lossy(&config.stdout);
    assert!(driver.contains("merge-driver %O %A %B"), "{driver}");
    let attrs = std::fs::read_to_string(clones[1].join(".gitattributes")).expect("attributes");
    assert!(attrs.contains("*.jsonl merge=onsite"), "{attrs}");

    let want = [
        ("disclosure-finance", "no"),
        ("union-role", "partial"),
        ("internal-rules", "yes"),
        ("annual-plan", "partial"),
    ];
    let mut contents = Vec::new();
    for m in [&lan, &minh, &minh2, &hoa] {
        let rec = m.record(&id);
        for (q, v) in want {
            let got = rec
                .answers
                .get(q)
                .and_then(|a| a.value.as_ref())
                .and_then(|v| {
                    serde_json::to_value(v)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                });
            assert_eq!(got.as_deref(), Some(v), "{q} in {}", m.data.display());
        }
        let open: Vec<String> = conflicts(&rec).iter().map(|c| c.target.clone()).collect();
        assert_eq!(open, ["answer/steering-committee"], "{}", m.data.display());
        contents.push(serde_json::to_string(&rec.answers).expect("json"));
        no_markers(&m.data);
    }
    assert!(contents.windows(2).all(|w| w[0] == w[1]));
    for c in &clones {
        no_markers(c);
        let status = git(c, &home, &["status", "--porcelain"]);
        let st = String::from_utf8_lossy(&status.stdout);
        assert!(
            !st.contains("UU") && !st.contains("AA"),
            "unmerged files: {st}"
        );
    }
    // Minh's journal holds both laptops' changes.
    let journals: Vec<_> = files_under(&clones[0])
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("tran-van-minh"))
        .collect();
    assert_eq!(journals.len(), 1, "{journals:?}");
    let j = std::fs::read_to_string(&journals[0]).expect("journal");
    assert!(
        j.contains("union-role") && j.contains("annual-plan") && j.contains("steering-committee")
    );

    // A USB stick: a bundle of the repository, pulled into a new clone of a latecomer.
    let bundle = r.join("stick.bundle");
    let out = git(
        &clones[0],
        &home,
        &["bundle", "create", bundle.to_str().expect("p"), "--all"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let late = r.join("c-late");
    clone(&bundle, &late, &home);
    assert!(
        files_under(&late)
            .iter()
            .any(|p| p.to_string_lossy().ends_with(".jsonl"))
    );
}

#[test]
fn sync_into_a_folder_that_is_not_a_clone_says_so() {
    let root = tempfile::tempdir().expect("tmp");
    let lan = Member::new(root.path(), "lan", "Lan");
    let id = start_inspection(&lan);
    lan.ok(&[
        "team",
        "pack",
        &id,
        "-o",
        root.path().join("p.json").to_str().expect("p"),
    ]);
    let plain = root.path().join("plain");
    std::fs::create_dir_all(&plain).expect("dir");
    let out = lan.run(&["team", "sync", &id, "--git", plain.to_str().expect("p")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not a git clone"), "{err}");
}

#[test]
fn the_merge_driver_unions_journals_and_leaves_other_files_alone() {
    let root = tempfile::tempdir().expect("tmp");
    let d = root.path();
    let line = |seq: u64, q: &str, v: &str| {
        format!(
            "{{\"by\":\"An\",\"seq\":{seq},\"at\":\"2026-12-02T09:00:00+07:00\",\"target\":\"answer/{q}\",\"old\":null,\"new\":\"{v}\"}}\n"
        )
    };
    let base = d.join("o");
    let ours = d.join("a");
    let theirs = d.join("b");
    std::fs::write(&base, line(1, "x", "yes")).expect("w");
    std::fs::write(&ours, line(1, "x", "yes") + &line(2, "y", "no")).expect("w");
    std::fs::write(&theirs, line(1, "x", "yes") + &line(3, "z", "partial")).expect("w");
    let p = |x: &Path| x.to_str().expect("p").to_string();
    team_support::ok(d, &["merge-driver", &p(&base), &p(&ours), &p(&theirs)]);
    let merged = std::fs::read_to_string(&ours).expect("read");
    assert_eq!(merged.lines().count(), 3, "{merged}");
    assert!(merged.contains("answer/y") && merged.contains("answer/z"));
    // Something that is neither: exit 1, the file left as it was.
    std::fs::write(&ours, "hello\n").expect("w");
    std::fs::write(&theirs, "world\n").expect("w");
    let out = team_support::run(d, &["merge-driver", &p(&base), &p(&ours), &p(&theirs)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&ours).expect("read"), "hello\n");
}
