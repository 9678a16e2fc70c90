//! The scoring, findings and recommendation rules of the report (SPEC §3), on small
//! hand-made checklists and answers.

use onsite::checklist::Priority;
use onsite::i18n::Lang;
use onsite::record::Record;
use onsite::report::Summary;
use serde_json::{Value, json};

const T: &str = "2026-11-23T09:00:00+07:00";

fn ynp() -> Value {
    json!([
        {"value": "yes", "label": {"vi": "Có", "en": "Yes"}, "score": 1},
        {"value": "partial", "label": {"vi": "Một phần", "en": "Partly"}, "score": 0.5, "flag": true},
        {"value": "no", "label": {"vi": "Không", "en": "No"}, "score": 0, "flag": true},
        {"value": "na", "label": {"vi": "Không áp dụng", "en": "N/A"}, "score": null}
    ])
}

/// A record of a checklist with the given sections, answers (id → value) and extras.
fn record(sections: Value, answers: Value, extra: Value) -> Record {
    let mut answers_obj = serde_json::Map::new();
    for (id, v) in answers.as_object().unwrap() {
        let mut a = json!({"value": v, "updated_at": T});
        if let Some(o) = extra.get("awaiting").and_then(|a| a.as_array())
            && o.iter().any(|x| x == id.as_str())
        {
            a["awaiting_evidence"] = json!(true);
        }
        answers_obj.insert(id.clone(), a);
    }
    let mut r = json!({
        "format": "onsite-record/1", "id": "t", "status": "in_progress",
        "created_at": T, "updated_at": T,
        "checklist": {
            "format": "onsite-checklist/1", "id": "c", "version": "1", "title": "C",
            "header": [{"id": "organisation", "label": "Org", "type": "text"}],
            "response_sets": {"ynp": ynp()},
            "rating": [{"min": 0.8, "label": "Tốt"}, {"min": 0.5, "label": "Khá"}, {"min": 0, "label": "Yếu"}],
            "sections": sections
        },
        "header": {"organisation": "Sở Nội vụ"},
        "answers": answers_obj
    });
    if let Some(recs) = extra.get("recommendations") {
        r["recommendations"] = recs.clone();
    }
    serde_json::from_value(r).unwrap()
}

fn q(id: &str) -> Value {
    json!({"id": id, "type": "choice", "responses": "ynp", "prompt": id})
}

fn ratios(s: &Summary) -> Vec<Option<f64>> {
    s.sections.iter().map(|x| x.score.ratio()).collect()
}

#[test]
fn choice_scores_over_the_best_option_and_na_is_left_out() {
    let r = record(
        json!([{"id": "a", "title": "A", "questions": [q("q1"), q("q2"), q("q3"), q("q4")]}]),
        json!({"q1": "yes", "q2": "partial", "q3": "na", "q4": "no"}),
        json!({}),
    );
    let s = Summary::compute(&r, Lang::Vi);
    assert_eq!(s.sections[0].score.earned, 1.5);
    assert_eq!(s.sections[0].score.possible, 3.0);
    assert_eq!(s.overall.ratio(), Some(0.5));
    assert_eq!(s.rating.as_deref(), Some("Khá"));
}

#[test]
fn a_section_with_only_na_answers_has_no_score_and_no_rating_follows_from_nothing() {
    let r = record(
        json!([{"id": "a", "title": "A", "questions": [q("q1")]}]),
        json!({"q1": "na"}),
        json!({}),
    );
    let s = Summary::compute(&r, Lang::En);
    assert_eq!(ratios(&s), vec![None]);
    assert_eq!(s.overall.ratio(), None);
    assert_eq!(s.rating, None);
    assert!(s.strengths.is_empty());
}

#[test]
fn hidden_answers_are_kept_but_left_out_of_scores_findings_and_recommendations() {
    let mut hidden = q("detail");
    hidden["show_if"] = json!({"q": "gate", "is": "yes"});
    hidden["recommendation"] = json!({"text": "Đề nghị bổ sung."});
    let r = record(
        json!([{"id": "a", "title": "A", "questions": [q("gate"), hidden]}]),
        json!({"gate": "na", "detail": "no"}),
        json!({"awaiting": ["detail"]}),
    );
    let s = Summary::compute(&r, Lang::Vi);
    assert!(r.answers.contains_key("detail"));
    assert_eq!(s.overall.ratio(), None, "{:?}", s.overall);
    assert!(s.findings.is_empty());
    assert!(s.recommendations.is_empty());
    assert!(s.awaiting_evidence.is_empty());
    assert_eq!(s.progress.total, 1);
}

