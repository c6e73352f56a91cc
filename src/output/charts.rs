//! Charts (SPEC 6) drawn with plotters, as SVG and PNG, text in the embedded DejaVu Sans.
//!
//! Categorical charts are horizontal bars: long French labels ("Échange d'informations")
//! then sit on the left in full instead of overlapping under the bars.

use crate::indicators::ValueKind;
use crate::lang::Lang;
use plotters::coord::combinators::BindKeyPoints;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontStyle;
use std::sync::Once;

/// DejaVu Sans (Bitstream Vera licence, see assets/fonts/LICENSE-DejaVu.txt), so that every machine draws the same pixels.
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";
pub const SIZE: (u32, u32) = (1200, 700);

/// Okabe–Ito colour-blind-safe palette, in series order.
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xD5, 0x5E, 0x00),
];

#[derive(Debug, thiserror::Error)]
#[error("cannot draw the chart {id}: {message}")]
pub struct ChartError {
    pub id: String,
    pub message: String,
}

/// A vertical line across the bars: a target, or 100 % of the targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub value: f64,
    pub label: String,
}

/// A horizontal bar chart: one bar per series in each category, or one stacked bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub id: String,
    pub title: String,
    pub value_axis: String,
    pub categories: Vec<String>,
    /// (legend, one value per category)
    pub series: Vec<(String, Vec<f64>)>,
    pub kind: ValueKind,
    /// The series are parts of one bar (F / M / not specified).
    pub stacked: bool,
    pub reference: Option<Reference>,
    /// Vertical bars, categories along the horizontal axis: for time (months, quarters, years).
    pub vertical: bool,
}

impl BarChart {
    /// A grouped chart, no reference line.
    pub fn grouped(
        id: &str,
        title: String,
        value_axis: String,
        categories: Vec<String>,
        series: Vec<(String, Vec<f64>)>,
        kind: ValueKind,
    ) -> Self {
        BarChart {
            id: id.to_string(),
            title,
            value_axis,
            categories,
            series,
            kind,
            stacked: false,
            reference: None,
            vertical: false,
        }
    }

    /// The same chart drawn with vertical bars (time runs left to right).
    pub fn vertical(mut self) -> Self {
        self.vertical = true;
        self
    }

    /// Categories sorted by value, largest first (the first series, or the whole stacked bar);
    /// equal values keep their order.
    pub fn sorted(mut self) -> Self {
        let value = |i: usize| -> f64 {
            if self.stacked {
                self.series
                    .iter()
                    .map(|(_, v)| v.get(i).copied().unwrap_or(0.0))
                    .sum()
            } else {
                self.series
                    .first()
                    .and_then(|(_, v)| v.get(i).copied())
                    .unwrap_or(0.0)
            }
        };
        let mut order: Vec<usize> = (0..self.categories.len()).collect();
        order.sort_by(|a, b| value(*b).total_cmp(&value(*a)));
        self.categories = order.iter().map(|i| self.categories[*i].clone()).collect();
        for (_, values) in &mut self.series {
            *values = order
                .iter()
                .map(|i| values.get(*i).copied().unwrap_or(0.0))
                .collect();
        }
        self
    }

    /// A chart with nothing above zero is not drawn (SPEC 6).
    pub fn has_data(&self) -> bool {
        !self.categories.is_empty()
            && self
                .series
                .iter()
                .any(|(_, values)| values.iter().any(|v| *v > 0.0))
    }

    /// The longest bar: a stacked bar is the sum of its parts.
    fn max_value(&self) -> f64 {
        if self.stacked {
            (0..self.categories.len())
                .map(|i| {
                    self.series
                        .iter()
                        .map(|(_, v)| v.get(i).copied().unwrap_or(0.0))
                        .sum::<f64>()
                })
                .fold(0.0, f64::max)
        } else {
            self.series
                .iter()
                .flat_map(|(_, v)| v.iter().copied())
                .fold(0.0, f64::max)
        }
    }
}

