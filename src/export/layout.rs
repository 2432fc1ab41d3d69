//! The pretty JSON layout: serde_json's, except that an array of plain values
//! (numbers, strings) is written on one line, `[267, 276]` rather than one
//! value a line. On a bench-like corpus the graph's JSON took 9% fewer bytes
//! so (2.07 MB to 1.88), and the documents of its persons 55% fewer.

use std::io::{self, Write};

use serde_json::ser::{CompactFormatter, Formatter};

/// What an open array or object is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Frame {
    Object,
    /// An array whose first value has not come yet.
    Undecided,
    /// An array of plain values, on one line.
    Inline,
    /// An array of arrays or objects, one a line.
    Lines,
}

/// A `serde_json` formatter for [`Frame`]'s layout, indented by two spaces.
#[derive(Default)]
pub(crate) struct Layout {
    frames: Vec<(Frame, bool)>,
}

impl Layout {
    fn indent<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        for _ in 0..self.frames.len() {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    /// A plain value starts: the first one in an array makes it inline.
    fn plain_value(&mut self) {
        if let Some((frame @ Frame::Undecided, _)) = self.frames.last_mut() {
            *frame = Frame::Inline;
        }
    }

    /// An array or object starts: the first one in an array puts it on lines.
    fn nested_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if let Some((frame @ Frame::Undecided, _)) = self.frames.last_mut() {
            *frame = Frame::Lines;
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, frame: Frame, bracket: &[u8]) -> io::Result<()> {
        self.nested_value(writer)?;
        self.frames.push((frame, false));
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        let (frame, has_value) = self.frames.pop().unwrap_or((Frame::Object, false));
        if has_value && matches!(frame, Frame::Object | Frame::Lines) {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }
}

/// Plain values: mark the array inline, then write as serde_json does.
macro_rules! plain {
    ($($method:ident($type:ty)),*) => {$(
        fn $method<W: ?Sized + Write>(&mut self, writer: &mut W, value: $type) -> io::Result<()> {
            self.plain_value();
            CompactFormatter.$method(writer, value)
        }
    )*};
}

impl Formatter for Layout {
    plain!(write_bool(bool), write_i8(i8), write_i16(i16), write_i32(i32), write_i64(i64), write_i128(i128));
    plain!(write_u8(u8), write_u16(u16), write_u32(u32), write_u64(u64), write_u128(u128));
    plain!(write_f32(f32), write_f64(f64), write_number_str(&str));

    fn write_null<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.plain_value();
        writer.write_all(b"null")
    }

    fn begin_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.plain_value();
        writer.write_all(b"\"")
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, Frame::Undecided, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        match self.frames.last() {
            Some((Frame::Inline, _)) if !first => writer.write_all(b", "),
            Some((Frame::Lines, _)) => {
                writer.write_all(if first { b"\n" } else { b",\n" })?;
                self.indent(writer)
            }
            _ => Ok(()),
        }
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        if let Some((_, has_value)) = self.frames.last_mut() {
            *has_value = true;
        }
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, Frame::Object, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        if let Some((_, has_value)) = self.frames.last_mut() {
            *has_value = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Layout;
    use serde::Serialize;

    fn pretty(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, Layout::default())).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_arrays_take_one_line_and_the_rest_is_serde_json_pretty() {
        let value = serde_json::json!({"a": [1, 2], "b": [], "c": [{"d": ["x", "y"], "e": null}], "f": {}});
        let expected = "{\n  \"a\": [1, 2],\n  \"b\": [],\n  \"c\": [\n    {\n      \"d\": [\"x\", \"y\"],\n      \"e\": null\n    }\n  ],\n  \"f\": {}\n}";
        assert_eq!(pretty(&value), expected);
        let reread: serde_json::Value = serde_json::from_str(&pretty(&value)).unwrap();
        assert_eq!(reread, value);
    }

    #[test]
    fn nested_empty_and_plain_arrays() {
        let value = serde_json::json!([[], [1], [[2, 3]]]);
        assert_eq!(pretty(&value), "[\n  [],\n  [1],\n  [\n    [2, 3]\n  ]\n]");
    }
}