#[test]
fn overall_is_the_sum_over_sections_not_the_mean_of_percentages() {
    let r = record(
        json!([
            {"id": "a", "title": "A", "questions": [q("q1")]},
            {"id": "b", "title": "B", "questions": [q("q2"), q("q3"), q("q4")]}
        ]),
        json!({"q1": "yes", "q2": "no", "q3": "no", "q4": "no"}),
        json!({}),
    );
    let s = Summary::compute(&r, Lang::En);
    assert_eq!(ratios(&s), vec![Some(1.0), Some(0.0)]);
    assert_eq!(s.overall.ratio(), Some(0.25));
    assert_eq!(s.rating.as_deref(), Some("Yếu"));
    // Section A at full marks is a strength; its question is not listed again.
    assert_eq!(s.strengths.len(), 1);
    assert!(s.strengths[0].question.is_none());
}

#[test]
fn multi_scores_chosen_over_the_positive_options() {
    let multi = json!({"id": "m", "type": "multi", "prompt": "m", "options": [
        {"value": "a", "label": "A", "score": 1},
        {"value": "b", "label": "B", "score": 2},
        {"value": "none", "label": "None", "score": 0, "flag": true},
        {"value": "skip", "label": "N/A", "score": null}
    ]});
    let sec = |m: &Value| json!([{"id": "s", "title": "S", "questions": [m]}]);
    let s = Summary::compute(
        &record(sec(&multi), json!({"m": ["b", "skip"]}), json!({})),
        Lang::En,
    );
    assert_eq!((s.overall.earned, s.overall.possible), (2.0, 3.0));
    let s = Summary::compute(
        &record(sec(&multi), json!({"m": ["skip"]}), json!({})),
        Lang::En,
    );
    assert_eq!(s.overall.ratio(), None, "only null-score options chosen");
    let s = Summary::compute(&record(sec(&multi), json!({"m": []}), json!({})), Lang::En);
    assert_eq!(s.progress.answered, 0, "an empty multi is not an answer");
    let s = Summary::compute(
        &record(sec(&multi), json!({"m": ["none"]}), json!({})),
        Lang::En,
    );
    assert_eq!(s.overall.ratio(), Some(0.0));
    assert_eq!(s.findings.len(), 1);
    assert_eq!(s.findings[0].answer, "None");
}

#[test]
fn an_unknown_option_value_is_left_out_rather_than_guessed() {
    let r = record(
        json!([{"id": "a", "title": "A", "questions": [q("q1"), q("q2")]}]),
        json!({"q1": "maybe", "q2": "yes"}),
        json!({}),
    );
    let s = Summary::compute(&r, Lang::En);
    assert_eq!((s.overall.earned, s.overall.possible), (1.0, 1.0));
}

#[test]
fn recommendations_trigger_on_flags_or_when_and_take_the_inspectors_edits() {
    let mut q1 = q("q1");
    q1["recommendation"] = json!({"text": "Đề nghị A.", "priority": "high"});
    let mut q2 = q("q2");
    q2["recommendation"] = json!({"text": "Đề nghị B.", "when": ["no"]});
    let mut q3 = q("q3");
    q3["recommendation"] = json!({"text": "Đề nghị C."});
    let mut q4 = q("q4");
    q4["recommendation"] = json!({"text": "Đề nghị D."});
    let r = record(
        json!([{"id": "a", "title": "A", "questions": [q1, q2, q3, q4]}]),
        json!({"q1": "partial", "q2": "partial", "q3": "no", "q4": "yes"}),
        json!({"recommendations": [
            {"id": "q:q1", "text": "Đề nghị A, sửa lại.", "responsible": "Văn phòng", "due": "2027-01-31"},
            {"id": "q:q3", "dropped": true},
            {"id": "q:q4", "text": "Không áp dụng vì chưa kích hoạt."},
            {"id": "own-1", "question": "q2", "text": "Đề nghị riêng:\r\n- một\u{1b}[31m\n- hai", "priority": "low"},
            {"id": "own-2", "text": "Đã xoá.", "dropped": true},
            {"id": "own-3", "text": "Không gắn câu hỏi."}
        ]}),
    );
    let s = Summary::compute(&r, Lang::Vi);
    let ids: Vec<&str> = s.recommendations.iter().map(|r| r.id.as_str()).collect();
    // q2 is partial but its `when` is only "no"; q3 dropped; q4 not triggered.
    assert_eq!(ids, vec!["q:q1", "own-1", "own-3"]);
    let a = &s.recommendations[0];
    assert_eq!(a.text, "Đề nghị A, sửa lại.");
    assert_eq!(a.priority, Priority::High);
    assert_eq!(a.responsible, "Văn phòng");
    assert_eq!(a.due.as_deref(), Some("2027-01-31"));
    assert!(a.scripted && a.edited);
    let own = &s.recommendations[1];
    assert_eq!(own.priority, Priority::Low);
    assert_eq!(own.text, "Đề nghị riêng:\n- một[31m\n- hai");
    assert_eq!(own.question.as_ref().map(|q| q.id.as_str()), Some("q2"));
    assert_eq!(s.recommendations[2].priority, Priority::Medium);
    assert!(s.recommendations[2].question.is_none());
    // Dropping a recommendation does not remove the finding.
    assert_eq!(s.findings.len(), 3);
    // The dropped scripted one is kept aside (the summary screen offers to restore it);
    // the inspector's own dropped one is gone.
    let dropped: Vec<&str> = s
        .dropped_recommendations
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(dropped, vec!["q:q3"]);
}

