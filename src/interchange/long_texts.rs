//! A workbook's texts measured before they are read. The spreadsheet reader allocates each text
//! whole, the shared strings as soon as the workbook opens: a 300 MB string held in a 300 KB
//! file would take a gigabyte. So the XML of the shared strings and of each table's sheet is
//! streamed first, counting characters without keeping them, and a text longer than a cell
//! holds is refused at its cell.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::columns;
use super::error::Problem;
use super::table::too_long;
use crate::language::Text;
use crate::validation::bounds::MAX_TEXT_CHARS;

/// The small parts that name the sheets are read whole, up to this size.
const MAX_INDEX_BYTES: u64 = 16 * 1024 * 1024;

/// The first text longer than [`MAX_TEXT_CHARS`] in the `.xlsx` workbook at `path`, at its
/// cell; `None` when there is none, or when the file is not a readable zip (the reader then
/// says what is wrong).
pub(super) fn first_long_text(path: &Path) -> Option<Problem> {
    let file = File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).ok()?;
    // Shared strings longer than a cell, by their index, with their length.
    let long_shared = match zip.by_name("xl/sharedStrings.xml") {
        Ok(part) => long_shared_strings(part),
        Err(_) => BTreeMap::new(),
    };
    for (sheet, part) in table_sheets(&mut zip) {
        let Ok(reader) = zip.by_name(&part) else {
            continue;
        };
        if let Some((cell, chars)) = first_long_cell(reader, &long_shared) {
            let (column, row) = split_cell(&cell);
            return Some(Problem::Cell {
                file: sheet,
                line: row,
                column,
                message: too_long(chars),
            });
        }
    }
    let chars = *long_shared.values().next()?;
    let shown = |language| crate::validation::bounds::shown(chars as f64, language);
    Some(Problem::Plan {
        message: Text::new(
            format!(
                "sổ tính chứa một văn bản dài {} ký tự, ngoài các bảng; một ô chứa tối đa {}",
                shown(crate::language::Language::Vietnamese),
                MAX_TEXT_CHARS
            ),
            format!(
                "the workbook holds a text of {} characters outside the tables; a cell holds at \
                 most {}",
                shown(crate::language::Language::English),
                MAX_TEXT_CHARS
            ),
        ),
    })
}

/// The sheets named like a table, with their parts (`xl/worksheets/sheet3.xml`), from the
/// workbook's index and its relationships.
fn table_sheets<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Vec<(String, String)> {
    let mut small = |name: &str| -> Option<String> {
        let mut text = String::new();
        zip.by_name(name)
            .ok()?
            .take(MAX_INDEX_BYTES)
            .read_to_string(&mut text)
            .ok()?;
        Some(text)
    };
    let (Some(book), Some(rels)) = (
        small("xl/workbook.xml"),
        small("xl/_rels/workbook.xml.rels"),
    ) else {
        return Vec::new();
    };
    let targets: BTreeMap<String, String> = tags(&rels, "Relationship")
        .filter_map(|tag| Some((attribute(tag, "Id")?, attribute(tag, "Target")?)))
        .collect();
    tags(&book, "sheet")
        .filter_map(|tag| {
            let name = unescape(&attribute(tag, "name")?);
            columns::ALL.iter().find(|spec| spec.name == name.trim())?;
            let id = attribute_ending(tag, ":id")?;
            let target = targets.get(&id)?;
            let part = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_owned(),
                None => format!("xl/{target}"),
            };
            Some((name, part))
        })
        .collect()
}

/// The insides of each `<name ...>` tag of `xml`.
fn tags<'a>(xml: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    xml.split('<').filter_map(move |piece| {
        let tag = piece.split('>').next()?;
        let rest = tag.strip_prefix(name)?;
        (rest.is_empty() || rest.starts_with([' ', '/', '\t', '\n', '\r'])).then_some(rest)
    })
}

