//! Rules every bundled checklist (`checklists/*.json`) must satisfy.
//!
//! This is not the validator (`onsite validate`); it states what the shipped content
//! promises: it parses with the typed model, ids are well formed and unique, every
//! reference and condition points backwards at values the question can take, every
//! flaggable question yields a recommendation, every text exists in each of the
//! checklist's languages (NFC, no control characters), and each checklist has the
//! shape its issue asks for. A failure names the file and the place of each problem.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use indexmap::IndexMap;
use onsite::checklist::visibility::visible;
use onsite::checklist::{
    Checklist, Condition, FORMAT, HeaderType, Operand, OptionDef, Question, QuestionType, Text,
};
use onsite::record::{Answer, AnswerValue};
use unicode_normalization::is_nfc;

/// The bundled checklist files, relative to `checklists/`.
const FILES: &[&str] = &["qcdc-agency.json", "canteen.json", "demo.json"];

fn path_of(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("checklists")
        .join(name)
}

fn display(name: &str) -> String {
    format!("checklists/{name}")
}

/// Reads and parses one bundled checklist, panicking with `file: error (line, column)`.
fn load(name: &str) -> Checklist {
    let path = path_of(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", display(name)));
    serde_json::from_str::<Checklist>(&text)
        .unwrap_or_else(|e| panic!("{}: does not parse as a checklist: {e}", display(name)))
}

/// Collected problems of one file, each prefixed with the file and the place.
struct Problems {
    file: String,
    list: Vec<String>,
}

impl Problems {
    fn new(name: &str) -> Self {
        Problems {
            file: display(name),
            list: Vec::new(),
        }
    }

    fn add(&mut self, place: &str, msg: impl AsRef<str>) {
        self.list
            .push(format!("{}: {place}: {}", self.file, msg.as_ref()));
    }
}

fn assert_no_problems(all: Vec<String>) {
    assert!(
        all.is_empty(),
        "{} problem(s) in the bundled checklists:\n  {}",
        all.len(),
        all.join("\n  ")
    );
}

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn qplace(si: usize, qi: usize, q: &Question) -> String {
    format!("/sections/{si}/questions/{qi} (`{}`)", q.id)
}

fn option_texts<'a>(out: &mut Vec<(String, &'a Text)>, base: String, opts: &'a [OptionDef]) {
    for (i, o) in opts.iter().enumerate() {
        out.push((format!("{base}/{i}/label"), &o.label));
    }
}

/// Every text of the checklist with its JSON path.
fn texts(cl: &Checklist) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> = vec![("/title".into(), &cl.title)];
    if let Some(d) = &cl.description {
        out.push(("/description".into(), d));
    }
    for (i, h) in cl.header.iter().enumerate() {
        out.push((format!("/header/{i}/label"), &h.label));
        if let Some(t) = &h.help {
            out.push((format!("/header/{i}/help"), t));
        }
    }
    for (name, opts) in &cl.response_sets {
        option_texts(&mut out, format!("/response_sets/{name}"), opts);
    }
    for (i, r) in cl.rating.iter().enumerate() {
        out.push((format!("/rating/{i}/label"), &r.label));
    }
    for (si, s) in cl.sections.iter().enumerate() {
        out.push((format!("/sections/{si}/title"), &s.title));
        if let Some(g) = &s.guidance {
            out.push((format!("/sections/{si}/guidance"), g));
        }
        for (qi, q) in s.questions.iter().enumerate() {
            let base = qplace(si, qi, q);
            out.push((format!("{base}/prompt"), &q.prompt));
            for (field, t) in [
                ("guidance", &q.guidance),
                ("basis", &q.basis),
                ("unit", &q.unit),
            ] {
                if let Some(t) = t {
                    out.push((format!("{base}/{field}"), t));
                }
            }
            for (i, e) in q.evidence.iter().enumerate() {
                out.push((format!("{base}/evidence/{i}"), e));
            }
            if let Some(r) = &q.recommendation {
                out.push((format!("{base}/recommendation/text"), &r.text));
            }
            if let Some(opts) = &q.options {
                option_texts(&mut out, format!("{base}/options"), opts);
            }
        }
    }
    out
}

