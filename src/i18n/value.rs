//! Sentences about typed values (numbers, dates) refused by [`crate::checklist::value`], in
//! English and Vietnamese: each says what was typed and how to type it.

use super::Lang;
use crate::checklist::value::ValueError;

/// Why a typed value was refused, as one sentence (without a final full stop, so that it
/// can be followed by a place).
pub fn value_error(lang: Lang, e: &ValueError) -> String {
    use ValueError as E;
    match (lang, e) {
        (Lang::En, E::NotANumber(s)) => format!("`{s}` is not a number"),
        (Lang::Vi, E::NotANumber(s)) => format!("`{s}` không phải là số"),
        (Lang::En, E::Separators(s)) => format!(
            "`{s}` is not a number as English writes it: a point marks decimals (3.5) and a comma groups thousands (1,250)"
        ),
        (Lang::Vi, E::Separators(s)) => format!(
            "`{s}` không phải cách viết số trong tiếng Việt: dấu phẩy ngăn phần thập phân (3,5), dấu chấm ngăn hàng nghìn (1.250)"
        ),
        (Lang::En, E::NotADate(s)) => {
            format!("`{s}` is not a date; type it YYYY-MM-DD (2026-12-02)")
        }
        (Lang::Vi, E::NotADate(s)) => {
            format!("`{s}` không phải là ngày; nhập theo dạng ngày/tháng/năm (02/12/2026)")
        }
        (Lang::En, E::DayFirst(s)) => format!(
            "`{s}` could be read day-first or month-first; type the date YYYY-MM-DD (2026-12-02)"
        ),
        // Not produced in Vietnamese (day-first is the Vietnamese order); kept for completeness.
        (Lang::Vi, E::DayFirst(s)) => {
            format!("`{s}`: nhập ngày theo dạng ngày/tháng/năm (02/12/2026)")
        }
        (Lang::En, E::ShortYear(s)) => {
            format!("`{s}`: type the year with four digits (2026-12-02)")
        }
        (Lang::Vi, E::ShortYear(s)) => {
            format!("`{s}`: nhập năm đủ bốn chữ số (02/12/2026)")
        }
        (Lang::En, E::NoSuchDay(s)) => format!("`{s}` is not a day of the calendar"),
        (Lang::Vi, E::NoSuchDay(s)) => format!("`{s}` không phải là ngày có thật"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::value::{parse_date, parse_number};

    #[test]
    fn refusals_say_how_to_type_it_in_the_ui_language() {
        let e = parse_number("3.5", Lang::Vi).unwrap_err();
        assert!(value_error(Lang::Vi, &e).contains("3,5"));
        let e = parse_number("3,5", Lang::En).unwrap_err();
        assert!(value_error(Lang::En, &e).contains("3.5"));
        let e = parse_date("02/12/2026", Lang::En).unwrap_err();
        assert!(value_error(Lang::En, &e).contains("YYYY-MM-DD"));
        let e = parse_date("31/02/2026", Lang::Vi).unwrap_err();
        assert_eq!(
            value_error(Lang::Vi, &e),
            "`31/02/2026` không phải là ngày có thật"
        );
    }
}