fn register_font() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // The embedded font is a valid TrueType file checked by the chart tests.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT);
    });
}

pub fn render_svg(chart: &BarChart, lang: Lang) -> Result<String, ChartError> {
    register_font();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        draw(chart, lang, &root).map_err(|e| error(chart, e))?;
        root.present().map_err(|e| error(chart, e))?;
    }
    Ok(tight_text(&svg))
}

/// plotters places a label's baseline with `dy` and writes its content between line breaks.
/// resvg shifts only the logically first letter by `dy`, which in a right-to-left label is not
/// the first one drawn (an Arabic title's first letter fell below the rest), and lays the
/// breaks out as spaces. So `dy` is folded into `y` (1em = the font size, 1ex = half of it, as
/// CSS defines it without a font) and the content put flush against its tags.
fn tight_text(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = rest[open_end..].find("</text>").map(|i| open_end + i) else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&fold_dy(&rest[start..open_end]));
        out.push_str(rest[open_end..close].trim_matches('\n'));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// A `<text …>` tag with its `dy` added to its `y`; unchanged when an attribute is missing.
fn fold_dy(tag: &str) -> String {
    let attribute = |name: &str| -> Option<(usize, usize, &str)> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)?;
        let value_start = start + key.len();
        let end = value_start + tag[value_start..].find('"')?;
        Some((start, end + 1, &tag[value_start..end]))
    };
    let (Some(y), Some(dy), Some(size)) = (attribute("y"), attribute("dy"), attribute("font-size"))
    else {
        return tag.to_string();
    };
    let (Ok(y_value), Ok(size)) = (y.2.parse::<f64>(), size.2.parse::<f64>()) else {
        return tag.to_string();
    };
    let shift = if let Some(em) = dy.2.strip_suffix("em") {
        em.parse::<f64>().ok().map(|v| v * size)
    } else if let Some(ex) = dy.2.strip_suffix("ex") {
        ex.parse::<f64>().ok().map(|v| v * size / 2.0)
    } else {
        dy.2.parse::<f64>().ok()
    };
    let Some(shift) = shift else {
        return tag.to_string();
    };
    let new_y = format!(" y=\"{}\"", super::format::plain_number(y_value + shift, 2));
    // Replace the later attribute first so that the earlier one's offsets stay right.
    let mut parts = [(y.0, y.1, new_y), (dy.0, dy.1, String::new())];
    parts.sort_by_key(|p| std::cmp::Reverse(p.0));
    let mut out = tag.to_string();
    for (start, end, text) in parts {
        out.replace_range(start..end, &text);
    }
    out
}

/// The PNG of a chart's SVG, rasterised by resvg: text shaped and kerned by rustybuzz (Arabic
/// joined), from the embedded DejaVu Sans alone, never a system font, so that every machine of one
/// architecture draws the same pixels.
pub fn rasterise(svg: &str, id: &str) -> Result<Vec<u8>, ChartError> {
    use resvg::{tiny_skia, usvg};
    static FONTS: std::sync::OnceLock<std::sync::Arc<usvg::fontdb::Database>> =
        std::sync::OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        std::sync::Arc::new(db)
    });
    let failed = |message: String| ChartError {
        id: id.to_string(),
        message,
    };
    let options = usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        fontdb: fonts.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| failed(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| failed("empty picture".to_string()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| failed(e.to_string()))
}

fn error(chart: &BarChart, e: impl std::fmt::Display) -> ChartError {
    ChartError {
        id: chart.id.clone(),
        message: e.to_string(),
    }
}

/// Labels longer than this are shortened with an ellipsis so that they never run into the bars.
const MAX_LABEL_CHARS: usize = 44;

/// Vertical units per category: integer coordinates so that plotters can label them.
const SLOT: i32 = 100;

pub fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        label.to_string()
    } else {
        let mut short: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        short = short.trim_end().to_string();
        short.push('…');
        short
    }
}