/// Checks a condition: every question it names comes earlier and is answerable, and every
/// value or comparison fits that question.
fn check_condition(
    cl: &Checklist,
    c: &Condition,
    earlier: &HashMap<&str, &Question>,
    header_ids: &HashSet<&str>,
    place: &str,
    p: &mut Problems,
) {
    let target = |q: &str, p: &mut Problems| -> Option<&Question> {
        match earlier.get(q) {
            Some(t) => Some(*t),
            None if header_ids.contains(q) => {
                p.add(place, format!("show_if refers to header field `{q}`; conditions can only refer to questions"));
                None
            }
            None if cl.question(q).is_some() => {
                p.add(
                    place,
                    format!("show_if refers to `{q}`, which is not an earlier question"),
                );
                None
            }
            None => {
                p.add(place, format!("show_if refers to unknown question `{q}`"));
                None
            }
        }
    };
    let check_values = |t: &Question, values: &[&serde_json::Value], p: &mut Problems| {
        if !matches!(t.kind, QuestionType::Choice | QuestionType::Multi) {
            p.add(place, format!("show_if compares `{}` with option values, but it is not a choice or multi question", t.id));
            return;
        }
        let opts: HashSet<&str> = cl.options_of(t).iter().map(|o| o.value.as_str()).collect();
        for v in values {
            match v.as_str() {
                Some(s) if opts.contains(s) => {}
                _ => p.add(
                    place,
                    format!("show_if value {v} is not an option of `{}`", t.id),
                ),
            }
        }
    };
    match c {
        Condition::Is { q, value } => {
            if let Some(t) = target(q, p) {
                check_values(t, &[value], p);
            }
        }
        Condition::In { q, values } => {
            if values.is_empty() {
                p.add(place, "show_if `in` has no values");
            }
            if let Some(t) = target(q, p) {
                check_values(t, &values.iter().collect::<Vec<_>>(), p);
            }
        }
        Condition::Answered { q, .. } => {
            target(q, p);
        }
        Condition::Cmp { q, rhs, .. } => {
            let mut names = vec![q.as_str()];
            if let Operand::Answer(scaled) = rhs {
                names.push(scaled.q.as_str());
                if scaled.ratio().is_none() {
                    p.add(
                        place,
                        format!(
                            "show_if ratio {:?} is not two whole numbers from 1 to 1000",
                            scaled.ratio
                        ),
                    );
                }
            }
            for q in names {
                if let Some(t) = target(q, p)
                    && t.kind != QuestionType::Number
                {
                    p.add(
                        place,
                        format!(
                            "show_if compares `{}` as a number, but it is not a number question",
                            t.id
                        ),
                    );
                }
            }
        }
        Condition::All(list) | Condition::Any(list) => {
            if list.is_empty() {
                p.add(place, "show_if `all`/`any` is empty");
            }
            for c in list {
                check_condition(cl, c, earlier, header_ids, place, p);
            }
        }
        Condition::Not(c) => check_condition(cl, c, earlier, header_ids, place, p),
    }
}

fn check_options(opts: &[OptionDef], place: &str, p: &mut Problems) {
    if opts.is_empty() {
        p.add(place, "has no options");
    }
    let mut seen = HashSet::new();
    for o in opts {
        if !valid_id(&o.value) {
            p.add(
                place,
                format!(
                    "option value `{}` is not of the form [a-z0-9][a-z0-9_-]*",
                    o.value
                ),
            );
        }
        if !seen.insert(o.value.as_str()) {
            p.add(place, format!("option value `{}` appears twice", o.value));
        }
        if let Some(s) = o.score
            && !(s.is_finite() && (0.0..=1.0).contains(&s))
        {
            p.add(
                place,
                format!("option `{}` has score {s}, outside 0–1", o.value),
            );
        }
    }
}

