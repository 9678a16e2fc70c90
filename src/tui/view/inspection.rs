//! The inspection screen: where you are, the question with guidance, legal basis and
//! evidence, the options with their number keys, the answer, the note; the outline beside
//! it from 100 columns.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{OUTLINE_WIDTH, block, ellipsize, lines_of, outline, tr};
use crate::checklist::QuestionType;
use crate::checklist::{numbering, value};
use crate::record::AnswerValue;
use crate::tui::app::App;

/// Draws the inspection screen into `area` (the message and hint lines are drawn by the caller).
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let [top, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    draw_top(frame, top, app);
    if rest.width >= OUTLINE_WIDTH {
        let [left, right] = rest.layout(&Layout::horizontal([
            Constraint::Percentage(34),
            Constraint::Fill(1),
        ]));
        outline::draw(frame, left, app);
        draw_question(frame, right, app);
    } else {
        draw_question(frame, rest, app);
    }
}

fn draw_top(frame: &mut Frame, area: Rect, app: &App) {
    let s = app.strings();
    let t = &app.theme;
    let p = app.session.progress();
    let dot = format!(" {} ", t.marks.dot);
    let checklist = &app.session.record().checklist;
    let title = tr(&checklist.title, app.lang);
    // The number printed on the checklist (none for an information item).
    let number = app
        .session
        .current()
        .and_then(|(si, q)| numbering::number_in(checklist, si, q));
    let mut spans = Vec::new();
    if let Some(n) = number {
        spans.push(Span::styled(format!("{} {n}", s.question), t.title()));
        spans.push(Span::raw(dot.clone()));
    }
    spans.extend([
        Span::raw(format!("{} {}/{}", s.answered, p.answered, p.total)),
        Span::raw(dot.clone()),
        Span::styled(
            format!(
                "{} {}/{}",
                s.required, p.required_answered, p.required_total
            ),
            if p.required_answered < p.required_total {
                t.required()
            } else {
                t.good()
            },
        ),
        Span::raw(dot),
    ]);
    // The checklist's title takes what is left of the line and ends in `…` when cut.
    let used: usize = spans.iter().map(|sp| sp.width()).sum();
    let room = usize::from(area.width).saturating_sub(used);
    spans.push(Span::styled(ellipsize(&title, room), t.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_question(frame: &mut Frame, area: Rect, app: &App) {
    let s = app.strings();
    let t = &app.theme;
    let lang = app.lang;
    let record = app.session.record();
    let checklist = &record.checklist;
    let Some((si, q)) = app.session.current() else {
        let p = Paragraph::new(s.no_question)
            .block(block("", t))
            .wrap(Wrap { trim: false });
        frame.render_widget(p, area);
        return;
    };
    let section_title = checklist
        .sections
        .get(si)
        .map(|sec| tr(&sec.title, lang))
        .unwrap_or_default();
    let heading = numbering::section_heading(checklist, si, &section_title);
    // A section heading too long for the border ends in `…` and is shown whole above the
    // question.
    let room = usize::from(area.width.saturating_sub(4));
    let short = ellipsize(&heading, room);
    let cut = short != heading;
    let outer = block(format!(" {short} "), t);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);

    // The question and what helps answering it.
    let mut details: Vec<Line> = Vec::new();
    if cut {
        details.push(Line::from(Span::styled(heading.clone(), t.dim())));
    }
    let mut prompt = vec![Span::styled(tr(&q.prompt, lang).to_string(), t.prompt())];
    if q.required {
        prompt.insert(
            0,
            Span::styled(format!("{} ", s.required_mark), t.required()),
        );
    }
    details.push(Line::from(prompt));
    if let Some(g) = &q.guidance {
        details.push(Line::from(Span::styled(
            format!("{}:", s.guidance),
            t.dim(),
        )));
        details.extend(lines_of(g.get(lang.code()), ratatui::style::Style::new()));
    }
    if let Some(b) = &q.basis {
        details.push(Line::from(Span::styled(format!("{}:", s.basis), t.dim())));
        details.extend(lines_of(b.get(lang.code()), ratatui::style::Style::new()));
    }
    if !q.evidence.is_empty() {
        details.push(Line::from(Span::styled(
            format!("{}:", s.evidence),
            t.dim(),
        )));
        for e in &q.evidence {
            details.push(Line::from(format!(" - {}", tr(e, lang))));
        }
    }

    // The answer part: options, value, marks, note, own recommendations.
    let answer = app.session.answer(&q.id);
    let editable = app.access() == crate::tui::keys::Access::Edit;
    let value = answer.and_then(|a| a.value.as_ref());
    let mut below: Vec<Line> = Vec::new();
    match q.kind {
        QuestionType::Choice | QuestionType::Multi => {
            for (i, o) in checklist.options_of(q).iter().enumerate() {
                let chosen = match value {
                    Some(AnswerValue::Text(v)) => *v == o.value,
                    Some(AnswerValue::Multi(vs)) => vs.contains(&o.value),
                    _ => false,
                };
                // The number keys are shown only where they answer.
                let key = if i < 9 && editable {
                    format!("{}", i + 1)
                } else {
                    " ".into()
                };
                let mark = if chosen {
                    t.marks.chosen
                } else {
                    t.marks.unchosen
                };
                let style = match (chosen, o.flag) {
                    (true, true) => t.flagged(),
                    (true, false) => t.good(),
                    _ => ratatui::style::Style::new(),
                };
                let mut spans = vec![
                    Span::styled(format!(" {key} "), t.title()),
                    Span::styled(format!("{mark} "), style),
                    Span::styled(tr(&o.label, lang).to_string(), style),
                ];
                if o.flag && chosen {
                    spans.push(Span::styled(format!(" {}", t.marks.flagged), t.flagged()));
                }
                below.push(Line::from(spans));
            }
        }
        QuestionType::Info => below.push(Line::from(Span::styled(s.info_only, t.dim()))),
        QuestionType::Text | QuestionType::Number | QuestionType::Date => {
            let shown = match value {
                None => Span::styled(s.no_answer, t.dim()),
                Some(AnswerValue::Number(n)) => {
                    let unit = q.unit.as_ref().map(|u| tr(u, lang)).unwrap_or_default();
                    Span::styled(
                        format!("{} {unit}", value::format_number(*n, lang)),
                        t.good(),
                    )
                }
                Some(AnswerValue::Text(v)) if q.kind == QuestionType::Date => Span::styled(
                    value::format_date(&crate::sanitize::line(v), lang),
                    t.good(),
                ),
                Some(AnswerValue::Text(v)) => Span::styled(crate::sanitize::line(v), t.good()),
                Some(AnswerValue::Multi(vs)) => Span::styled(vs.join(", "), t.good()),
            };
            below.push(Line::from(vec![
                Span::styled(format!("{}: ", s.answer), t.dim()),
                shown,
            ]));
        }
    }
    if answer.is_some_and(|a| a.awaiting_evidence) {
        below.push(Line::from(Span::styled(
            format!("{} {}", t.marks.awaiting, s.awaiting),
            t.flagged(),
        )));
    }
    if let Some(a) = answer.filter(|a| !a.note.is_empty()) {
        let mut note_lines = a.note.split('\n');
        let first = note_lines.next().unwrap_or("");
        below.push(Line::from(vec![
            Span::styled(format!("{} {}: ", t.marks.note, s.note), t.dim()),
            Span::raw(crate::sanitize::line(first)),
        ]));
        for l in note_lines.take(2) {
            below.push(Line::from(format!("  {}", crate::sanitize::line(l))));
        }
    }
    if let Some(line) = previous_line(record, &q.id, lang) {
        below.push(Line::from(Span::styled(line, t.dim())));
    }
    for r in record
        .recommendations
        .iter()
        .filter(|r| r.question.as_deref() == Some(q.id.as_str()) && !r.dropped)
    {
        if let Some(text) = &r.text {
            below.push(Line::from(vec![
                Span::styled(format!("{}: ", s.own_recommendation), t.dim()),
                Span::raw(crate::sanitize::line(text)),
            ]));
        }
    }

    let want = u16::try_from(wrapped_height(&below, inner.width))
        .unwrap_or(u16::MAX)
        .saturating_add(1);
    let cap = inner.height.saturating_sub(3).max(1);
    let details_h = u16::try_from(wrapped_height(&details, inner.width)).unwrap_or(u16::MAX);
    let [top, bottom, _] = inner.layout(&Layout::vertical([
        Constraint::Max(details_h.max(2)),
        Constraint::Length(want.min(cap)),
        Constraint::Fill(1),
    ]));
    let max_scroll = details_h.saturating_sub(top.height);
    let scroll = app.detail_scroll.min(max_scroll);
    frame.render_widget(
        Paragraph::new(details)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        top,
    );
    if max_scroll > 0 {
        let more = match (scroll > 0, scroll < max_scroll) {
            (true, true) => "J/K",
            (false, _) => "J",
            (true, false) => "K",
        };
        let hint = Line::from(Span::styled(format!(" {more} "), t.flagged()));
        frame.render_widget(
            Paragraph::new(hint).alignment(ratatui::layout::Alignment::Right),
            area.rows().next_back().unwrap_or(area),
        );
    }
    let mut with_rule = vec![Line::from(Span::styled(
        t.border.horizontal_top.repeat(usize::from(bottom.width)),
        t.dim(),
    ))];
    with_rule.extend(below);
    frame.render_widget(Paragraph::new(with_rule).wrap(Wrap { trim: false }), bottom);
}

/// How many rows lines take when word-wrapped at `width` (greedy, by display width, as
/// ratatui's word wrapper does; a word wider than the line is broken).
pub fn wrapped_height(lines: &[Line], width: u16) -> usize {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(width.max(1));
    lines
        .iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let mut rows = 1;
            let mut used = 0;
            for word in text.split(' ') {
                let w = word.width();
                let need = if used == 0 { w } else { used + 1 + w };
                if need <= width {
                    used = need;
                } else if w <= width {
                    rows += 1;
                    used = w;
                } else {
                    rows += usize::from(used > 0) + (w - 1) / width;
                    used = w % width;
                }
            }
            rows
        })
        .sum()
}