type DrawResult<E> = Result<(), DrawingAreaErrorKind<E>>;
type Context<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::combinators::WithKeyPoints<plotters::coord::types::RangedCoordi32>,
    >,
>;

fn value_text_style() -> TextStyle<'static> {
    TextStyle::from((FAMILY, 14).into_font()).pos(Pos::new(HPos::Left, VPos::Center))
}

/// The coloured square of a series in the legend.
fn legend_swatch(x: i32, y: i32, color: RGBColor) -> Rectangle<(i32, i32)> {
    Rectangle::new([(x, y - 6), (x + 14, y + 6)], color.filled())
}

/// One bar per series within each category's slot.
fn draw_grouped<DB: DrawingBackend>(
    chart: &BarChart,
    ctx: &mut Context<'_, DB>,
    n: usize,
    x_max: f64,
    value_label: &dyn Fn(&f64) -> String,
) -> DrawResult<DB::ErrorType> {
    let series_count = chart.series.len().max(1) as i32;
    let band = SLOT * 8 / 10 / series_count;
    for (s, (name, values)) in chart.series.iter().enumerate() {
        let color = PALETTE[s % PALETTE.len()];
        let bars = values.iter().enumerate().map(move |(i, v)| {
            let top = (n - i) as i32 * SLOT - SLOT / 10 - band * s as i32;
            Rectangle::new([(0.0, top - band), (*v, top)], color.filled())
        });
        ctx.draw_series(bars)?
            .label(name.as_str())
            .legend(move |(x, y)| legend_swatch(x, y, color));
        // With a reference line, values sit inside the bars (white, at their start) so the line never crosses them.
        let inside = chart.reference.is_some();
        let labels = values
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0.0)
            .map(|(i, v)| {
                let middle = (n - i) as i32 * SLOT - SLOT / 10 - band * s as i32 - band / 2;
                if inside && *v > x_max * 0.08 {
                    let style = value_text_style().color(&WHITE);
                    Text::new(value_label(v), (x_max * 0.008, middle), style)
                } else {
                    Text::new(
                        value_label(v),
                        (*v + x_max * 0.005, middle),
                        value_text_style(),
                    )
                }
            });
        ctx.draw_series(labels)?;
    }
    Ok(())
}

/// One bar per category, its series laid end to end, the total written after it.
fn draw_stacked<DB: DrawingBackend>(
    chart: &BarChart,
    ctx: &mut Context<'_, DB>,
    n: usize,
    x_max: f64,
    value_label: &dyn Fn(&f64) -> String,
) -> DrawResult<DB::ErrorType> {
    let mut starts = vec![0.0; n];
    for (s, (name, values)) in chart.series.iter().enumerate() {
        let color = PALETTE[s % PALETTE.len()];
        let bars: Vec<_> = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let top = (n - i) as i32 * SLOT - SLOT / 10;
                let start = starts[i];
                starts[i] += v;
                Rectangle::new(
                    [(start, top - SLOT * 8 / 10), (start + v, top)],
                    color.filled(),
                )
            })
            .collect();
        ctx.draw_series(bars)?
            .label(name.as_str())
            .legend(move |(x, y)| legend_swatch(x, y, color));
    }
    let labels = starts
        .iter()
        .enumerate()
        .filter(|(_, total)| **total > 0.0)
        .map(|(i, total)| {
            let middle = (n - i) as i32 * SLOT - SLOT / 10 - SLOT * 4 / 10;
            Text::new(
                value_label(total),
                (*total + x_max * 0.005, middle),
                value_text_style(),
            )
        });
    ctx.draw_series(labels)?;
    Ok(())
}

