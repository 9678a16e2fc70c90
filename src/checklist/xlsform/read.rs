//! The mapping from an XLSForm workbook (already read into [`Sheet`]s) to a checklist:
//! settings, choices and the survey rows, plus onsite's own sheets (`onsite_header`,
//! `onsite_rating`, `onsite_statements`). Everything outside the subset onsite reads is a
//! problem at its cell; the rules of the format are checked afterwards on the result.

use indexmap::IndexMap;

use super::columns::{self, Layout};
use super::places::Places;
use super::relevant;
use super::sheet::{Row, Sheet, normalise_name};
use crate::checklist::condition::Condition;
use crate::checklist::model::{
    Checklist, FORMAT, HeaderField, HeaderType, OptionDef, Priority, Question, QuestionType,
    RatingBand, RecommendationDef, Role, Section,
};
use crate::checklist::text::Text;

/// A problem at a cell (`survey!F12`, or a sheet name).
pub type Located = (String, String);

/// What reading a workbook gives: the checklist, where its parts came from, and the
/// problems found (the checklist is only usable when there are none).
pub struct Reading {
    /// The checklist as far as it could be read.
    pub checklist: Checklist,
    /// JSON pointer → cell.
    pub places: Places,
    /// Problems with their cells, in sheet order.
    pub problems: Vec<Located>,
    /// The sections made for questions outside any group (not groups of the survey).
    pub implicit_sections: Vec<usize>,
}

/// Sheets of XLSForm features onsite does not have.
const UNSUPPORTED_SHEETS: &[&str] = &["external_choices", "entities", "osm"];

/// The kinds of survey row.
enum Kind {
    Select { multi: bool, list: String },
    Number { integer: bool },
    Text,
    Date,
    Note,
    BeginGroup,
    EndGroup,
}

fn parse_type(raw: &str) -> Result<Kind, String> {
    let t = normalise_name(raw);
    let words: Vec<&str> = t.split(' ').collect();
    let select = |multi: bool, rest: &[&str]| -> Result<Kind, String> {
        let rest: Vec<&str> = rest.iter().copied().filter(|w| *w != "from").collect();
        match rest.as_slice() {
            [list] => Ok(Kind::Select {
                multi,
                list: list.to_string(),
            }),
            [_, "or_other", ..] | [_, "or", "specify", "other"] => Err(
                "\"or_other\" (a free-text other option) is not supported; add an option and a text question shown when it is chosen".into(),
            ),
            [] => Err(format!("\"{raw}\" needs the name of a choices list")),
            _ => Err(format!("\"{raw}\" is not a type onsite reads")),
        }
    };
    match words.as_slice() {
        ["select_one", rest @ ..] | ["select", "one", rest @ ..] => select(false, rest),
        ["select_multiple", rest @ ..]
        | ["select", "multiple", rest @ ..]
        | ["select", "all", "that", "apply", rest @ ..] => select(true, rest),
        ["integer"] | ["int"] => Ok(Kind::Number { integer: true }),
        ["decimal"] => Ok(Kind::Number { integer: false }),
        ["text"] | ["string"] => Ok(Kind::Text),
        ["date"] => Ok(Kind::Date),
        ["note"] => Ok(Kind::Note),
        ["begin_group"] | ["begin", "group"] => Ok(Kind::BeginGroup),
        ["end_group"] | ["end", "group"] => Ok(Kind::EndGroup),
        ["begin_repeat"] | ["begin", "repeat"] | ["end_repeat"] | ["end", "repeat"] => Err(
            "repeats are not supported by onsite; write the questions out, or one question per item".into(),
        ),
        ["calculate"] => Err("calculate rows are not supported by onsite (nothing is computed in a checklist)".into()),
        [_, ..] => Err(format!(
            "type \"{t}\" is outside what onsite reads (select_one, select_multiple, integer, decimal, text, date, note, begin_group, end_group)"
        )),
        [] => Err("the type is empty".into()),
    }
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "no" | "false" | "false()" | "0" | "n" => Some(false),
        "yes" | "true" | "true()" | "1" | "y" => Some(true),
        _ => None,
    }
}

