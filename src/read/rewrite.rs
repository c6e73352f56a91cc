//! Workbooks calamine 0.38 refuses although they are valid, rewritten so that it reads them.
//!
//! Two dialects of real files make calamine fail on the whole workbook:
//! - ODS whose `content.xml` is pretty-printed (Gnumeric writes it so): calamine expects a cell
//!   where it meets the whitespace between two cells;
//! - xlsx/xlsm listing an Excel 4 macro sheet: calamine knows no such sheet type.
//!
//! Each rewrite is tried only after calamine failed on the file as it is, so the files calamine
//! reads are never touched. The archive is rebuilt in memory with every other part copied as it
//! is (its size was checked against the zip limits before the first reading).

use quick_xml::events::Event;
use std::io::{Cursor, Read, Write};

/// The ODS with the whitespace between elements of `content.xml` taken out (the text of the
/// cells, inside paragraphs, is kept as it is); `None` when there was nothing to take out.
pub fn ods_without_layout_whitespace(bytes: &[u8]) -> Option<Vec<u8>> {
    let content = part(bytes, "content.xml")?;
    let rewritten = without_layout_whitespace(&content)?;
    (rewritten != content).then(|| with_part(bytes, "content.xml", &rewritten))?
}

/// The xlsx without the macro sheets its workbook lists, and their names; `None` when it lists none.
pub fn xlsx_without_macro_sheets(bytes: &[u8]) -> Option<(Vec<u8>, Vec<String>)> {
    let rels = part(bytes, "xl/_rels/workbook.xml.rels")?;
    let macro_ids = macro_sheet_ids(&rels)?;
    if macro_ids.is_empty() {
        return None;
    }
    let workbook = part(bytes, "xl/workbook.xml")?;
    let (rewritten, names) = without_sheets(&workbook, &macro_ids)?;
    if names.is_empty() {
        return None;
    }
    Some((with_part(bytes, "xl/workbook.xml", &rewritten)?, names))
}

/// One part of a zip archive, inflated.
fn part(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut file = archive.by_name(name).ok()?;
    let mut content = Vec::new();
    file.read_to_end(&mut content).ok()?;
    Some(content)
}

/// The archive with the part `name` replaced by `content`; the other parts copied as they are.
fn with_part(bytes: &[u8], name: &str, content: &[u8]) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).ok()?;
        if file.name().ok()?.as_ref() == name {
            drop(file);
            out.start_file(name, stored).ok()?;
            out.write_all(content).ok()?;
        } else {
            out.raw_copy_file(file).ok()?;
        }
    }
    Some(out.finish().ok()?.into_inner())
}

/// The XML without whitespace-only text outside paragraphs (`text:p`, `text:h`).
fn without_layout_whitespace(xml: &[u8]) -> Option<Vec<u8>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(xml.len()));
    let mut buf = Vec::new();
    // Paragraphs open: their whitespace is the cells' text.
    let mut in_paragraph = 0usize;
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        match &event {
            Event::Eof => break,
            Event::Start(e) if matches!(e.local_name().as_ref(), "p" | "h") => in_paragraph += 1,
            Event::End(e) if matches!(e.local_name().as_ref(), "p" | "h") => {
                in_paragraph = in_paragraph.saturating_sub(1)
            }
            Event::Text(text)
                if in_paragraph == 0 && text.chars().all(|c| c.is_ascii_whitespace()) =>
            {
                buf.clear();
                continue;
            }
            _ => {}
        }
        writer.write_event(event).ok()?;
        buf.clear();
    }
    Some(writer.into_inner())
}

/// The relationship ids of `workbook.xml.rels` that point at macro sheets.
fn macro_sheet_ids(rels: &[u8]) -> Option<Vec<String>> {
    let mut reader = quick_xml::Reader::from_reader(rels);
    let mut buf = Vec::new();
    let mut ids = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Eof => return Some(ids),
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let attribute = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .map(|a| a.value.into_owned())
                };
                let is_macro = attribute("Type").is_some_and(|t| {
                    let t = t.to_ascii_lowercase();
                    t.ends_with("/macrosheet")
                        || t.ends_with("/xlmacrosheet")
                        || t.ends_with("/xlintlmacrosheet")
                });
                if let (true, Some(id)) = (is_macro, attribute("Id")) {
                    ids.push(id);
                }
            }
            _ => {}
        }
        buf.clear();
    }
}

/// `workbook.xml` without the `<sheet>` entries whose relationship id is one of `ids`, and the
/// names of those sheets.
fn without_sheets(xml: &[u8], ids: &[String]) -> Option<(Vec<u8>, Vec<String>)> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut writer = quick_xml::Writer::new(Vec::with_capacity(xml.len()));
    let mut buf = Vec::new();
    let mut names = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        if let Event::Eof = event {
            break;
        }
        if let Event::Empty(e) | Event::Start(e) = &event {
            if e.local_name().as_ref() == "sheet" {
                let attribute = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == key)
                        .map(|a| a.value.into_owned())
                };
                if attribute("id").is_some_and(|id| ids.contains(&id)) {
                    let name = attribute("name").unwrap_or_default();
                    names.push(unescaped(&name));
                    buf.clear();
                    continue;
                }
            }
        }
        writer.write_event(event).ok()?;
        buf.clear();
    }
    Some((writer.into_inner(), names))
}

/// An attribute's value with its XML escapes resolved.
fn unescaped(value: &str) -> String {
    quick_xml::escape::unescape(value)
        .map(|t| t.into_owned())
        .unwrap_or_else(|_| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whitespace_between_elements_is_taken_out() {
        let xml = b"<t:table>\n  <t:row>\n    <t:cell><text:p> a  b </text:p></t:cell>\n    <t:cell><text:p> </text:p></t:cell>\n  </t:row>\n</t:table>";
        let out = without_layout_whitespace(xml).expect("well-formed");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "<t:table><t:row><t:cell><text:p> a  b </text:p></t:cell><t:cell><text:p> </text:p></t:cell></t:row></t:table>"
        );
    }

    #[test]
    fn macro_sheets_are_taken_off_the_workbook() {
        let rels = br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>"#;
        let ids = macro_sheet_ids(rels).expect("ids");
        assert_eq!(ids, ["rId2"]);
        let workbook = br#"<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Macro &amp; co" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
        let (out, names) = without_sheets(workbook, &ids).expect("rewritten");
        assert_eq!(names, ["Macro & co"]);
        assert_eq!(
            String::from_utf8_lossy(&out),
            r#"<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        );
    }
}
