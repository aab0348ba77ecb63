//! How the đề án is set on the page: A4, the margins of ND 30/2020, Times New Roman 14 pt for
//! text and 12 pt inside tables, headings, numbered paragraphs, and bordered tables whose
//! columns are sized to the page.

use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, PageOrientationType, PageSize,
    Paragraph, Run, RunFonts, Section, SpecialIndentType, Table, TableAlignmentType, TableCell,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

/// The typeface of Vietnamese administrative documents (ND 30/2020, Phụ lục I).
pub const FONT: &str = "Times New Roman";
/// Body text: 14 pt, in half-points.
pub const BODY: usize = 28;
/// The form's header lines: 13 pt.
pub const FORM: usize = 26;
/// Text inside tables: 12 pt.
pub const TABLE: usize = 24;

/// A4 in twentieths of a point.
const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;
/// Margins (ND 30/2020): top and bottom 20 mm, left 30 mm, right 15 mm.
const TOP: i32 = 1_134;
const BOTTOM: i32 = 1_134;
const LEFT: i32 = 1_701;
const RIGHT: i32 = 851;

/// The width text may take on a portrait page.
pub const PORTRAIT_WIDTH: u32 = A4_SHORT - (LEFT + RIGHT) as u32;
/// The width text may take on a landscape page.
pub const LANDSCAPE_WIDTH: u32 = A4_LONG - (LEFT + RIGHT) as u32;

/// First-line indent of body paragraphs: 1 cm.
const INDENT: i32 = 567;

/// One block of a part of the document.
pub enum Block {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

impl Block {
    pub fn paragraph(p: Paragraph) -> Self {
        Block::Paragraph(Box::new(p))
    }