/// The value of attribute `name` in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    attributes(tag)
        .into_iter()
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// The value of the attribute whose name ends with `suffix` (`r:id`, whatever the prefix).
fn attribute_ending(tag: &str, suffix: &str) -> Option<String> {
    attributes(tag)
        .into_iter()
        .find(|(key, _)| key.ends_with(suffix))
        .map(|(_, value)| value.to_owned())
}

/// The `key="value"` pairs of a tag's text, values still escaped.
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    let mut rest = tag;
    while let Some(equals) = rest.find('=') {
        let key = rest[..equals].split_whitespace().last().unwrap_or_default();
        let after = rest[equals + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            break;
        };
        let body = &after[1..];
        let Some(end) = body.find(quote) else {
            break;
        };
        pairs.push((key, &body[..end]));
        rest = &body[end + 1..];
    }
    pairs
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// What the streaming count reports at each event.
enum Event<'a> {
    /// A start or end tag, its text without `<` and `>`.
    Tag(&'a [u8]),
    /// A piece of the text between two tags (a long text comes in several pieces).
    Text(&'a [u8]),
}

/// Streams `reader`'s XML and hands each tag and each piece of text to `on`, which returns
/// false to stop. Only tags shorter than 4 KB are handed whole (longer ones are cut).
fn stream(reader: impl Read, mut on: impl FnMut(Event) -> bool) {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let mut tag: Vec<u8> = Vec::new();
    let mut in_tag = false;
    loop {
        let Ok(buffer) = reader.fill_buf() else {
            return;
        };
        if buffer.is_empty() {
            return;
        }
        let length = buffer.len();
        let mut start = 0;
        for (i, &byte) in buffer.iter().enumerate() {
            if in_tag {
                if byte == b'>' {
                    in_tag = false;
                    start = i + 1;
                    if !on(Event::Tag(&tag)) {
                        return;
                    }
                } else if tag.len() < 4096 {
                    tag.push(byte);
                }
            } else if byte == b'<' {
                if i > start && !on(Event::Text(&buffer[start..i])) {
                    return;
                }
                in_tag = true;
                tag.clear();
            }
        }
        if !in_tag && start < length && !on(Event::Text(&buffer[start..])) {
            return;
        }
        reader.consume(length);
    }
}

/// Characters in a piece of XML text: UTF-8 lead bytes, an entity (`&amp;`) counting as one.
/// A piece may end inside an entity; the count is then one or two over, which no limit
/// check minds.
fn characters(text: &[u8]) -> usize {
    let mut count = 0;
    let mut in_entity = false;
    for &byte in text {
        if in_entity {
            in_entity = byte != b';';
        } else if byte == b'&' {
            in_entity = true;
            count += 1;
        } else if byte & 0xC0 != 0x80 {
            count += 1;
        }
    }
    count
}

/// The tag's name: `c` of `c r="A1" t="s"`, `/c` of an end tag.
fn tag_name(tag: &[u8]) -> &[u8] {
    let end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' && !tag.starts_with(b"/"))
        .unwrap_or(tag.len());
    &tag[..end]
}

/// The shared strings (`<si>` items, counted from 0) longer than a cell, with their lengths.
fn long_shared_strings(reader: impl Read) -> BTreeMap<usize, usize> {
    let mut long = BTreeMap::new();
    let mut index: Option<usize> = None;
    let mut chars = 0;
    stream(reader, |event| {
        match event {
            Event::Tag(tag) if tag_name(tag) == b"si" => {
                index = Some(index.map_or(0, |i| i + 1));
                chars = 0;
            }
            Event::Tag(tag) if tag_name(tag) == b"/si" => {
                if let Some(i) = index.filter(|_| chars > MAX_TEXT_CHARS) {
                    long.insert(i, chars);
                }
            }
            Event::Tag(_) => {}
            Event::Text(text) => chars += characters(text),
        }
        true
    });
    long
}

/// The first cell of a sheet whose text is longer than a cell holds, inline or shared, with
/// its length: `("C3", 300000000)`.
fn first_long_cell(
    reader: impl Read,
    long_shared: &BTreeMap<usize, usize>,
) -> Option<(String, usize)> {
    let mut cell = String::new();
    let mut shared = false;
    let mut in_value = false;
    let mut value = Vec::new();
    let mut chars = 0;
    let mut found = None;
    stream(reader, |event| {
        match event {
            Event::Tag(tag) => {
                let name = tag_name(tag);
                if name == b"c" {
                    let text = String::from_utf8_lossy(tag);
                    cell = attribute(&text, "r").unwrap_or_default();
                    shared = attribute(&text, "t").as_deref() == Some("s");
                    chars = 0;
                } else if name == b"v" && !tag.ends_with(b"/") {
                    in_value = true;
                    value.clear();
                } else if name == b"/v" {
                    in_value = false;
                    let index = std::str::from_utf8(&value)
                        .ok()
                        .and_then(|v| v.trim().parse::<usize>().ok());
                    if let Some(&length) =
                        index.filter(|_| shared).and_then(|i| long_shared.get(&i))
                    {
                        found = Some((cell.clone(), length));
                    }
                } else if name == b"/c" && chars > MAX_TEXT_CHARS {
                    found = Some((cell.clone(), chars));
                }
            }
            Event::Text(text) => {
                chars += characters(text);
                if in_value && value.len() < 32 {
                    value.extend_from_slice(&text[..text.len().min(32)]);
                }
            }
        }
        found.is_none()
    });
    found
}

/// `("AB", 12)` of `AB12`.
fn split_cell(cell: &str) -> (String, u64) {
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let row = cell[letters.len()..].parse().unwrap_or(0);
    (letters, row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_count_letters_and_entities_once() {
        assert_eq!(characters("Tân Hòa".as_bytes()), 7);
        assert_eq!(characters(b"a &amp; b"), 5);
        assert_eq!(characters(b"&#x1F600;"), 1);
    }

    #[test]
    fn tags_and_attributes_are_found_in_any_order() {
        let book = r#"<sheets><sheet name="units" sheetId="1" r:id="rId1"/><sheet r:id="rId2" name="A &amp; B" sheetId="2"/></sheets>"#;
        let found: Vec<(String, String)> = tags(book, "sheet")
            .map(|t| {
                (
                    unescape(&attribute(t, "name").unwrap()),
                    attribute_ending(t, ":id").unwrap(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("units".to_owned(), "rId1".to_owned()),
                ("A & B".to_owned(), "rId2".to_owned())
            ]
        );
        assert_eq!(tags(book, "sheets").count(), 1);
    }

    #[test]
    fn a_long_cell_is_found_inline_or_shared() {
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        let sheet = format!(
            r#"<sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>{long}</t></is></c></row></sheetData>"#
        );
        assert_eq!(
            first_long_cell(sheet.as_bytes(), &BTreeMap::new()),
            Some(("B2".to_owned(), MAX_TEXT_CHARS + 1))
        );
        let shared = format!(r#"<sst><si><t>short</t></si><si><r><t>{long}</t></r></si></sst>"#);
        let long_shared = long_shared_strings(shared.as_bytes());
        assert_eq!(long_shared, BTreeMap::from([(1, MAX_TEXT_CHARS + 1)]));
        let sheet = r#"<row r="7"><c r="C7" t="s"><v>0</v></c><c r="D7" t="s"><v>1</v></c></row>"#;
        assert_eq!(
            first_long_cell(sheet.as_bytes(), &long_shared),
            Some(("D7".to_owned(), MAX_TEXT_CHARS + 1))
        );
        // Exactly a cell's worth is fine.
        let full = "a".repeat(MAX_TEXT_CHARS);
        let sheet = format!(r#"<c r="A1" t="inlineStr"><is><t>{full}</t></is></c>"#);
        assert_eq!(first_long_cell(sheet.as_bytes(), &BTreeMap::new()), None);
    }

    #[test]
    fn cells_split_into_letters_and_row() {
        assert_eq!(split_cell("XFD1048576"), ("XFD".to_owned(), 1_048_576));
    }
}