/// The rules that hold for every bundled checklist.
fn check_general(name: &str, cl: &Checklist) -> Vec<String> {
    let mut p = Problems::new(name);

    if cl.format != FORMAT {
        p.add(
            "/format",
            format!("is `{}`, expected `{FORMAT}`", cl.format),
        );
    }
    if !valid_id(&cl.id) {
        p.add(
            "/id",
            format!("`{}` is not of the form [a-z0-9][a-z0-9_-]*", cl.id),
        );
    }
    if cl.version.trim().is_empty() {
        p.add("/version", "is empty");
    }

    // Ids: header fields and questions share one namespace; sections have their own.
    let mut ids: HashMap<&str, String> = HashMap::new();
    let header_ids: HashSet<&str> = cl.header.iter().map(|h| h.id.as_str()).collect();
    for (i, h) in cl.header.iter().enumerate() {
        let place = format!("/header/{i} (`{}`)", h.id);
        if !valid_id(&h.id) {
            p.add(&place, "id is not of the form [a-z0-9][a-z0-9_-]*");
        }
        if let Some(first) = ids.insert(&h.id, place.clone()) {
            p.add(&place, format!("id `{}` already used at {first}", h.id));
        }
        if let Some(d) = &h.default {
            let ok = match h.kind {
                HeaderType::Date => {
                    d == "today" || NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()
                }
                HeaderType::Number => d.parse::<f64>().is_ok(),
                HeaderType::Text => true,
            };
            if !ok {
                p.add(&place, format!("default `{d}` does not fit the field type"));
            }
        }
    }
    for (name, opts) in &cl.response_sets {
        let place = format!("/response_sets/{name}");
        if !valid_id(name) {
            p.add(&place, "set name is not of the form [a-z0-9][a-z0-9_-]*");
        }
        check_options(opts, &place, &mut p);
    }

    // Rating: bands in 0–1, highest first, the last one starting at 0 so every score has one.
    if cl.rating.is_empty() {
        p.add("/rating", "has no bands");
    }
    for (i, w) in cl.rating.windows(2).enumerate() {
        if w[0].min <= w[1].min {
            p.add(
                &format!("/rating/{}", i + 1),
                "bands must be ordered by `min`, highest first",
            );
        }
    }
    for (i, b) in cl.rating.iter().enumerate() {
        if !(0.0..=1.0).contains(&b.min) {
            p.add(
                &format!("/rating/{i}"),
                format!("min {} is outside 0–1", b.min),
            );
        }
    }
    if let Some(last) = cl.rating.last()
        && last.min != 0.0
    {
        p.add("/rating", "the lowest band must start at 0");
    }

    if cl.sections.is_empty() {
        p.add("/sections", "there are no sections");
    }
    let mut section_ids = HashSet::new();
    let mut earlier: HashMap<&str, &Question> = HashMap::new();
    for (si, s) in cl.sections.iter().enumerate() {
        let splace = format!("/sections/{si} (`{}`)", s.id);
        if !valid_id(&s.id) {
            p.add(&splace, "id is not of the form [a-z0-9][a-z0-9_-]*");
        }
        if !section_ids.insert(s.id.as_str()) {
            p.add(&splace, format!("section id `{}` appears twice", s.id));
        }
        if s.questions.is_empty() {
            p.add(&splace, "section has no questions");
        }
        for (qi, q) in s.questions.iter().enumerate() {
            let place = qplace(si, qi, q);
            if !valid_id(&q.id) {
                p.add(&place, "id is not of the form [a-z0-9][a-z0-9_-]*");
            }
            if let Some(first) = ids.insert(&q.id, place.clone()) {
                p.add(&place, format!("id `{}` already used at {first}", q.id));
            }

            let is_options = matches!(q.kind, QuestionType::Choice | QuestionType::Multi);
            match (is_options, &q.responses, &q.options) {
                (true, Some(_), Some(_)) => p.add(&place, "has both `responses` and `options`"),
                (true, None, None) => p.add(&place, "needs `responses` or `options`"),
                (true, Some(set), None) if !cl.response_sets.contains_key(set) => {
                    p.add(&place, format!("`responses` names unknown set `{set}`"))
                }
                (true, _, Some(opts)) => check_options(opts, &format!("{place}/options"), &mut p),
                (false, Some(_), _) | (false, _, Some(_)) => p.add(
                    &place,
                    "only choice and multi questions take `responses` or `options`",
                ),
                _ => {}
            }
            let numeric = q.min.is_some() || q.max.is_some() || q.integer || q.unit.is_some();
            if numeric && q.kind != QuestionType::Number {
                p.add(
                    &place,
                    "`min`, `max`, `integer` and `unit` are for number questions",
                );
            }
            if let (Some(lo), Some(hi)) = (q.min, q.max)
                && lo > hi
            {
                p.add(&place, format!("min {lo} is greater than max {hi}"));
            }
            if q.kind == QuestionType::Info && q.required {
                p.add(&place, "an info question cannot be required");
            }

            // Recommendations: every flaggable question has one; `when` names real options.
            let opts = cl.options_of(q);
            let values: HashSet<&str> = opts.iter().map(|o| o.value.as_str()).collect();
            let flagged = opts.iter().any(|o| o.flag);
            match &q.recommendation {
                None if flagged => p.add(
                    &place,
                    "has a flagged option but no recommendation (every flaggable question must yield one)",
                ),
                Some(_) if !is_options => p.add(&place, "only choice and multi questions can carry a recommendation"),
                Some(r) => match &r.when {
                    Some(when) => {
                        if when.is_empty() {
                            p.add(&place, "recommendation `when` is empty");
                        }
                        for w in when {
                            if !values.contains(w.as_str()) {
                                p.add(&place, format!("recommendation `when` value `{w}` is not an option of this question"));
                            }
                        }
                    }
                    None if !flagged => p.add(
                        &place,
                        "recommendation without `when` on a question with no flagged option would never apply",
                    ),
                    None => {}
                },
                None => {}
            }

            if let Some(c) = &q.show_if {
                check_condition(
                    cl,
                    c,
                    &earlier,
                    &header_ids,
                    &format!("{place}/show_if"),
                    &mut p,
                );
            }
            if q.is_answerable() {
                earlier.insert(&q.id, q);
            }
        }
    }

    // Texts: in every language of the checklist, first language first, non-empty, NFC, inert.
    let langs = cl.title.languages();
    for (place, t) in texts(cl) {
        match t {
            _ if !t.is_localized() && !langs.is_empty() => p.add(
                &place,
                format!(
                    "is a plain string; this checklist gives every text in {}",
                    langs.join(", ")
                ),
            ),
            _ if t.is_localized() && t.languages() != langs => p.add(
                &place,
                format!(
                    "has languages [{}], expected [{}] in that order",
                    t.languages().join(", "),
                    langs.join(", ")
                ),
            ),
            _ => {}
        }
        for s in t.all() {
            if s.trim().is_empty() {
                p.add(&place, "is empty in one of its languages");
            }
            if !is_nfc(s) {
                p.add(&place, "is not in Unicode NFC (use precomposed characters)");
            }
            if s.chars().any(char::is_control) {
                p.add(&place, "contains a control character");
            }
        }
    }

    p.list
}

