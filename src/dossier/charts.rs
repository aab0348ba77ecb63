//! The dossier's charts drawn with plotters: required against current headcount per unit, and
//! the rank structure (current against proposed). The same drawing makes the PNG embedded in the
//! workbook and the PNG or SVG files of `vtvl chart`.

use std::path::Path;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use super::DossierError;
use super::figures::{rank_structure, unit_sections};
use super::rank_names::{NO_RANK, RankNames};
use crate::engine::PlanResults;
use crate::format::vi_number;
use crate::model::Employment;
use crate::model::Plan;

/// The bundled font: plotters draws with it everywhere, so Vietnamese looks the same on every
/// machine and no system font is needed.
static NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const FONT: &str = "sans-serif";
const WIDTH: u32 = 1100;
const ROW_HEIGHT: u32 = 36;
const COLORS: [RGBColor; 2] = [RGBColor(90, 120, 170), RGBColor(225, 120, 40)];
/// Longest label drawn whole; longer names are cut with "...".
const MAX_LABEL: usize = 48;

/// Which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Required against current headcount per unit.
    Units,
    /// Current against proposed headcount per rank.
    Ranks,
}

/// One named series of values, one per label.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub name: String,
    pub values: Vec<f64>,
}

/// What a chart shows: a title, the category labels, and two series.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub title: String,
    pub labels: Vec<String>,
    pub series: [ChartSeries; 2],
    /// The largest value of the whole chart when this is one page of it, so that every page
    /// draws to the same scale; `None` for a whole chart.
    pub scale: Option<f64>,
}

/// The figures of a chart, from the engine's results.
pub fn chart_data(
    plan: &Plan,
    results: &PlanResults,
    kind: ChartKind,
) -> Result<ChartData, DossierError> {
    Ok(match kind {
        ChartKind::Units => {
            // Top-level units and the units directly under them, each with its whole subtree
            // as `vtvl compute` rolls it up; deeper units are inside these figures.
            let units: Vec<_> = unit_sections(plan, results)?
                .into_iter()
                .filter(|u| u.depth <= CHART_DEPTH)
                .collect();
            ChartData {
                title: "Số người theo tính toán và hiện có, theo đơn vị (gồm đơn vị trực thuộc)"
                    .to_owned(),
                labels: units
                    .iter()
                    .map(|u| {
                        let indent = "   ".repeat(u.depth);
                        format!("{indent}{}. {}", u.number, u.unit.name)
                    })
                    .collect(),
                series: [
                    ChartSeries {
                        name: "Hiện có".to_owned(),
                        values: units.iter().map(|u| u.rolled_up.current).collect(),
                    },
                    ChartSeries {
                        name: "Theo tính toán".to_owned(),
                        values: units.iter().map(|u| u.rolled_up.required as f64).collect(),
                    },
                ],
                scale: None,
            }
        }
        ChartKind::Ranks => {
            let ranks = rank_structure(plan, results)?;
            let names = RankNames::embedded()?;
            ChartData {
                title: "Cơ cấu ngạch, chức danh nghề nghiệp: hiện có và đề nghị".to_owned(),
                labels: ranks
                    .iter()
                    .map(|r| {
                        if r.rank_code.is_empty() {
                            NO_RANK.to_owned()
                        } else {
                            names.label(&r.rank_code, Employment::CivilServant)
                        }
                    })
                    .collect(),
                series: [
                    ChartSeries {
                        name: "Hiện có".to_owned(),
                        values: ranks.iter().map(|r| r.current).collect(),
                    },
                    ChartSeries {
                        name: "Đề nghị".to_owned(),
                        values: ranks.iter().map(|r| r.proposed).collect(),
                    },
                ],
                scale: None,
            }
        }
    })
}

/// How deep the units chart goes: top-level units (0) and those directly under them (1).
const CHART_DEPTH: usize = 1;
/// Bars a printed page holds: a longer chart is cut into pages of this many labels, each drawn
/// to the same scale.
pub const LABELS_PER_PAGE: usize = 12;

impl ChartData {
    /// The chart cut into pages of at most [`LABELS_PER_PAGE`] labels, each small enough to
    /// print on one page; every page keeps the whole chart's scale.
    pub fn pages(&self) -> Vec<ChartData> {
        let count = self.labels.len().div_ceil(LABELS_PER_PAGE).max(1);
        (0..count)
            .map(|page| {
                let range =
                    page * LABELS_PER_PAGE..((page + 1) * LABELS_PER_PAGE).min(self.labels.len());
                let title = if count > 1 {
                    format!("{} (trang {}/{count})", self.title, page + 1)
                } else {
                    self.title.clone()
                };
                let cut = |series: &ChartSeries| ChartSeries {
                    name: series.name.clone(),
                    values: series
                        .values
                        .get(range.clone())
                        .unwrap_or_default()
                        .to_vec(),
                };
                ChartData {
                    title,
                    labels: self.labels.get(range.clone()).unwrap_or_default().to_vec(),
                    series: [cut(&self.series[0]), cut(&self.series[1])],
                    scale: Some(self.top()),
                }
            })
            .collect()
    }

    /// The largest value drawn, or the scale the chart was cut from.
    fn top(&self) -> f64 {
        self.scale.unwrap_or_else(|| {
            self.series
                .iter()
                .flat_map(|s| s.values.iter().copied())
                .fold(0.0f64, f64::max)
        })
    }