/// Word-wraps one line of text at `width` display columns (greedy; a word wider than
/// the line is broken between characters).
pub fn wrap_text(text: &str, width: u16) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let width = usize::from(width.max(1));
    let mut rows = vec![String::new()];
    let mut used = 0;
    for word in text.split(' ') {
        let w = word.width();
        let need = if used == 0 { w } else { used + 1 + w };
        let Some(last) = rows.last_mut() else { break };
        if need <= width {
            if used > 0 {
                last.push(' ');
            }
            last.push_str(word);
            used = need;
        } else if w <= width {
            rows.push(word.to_string());
            used = w;
        } else {
            if used > 0 {
                rows.push(String::new());
                used = 0;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width {
                    rows.push(String::new());
                    used = 0;
                }
                if let Some(last) = rows.last_mut() {
                    last.push(c);
                }
                used += cw;
            }
        }
    }
    rows
}

/// On a follow-up, the previous visit's answer and note to a question, on one line:
/// `lần trước: Không — 15/03/2026 · <note>` (`p` copies it over).
fn previous_line(
    record: &crate::record::Record,
    id: &str,
    lang: crate::i18n::Lang,
) -> Option<String> {
    let link = record.follow_up.as_ref()?;
    let previous = link.answers.get(id)?;
    let f = crate::i18n::followup::text(lang);
    let answer = previous
        .shown
        .as_ref()
        .map(|s| crate::sanitize::line(s.get(lang.code())))
        .unwrap_or_else(|| crate::i18n::tui::strings(lang).no_answer.to_string());
    let mut line = format!(
        "{}: {answer} — {}",
        f.last_time,
        value::format_date(&crate::sanitize::line(&link.date), lang)
    );
    if let Some(note) = previous.note.lines().find(|l| !l.trim().is_empty()) {
        line.push_str(&format!(" · {}", crate::sanitize::line(note.trim())));
    }
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_text_agrees_with_wrapped_height() {
        for (text, w) in [
            ("abc def", 7),
            ("abc defg", 7),
            ("Ban Chỉ đạo thực hiện dân chủ ở cơ sở", 9),
            ("một phương án: chọn phương án n, lưu, sang câu sau", 20),
            ("文件文件", 4),
        ] {
            let rows = wrap_text(text, w);
            assert_eq!(
                rows.len(),
                wrapped_height(&[Line::from(text)], w),
                "{text:?}"
            );
            assert!(
                rows.iter()
                    .all(|r| unicode_width::UnicodeWidthStr::width(r.as_str()) <= usize::from(w))
            );
            assert_eq!(rows.join(" ").replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn wrapped_height_counts_word_wrapped_rows() {
        let l = |s: &'static str| Line::from(s);
        assert_eq!(wrapped_height(&[l("")], 10), 1);
        assert_eq!(wrapped_height(&[l("abc def")], 7), 1);
        assert_eq!(wrapped_height(&[l("abc defg")], 7), 2);
        assert_eq!(wrapped_height(&[l("Ban Chỉ đạo"), l("x")], 5), 4);
        assert_eq!(wrapped_height(&[l("abcdefghij")], 4), 3);
        assert_eq!(wrapped_height(&[l("文件文件")], 4), 2);
    }
}