fn parse_number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A group open on the survey.
struct Group {
    name: String,
    at: String,
    condition: Option<Condition>,
}

struct Reader<'a> {
    sheets: &'a [Sheet],
    places: Places,
    problems: Vec<Located>,
    default_lang: Option<String>,
}

impl<'a> Reader<'a> {
    fn sheet(&self, name: &str) -> Option<&'a Sheet> {
        self.sheets
            .iter()
            .find(|s| s.name.trim().eq_ignore_ascii_case(name))
    }

    fn problem(&mut self, at: String, message: impl Into<String>) {
        self.problems.push((at, message.into()));
    }

    /// Columns that mean something onsite does not read, when any of their cells is
    /// filled; `$`/`_` columns (tool bookkeeping, e.g. KoboToolbox's `$kuid`) are skipped.
    fn check_columns(&mut self, sheet: &Sheet, layout: &Layout, known: &[&str]) {
        let mut seen: Vec<&columns::ColumnName> = Vec::new();
        for (col, name) in &layout.columns {
            let header = sheet.at(sheet.header_row, *col);
            if name.base.starts_with('$') || name.base.starts_with('_') {
                continue;
            }
            if seen.contains(&name) {
                self.problem(header, format!("column \"{}\" is given twice", name.base));
                continue;
            }
            seen.push(name);
            let translated_ok =
                name.lang.is_none() || columns::TRANSLATED.contains(&name.base.as_str());
            if known.contains(&name.base.as_str()) && translated_ok {
                continue;
            }
            if let Some(row) = sheet.rows.iter().find(|r| !r.get(*col).is_empty()) {
                self.problem(
                    sheet.at(row.number, *col),
                    format!(
                        "column \"{}\" is outside what onsite reads on sheet {} ({}); empty it or remove it",
                        name.base,
                        sheet.name,
                        known.join(", ")
                    ),
                );
            }
        }
    }

    fn text(&mut self, sheet: &Sheet, layout: &Layout, row: &Row, base: &str) -> Option<Text> {
        match layout.text(row, base) {
            Ok(t) => t,
            Err(e) => {
                self.problem(sheet.at(row.number, e.col), e.message);
                None
            }
        }
    }

    /// Records the cell of `pointer` when the sheet has the column.
    fn place(&mut self, sheet: &Sheet, layout: &Layout, row: &Row, pointer: String, base: &str) {
        if let Some(col) = layout.col(base) {
            self.places.set(pointer, sheet.at(row.number, col));
        }
    }
}

/// Reads a workbook's sheets into a checklist.
pub fn read(sheets: &[Sheet]) -> Reading {
    let mut r = Reader {
        sheets,
        places: Places::default(),
        problems: Vec::new(),
        default_lang: None,
    };
    for name in UNSUPPORTED_SHEETS {
        if let Some(s) = r.sheet(name)
            && !s.rows.is_empty()
        {
            let at = s.at(s.rows[0].number, 0);
            r.problem(
                at,
                format!(
                    "sheet \"{}\" is an XLSForm feature onsite does not read; remove the sheet",
                    s.name
                ),
            );
        }
    }
    let mut checklist = Checklist {
        format: FORMAT.to_string(),
        id: String::new(),
        version: String::new(),
        title: Text::plain(""),
        description: None,
        header: Vec::new(),
        response_sets: IndexMap::new(),
        rating: Vec::new(),
        sections: Vec::new(),
    };
    settings(&mut r, &mut checklist);
    let lists = choices(&mut r);
    let implicit_sections = survey(&mut r, &mut checklist, lists);
    header(&mut r, &mut checklist);
    rating(&mut r, &mut checklist);
    statements(&mut r, &mut checklist);
    Reading {
        checklist,
        places: r.places,
        problems: r.problems,
        implicit_sections,
    }
}