fn draw<DB: DrawingBackend>(
    chart: &BarChart,
    lang: Lang,
    root: &DrawingArea<DB, plotters::coord::Shift>,
) -> DrawResult<DB::ErrorType> {
    root.fill(&WHITE)?;
    if chart.vertical {
        return draw_vertical(chart, lang, root);
    }
    let n = chart.categories.len();
    let reference = chart.reference.as_ref().map_or(0.0, |r| r.value);
    let max = chart.max_value().max(reference);
    let x_max = if max > 0.0 { max * 1.15 } else { 1.0 };
    // Category i spans y in [(n - i - 1) * SLOT, (n - i) * SLOT) so that the first category is on top.
    let key_points: Vec<i32> = (0..n as i32).map(|i| i * SLOT + SLOT / 2).collect();
    let categories: Vec<String> = chart.categories.iter().map(|c| shorten(c)).collect();
    // About 9 px a character at 16 px DejaVu Sans, so short labels leave room to the bars.
    let longest = categories
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0) as u32;
    let label_area = (longest * 9 + 24).clamp(60, 420);
    let label_for = move |y: &i32| -> String {
        let slot = n as i32 - 1 - y.div_euclid(SLOT);
        usize::try_from(slot)
            .ok()
            .and_then(|s| categories.get(s))
            .cloned()
            .unwrap_or_default()
    };
    let value_label = |v: &f64| super::format::display_number(*v, chart.kind, lang);
    let mut ctx = frame(root, &chart.title, label_area)
        // With a reference line, half a slot above the bars holds its label, clear of them.
        .build_cartesian_2d(
            0.0..x_max,
            (0..n as i32 * SLOT
                + if chart.reference.is_some() {
                    SLOT / 2
                } else {
                    0
                })
                .with_key_points(key_points),
        )?;
    ctx.configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .y_label_formatter(&label_for)
        .x_label_formatter(&value_label)
        .x_desc(&chart.value_axis)
        .label_style((FAMILY, 16))
        .axis_desc_style((FAMILY, 18))
        .draw()?;
    if chart.stacked {
        draw_stacked(chart, &mut ctx, n, x_max, &value_label)?;
    } else {
        draw_grouped(chart, &mut ctx, n, x_max, &value_label)?;
    }
    if let Some(reference) = &chart.reference {
        let top = n as i32 * SLOT + SLOT / 2;
        // A dashed line, marked apart from the bars, its label in the headroom above them.
        let line_style = ShapeStyle::from(&BLACK).stroke_width(2);
        let dashes = (0..top).step_by((SLOT / 5) as usize).map(|y| {
            PathElement::new(
                vec![
                    (reference.value, y),
                    (reference.value, (y + SLOT / 8).min(top)),
                ],
                line_style,
            )
        });
        ctx.draw_series(dashes)?;
        let style =
            TextStyle::from((FAMILY, 16).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
        ctx.draw_series(std::iter::once(Text::new(
            reference.label.clone(),
            (reference.value + x_max * 0.008, n as i32 * SLOT + SLOT / 4),
            style,
        )))?;
    }
    if chart.series.len() > 1 {
        legend(&mut ctx, SeriesLabelPosition::LowerRight)?;
    }
    Ok(())
}

/// A chart's frame: its title on top, room for the value labels below and `label_area` pixels
/// for the labels on the left.
fn frame<'a, 'b, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    label_area: u32,
) -> ChartBuilder<'a, 'b, DB> {
    let mut builder = ChartBuilder::on(root);
    builder
        .caption(title, (FAMILY, 30))
        .margin(20)
        .x_label_area_size(50)
        .y_label_area_size(label_area);
    builder
}

/// The series' names and colours in a framed box.
fn legend<'a, DB: DrawingBackend + 'a, CT: plotters::coord::CoordTranslate>(
    ctx: &mut ChartContext<'a, DB, CT>,
    position: SeriesLabelPosition,
) -> DrawResult<DB::ErrorType> {
    ctx.configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font((FAMILY, 16))
        .draw()
}

type VerticalContext<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<
        plotters::coord::combinators::WithKeyPoints<plotters::coord::types::RangedCoordi32>,
        plotters::coord::types::RangedCoordf64,
    >,
>;

