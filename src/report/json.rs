//! The JSON report of one inspection: the same facts as the other formats, machine-readable
//! (`"format": "onsite-report/1"`, then the fields of [`Summary`]).

use serde::Serialize;

use super::summary::Summary;

/// The format string of the JSON report.
pub const REPORT_FORMAT: &str = "onsite-report/1";

#[derive(Serialize)]
struct JsonReport<'a> {
    format: &'static str,
    /// The inspection is not finished: the report may still change.
    draft: bool,
    #[serde(flatten)]
    summary: &'a Summary,
}

/// Renders the JSON report (pretty-printed, ending in a newline).
pub fn render(s: &Summary) -> String {
    let doc = JsonReport {
        format: REPORT_FORMAT,
        draft: s.is_draft(),
        summary: s,
    };
    let mut out = serde_json::to_string_pretty(&doc)
        .expect("a Summary has only string keys and always serialises");
    out.push('\n');
    out
}