fn settings(r: &mut Reader, c: &mut Checklist) {
    for pointer in ["/id", "/version", "/title"] {
        r.places.set(pointer, "settings".into());
    }
    let Some(sheet) = r.sheet("settings") else {
        r.problem(
            "settings".into(),
            "the workbook has no settings sheet; onsite needs form_id, form_title and version there",
        );
        return;
    };
    let layout = Layout::of(sheet, None);
    r.check_columns(sheet, &layout, columns::SETTINGS);
    let Some(row) = sheet.rows.first() else {
        r.problem(
            sheet.name.clone(),
            "the settings sheet has no row under its header; give form_id, form_title and version",
        );
        return;
    };
    let lang = layout.cell(row, "default_language");
    if !lang.is_empty() {
        r.default_lang = Some(columns::language_code(&lang.to_lowercase()));
    }
    let layout = Layout::of(sheet, r.default_lang.clone());
    c.id = layout.cell(row, "form_id").to_string();
    c.version = layout.cell(row, "version").to_string();
    let at = |base: &str| layout.col(base).map(|col| sheet.at(row.number, col));
    for (pointer, base) in [
        ("/id", "form_id"),
        ("/version", "version"),
        ("/description", "onsite_description"),
    ] {
        r.places
            .set(pointer, at(base).unwrap_or_else(|| sheet.name.clone()));
    }
    // `form_title` is the title in the default language, the cell ODK, Kobo and a person
    // editing the workbook change; `onsite_title::…` adds the other languages.
    let form_title = layout.cell(row, "form_title").trim().to_string();
    c.title = match r.text(sheet, &layout, row, "onsite_title") {
        Some(Text::Localized(mut map)) => {
            r.place(sheet, &layout, row, "/title".into(), "onsite_title");
            if let Some(lang) = r.default_lang.clone().filter(|_| !form_title.is_empty()) {
                map.insert(lang, form_title);
            }
            Text::Localized(map)
        }
        Some(t) => {
            r.place(sheet, &layout, row, "/title".into(), "onsite_title");
            t
        }
        None => {
            r.places.set(
                "/title",
                at("form_title").unwrap_or_else(|| sheet.name.clone()),
            );
            Text::plain(layout.cell(row, "form_title"))
        }
    };
    c.description = r.text(sheet, &layout, row, "onsite_description");
}

/// One list of choices: its rows' options, with the row of each.
type Lists = IndexMap<String, Vec<(String, OptionDef)>>;

fn choices(r: &mut Reader) -> Lists {
    let mut lists = Lists::new();
    let Some(sheet) = r.sheet("choices") else {
        return lists;
    };
    let layout = Layout::of(sheet, r.default_lang.clone());
    r.check_columns(sheet, &layout, columns::CHOICES);
    for row in &sheet.rows {
        let list = layout.cell(row, "list_name").to_string();
        let at = sheet.at(row.number, layout.col("list_name").unwrap_or(0));
        if list.is_empty() {
            r.problem(at, "list_name is empty");
            continue;
        }
        let score = layout.cell(row, "score");
        let score = if score.is_empty() {
            None
        } else if let Some(n) = parse_number(score) {
            Some(n)
        } else {
            let at = sheet.at(row.number, layout.col("score").unwrap_or(0));
            r.problem(at, format!("score \"{score}\" is not a number"));
            None
        };
        let flag = layout.cell(row, "flag");
        let flag = parse_bool(flag).unwrap_or_else(|| {
            let at = sheet.at(row.number, layout.col("flag").unwrap_or(0));
            r.problem(at, format!("flag \"{flag}\" is not yes or no"));
            false
        });
        let option = OptionDef {
            value: layout.cell(row, "name").to_string(),
            label: r
                .text(sheet, &layout, row, "label")
                .unwrap_or_else(|| Text::plain("")),
            score,
            flag,
        };
        lists.entry(list).or_default().push((
            sheet.at(row.number, layout.col("name").unwrap_or(0)),
            option,
        ));
    }
    lists
}

