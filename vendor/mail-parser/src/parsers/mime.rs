/*
 * SPDX-FileCopyrightText: 2020 Stalwart Labs LLC <hello@stalw.art>
 *
 * SPDX-License-Identifier: Apache-2.0 OR MIT
 */

use std::borrow::Cow;

use super::MessageStream;

impl<'x> MessageStream<'x> {
    pub fn seek_next_part(&mut self, boundary: &[u8]) -> bool {
        if !boundary.is_empty() {
            let mut last_ch = 0;

            self.checkpoint();

            while let Some(&ch) = self.next() {
                if ch == b'-' && last_ch == b'-' && self.try_skip(boundary) {
                    return true;
                }

                last_ch = ch;
            }

            self.restore();
        }

        false
    }

    pub fn seek_next_part_offset(&mut self, boundary: &[u8]) -> Option<usize> {
        let mut last_ch = b'\n';
        let mut offset_pos = self.offset();
        self.checkpoint();

        while let Some(&ch) = self.next() {
            if ch == b'\n' {
                offset_pos = if last_ch == b'\r' {
                    self.offset() - 2
                } else {
                    self.offset() - 1
                };
            } else if ch == b'-' && last_ch == b'-' && self.try_skip(boundary) {
                return offset_pos.into();
            }

            last_ch = ch;
        }

        self.restore();

        None
    }

    /// The body up to the next `--boundary` and where it ends (before the line break that
    /// precedes the delimiter). tuixin's patch (see vendor/README.md): the delimiter is found a
    /// word at a time rather than a byte at a time; the results and the stream's position are
    /// those of the published byte loop, kept as `mime_part_bytewise` for the tests.
    pub fn mime_part(&mut self, boundary: &[u8]) -> (usize, Cow<'x, [u8]>) {
        if boundary.is_empty() {
            return self.mime_part_bytewise(boundary);
        }
        let start_pos = self.offset();
        self.checkpoint();
        match find_delimiter(self.data, start_pos, boundary) {
            Some(at) => {
                self.skip_to(at + 2 + boundary.len());
                let end_pos = part_end(self.data, start_pos, at);
                (end_pos, self.bytes(start_pos..end_pos).into())
            }
            None => {
                self.restore();
                (usize::MAX, self.bytes(start_pos..self.len()).into())
            }
        }
    }

    /// Like [`Self::mime_part`], the end of the part and whether a delimiter was found.
    pub fn seek_part_end(&mut self, boundary: Option<&[u8]>) -> (usize, bool) {
        let Some(boundary) = boundary else {
            self.seek_end();
            return (self.offset(), true);
        };
        let start_pos = self.offset();
        match find_delimiter(self.data, start_pos, boundary) {
            Some(at) => {
                self.skip_to(at + 2 + boundary.len());
                (part_end(self.data, start_pos, at), true)
            }
            None => {
                // The byte loop stops one past the end.
                let end = self.pos.max(self.len()) + 1;
                self.skip_to(self.len());
                self.pos = end;
                (self.offset(), false)
            }
        }
    }

    #[doc(hidden)]
    pub fn mime_part_bytewise(&mut self, boundary: &[u8]) -> (usize, Cow<'x, [u8]>) {
        let mut last_ch = b'\n';
        let mut before_last_ch = 0;
        let start_pos = self.offset();
        let mut end_pos = self.offset();

        self.checkpoint();

        while let Some(&ch) = self.next() {
            if ch == b'\n' {
                end_pos = if last_ch == b'\r' {
                    self.offset() - 2
                } else {
                    self.offset() - 1
                };
            } else if ch == b'-'
                && !boundary.is_empty()
                && last_ch == b'-'
                && self.try_skip(boundary)
            {
                if before_last_ch != b'\n' {
                    end_pos = self.offset() - boundary.len() - 2;
                }
                return (end_pos, self.bytes(start_pos..end_pos).into());
            }

            before_last_ch = last_ch;
            last_ch = ch;
        }

        (
            if boundary.is_empty() {
                self.offset()
            } else {
                self.restore();
                usize::MAX
            },
            self.bytes(start_pos..self.len()).into(),
        )
    }

    #[doc(hidden)]
    pub fn seek_part_end_bytewise(&mut self, boundary: Option<&[u8]>) -> (usize, bool) {
        let mut last_ch = b'\n';
        let mut before_last_ch = 0;
        let mut end_pos = self.offset();

        if let Some(boundary) = boundary {
            while let Some(&ch) = self.next() {
                if ch == b'\n' {
                    end_pos = if last_ch == b'\r' {
                        self.offset() - 2
                    } else {
                        self.offset() - 1
                    };
                } else if ch == b'-' && last_ch == b'-' && self.try_skip(boundary) {
                    if before_last_ch != b'\n' {
                        end_pos = self.offset() - boundary.len() - 2;
                    }
                    return (end_pos, true);
                }

                before_last_ch = last_ch;
                last_ch = ch;
            }

            (self.offset(), false)
        } else {
            self.seek_end();
            (self.offset(), true)
        }
    }

    pub fn is_multipart_end(&mut self) -> bool {
        self.checkpoint();

        match (self.next(), self.peek()) {
            (Some(b'\r'), Some(b'\n')) => {
                self.next();
                false
            }
            (Some(b'-'), Some(b'-')) => {
                self.next();
                true
            }
            (Some(b'\n'), _) => false,
            (Some(&a), _) if a.is_ascii_whitespace() => {
                self.skip_crlf();
                false
            }
            _ => {
                self.restore();
                false
            }
        }
    }

    #[inline(always)]
    pub fn skip_crlf(&mut self) {
        while let Some(ch) = self.peek() {
            match ch {
                b'\r' | b' ' | b'\t' => {
                    self.next();
                }
                b'\n' => {
                    self.next();
                    break;
                }
                _ => break,
            }
        }
    }
}

/// The leftmost `--boundary` at or after `from` (tuixin's patch): the position of its first `-`.
fn find_delimiter(data: &[u8], from: usize, boundary: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let dash = at + super::find_byte(data.get(at..)?, b'-')?;
        let rest = data.get(dash + 1..).unwrap_or_default();
        if rest.first() == Some(&b'-') && rest.get(1..).is_some_and(|r| r.starts_with(boundary)) {
            return Some(dash);
        }
        at = dash + 1;
    }
}

/// Where the byte loop ends a part whose delimiter starts at `at`: before the line break that
/// precedes the delimiter (CRLF or LF), or at the delimiter when none does.
fn part_end(data: &[u8], start: usize, at: usize) -> usize {
    if at == start || data.get(at - 1) != Some(&b'\n') {
        at
    } else if at - 1 > start && data.get(at - 2) == Some(&b'\r') {
        at - 2
    } else {
        at - 1
    }
}
