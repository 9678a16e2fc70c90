//! Moving between visible questions and sections.

use super::{Effect, Session, SessionError};

impl Session {
    fn is_vis(&self, i: usize) -> bool {
        self.visible.get(i).copied().unwrap_or(false)
    }

    fn section_of(&self, i: usize) -> Option<usize> {
        self.order.get(i).map(|(s, _)| *s)
    }

    fn move_to(&mut self, i: Option<usize>) -> Effect {
        match i {
            Some(i) if i != self.cursor => {
                self.cursor = i;
                Effect::Moved
            }
            _ => Effect::Nothing,
        }
    }

    /// Puts the cursor back on a visible question after visibility changed.
    pub(super) fn settle_cursor(&mut self) {
        if self.is_vis(self.cursor) {
            return;
        }
        let forward = (self.cursor..self.order.len()).find(|&i| self.is_vis(i));
        let backward = (0..self.cursor.min(self.order.len()))
            .rev()
            .find(|&i| self.is_vis(i));
        self.cursor = forward.or(backward).unwrap_or(0);
    }

    /// Next (`dir` = 1) or previous (`dir` = -1) visible question.
    pub(super) fn step(&mut self, dir: i8) -> Effect {
        let target = if dir > 0 {
            (self.cursor + 1..self.order.len()).find(|&i| self.is_vis(i))
        } else {
            (0..self.cursor).rev().find(|&i| self.is_vis(i))
        };
        self.move_to(target)
    }

    pub(super) fn next_section(&mut self) -> Effect {
        let here = self.section_of(self.cursor);
        let target = (self.cursor + 1..self.order.len())
            .find(|&i| self.is_vis(i) && self.section_of(i) != here);
        self.move_to(target)
    }

    pub(super) fn prev_section(&mut self) -> Effect {
        let here = self.section_of(self.cursor);
        let first_here =
            (0..self.order.len()).find(|&i| self.is_vis(i) && self.section_of(i) == here);
        if first_here.is_some_and(|f| f < self.cursor) {
            return self.move_to(first_here);
        }
        let prev_section = (0..self.cursor)
            .rev()
            .find(|&i| self.is_vis(i))
            .and_then(|i| self.section_of(i));
        let target = prev_section.and_then(|ps| {
            (0..self.order.len()).find(|&i| self.is_vis(i) && self.section_of(i) == Some(ps))
        });
        self.move_to(target)
    }

    pub(super) fn next_unanswered_required(&mut self) -> Effect {
        let n = self.order.len();
        let target = (1..=n).map(|k| (self.cursor + k) % n).find(|&i| {
            self.is_vis(i)
                && self.question_at(i).is_some_and(|(_, q)| {
                    q.required && q.is_answerable() && !self.is_answered(&q.id)
                })
        });
        self.move_to(target)
    }

    pub(super) fn go_to(&mut self, id: &str) -> Result<Effect, SessionError> {
        match self.index_of(id) {
            Some(i) if self.is_vis(i) => Ok(self.move_to(Some(i))),
            _ => Err(SessionError::Unknown(id.to_string())),
        }
    }
}