/// Reads the survey; gives the sections made for questions outside any group.
fn survey(r: &mut Reader, c: &mut Checklist, mut lists: Lists) -> Vec<usize> {
    let mut implicit = Vec::new();
    let Some(sheet) = r.sheet("survey") else {
        r.problem("survey".into(), "the workbook has no survey sheet");
        return implicit;
    };
    let layout = Layout::of(sheet, r.default_lang.clone());
    r.check_columns(sheet, &layout, columns::SURVEY);
    let type_col = layout.col("type").unwrap_or(0);
    let name_col = layout.col("name").unwrap_or(0);
    // Which questions use each list: a list named like the one question using it is that
    // question's own options.
    let mut users: IndexMap<String, usize> = IndexMap::new();
    for row in &sheet.rows {
        if let Ok(Kind::Select { list, .. }) = parse_type(layout.cell(row, "type")) {
            *users.entry(list).or_default() += 1;
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    // Whether the last section is one made for questions outside any group.
    let mut implicit_open = false;
    for row in &sheet.rows {
        let raw_type = layout.cell(row, "type");
        let name = layout.cell(row, "name").to_string();
        let type_at = sheet.at(row.number, type_col);
        let name_at = sheet.at(row.number, name_col);
        if raw_type.is_empty() {
            r.problem(type_at, "the type is empty");
            continue;
        }
        let kind = match parse_type(raw_type) {
            Ok(k) => k,
            Err(m) => {
                r.problem(type_at, m);
                continue;
            }
        };
        let relevant = layout.cell(row, "relevant");
        let condition = if relevant.is_empty() {
            None
        } else {
            match relevant::condition(relevant) {
                Ok(cond) => Some(cond),
                Err((pos, m)) => {
                    let at = sheet.at(row.number, layout.col("relevant").unwrap_or(0));
                    r.problem(at, format!("relevant, at character {}: {m}", pos + 1));
                    None
                }
            }
        };
        let here = Here {
            sheet,
            layout: &layout,
            row,
        };
        match kind {
            Kind::BeginGroup => {
                if name.is_empty() {
                    r.problem(name_at.clone(), "a group needs a name");
                }
                let nested = !groups.is_empty();
                if nested {
                    // A group in a group: a heading (info question) before its questions.
                    let mut heading =
                        question_row(r, &here, QuestionType::Info, &groups, condition.clone());
                    if heading.question.prompt.is_empty() {
                        heading.question.prompt = Text::plain(&name);
                    }
                    push_question(r, c, heading, &mut implicit_open, true, &here);
                } else {
                    let i = c.sections.len();
                    let p = format!("/sections/{i}");
                    r.places.set(p.clone(), name_at.clone());
                    r.places.set(format!("{p}/id"), name_at.clone());
                    r.places.set(format!("{p}/questions"), name_at.clone());
                    r.place(sheet, &layout, row, format!("{p}/title"), "label");
                    r.place(sheet, &layout, row, format!("{p}/guidance"), "hint");
                    let title = r
                        .text(sheet, &layout, row, "label")
                        .unwrap_or_else(|| Text::plain(&name));
                    let guidance = guidance(r, &here);
                    c.sections.push(Section {
                        id: name.clone(),
                        title,
                        guidance,
                        questions: Vec::new(),
                    });
                    implicit_open = false;
                }
                groups.push(Group {
                    name,
                    at: name_at,
                    condition,
                });
            }
            Kind::EndGroup => {
                if groups.pop().is_none() {
                    r.problem(type_at, "end_group without a begin_group above it");
                }
            }
            kind => {
                let (qtype, list, integer) = match kind {
                    Kind::Select { multi, list } => {
                        let t = if multi {
                            QuestionType::Multi
                        } else {
                            QuestionType::Choice
                        };
                        (t, Some(list), false)
                    }
                    Kind::Number { integer } => (QuestionType::Number, None, integer),
                    Kind::Text => (QuestionType::Text, None, false),
                    Kind::Date => (QuestionType::Date, None, false),
                    _ => (QuestionType::Info, None, false),
                };
                let mut built = question_row(r, &here, qtype, &groups, condition);
                built.question.integer = integer;
                if let Some(list) = list {
                    let own = list == built.question.id && users.get(&list) == Some(&1);
                    let inline = if own { lists.shift_remove(&list) } else { None };
                    match inline {
                        Some(options) => {
                            let (cells, options): (Vec<String>, Vec<OptionDef>) =
                                options.into_iter().unzip();
                            built.option_cells = cells;
                            built.question.options = Some(options);
                        }
                        None => {
                            built.question.responses = Some(list);
                        }
                    }
                }
                let in_group = !groups.is_empty();
                if !in_group && !implicit_open {
                    implicit.push(c.sections.len());
                }
                push_question(r, c, built, &mut implicit_open, in_group, &here);
            }
        }
    }
    for g in groups {
        r.problem(
            g.at,
            format!("group \"{}\" is not closed with end_group", g.name),
        );
    }
    // The lists no question owns are named response sets.
    for (name, options) in lists {
        let p = format!("/response_sets/{}", crate::checklist::locate::escape(&name));
        if let Some((at, _)) = options.first() {
            r.places.set(p.clone(), at.clone());
        }
        let mut set = Vec::new();
        for (k, (at, o)) in options.into_iter().enumerate() {
            r.places.set(format!("{p}/{k}"), at);
            set.push(o);
        }
        c.response_sets.insert(name, set);
    }
    implicit
}

/// The row being read, with its sheet and columns.
struct Here<'a> {
    sheet: &'a Sheet,
    layout: &'a Layout,
    row: &'a Row,
}

impl Here<'_> {
    fn cell(&self, base: &str) -> &str {
        self.layout.cell(self.row, base)
    }
    fn at(&self, base: &str) -> String {
        let col = self.layout.col(base).unwrap_or(0);
        self.sheet.at(self.row.number, col)
    }
}