    /// Pixel size: one band per label, so long lists stay readable.
    pub fn size(&self) -> (u32, u32) {
        let rows = u32::try_from(self.labels.len()).unwrap_or(u32::MAX).max(1);
        (WIDTH, 150 + rows.saturating_mul(ROW_HEIGHT))
    }
}

/// Draws the chart as a PNG file, written atomically.
pub fn render_png(data: &ChartData, path: &Path) -> Result<(), DossierError> {
    let bytes = png_bytes(data)?;
    write_atomically(path, &bytes)
}

/// Draws the chart as an SVG file, written atomically.
pub fn render_svg(data: &ChartData, path: &Path) -> Result<(), DossierError> {
    fonts()?;
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, data.size()).into_drawing_area();
        draw(&root, data).map_err(|e| DossierError::Chart(e.to_string()))?;
        root.present()
            .map_err(|e| DossierError::Chart(format!("{}: {e}", path.display())))?;
    }
    write_atomically(path, text.as_bytes())
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), DossierError> {
    crate::output::atomic::write_bytes(path, bytes).map_err(|source| DossierError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// The chart as PNG bytes, for embedding: drawn into pixels in memory, then encoded (plotters
/// encodes PNG only to a file, and an export should not need a temporary folder).
pub fn png_bytes(data: &ChartData) -> Result<Vec<u8>, DossierError> {
    fonts()?;
    let (width, height) = data.size();
    let area = usize::try_from(u64::from(width) * u64::from(height) * 3)
        .map_err(|_| DossierError::Chart(format!("a chart of {width} x {height} pixels")))?;
    let mut pixels = vec![0u8; area];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        draw(&root, data).map_err(|e| DossierError::Chart(e.to_string()))?;
        root.present()
            .map_err(|e| DossierError::Chart(e.to_string()))?;
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // A filter chosen row by row, as plotters' own encoder does: a quarter of the size.
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let encoded = encoder.write_header().and_then(|mut writer| {
        writer
            .write_image_data(&pixels)
            .and_then(|()| writer.finish())
    });
    encoded.map_err(|e| DossierError::Chart(e.to_string()))?;
    Ok(bytes)
}

fn fonts() -> Result<(), DossierError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| register_font(FONT, FontStyle::Normal, NOTO_SANS).is_ok());
    if ok {
        Ok(())
    } else {
        Err(DossierError::Chart(
            "the bundled font cannot be read".to_owned(),
        ))
    }
}

fn short(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL {
        label.to_owned()
    } else {
        let head: String = label.chars().take(MAX_LABEL - 3).collect();
        format!("{head}...")
    }
}

/// Horizontal grouped bars: labels top to bottom in the data's order, two bars per label.
fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ChartData,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let n = data.labels.len();
    let labels: Vec<String> = data.labels.iter().map(|l| short(l)).collect();
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let label_area = u32::try_from(longest * 9 + 20)
        .unwrap_or(440)
        .clamp(100, 460);
    let top = data.top();
    let x_max = (top * 1.15).max(1.0);
    let mut chart = ChartBuilder::on(root)
        .caption(&data.title, (FONT, 28))
        .margin(18)
        .x_label_area_size(50)
        .y_label_area_size(label_area)
        // Integer ranges are inclusive in plotters: 0..=n-1 gives one band per label.
        .build_cartesian_2d(0f64..x_max, (0..n.saturating_sub(1)).into_segmented())?;
    // Index 0 is drawn at the bottom; the data's first label belongs on top.
    let label_of = |value: &SegmentValue<usize>| match value {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) if *i < n => {
            labels.get(n - 1 - *i).cloned().unwrap_or_default()
        }
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(n.max(1))
        .y_label_formatter(&label_of)
        .x_label_formatter(&|v| vi_number(*v, 1))
        .x_desc("Số người")
        .label_style((FONT, 17))
        .axis_desc_style((FONT, 18))
        .draw()?;
    for (k, series) in data.series.iter().enumerate() {
        let color = COLORS.get(k).copied().unwrap_or(BLACK);
        let bars = series.values.iter().enumerate().map(move |(index, value)| {
            let slot = n - 1 - index;
            // The first series takes the upper half of the band, the second the lower half.
            let (from, to) = if k == 0 {
                let upper = if slot + 1 >= n {
                    SegmentValue::Last
                } else {
                    SegmentValue::Exact(slot + 1)
                };
                (SegmentValue::CenterOf(slot), upper)
            } else {
                (SegmentValue::Exact(slot), SegmentValue::CenterOf(slot))
            };
            let mut bar = Rectangle::new([(0.0, from), (*value, to)], color.filled());
            bar.set_margin(if k == 0 { 2 } else { 0 }, if k == 0 { 0 } else { 2 }, 0, 0);
            bar
        });
        chart
            .draw_series(bars)?
            .label(series.name.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 7), (x + 16, y + 7)], color.filled()));
        let figures = series.values.iter().enumerate().map(move |(index, value)| {
            let slot = n - 1 - index;
            let offset = if k == 0 { -19 } else { 1 };
            EmptyElement::at((*value, SegmentValue::CenterOf(slot)))
                + Text::new(vi_number(*value, 2), (6, offset), (FONT, 15))
        });
        chart.draw_series(figures)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font((FONT, 17))
        .draw()?;
    Ok(())
}