    pub fn table(t: Table) -> Self {
        Block::Table(Box::new(t))
    }
}

/// A new document with the page, the margins and the default font and size set.
pub fn document() -> Docx {
    Docx::new()
        .page_size(A4_SHORT, A4_LONG)
        .page_margin(margins())
        .default_fonts(fonts())
        .default_size(BODY)
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(TOP)
        .bottom(BOTTOM)
        .left(LEFT)
        .right(RIGHT)
        .header(567)
        .footer(567)
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A section on portrait A4 holding `blocks`.
pub fn portrait(blocks: Vec<Block>) -> Section {
    fill(
        Section::new()
            .page_size(PageSize::new().size(A4_SHORT, A4_LONG))
            .page_margin(margins()),
        blocks,
    )
}

/// A section on landscape A4 holding `blocks`, for tables too wide for a portrait page.
pub fn landscape(blocks: Vec<Block>) -> Section {
    fill(
        Section::new()
            .page_size(
                PageSize::new()
                    .size(A4_LONG, A4_SHORT)
                    .orient(PageOrientationType::Landscape),
            )
            .page_orient(PageOrientationType::Landscape)
            .page_margin(margins()),
        blocks,
    )
}

fn fill(mut section: Section, blocks: Vec<Block>) -> Section {
    for block in blocks {
        section = match block {
            Block::Paragraph(p) => section.add_paragraph(*p),
            Block::Table(t) => section.add_table(*t),
        };
    }
    section
}

/// Adds blocks to the body of the document (the last section).
pub fn add_blocks(mut docx: Docx, blocks: Vec<Block>) -> Docx {
    for block in blocks {
        docx = match block {
            Block::Paragraph(p) => docx.add_paragraph(*p),
            Block::Table(t) => docx.add_table(*t),
        };
    }
    docx
}

/// A run of text at `size` (the font is the document's default); line breaks in `text` become
/// line breaks.
pub fn run(text: &str, size: usize) -> Run {
    let mut run = Run::new();
    if size != BODY {
        run = run.size(size);
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

fn spaced(paragraph: Paragraph, before: u32, after: u32) -> Paragraph {
    paragraph.line_spacing(LineSpacing::new().before(before).after(after))
}

/// A paragraph of body text: justified, its first line indented.
pub fn text(content: &str) -> Block {
    Block::paragraph(
        spaced(Paragraph::new(), 0, 120)
            .add_run(run(content, BODY))
            .align(AlignmentType::Both)
            .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None),
    )
}

/// An item of a list, indented by `level` (0 for the first level).
pub fn item(content: &str, level: usize) -> Block {
    let left = INDENT * (1 + i32::try_from(level).unwrap_or(0));
    Block::paragraph(
        spaced(Paragraph::new(), 0, 60)
            .add_run(run(content, BODY))
            .align(AlignmentType::Both)
            .indent(
                Some(left),
                Some(SpecialIndentType::Hanging(INDENT)),
                None,
                None,
            ),
    )
}

/// A part's heading ("I. SỰ CẦN THIẾT ..."): bold capitals, kept with what follows.
pub fn part_heading(content: &str) -> Block {
    Block::paragraph(
        spaced(Paragraph::new(), 240, 120)
            .add_run(run(content, BODY).bold())
            .align(AlignmentType::Both)
            .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
            .keep_next(true),
    )
}

/// A section heading within a part ("1. Cơ sở pháp lý"): bold, kept with what follows.
pub fn heading(content: &str) -> Block {
    Block::paragraph(
        spaced(Paragraph::new(), 120, 120)
            .add_run(run(content, BODY).bold())
            .align(AlignmentType::Both)
            .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
            .keep_next(true),
    )
}

/// A centred line, bold or not, at `size`.
pub fn centred(content: &str, size: usize, bold: bool) -> Paragraph {
    let run = run(content, size);
    Paragraph::new()
        .add_run(if bold { run.bold() } else { run })
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

/// An italic centred line (the caption of a table, the date line).
pub fn centred_italic(content: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(content, size).italic())
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

/// A table's caption: bold, centred, kept with the table.
pub fn caption(content: &str) -> Block {
    Block::paragraph(
        spaced(Paragraph::new(), 120, 60)
            .add_run(run(content, BODY).bold())
            .align(AlignmentType::Center)
            .keep_next(true),
    )
}

/// A note under a table: italic, small.
pub fn note(content: &str) -> Block {
    Block::paragraph(
        spaced(Paragraph::new(), 60, 120)
            .add_run(run(content, TABLE).italic())
            .align(AlignmentType::Both),
    )
}

/// How a cell's text stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// One cell of a data table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub align: Align,
    pub bold: bool,
    /// Left indent in steps (a sub-unit's depth in the tree).
    pub indent: usize,
    /// How many columns it spans.
    pub span: usize,
}

impl Cell {
    pub fn left(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            align: Align::Left,
            bold: false,
            indent: 0,
            span: 1,
        }
    }

    pub fn centre(text: impl Into<String>) -> Self {
        Cell {
            align: Align::Centre,
            ..Cell::left(text)
        }
    }

    pub fn number(text: impl Into<String>) -> Self {
        Cell {
            align: Align::Right,
            ..Cell::left(text)
        }
    }

    pub fn bold(self) -> Self {
        Cell { bold: true, ..self }
    }

    pub fn indented(self, indent: usize) -> Self {
        Cell { indent, ..self }
    }

    pub fn spanning(self, span: usize) -> Self {
        Cell { span, ..self }
    }
}

/// A bordered table of `width` twips: the columns `fixed` (heading, width) keep their width,
/// the column at `flexible` takes what is left. The heading row is bold and centred.
pub struct Grid {
    widths: Vec<u32>,
    rows: Vec<TableRow>,
}

impl Grid {
    /// `columns` are (heading, width); a width of 0 marks the one column that takes the rest.
    pub fn new(columns: &[(&str, u32)], width: u32) -> Self {
        let fixed: u32 = columns.iter().map(|(_, w)| *w).sum();
        let rest = width.saturating_sub(fixed).max(1_200);
        let widths: Vec<u32> = columns
            .iter()
            .map(|(_, w)| if *w == 0 { rest } else { *w })
            .collect();
        let mut grid = Grid {
            widths,
            rows: Vec::new(),
        };
        let heading: Vec<Cell> = columns
            .iter()
            .map(|(title, _)| Cell::centre(*title).bold())
            .collect();
        grid.push(heading);
        grid
    }

    /// Adds a row; cells spanning columns take their widths together.
    pub fn push(&mut self, cells: Vec<Cell>) {
        let mut column = 0;
        let mut row = Vec::with_capacity(cells.len());
        for cell in cells {
            let span = cell.span.max(1);
            let width: u32 = self.widths.iter().skip(column).take(span).sum();
            column += span;
            row.push(table_cell(&cell, width));
        }
        self.rows.push(TableRow::new(row).cant_split());
    }

    pub fn table(self) -> Block {
        let width: u32 = self.widths.iter().sum();
        let grid: Vec<usize> = self.widths.iter().map(|w| *w as usize).collect();
        Block::table(
            Table::new(self.rows)
                .set_grid(grid)
                .layout(TableLayoutType::Fixed)
                .width(width as usize, WidthType::Dxa)
                .align(TableAlignmentType::Center),
        )
    }
}

fn table_cell(cell: &Cell, width: u32) -> TableCell {
    let align = match cell.align {
        Align::Left => AlignmentType::Left,
        Align::Centre => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    };
    let text = run(&cell.text, TABLE);
    let mut paragraph = Paragraph::new()
        .add_run(if cell.bold { text.bold() } else { text })
        .align(align)
        .line_spacing(LineSpacing::new().before(20).after(20));
    if cell.indent > 0 {
        let left = 200 * i32::try_from(cell.indent).unwrap_or(0);
        paragraph = paragraph.indent(Some(left), None, None, None);
    }
    let mut table_cell = TableCell::new()
        .add_paragraph(paragraph)
        .width(width as usize, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    if cell.span > 1 {
        table_cell = table_cell.grid_span(cell.span);
    }
    table_cell
}

/// Two columns without borders side by side (the form's header and signature blocks).
pub fn side_by_side(widths: [u32; 2], left: Vec<Paragraph>, right: Vec<Paragraph>) -> Block {
    let column = |paragraphs: Vec<Paragraph>, width: u32| {
        let mut cell = TableCell::new().width(width as usize, WidthType::Dxa);
        for p in paragraphs {
            cell = cell.add_paragraph(p);
        }
        cell.clear_all_border()
    };
    let grid: Vec<usize> = widths.iter().map(|w| *w as usize).collect();
    Block::table(
        Table::without_borders(vec![
            TableRow::new(vec![column(left, widths[0]), column(right, widths[1])]).cant_split(),
        ])
        .set_grid(grid)
        .layout(TableLayoutType::Fixed)
        .width((widths[0] + widths[1]) as usize, WidthType::Dxa)
        .align(TableAlignmentType::Center),
    )
}