/// A question read from a row, with the cells of its inline options.
struct Built {
    question: Question,
    option_cells: Vec<String>,
}

fn guidance(r: &mut Reader, h: &Here) -> Option<Text> {
    let hint = r.text(h.sheet, h.layout, h.row, "hint");
    let extra = r.text(h.sheet, h.layout, h.row, "guidance_hint");
    match (hint, extra) {
        (Some(hint), Some(g)) => {
            let mut langs: Vec<String> = Vec::new();
            for l in hint.languages().into_iter().chain(g.languages()) {
                if !langs.iter().any(|x| x == l) {
                    langs.push(l.to_string());
                }
            }
            if langs.is_empty() {
                return Some(Text::plain(&format!("{}\n\n{}", hint.get(""), g.get(""))));
            }
            let entries: Vec<(String, String)> = langs
                .into_iter()
                .map(|l| {
                    let joined = format!("{}\n\n{}", hint.get(&l), g.get(&l));
                    (l, joined)
                })
                .collect();
            Some(columns::text_of(&entries))
        }
        (hint, g) => hint.or(g),
    }
}

/// `serde` names (`high`, `unit_opinion`) read into an enum.
fn named<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_lowercase())).ok()
}

fn question_row(
    r: &mut Reader,
    h: &Here,
    kind: QuestionType,
    groups: &[Group],
    own: Option<Condition>,
) -> Built {
    let (sheet, layout, row) = (h.sheet, h.layout, h.row);
    let required = parse_bool(h.cell("required")).unwrap_or_else(|| {
        r.problem(
            h.at("required"),
            format!("required \"{}\" is not yes or no", h.cell("required")),
        );
        false
    });
    if !h.cell("default").is_empty() {
        r.problem(
            h.at("default"),
            "default values are read only for title-page fields (sheet onsite_header); onsite questions start unanswered",
        );
    }
    let (mut min, mut max) = (None, None);
    let constraint = h.cell("constraint");
    if !constraint.is_empty() {
        if kind != QuestionType::Number {
            r.problem(
                h.at("constraint"),
                "constraint is read only on integer and decimal questions (a number range)",
            );
        } else {
            match relevant::range(constraint) {
                Ok((a, b)) => (min, max) = (a, b),
                Err((pos, m)) => r.problem(
                    h.at("constraint"),
                    format!("constraint, at character {}: {m}", pos + 1),
                ),
            }
        }
    }
    // The conditions of the enclosing groups hold for every question in them.
    let mut conditions: Vec<Condition> =
        groups.iter().filter_map(|g| g.condition.clone()).collect();
    conditions.extend(own);
    let show_if = match conditions.len() {
        0 => None,
        1 => conditions.pop().map(Box::new),
        _ => Some(Box::new(Condition::All(conditions))),
    };
    let recommendation = recommendation(r, h);
    let role = h.cell("role");
    let role = if role.is_empty() {
        None
    } else {
        let parsed = named::<Role>(role);
        if parsed.is_none() {
            r.problem(
                h.at("role"),
                format!("role \"{role}\" is not one of strengths, limitations, causes, unit_opinion, commitments"),
            );
        }
        parsed
    };
    let evidence = match layout.text_lines(row, "evidence") {
        Ok(list) => list,
        Err(e) => {
            r.problem(sheet.at(row.number, e.col), e.message);
            Vec::new()
        }
    };
    Built {
        question: Question {
            id: h.cell("name").to_string(),
            kind,
            responses: None,
            options: None,
            required,
            prompt: r
                .text(sheet, layout, row, "label")
                .unwrap_or_else(|| Text::plain("")),
            guidance: guidance(r, h),
            basis: r.text(sheet, layout, row, "basis"),
            evidence,
            recommendation,
            show_if,
            min,
            max,
            integer: false,
            unit: r.text(sheet, layout, row, "unit"),
            statement: IndexMap::new(),
            role,
        },
        option_cells: Vec::new(),
    }
}