fn counts(cl: &Checklist) -> HashMap<&'static str, usize> {
    let mut m = HashMap::new();
    for (_, q) in cl.questions() {
        let k = match q.kind {
            QuestionType::Choice if q.options.is_some() => "choice-inline",
            QuestionType::Choice => "choice-set",
            QuestionType::Multi => "multi",
            QuestionType::Number => "number",
            QuestionType::Text => "text",
            QuestionType::Date => "date",
            QuestionType::Info => "info",
        };
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

fn answerable(cl: &Checklist) -> usize {
    cl.questions().filter(|(_, q)| q.is_answerable()).count()
}

#[test]
fn every_bundled_checklist_parses_and_follows_the_rules() {
    let mut all = Vec::new();
    let mut ids: HashMap<String, &str> = HashMap::new();
    for name in FILES {
        let cl = load(name);
        if let Some(other) = ids.insert(cl.id.clone(), name) {
            all.push(format!(
                "{}: /id: `{}` is also the id of {}",
                display(name),
                cl.id,
                display(other)
            ));
        }
        all.extend(check_general(name, &cl));
    }
    assert_no_problems(all);
}

#[test]
fn every_json_file_in_checklists_is_covered() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("checklists");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("checklists/ exists") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".json")
            && !name.ends_with(".schema.json")
            && !FILES.contains(&name.as_str())
        {
            missing.push(display(&name));
        }
    }
    assert!(
        missing.is_empty(),
        "add these bundled checklists to FILES in tests/bundled_checklists.rs: {missing:?}"
    );
}

#[test]
fn qcdc_agency_is_complete_and_bilingual() {
    let name = "qcdc-agency.json";
    let cl = load(name);
    let mut p = Problems::new(name);
    if cl.id != "qcdc-agency" {
        p.add("/id", format!("is `{}`, expected `qcdc-agency`", cl.id));
    }
    if cl.title.languages() != ["vi", "en"] {
        p.add(
            "/title",
            "must be given in vi then en (Vietnamese is the fallback)",
        );
    }
    if cl.sections.len() < 7 {
        p.add(
            "/sections",
            format!("has {} sections, expected at least 7", cl.sections.len()),
        );
    }
    let n = answerable(&cl);
    if n < 35 {
        p.add(
            "/sections",
            format!("has {n} answerable questions, expected at least 35"),
        );
    }
    let c = counts(&cl);
    for kind in ["choice-set", "multi", "number", "date", "text"] {
        if !c.contains_key(kind) {
            p.add("/sections", format!("has no {kind} question"));
        }
    }
    for id in [
        "organisation",
        "date",
        "team-lead",
        "members",
        "sent-by",
        "decision",
    ] {
        if !cl.header.iter().any(|h| h.id == id) {
            p.add("/header", format!("has no `{id}` field"));
        }
    }
    for h in &cl.header {
        if ["organisation", "team-lead"].contains(&h.id.as_str()) && !h.required {
            p.add("/header", format!("`{}` must be required", h.id));
        }
    }
    let labels: Vec<&str> = cl.rating.iter().map(|b| b.label.get("vi")).collect();
    if labels != ["Tốt", "Khá", "Trung bình", "Yếu"] {
        p.add(
            "/rating",
            format!("expected Tốt / Khá / Trung bình / Yếu, found {labels:?}"),
        );
    }
    // Every Có/Không/Một phần question carries a recommendation in the register of a conclusion.
    for (si, s) in cl.sections.iter().enumerate() {
        for (qi, q) in s.questions.iter().enumerate() {
            if let Some(r) = &q.recommendation {
                let vi = r.text.get("vi");
                if !vi.starts_with("Đề nghị ") {
                    p.add(
                        &qplace(si, qi, q),
                        "recommendation should open with «Đề nghị …»",
                    );
                }
            }
            if q.responses.as_deref() == Some("ynp") && q.basis.is_none() && q.guidance.is_none() {
                p.add(&qplace(si, qi, q), "has neither a legal basis nor guidance saying where the requirement comes from");
            }
        }
    }
    let first = cl
        .questions()
        .find(|(_, q)| q.is_answerable())
        .map(|(_, q)| q.id.as_str());
    if first != Some("staff-total") {
        p.add(
            "/sections/0",
            "the first answerable question must be `staff-total` (conditions depend on it)",
        );
    }
    assert_no_problems(p.list);
}

