//! Where each part of a checklist read from a workbook came from: JSON pointer → cell
//! address, so that the rules checked on the model (which speak in pointers) can name the
//! cell to fix (`survey!H14`).

use std::collections::HashMap;

/// JSON pointer → `sheet!A1`.
#[derive(Debug, Clone, Default)]
pub struct Places(HashMap<String, String>);

impl Places {
    /// Records that `pointer` was read from `address`.
    pub fn set(&mut self, pointer: impl Into<String>, address: String) {
        self.0.insert(pointer.into(), address);
    }

    /// The cell of `pointer`, or of its nearest enclosing part that has one.
    pub fn find(&self, pointer: &str) -> Option<&str> {
        let mut p = pointer;
        loop {
            if let Some(a) = self.0.get(p) {
                return Some(a);
            }
            let cut = p.rfind('/')?;
            p = &p[..cut];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_enclosing_place_answers() {
        let mut p = Places::default();
        p.set("/sections/0/questions/2", "survey!B5".into());
        p.set("/sections/0/questions/2/show_if", "survey!H5".into());
        assert_eq!(
            p.find("/sections/0/questions/2/show_if/all/1"),
            Some("survey!H5")
        );
        assert_eq!(p.find("/sections/0/questions/2/prompt"), Some("survey!B5"));
        assert_eq!(p.find("/sections/1"), None);
    }
}