fn recommendation(r: &mut Reader, h: &Here) -> Option<RecommendationDef> {
    let text = r.text(h.sheet, h.layout, h.row, "recommendation");
    let addressee = r.text(h.sheet, h.layout, h.row, "addressee");
    let priority = h.cell("priority");
    let when = h.cell("when");
    let Some(text) = text else {
        for (base, filled) in [
            ("priority", !priority.is_empty()),
            ("when", !when.is_empty()),
            ("addressee", addressee.is_some()),
        ] {
            if filled {
                r.problem(
                    h.at(base),
                    format!("{base} is given but the recommendation is empty"),
                );
            }
        }
        return None;
    };
    let priority = if priority.is_empty() {
        Priority::Medium
    } else {
        named::<Priority>(priority).unwrap_or_else(|| {
            r.problem(
                h.at("priority"),
                format!("priority \"{priority}\" is not high, medium or low"),
            );
            Priority::Medium
        })
    };
    let when = (!when.is_empty()).then(|| {
        when.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    });
    Some(RecommendationDef {
        text,
        priority,
        when,
        addressee,
    })
}

/// Adds a question to the current section (a new one for questions outside any group),
/// recording where each of its parts came from.
fn push_question(
    r: &mut Reader,
    c: &mut Checklist,
    built: Built,
    implicit_open: &mut bool,
    in_group: bool,
    h: &Here,
) {
    if !in_group && !*implicit_open {
        // Questions outside any group: a section of their own, titled like the checklist.
        let i = c.sections.len();
        let at = h.at("name");
        r.places.set(format!("/sections/{i}"), at);
        c.sections.push(Section {
            id: format!("section-{}", i + 1),
            title: if c.title.is_empty() {
                Text::plain(&format!("section-{}", i + 1))
            } else {
                c.title.clone()
            },
            guidance: None,
            questions: Vec::new(),
        });
        *implicit_open = true;
    }
    let Some(i) = c.sections.len().checked_sub(1) else {
        return;
    };
    let j = c.sections[i].questions.len();
    let p = format!("/sections/{i}/questions/{j}");
    r.places.set(p.clone(), h.at("name"));
    for (field, base) in [
        ("id", "name"),
        ("type", "type"),
        ("responses", "type"),
        ("options", "type"),
        ("required", "required"),
        ("prompt", "label"),
        ("guidance", "hint"),
        ("basis", "basis"),
        ("evidence", "evidence"),
        ("recommendation", "recommendation"),
        ("recommendation/priority", "priority"),
        ("recommendation/when", "when"),
        ("recommendation/addressee", "addressee"),
        ("show_if", "relevant"),
        ("min", "constraint"),
        ("max", "constraint"),
        ("integer", "type"),
        ("unit", "unit"),
        ("role", "role"),
    ] {
        if h.layout.col(base).is_some() {
            r.places.set(format!("{p}/{field}"), h.at(base));
        }
    }
    for (k, at) in built.option_cells.iter().enumerate() {
        r.places.set(format!("{p}/options/{k}"), at.clone());
    }
    c.sections[i].questions.push(built.question);
}