fn answers(list: &[(&str, AnswerValue)]) -> IndexMap<String, Answer> {
    let at = DateTime::parse_from_rfc3339("2026-01-05T09:30:00+07:00").unwrap();
    list.iter()
        .map(|(id, v)| {
            (
                id.to_string(),
                Answer {
                    value: Some(v.clone()),
                    note: String::new(),
                    awaiting_evidence: false,
                    updated_at: at,
                },
            )
        })
        .collect()
}

fn shown(cl: &Checklist, list: &[(&str, AnswerValue)]) -> HashSet<String> {
    let vis = visible(cl, &answers(list));
    cl.questions()
        .zip(vis)
        .filter(|(_, v)| *v)
        .map(|((_, q), _)| q.id.clone())
        .collect()
}

#[test]
fn qcdc_small_units_skip_the_board_and_the_conference() {
    let cl = load("qcdc-agency.json");
    let yes = || AnswerValue::Text("yes".into());
    let mut p = Problems::new("qcdc-agency.json");

    let small = shown(
        &cl,
        &[
            ("staff-total", AnswerValue::Number(7.0)),
            ("conf-held", yes()),
            ("board-elected", yes()),
        ],
    );
    for id in [
        "conf-held",
        "conf-quorum",
        "board-elected",
        "board-programme",
    ] {
        if small.contains(id) {
            p.add(id, "is shown for a unit of 7 staff; Art. 60(1) units skip the board and the conference");
        }
    }
    if !small.contains("union-supervision") {
        p.add("union-supervision", "is hidden for a unit of 7 staff");
    }

    let big = shown(
        &cl,
        &[
            ("staff-total", AnswerValue::Number(8.0)),
            ("conf-held", yes()),
            ("board-elected", yes()),
        ],
    );
    for id in [
        "conf-held",
        "conf-date",
        "conf-kind",
        "board-elected",
        "board-programme",
        "board-recs-answered",
    ] {
        if !big.contains(id) {
            p.add(
                id,
                "is hidden for a unit of 8 staff whose conference was held and board elected",
            );
        }
    }
    if big.contains("union-supervision") {
        p.add("union-supervision", "is shown for a unit of 8 staff");
    }

    // Before the staff total is entered, the gated questions stay visible.
    let unknown = shown(&cl, &[]);
    for id in ["conf-held", "board-elected"] {
        if !unknown.contains(id) {
            p.add(id, "is hidden before the staff total is entered");
        }
    }
    // Follow-ups only after a "Có" (or "Một phần").
    let no = shown(
        &cl,
        &[
            ("staff-total", AnswerValue::Number(40.0)),
            ("conf-held", AnswerValue::Text("no".into())),
        ],
    );
    if no.contains("conf-date") || no.contains("conf-kind") {
        p.add(
            "conf-date",
            "follow-ups of `conf-held` are shown after «Không»",
        );
    }
    assert_no_problems(p.list);
}

#[test]
fn canteen_covers_the_food_safety_essentials() {
    let name = "canteen.json";
    let cl = load(name);
    let mut p = Problems::new(name);
    if cl.id != "canteen-food-safety" {
        p.add(
            "/id",
            format!("is `{}`, expected `canteen-food-safety`", cl.id),
        );
    }
    let langs = cl.title.languages();
    if !(langs.contains(&"en") && langs.contains(&"vi")) {
        p.add("/title", "must be given in English and Vietnamese");
    }
    let n = answerable(&cl);
    if n < 20 {
        p.add(
            "/sections",
            format!("has {n} answerable questions, expected at least 20"),
        );
    }
    if !cl.questions().any(|(_, q)| q.show_if.is_some()) {
        p.add("/sections", "uses no condition");
    }
    for id in ["sample-kept", "three-step-check", "health-check"] {
        if cl.question(id).is_none() {
            p.add("/sections", format!("has no `{id}` question"));
        }
    }
    assert_no_problems(p.list);
}