/// Vertical bars: categories (months, quarters, years) left to right, one bar per series in
/// each, values above the bars.
fn draw_vertical<DB: DrawingBackend>(
    chart: &BarChart,
    lang: Lang,
    root: &DrawingArea<DB, plotters::coord::Shift>,
) -> DrawResult<DB::ErrorType> {
    let n = chart.categories.len();
    let reference = chart.reference.as_ref().map_or(0.0, |r| r.value);
    let max = chart.max_value().max(reference);
    let y_max = if max > 0.0 { max * 1.15 } else { 1.0 };
    let key_points: Vec<i32> = (0..n as i32).map(|i| i * SLOT + SLOT / 2).collect();
    let categories: Vec<String> = chart.categories.iter().map(|c| shorten(c)).collect();
    let label_for = move |x: &i32| -> String {
        usize::try_from(x.div_euclid(SLOT))
            .ok()
            .and_then(|s| categories.get(s))
            .cloned()
            .unwrap_or_default()
    };
    let value_label = |v: &f64| super::format::display_number(*v, chart.kind, lang);
    let mut ctx: VerticalContext<'_, DB> = frame(root, &chart.title, 80)
        .build_cartesian_2d((0..n as i32 * SLOT).with_key_points(key_points), 0.0..y_max)?;
    ctx.configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .x_label_formatter(&label_for)
        .y_label_formatter(&value_label)
        .y_desc(&chart.value_axis)
        .label_style((FAMILY, 16))
        .axis_desc_style((FAMILY, 18))
        .draw()?;
    let series_count = chart.series.len().max(1) as i32;
    let band = SLOT * 8 / 10 / series_count;
    let above = TextStyle::from((FAMILY, 14).into_font()).pos(Pos::new(HPos::Center, VPos::Bottom));
    for (s, (name, values)) in chart.series.iter().enumerate() {
        let color = PALETTE[s % PALETTE.len()];
        let left = |i: usize| i as i32 * SLOT + SLOT / 10 + band * s as i32;
        let bars = values
            .iter()
            .enumerate()
            .map(|(i, v)| Rectangle::new([(left(i), 0.0), (left(i) + band, *v)], color.filled()));
        ctx.draw_series(bars)?
            .label(name.as_str())
            .legend(move |(x, y)| legend_swatch(x, y, color));
        let labels = values
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0.0)
            .map(|(i, v)| {
                Text::new(
                    value_label(v),
                    (left(i) + band / 2, *v + y_max * 0.01),
                    above.clone(),
                )
            });
        ctx.draw_series(labels)?;
    }
    if chart.series.len() > 1 {
        legend(&mut ctx, SeriesLabelPosition::UpperRight)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// resvg shifts only the logically first letter by `dy`: an Arabic title's first letter fell
    /// below the rest. The shift is folded into `y` and the line breaks around the text dropped.
    #[test]
    fn labels_are_placed_by_y_alone_and_hold_no_line_breaks() {
        let svg =
            "<svg><text x=\"600\" y=\"25\" dy=\"0.76em\" font-size=\"20\">\nنسبة الإنجاز\n</text>\
                   <text x=\"1\" y=\"10\" dy=\"-0.5ex\" font-size=\"10\">\nA\n</text></svg>";
        assert_eq!(
            tight_text(svg),
            "<svg><text x=\"600\" y=\"40.2\" font-size=\"20\">نسبة الإنجاز</text>\
             <text x=\"1\" y=\"7.5\" font-size=\"10\">A</text></svg>"
        );
    }

    #[test]
    fn long_labels_are_shortened_with_an_ellipsis() {
        let long = "Transformation digitale de l'administration publique et des services";
        let short = shorten(long);
        assert!(short.chars().count() <= MAX_LABEL_CHARS);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("Atelier"), "Atelier");
    }

    #[test]
    fn embedded_font_is_valid() {
        assert!(plotters::style::register_font("test-family", FontStyle::Normal, FONT).is_ok());
    }
}