fn header(r: &mut Reader, c: &mut Checklist) {
    let Some(sheet) = r.sheet("onsite_header") else {
        return;
    };
    let layout = Layout::of(sheet, r.default_lang.clone());
    r.check_columns(sheet, &layout, columns::HEADER);
    for row in &sheet.rows {
        let h = Here {
            sheet,
            layout: &layout,
            row,
        };
        let k = c.header.len();
        let p = format!("/header/{k}");
        r.places.set(p.clone(), h.at("name"));
        for (field, base) in [
            ("id", "name"),
            ("type", "type"),
            ("label", "label"),
            ("required", "required"),
            ("default", "default"),
            ("help", "hint"),
        ] {
            if layout.col(base).is_some() {
                r.places.set(format!("{p}/{field}"), h.at(base));
            }
        }
        let kind = match normalise_name(h.cell("type")).as_str() {
            "" | "text" | "string" => HeaderType::Text,
            "date" => HeaderType::Date,
            "number" | "integer" | "decimal" => HeaderType::Number,
            other => {
                r.problem(
                    h.at("type"),
                    format!("title-page field type \"{other}\" is not text, date or number"),
                );
                HeaderType::Text
            }
        };
        let required = parse_bool(h.cell("required")).unwrap_or_else(|| {
            r.problem(
                h.at("required"),
                format!("required \"{}\" is not yes or no", h.cell("required")),
            );
            false
        });
        let default = h.cell("default");
        c.header.push(HeaderField {
            id: h.cell("name").to_string(),
            label: r
                .text(sheet, &layout, row, "label")
                .unwrap_or_else(|| Text::plain("")),
            kind,
            required,
            default: (!default.is_empty()).then(|| default.to_string()),
            help: r.text(sheet, &layout, row, "hint"),
        });
    }
}

fn rating(r: &mut Reader, c: &mut Checklist) {
    let Some(sheet) = r.sheet("onsite_rating") else {
        return;
    };
    let layout = Layout::of(sheet, r.default_lang.clone());
    r.check_columns(sheet, &layout, columns::RATING);
    for row in &sheet.rows {
        let h = Here {
            sheet,
            layout: &layout,
            row,
        };
        let k = c.rating.len();
        r.places.set(format!("/rating/{k}"), h.at("min"));
        r.places.set(format!("/rating/{k}/label"), h.at("label"));
        let min = parse_number(h.cell("min")).unwrap_or_else(|| {
            r.problem(
                h.at("min"),
                format!("min \"{}\" is not a number between 0 and 1", h.cell("min")),
            );
            0.0
        });
        c.rating.push(RatingBand {
            min,
            label: r
                .text(sheet, &layout, row, "label")
                .unwrap_or_else(|| Text::plain("")),
        });
    }
}

fn statements(r: &mut Reader, c: &mut Checklist) {
    let Some(sheet) = r.sheet("onsite_statements") else {
        return;
    };
    let layout = Layout::of(sheet, r.default_lang.clone());
    r.check_columns(sheet, &layout, columns::STATEMENTS);
    for row in &sheet.rows {
        let h = Here {
            sheet,
            layout: &layout,
            row,
        };
        let name = h.cell("name");
        let value = h.cell("value").to_string();
        let text = r
            .text(sheet, &layout, row, "statement")
            .unwrap_or_else(|| Text::plain(""));
        let place = c.sections.iter().enumerate().find_map(|(i, s)| {
            s.questions
                .iter()
                .position(|q| q.id == name)
                .map(|j| (i, j))
        });
        let Some((i, j)) = place else {
            r.problem(
                h.at("name"),
                format!("no question is named \"{name}\" on the survey sheet"),
            );
            continue;
        };
        let q = &mut c.sections[i].questions[j];
        if q.statement.contains_key(&value) {
            r.problem(
                h.at("value"),
                format!("question \"{name}\" has two statements for \"{value}\""),
            );
            continue;
        }
        let p = format!(
            "/sections/{i}/questions/{j}/statement/{}",
            crate::checklist::locate::escape(&value)
        );
        r.places.set(p, h.at("statement"));
        q.statement.insert(value, text);
    }
}
