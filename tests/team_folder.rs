//! Three inspectors, one qcdc-agency inspection, a shared folder and no git: the leader
//! assigns sections and packs, two members join from the pack, everyone answers their own
//! sections and some of the others' (agreeing on one question, disagreeing on two, each
//! writing a note on the same question), and they sync through the folder in every order.
//! Every copy ends the same, with every change anyone made, both notes, and the two
//! disagreements; the record cannot be finished until they are resolved.

mod team_support;

use std::collections::BTreeSet;
use std::path::Path;

use onsite::record::Record;
use onsite::record::merge::conflicts;
use onsite::session::{Command, Session, SessionError};
use team_support::{Member, at, start_inspection};

struct Team {
    lan: Member,
    minh: Member,
    hoa: Member,
    id: String,
}

/// The team, with the inspection shared and joined and everyone's work done, not synced.
fn team(root: &Path) -> Team {
    let lan = Member::new(root, "lan", "Nguyễn Thị Lan");
    let minh = Member::new(root, "minh", "Trần Văn Minh");
    let hoa = Member::new(root, "hoa", "Lê Thị Hoa");
    let id = start_inspection(&lan);
    lan.ok(&["team", "assign", &id, "leadership", &minh.name]);
    lan.ok(&["team", "assign", &id, "regulations", &hoa.name]);
    lan.ok(&["team", "assign", &id, "disclosure", &lan.name]);
    let pack = root.join("pack.json");
    let said = lan.ok(&["team", "pack", &id, "-o", pack.to_str().expect("path")]);
    assert!(said.contains("team join"), "{said}");
    let pack = pack.to_str().expect("path");
    let joined = minh.ok(&["team", "join", pack]);
    assert!(joined.contains("Trần Văn Minh"), "{joined}");
    hoa.ok(&["team", "join", pack]);
    // Joining twice is refused with a sentence, nothing replaced.
    let again = hoa.run(&["team", "join", pack]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already here"));

    let r = minh.record(&id);
    assert_eq!(
        r.team.as_ref().map(|t| t.me.as_str()),
        Some("Trần Văn Minh")
    );
    assert_eq!(
        r.team.as_ref().and_then(|t| t.assignee("regulations")),
        Some("Lê Thị Hoa")
    );
    assert_eq!(
        r.header.get("organisation").map(String::as_str),
        Some("Sở Nội vụ tỉnh Hà Nam")
    );

    minh.answer(
        &id,
        at("09:00"),
        &[("steering-committee", "yes"), ("party-leadership", "no")],
    );
    minh.note(
        &id,
        at("09:05"),
        "steering-committee",
        "Quyết định số 12/QĐ-SNV, xem bản gốc",
    );
    hoa.answer(
        &id,
        at("09:10"),
        &[
            ("democracy-regulation", "yes"),
            ("internal-rules", "partial"),
            ("steering-committee", "yes"),
            ("party-leadership", "partial"),
        ],
    );
    hoa.note(
        &id,
        at("09:12"),
        "steering-committee",
        "Thành viên chưa được kiện toàn",
    );
    lan.answer(
        &id,
        at("09:20"),
        &[("disclosure-finance", "no"), ("internal-rules", "no")],
    );
    Team { lan, minh, hoa, id }
}

fn sync(m: &Member, id: &str, folder: &Path) -> String {
    m.ok(&[
        "team",
        "sync",
        id,
        "--folder",
        folder.to_str().expect("path"),
    ])
}

/// What must be the same in every copy: answers, title page, notes, recommendations, the
/// changes and the disagreements.
fn content(r: &Record) -> String {
    content_of(r, true)
}

fn content_of(r: &Record, with_changes: bool) -> String {
    let conflicts: Vec<String> = conflicts(r).iter().map(|c| c.target.clone()).collect();
    let changes: Vec<String> = if with_changes {
        r.changes.iter().map(|c| c.id()).collect()
    } else {
        Vec::new()
    };
    serde_json::json!({
        "header": r.header,
        "answers": r.answers.iter().map(|(k, a)| (k.clone(), (a.value.clone(), a.note.clone(), a.awaiting_evidence))).collect::<Vec<_>>(),
        "notes": r.general_notes,
        "recs": r.recommendations,
        "changes": changes,
        "conflicts": conflicts,
        "assignments": r.team.as_ref().map(|t| t.assignments.clone()),
    })
    .to_string()
}

fn value(r: &Record, q: &str) -> Option<String> {
    r.answers
        .get(q)
        .and_then(|a| a.value.as_ref())
        .and_then(|v| serde_json::to_value(v).ok())
        .and_then(|v| v.as_str().map(str::to_string))
}

#[test]
fn every_order_through_a_shared_folder_gives_one_record_with_everything() {
    let orders: [[usize; 3]; 6] = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let mut results = BTreeSet::new();
    for order in orders {
        let root = tempfile::tempdir().expect("tmp");
        let t = team(root.path());
        let folder = root.path().join("shared");
        let members = [&t.lan, &t.minh, &t.hoa];
        let own: Vec<BTreeSet<String>> = members
            .iter()
            .map(|m| {
                let r = m.record(&t.id);
                r.changes
                    .iter()
                    .filter(|c| c.by == m.name)
                    .map(|c| c.id())
                    .collect()
            })
            .collect();
        // Two rounds in this order: after them everyone has read everyone.
        for _ in 0..2 {
            for &i in &order {
                sync(members[i], &t.id, &folder);
            }
        }
        let records: Vec<Record> = members.iter().map(|m| m.record(&t.id)).collect();
        let first = content(&records[0]);
        for r in &records {
            assert_eq!(content(r), first, "copies differ after order {order:?}");
            // Nothing anyone did is missing.
            let ids: BTreeSet<String> = r.changes.iter().map(|c| c.id()).collect();
            for mine in &own {
                assert!(mine.is_subset(&ids), "a change is missing after {order:?}");
            }
        }
        let r = &records[0];
        assert_eq!(value(r, "steering-committee").as_deref(), Some("yes"));
        assert_eq!(value(r, "democracy-regulation").as_deref(), Some("yes"));
        assert_eq!(value(r, "disclosure-finance").as_deref(), Some("no"));
        let note = &r.answers["steering-committee"].note;
        assert!(
            note.contains("Quyết định số 12/QĐ-SNV") && note.contains("chưa được kiện toàn"),
            "{note}"
        );
        assert!(
            note.contains("Trần Văn Minh") && note.contains("Lê Thị Hoa"),
            "{note}"
        );
        let open: Vec<String> = conflicts(r).iter().map(|c| c.target.clone()).collect();
        assert_eq!(open, ["answer/internal-rules", "answer/party-leadership"]);
        let c = &conflicts(r)[1];
        let sides: Vec<(&str, Option<&str>)> = c
            .sides
            .iter()
            .map(|s| (s.by.as_str(), s.new.as_str()))
            .collect();
        assert!(sides.contains(&("Trần Văn Minh", Some("no"))), "{sides:?}");
        assert!(
            sides.contains(&("Lê Thị Hoa", Some("partial"))),
            "{sides:?}"
        );
        results.insert(content_of(r, false));
        // Assignments travelled to everyone.
        assert_eq!(
            r.team.as_ref().and_then(|t| t.assignee("leadership")),
            Some("Trần Văn Minh")
        );
    }
    // Not only does each run agree within itself: the content is the same whatever the
    // order of exchange (change ids carry the clock time of the commands, so they differ
    // from run to run and are left out here).
    assert_eq!(results.len(), 1, "different results for different orders");
}

#[test]
fn disagreements_block_finishing_until_a_person_resolves_them() {
    let root = tempfile::tempdir().expect("tmp");
    let t = team(root.path());
    let folder = root.path().join("shared");
    for m in [&t.minh, &t.hoa, &t.lan, &t.minh, &t.hoa] {
        sync(m, &t.id, &folder);
    }
    let said = t.ok_status();
    assert!(said.contains("Disagreements: 2"), "{said}");
    assert!(
        said.contains("Trần Văn Minh") && said.contains("Lê Thị Hoa"),
        "{said}"
    );

    // Finishing is refused with the count.
    let mut s = Session::new(t.lan.record(&t.id), false);
    assert_eq!(
        s.apply(Command::Finish, at("10:00")),
        Err(SessionError::Conflicts(2))
    );
    // The leader keeps Minh's answer on one, and answers the other anew.
    s.apply(
        Command::Resolve {
            target: "answer/party-leadership".into(),
            value: serde_json::json!("no"),
        },
        at("10:01"),
    )
    .expect("resolve");
    s.apply(Command::GoTo("internal-rules".into()), at("10:02"))
        .expect("go to");
    s.apply(Command::Input("partial".into()), at("10:02"))
        .expect("answer anew");
    assert!(conflicts(s.record()).is_empty());
    onsite::record::save_at(&t.lan.path(&t.id), s.record()).expect("save");

    for m in [&t.lan, &t.minh, &t.hoa] {
        let said = sync(m, &t.id, &folder);
        assert!(said.contains("no disagreements"), "{said}");
    }
    for m in [&t.minh, &t.hoa] {
        let r = m.record(&t.id);
        assert!(conflicts(&r).is_empty());
        assert_eq!(value(&r, "party-leadership").as_deref(), Some("no"));
        assert_eq!(value(&r, "internal-rules").as_deref(), Some("partial"));
    }
    let mut s = Session::new(t.hoa.record(&t.id), false);
    s.apply(Command::Finish, at("10:30")).expect("finish");
}

impl Team {
    fn ok_status(&self) -> String {
        self.lan.ok(&["team", "status", &self.id])
    }
}

#[test]
fn a_damaged_journal_is_named_with_its_line_and_nothing_is_written() {
    let root = tempfile::tempdir().expect("tmp");
    let t = team(root.path());
    let folder = root.path().join("shared");
    sync(&t.minh, &t.id, &folder);
    let dir = std::fs::read_dir(&folder)
        .expect("folder")
        .flatten()
        .next()
        .expect("inspection folder")
        .path();
    let bad = dir.join("someone.jsonl");
    std::fs::write(&bad, "{\"by\":\"x\"\nnot json\n").expect("write");
    let before = std::fs::read(t.hoa.path(&t.id)).expect("read");
    let out = t.hoa.run(&[
        "team",
        "sync",
        &t.id,
        "--folder",
        folder.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("someone.jsonl:1:"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(t.hoa.path(&t.id)).expect("read"), before);
}

#[test]
fn a_record_not_shared_and_a_file_not_a_pack_are_refused_in_vietnamese_too() {
    let root = tempfile::tempdir().expect("tmp");
    let lan = Member::new(root.path(), "lan", "Lan");
    let id = start_inspection(&lan);
    let out = lan.run(&["team", "status", &id, "--lang", "vi"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("chưa làm việc nhóm"));
    let not_pack = root.path().join("x.json");
    std::fs::write(&not_pack, "{\"format\": \"something\"}").expect("write");
    let out = lan.run(&[
        "team",
        "join",
        not_pack.to_str().expect("p"),
        "--lang",
        "vi",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không phải tệp giao việc"));
}

#[test]
fn aggregate_and_list_count_a_shared_inspection_once_with_everyones_answers() {
    let root = tempfile::tempdir().expect("tmp");
    let t = team(root.path());
    // No sync at all: aggregate itself brings the copies together.
    let dirs: Vec<String> = [&t.lan, &t.minh, &t.hoa]
        .iter()
        .map(|m| m.data.join("records").display().to_string())
        .collect();
    let mut args = vec!["aggregate"];
    args.extend(dirs.iter().map(String::as_str));
    args.extend(["--format", "json"]);
    let out = t.lan.run(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).trim().is_empty(),
        "copies of a shared inspection are not warned about: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = doc["groups"][0]["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1, "{doc}");
    // Findings from Minh (party-leadership no, or Hoa's partial) and Lan (disclosure-finance
    // no) are both counted: the copies were merged, not one picked.
    let findings = rows[0]["findings"].as_u64().expect("findings");
    assert!(findings >= 3, "{findings}");
    for m in [&t.lan, &t.minh, &t.hoa] {
        let list: serde_json::Value =
            serde_json::from_str(&m.ok(&["list", "--json"])).expect("list json");
        assert_eq!(list.as_array().map(Vec::len), Some(1));
    }
}

#[test]
fn the_json_report_holds_who_did_what_and_the_disagreements() {
    let root = tempfile::tempdir().expect("tmp");
    let t = team(root.path());
    let folder = root.path().join("shared");
    for m in [&t.minh, &t.hoa, &t.lan] {
        sync(m, &t.id, &folder);
    }
    let json = t
        .lan
        .ok(&["report", &t.id, "--format", "json", "--lang", "vi"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
    let history = doc["history"].as_array().expect("history");
    assert!(history.iter().any(|h| h["by"] == "Trần Văn Minh"
        && h["target"] == "answer/party-leadership"
        && h["new"] == "no"
        && h["new_text"] == "Không"));
    assert!(
        history
            .iter()
            .any(|h| h["by"] == "Lê Thị Hoa" && h["target"] == "note/steering-committee")
    );
    let d = doc["disagreements"].as_array().expect("disagreements");
    assert_eq!(d.len(), 2);
}