#[test]
fn demo_shows_every_feature_of_the_format() {
    let name = "demo.json";
    let cl = load(name);
    let mut p = Problems::new(name);
    if cl.id != "demo" {
        p.add("/id", format!("is `{}`, expected `demo`", cl.id));
    }
    let c = counts(&cl);
    for kind in [
        "choice-set",
        "choice-inline",
        "multi",
        "number",
        "text",
        "date",
        "info",
    ] {
        if !c.contains_key(kind) {
            p.add("/sections", format!("has no {kind} question"));
        }
    }
    let n = answerable(&cl);
    if !(6..=12).contains(&n) {
        p.add(
            "/sections",
            format!("has {n} answerable questions; the demo should stay short (about 8–10)"),
        );
    }
    if !cl.questions().any(|(_, q)| q.show_if.is_some()) {
        p.add("/sections", "has no show_if condition");
    }
    if !cl.questions().any(|(_, q)| q.recommendation.is_some()) {
        p.add("/sections", "has no recommendation");
    }
    let number_full = cl.questions().any(|(_, q)| {
        q.kind == QuestionType::Number
            && q.min.is_some()
            && q.max.is_some()
            && q.integer
            && q.unit.is_some()
    });
    if !number_full {
        p.add(
            "/sections",
            "has no number question with min, max, integer and unit",
        );
    }
    if cl.header.is_empty() || cl.rating.is_empty() || cl.response_sets.is_empty() {
        p.add(
            "/",
            "needs header fields, a named response set and rating bands",
        );
    }
    assert_no_problems(p.list);
}

// ---------------------------------------------------------------------------------------
// Rules for checklists whose texts reach official documents.

/// Whether one citation (a `;`-separated part of a basis) names its clause or point: in
/// Vietnamese "khoản"/"điểm", in English "Art. N(k)".
fn names_clause(lang: &str, citation: &str) -> bool {
    let lower = citation.to_lowercase();
    match lang {
        "vi" => lower.contains("khoản") || lower.contains("điểm"),
        _ => {
            let mut rest = citation;
            while let Some(at) = rest.find("Art. ") {
                rest = &rest[at + 5..];
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                if digits > 0 && rest[digits..].starts_with('(') {
                    return true;
                }
            }
            false
        }
    }
}

#[test]
fn every_basis_names_its_clause_or_point() {
    let mut all = Vec::new();
    for name in FILES {
        let cl = load(name);
        let mut p = Problems::new(name);
        for (si, s) in cl.sections.iter().enumerate() {
            for (qi, q) in s.questions.iter().enumerate() {
                let Some(basis) = &q.basis else { continue };
                for lang in basis.languages() {
                    for citation in basis.get(lang).split(';') {
                        if !names_clause(lang, citation) {
                            p.add(
                                &format!("{}/basis/{lang}", qplace(si, qi, q)),
                                format!(
                                    "`{}` names no clause or point (khoản, điểm / Art. N(k))",
                                    citation.trim()
                                ),
                            );
                        }
                    }
                }
            }
        }
        all.extend(p.list);
    }
    assert_no_problems(all);
}

/// A checklist that writes statements for documents claims them for every finding.
fn writes_prose(cl: &Checklist) -> bool {
    cl.questions().any(|(_, q)| !q.statement.is_empty())
}

#[test]
fn every_flaggable_question_has_a_statement_and_an_addressee() {
    let mut all = Vec::new();
    let mut claiming = 0;
    for name in FILES {
        let cl = load(name);
        if !writes_prose(&cl) {
            continue;
        }
        claiming += 1;
        let mut p = Problems::new(name);
        for (si, s) in cl.sections.iter().enumerate() {
            for (qi, q) in s.questions.iter().enumerate() {
                let opts = cl.options_of(q);
                if !opts.iter().any(|o| o.flag) {
                    continue;
                }
                let place = qplace(si, qi, q);
                // Every option that counts (scored or flagged) says what it means in prose.
                for o in opts.iter().filter(|o| o.flag || o.score.is_some()) {
                    if !q.statement.contains_key(&o.value) {
                        p.add(&place, format!("option `{}` has no statement", o.value));
                    }
                }
                if q.recommendation
                    .as_ref()
                    .is_none_or(|r| r.addressee.is_none())
                {
                    p.add(&place, "its recommendation has no addressee");
                }
            }
        }
        all.extend(p.list);
    }
    assert!(
        claiming >= 2,
        "only {claiming} bundled checklists write statements"
    );
    assert_no_problems(all);
}

/// A small deterministic generator (xorshift) for sample answers.
struct Sampler(u64);

