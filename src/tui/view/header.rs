//! The title-page form: the checklist's header fields, required ones marked, the focused
//! one highlighted (or being edited), drawn by the one [`super::form`].

use ratatui::Frame;
use ratatui::layout::Rect;

use super::form::{self, Form, Row};
use super::tr;
use crate::tui::app::App;

/// Draws the form into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let s = app.strings();
    let t = &app.theme;
    let record = app.session.record();
    let rows: Vec<Row> = record
        .checklist
        .header
        .iter()
        .map(|field| {
            let raw = record.header.get(&field.id).cloned().unwrap_or_default();
            Row {
                label: tr(&field.label, app.lang),
                value: crate::sanitize::line(&crate::checklist::value::format_header(
                    field.kind, &raw, app.lang,
                )),
                required: field.required,
                help: field.help.as_ref().map(|h| tr(h, app.lang)),
            }
        })
        .collect();
    let title = format!(
        " {} {} {} ",
        s.header_form,
        t.marks.dot,
        tr(&record.checklist.title, app.lang)
    );
    let form = Form {
        title,
        rows: &rows,
        focus: app.header.focus,
        editor: app.header.editing.then_some(&app.header.area),
        required_mark: s.required_mark,
    };
    form::draw(frame, area, &form, t);
}
