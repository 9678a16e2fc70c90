//! Plain-text tables of the CLI (`onsite list`, `onsite checklists`): columns aligned by
//! display width, and at a terminal narrower than the table the long columns cut with
//! `…` rather than wrapped; piped output (and `--json`) stays whole.

use std::io::IsTerminal;

use unicode_width::UnicodeWidthStr;

/// The width of the terminal stdout writes to; `None` when it is not a terminal.
pub fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(cols, _)| usize::from(cols))
        .filter(|&c| c > 0)
}

/// The narrowest a cut column gets.
const MIN_CUT: usize = 8;

/// Rows aligned in columns two spaces apart. With a `width`, the `flexible` columns are
/// narrowed (widest first, down to 8 columns) until the lines fit, their cells cut with `…`.
pub fn align(rows: &[Vec<String>], width: Option<usize>, flexible: &[usize]) -> Vec<String> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; n];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    if let Some(limit) = width {
        let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
        while total(&widths) > limit {
            let widest = flexible
                .iter()
                .copied()
                .filter(|&i| widths.get(i).is_some_and(|&w| w > MIN_CUT))
                .max_by_key(|&i| widths[i]);
            let Some(i) = widest else { break };
            widths[i] -= 1;
        }
    }
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let cell = crate::tui::view::ellipsize(cell, *w);
                line.push_str(&cell);
                line.push_str(&" ".repeat(w.saturating_sub(cell.width())));
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// Whether aligned rows are wider than `width`.
pub fn too_wide(lines: &[String], width: Option<usize>) -> bool {
    width.is_some_and(|w| lines.iter().any(|l| l.width() > w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_columns_are_cut_to_fit_and_short_ones_kept() {
        let rows = vec![
            vec!["MÃ".to_string(), "TIÊU ĐỀ".into(), "NGUỒN".into()],
            vec![
                "qcdc-agency".into(),
                "Kiểm tra thực hiện dân chủ ở cơ sở (cơ quan hành chính nhà nước)".into(),
                "bundled".into(),
            ],
        ];
        let whole = align(&rows, None, &[1]);
        assert!(whole[1].contains("nhà nước)"));
        let cut = align(&rows, Some(40), &[1]);
        assert!(cut.iter().all(|l| l.width() <= 40), "{cut:?}");
        assert!(
            cut[1].contains('…')
                && cut[1].starts_with("qcdc-agency")
                && cut[1].ends_with("bundled")
        );
        assert!(!too_wide(&cut, Some(40)));
    }
}