#[test]
fn unanswered_required_and_awaiting_evidence_count_visible_questions_only() {
    let mut req = q("req");
    req["required"] = json!(true);
    let mut hidden_req = q("hidden-req");
    hidden_req["required"] = json!(true);
    hidden_req["show_if"] = json!({"q": "gate", "is": "yes"});
    let r = record(
        json!([{"id": "a", "title": "A", "questions": [q("gate"), req, hidden_req]}]),
        json!({"gate": "no", "req": ""}),
        json!({"awaiting": ["gate"]}),
    );
    let s = Summary::compute(&r, Lang::Vi);
    let un: Vec<&str> = s
        .unanswered_required
        .iter()
        .map(|p| p.question.id.as_str())
        .collect();
    assert_eq!(un, vec!["req"], "an empty text is not an answer");
    assert_eq!(s.awaiting_evidence.len(), 1);
    assert!(s.findings[0].awaiting_evidence);
    assert_eq!(
        (s.progress.required_answered, s.progress.required_total),
        (0, 1)
    );
}

#[test]
fn record_text_is_sanitised_in_the_summary() {
    let r = record(
        json!([{"id": "a", "title": "A\u{1b}[2J", "questions": [q("q1")]}]),
        json!({"q1": "no"}),
        json!({}),
    );
    let mut r = r;
    r.answers.get_mut("q1").unwrap().note = "Ghi chu\u{0301} \u{1b}]0;x\u{7}\u{202e}".into();
    r.header.insert(
        "organisation".into(),
        "So\u{031b}\u{0309} Nội vụ\u{9b}".into(),
    );
    let s = Summary::compute(&r, Lang::Vi);
    assert_eq!(s.sections[0].section.title, "A[2J");
    assert_eq!(s.findings[0].note, "Ghi chú ]0;x");
    assert_eq!(s.organisation, "Sở Nội vụ");
}

#[test]
fn placeholders_in_recommendations_are_filled_from_the_record_or_left_as_dotted_blanks() {
    let r = record(
        json!([{"id": "s", "title": "S", "questions": [
            {"id": "staff", "type": "number", "prompt": "Staff", "unit": "người"},
            {"id": "held", "type": "date", "prompt": "Held"},
            {"id": "plan", "type": "choice", "responses": "ynp", "prompt": "Plan?",
             "recommendation": {"text": "Đề nghị {organisation} ({staff}, họp {held}) bổ sung; hạn {missing}.",
                                "addressee": "Người đứng đầu {organisation}"}},
            {"id": "missing", "type": "text", "prompt": "Missing"}
        ]}]),
        json!({"staff": 85.5, "held": "2026-02-20", "plan": "no"}),
        json!({}),
    );
    let vi = Summary::compute(&r, Lang::Vi);
    assert_eq!(
        vi.recommendations[0].text,
        "Đề nghị Sở Nội vụ (85,5 người, họp 20/02/2026) bổ sung; hạn …….",
    );
    assert_eq!(
        vi.recommendations[0].addressee.as_deref(),
        Some("Người đứng đầu Sở Nội vụ")
    );
    let en = Summary::compute(&r, Lang::En);
    assert!(
        en.recommendations[0]
            .text
            .contains("(85.5 người, họp 2026-02-20)")
    );
}