impl Sampler {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// One complete random set of answers: every answerable question answered within its type
/// and range (numbers from `min` up to 60 more, so thresholds fall either way).
fn sample_answers(cl: &Checklist, rng: &mut Sampler) -> IndexMap<String, Answer> {
    let mut list = Vec::new();
    for (_, q) in cl.questions() {
        let v = match q.kind {
            QuestionType::Choice => {
                let o = cl.options_of(q);
                AnswerValue::Text(o[rng.next(o.len())].value.clone())
            }
            QuestionType::Multi => {
                let o = cl.options_of(q);
                AnswerValue::Multi(vec![o[rng.next(o.len())].value.clone()])
            }
            QuestionType::Number => {
                let lo = q.min.unwrap_or(0.0);
                let hi = q.max.unwrap_or(lo + 60.0).min(lo + 60.0);
                AnswerValue::Number(lo + rng.next((hi - lo) as usize + 1) as f64)
            }
            QuestionType::Date => AnswerValue::Text("2026-01-15".into()),
            QuestionType::Text => AnswerValue::Text("Nội dung đoàn ghi nhận".into()),
            QuestionType::Info => continue,
        };
        list.push((q.id.as_str(), v));
    }
    answers(&list)
}

#[test]
fn no_placeholder_is_left_blank_for_a_complete_header() {
    use onsite::checklist::placeholder::{BLANK, fill};
    use onsite::i18n::Lang;
    use onsite::report::Summary;

    let now = DateTime::parse_from_rfc3339("2026-01-05T09:30:00+07:00").unwrap();
    let mut all = Vec::new();
    for name in FILES {
        let cl = load(name);
        if !writes_prose(&cl) {
            continue;
        }
        let mut p = Problems::new(name);
        // Every header field filled, as a team fills it before the meeting.
        let sets: Vec<(String, String)> = cl
            .header
            .iter()
            .map(|h| {
                let v = match h.kind {
                    HeaderType::Date => "2026-01-05".to_string(),
                    HeaderType::Number => "12".to_string(),
                    HeaderType::Text => format!("Giá trị {}", h.id),
                };
                (h.id.clone(), v)
            })
            .collect();
        let mut record = onsite::record::new_record(cl.clone(), &sets, now, Lang::Vi)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let mut exercised: HashSet<(String, String)> = HashSet::new();
        let mut rng = Sampler(0x9e37_79b9_7f4a_7c15);
        for _ in 0..400 {
            record.answers = sample_answers(&cl, &mut rng);
            let vis = visible(&cl, &record.answers);
            let shown: HashMap<&str, &AnswerValue> = cl
                .questions()
                .zip(&vis)
                .filter(|(_, v)| **v)
                .filter_map(|((_, q), _)| {
                    Some((q.id.as_str(), record.answers.get(&q.id)?.value.as_ref()?))
                })
                .collect();
            // Statements of the options chosen: each placeholder is a header field or an
            // answer the inspector can see at that moment.
            let value = |id: &str| -> Option<String> {
                record
                    .header
                    .get(id)
                    .filter(|v| !v.is_empty())
                    .cloned()
                    .or_else(|| shown.get(id).map(|_| "x".to_string()))
            };
            for ((_, q), v) in cl.questions().zip(&vis) {
                let Some(AnswerValue::Text(chosen)) = shown.get(q.id.as_str()).copied() else {
                    continue;
                };
                if !*v {
                    continue;
                }
                let Some(text) = q.statement.get(chosen) else {
                    continue;
                };
                exercised.insert((q.id.clone(), chosen.clone()));
                for lang in text.languages() {
                    if fill(text.get(lang), value).contains(BLANK) {
                        p.add(
                            &format!("`{}` statement `{chosen}` ({lang})", q.id),
                            format!("leaves a blank: {}", text.get(lang)),
                        );
                    }
                }
            }
            // Recommendations and addressees through the report itself.
            for lang in [Lang::Vi, Lang::En] {
                let summary = Summary::compute(&record, lang);
                for r in &summary.recommendations {
                    let addressee = r.addressee.as_deref().unwrap_or_default();
                    if r.text.contains(BLANK) || addressee.contains(BLANK) {
                        p.add(&r.id, format!("leaves a blank: {} / {}", r.text, addressee));
                    }
                }
            }
        }
        // The samples must have reached every statement of a choice question.
        for (_, q) in cl.questions() {
            if q.kind != QuestionType::Choice {
                continue;
            }
            for option in q.statement.keys() {
                if !exercised.contains(&(q.id.clone(), option.clone())) {
                    p.add(
                        &q.id,
                        format!("statement `{option}` was never reached by the samples"),
                    );
                }
            }
        }
        p.list.sort();
        p.list.dedup();
        all.extend(p.list);
    }
    assert_no_problems(all);
}

/// The quorum of a staff conference (điểm c khoản 2 Điều 51: two thirds of the whole staff
/// for a plenary conference, of the delegates convened for a delegate conference) is
/// computed from the figures typed into a real session, and becomes a finding with its
/// recommendation in the report only below two thirds.
#[test]
fn qcdc_quorum_is_computed_from_the_figures_at_the_boundaries() {
    use onsite::i18n::Lang;
    use onsite::report::Summary;
    use onsite::session::{Command, Session};

    let now = DateTime::parse_from_rfc3339("2026-01-05T09:30:00+07:00").unwrap();
    let sets = [
        ("organisation", "Bệnh viện Đa khoa tỉnh Hà Giang"),
        ("unit-short", "Bệnh viện"),
        ("head-title", "Giám đốc Bệnh viện"),
        ("team-lead", "Nguyễn Văn An, Trưởng đoàn"),
    ]
    .map(|(k, v)| (k.to_string(), v.to_string()));
    let record =
        onsite::record::new_record(load("qcdc-agency.json"), &sets, now, Lang::Vi).unwrap();
    let mut s = Session::new(record, false);
    let set = |s: &mut Session, id: &str, value: &str| {
        s.apply(Command::GoTo(id.into()), now)
            .unwrap_or_else(|e| panic!("go to {id}: {e}"));
        s.apply(Command::Input(value.into()), now)
            .unwrap_or_else(|e| panic!("{id} = {value}: {e}"));
    };
    let finding = |s: &Session, id: &str| {
        let summary = Summary::compute(s.record(), Lang::Vi);
        let found = summary.findings.iter().any(|f| f.question.id == id);
        let rec = summary
            .recommendations
            .iter()
            .find(|r| r.id == format!("q:{id}"))
            .map(|r| (r.text.clone(), r.addressee.clone()));
        (found, rec)
    };

    // Plenary conference, 30 staff: 20 present is exactly two thirds, 19 is one short.
    set(&mut s, "staff-total", "30");
    set(&mut s, "conf-held", "yes");
    set(&mut s, "conf-kind", "plenary");
    set(&mut s, "conf-attended", "20");
    assert!(!s.is_visible("conf-quorum"), "20 of 30 is two thirds");
    set(&mut s, "conf-attended", "19");
    assert!(s.is_visible("conf-quorum"), "19 of 30 is below two thirds");
    assert!(!s.is_visible("conf-quorum-delegates"));
    set(&mut s, "conf-quorum", "proceeded");
    let (found, rec) = finding(&s, "conf-quorum");
    assert!(found, "the shortfall is a finding");
    let (text, addressee) = rec.expect("the shortfall carries its recommendation");
    assert!(
        text.starts_with("Đề nghị Bệnh viện chỉ tiến hành hội nghị"),
        "{text}"
    );
    assert!(
        text.contains(
            "hai phần ba tổng số cán bộ, công chức, viên chức, người lao động của cơ quan, đơn vị"
        ),
        "{text}"
    );
    assert_eq!(addressee.as_deref(), Some("Bệnh viện"));
    // Correcting a mistyped figure hides the question and drops the finding.
    set(&mut s, "conf-attended", "20");
    assert!(!s.is_visible("conf-quorum"));
    assert_eq!(finding(&s, "conf-quorum"), (false, None));
    // 31 staff: two thirds is 20.67, so 20 is short and 21 is enough (no rounding).
    set(&mut s, "staff-total", "31");
    assert!(s.is_visible("conf-quorum"), "20 of 31 is below two thirds");
    set(&mut s, "conf-attended", "21");
    assert!(!s.is_visible("conf-quorum"), "21 of 31 is above two thirds");

    // Delegate conference: measured against the delegates convened, not the staff.
    set(&mut s, "staff-total", "150");
    set(&mut s, "conf-kind", "delegates");
    set(&mut s, "conf-convened", "45");
    set(&mut s, "conf-attended", "30");
    assert!(
        !s.is_visible("conf-quorum-delegates"),
        "30 of 45 delegates is two thirds"
    );
    assert!(
        !s.is_visible("conf-quorum"),
        "the plenary rule no longer applies"
    );
    set(&mut s, "conf-attended", "29");
    assert!(
        s.is_visible("conf-quorum-delegates"),
        "29 of 45 is below two thirds"
    );
    set(&mut s, "conf-quorum-delegates", "proceeded");
    assert!(finding(&s, "conf-quorum-delegates").0);
    // The plenary answer given earlier is kept in the record but no longer counts.
    assert_eq!(finding(&s, "conf-quorum"), (false, None));

    // The resolution needs more than half of those attending: 15 of 30 is not enough,
    // 16 is.
    set(&mut s, "conf-attended", "30");
    set(&mut s, "conf-votes-for", "15");
    assert!(
        s.is_visible("conf-majority"),
        "15 of 30 is not more than half"
    );
    set(&mut s, "conf-majority", "adopted");
    assert!(finding(&s, "conf-majority").0);
    set(&mut s, "conf-votes-for", "16");
    assert!(!s.is_visible("conf-majority"), "16 of 30 is more than half");
    assert_eq!(finding(&s, "conf-majority"), (false, None));
}
