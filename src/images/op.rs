//! Resize operations and the geometry they give: which part of the source is kept and
//! at what size it is published. Pure arithmetic on sizes; no pixels here. The names
//! are Zola's (`scale`, `fit_width`, `fit_height`, `fit`, `fill`), so a Zola template's
//! `resize_image(…, op="fill")` means what it meant there; `fill` also takes a focal
//! point (`cover_focus`), which Zola's has not.

use std::fmt;

/// What to do with a source image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// Exactly `width` × `height`, aspect ratio not kept (Zola's `scale`).
    Scale {
        /// Width of the copy.
        width: u32,
        /// Height of the copy.
        height: u32,
    },
    /// `width` wide, height keeping the aspect ratio (Zola's `fit_width`).
    FitWidth(u32),
    /// `height` high, width keeping the aspect ratio (Zola's `fit_height`).
    FitHeight(u32),
    /// Within `width` × `height`, aspect ratio kept, never enlarged (Zola's `fit`).
    Fit {
        /// Largest width.
        width: u32,
        /// Largest height.
        height: u32,
    },
    /// Cropped to the aspect of `width` × `height` around `focus`, then resized to it.
    Fill {
        /// Width of the copy.
        width: u32,
        /// Height of the copy.
        height: u32,
        /// The part of the photo that is kept when cropping.
        focus: Focus,
    },
}

/// Where a `fill` crop is anchored (`cover_focus`): the part of the photo kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Focus {
    /// The middle (the default, and Zola's only choice).
    #[default]
    Center,
    /// The top edge, centred across.
    Top,
    /// The bottom edge, centred across.
    Bottom,
    /// The left edge, centred down.
    Left,
    /// The right edge, centred down.
    Right,
    /// The top-left corner.
    TopLeft,
    /// The top-right corner.
    TopRight,
    /// The bottom-left corner.
    BottomLeft,
    /// The bottom-right corner.
    BottomRight,
}

/// The names [`Focus::parse`] accepts, for error messages.
pub const FOCUS_NAMES: &str =
    "center, top, bottom, left, right, top-left, top-right, bottom-left, bottom-right";

/// The names [`Operation::parse`] accepts, for error messages.
pub const OPERATION_NAMES: &str = "fill, fit, fit_width, fit_height, scale";

impl Focus {
    /// Parses `center`, `top`, `bottom-right`… (`_` is taken for `-`; `centre` too).
    pub fn parse(name: &str) -> Option<Focus> {
        Some(
            match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
                "center" | "centre" | "middle" => Focus::Center,
                "top" => Focus::Top,
                "bottom" => Focus::Bottom,
                "left" => Focus::Left,
                "right" => Focus::Right,
                "top-left" | "left-top" => Focus::TopLeft,
                "top-right" | "right-top" => Focus::TopRight,
                "bottom-left" | "left-bottom" => Focus::BottomLeft,
                "bottom-right" | "right-bottom" => Focus::BottomRight,
                _ => return None,
            },
        )
    }

    /// Where the crop window sits across and down: 0 at the start, 1 in the middle, 2 at
    /// the end (halves of the free space, so the arithmetic stays in integers).
    fn anchor(self) -> (u64, u64) {
        match self {
            Focus::Center => (1, 1),
            Focus::Top => (1, 0),
            Focus::Bottom => (1, 2),
            Focus::Left => (0, 1),
            Focus::Right => (2, 1),
            Focus::TopLeft => (0, 0),
            Focus::TopRight => (2, 0),
            Focus::BottomLeft => (0, 2),
            Focus::BottomRight => (2, 2),
        }
    }

    /// The CSS `object-position` that keeps the same part of the photo in view when a
    /// page crops it with `object-fit: cover`.
    pub fn css_position(self) -> &'static str {
        match self {
            Focus::Center => "50% 50%",
            Focus::Top => "50% 0%",
            Focus::Bottom => "50% 100%",
            Focus::Left => "0% 50%",
            Focus::Right => "100% 50%",
            Focus::TopLeft => "0% 0%",
            Focus::TopRight => "100% 0%",
            Focus::BottomLeft => "0% 100%",
            Focus::BottomRight => "100% 100%",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Focus::Center => "center",
            Focus::Top => "top",
            Focus::Bottom => "bottom",
            Focus::Left => "left",
            Focus::Right => "right",
            Focus::TopLeft => "top-left",
            Focus::TopRight => "top-right",
            Focus::BottomLeft => "bottom-left",
            Focus::BottomRight => "bottom-right",
        }
    }
}

impl Operation {
    /// Builds an operation from Zola's `resize_image` arguments; the error says which
    /// argument is missing or wrong.
    pub fn parse(
        op: &str,
        width: Option<u32>,
        height: Option<u32>,
        focus: Focus,
    ) -> Result<Operation, String> {
        let need = |value: Option<u32>, name: &str| -> Result<u32, String> {
            match value {
                Some(0) => Err(format!("`op=\"{op}\"` needs a `{name}` of at least 1")),
                Some(n) => Ok(n),
                None => Err(format!("`op=\"{op}\"` needs a `{name}` argument")),
            }
        };
        Ok(match op {
            "scale" => Operation::Scale {
                width: need(width, "width")?,
                height: need(height, "height")?,
            },
            "fit_width" => Operation::FitWidth(need(width, "width")?),
            "fit_height" => Operation::FitHeight(need(height, "height")?),
            "fit" => Operation::Fit {
                width: need(width, "width")?,
                height: need(height, "height")?,
            },
            "fill" => Operation::Fill {
                width: need(width, "width")?,
                height: need(height, "height")?,
                focus,
            },
            other => {
                return Err(format!(
                    "unknown resize operation 「{other}」 (expected one of: {OPERATION_NAMES})"
                ));
            }
        })
    }

    /// The largest width or height this operation asks for.
    pub(crate) fn largest_side(&self) -> u32 {
        match *self {
            Operation::Scale { width, height }
            | Operation::Fit { width, height }
            | Operation::Fill { width, height, .. } => width.max(height),
            Operation::FitWidth(side) | Operation::FitHeight(side) => side,
        }
    }
}

/// A stable text form, part of the cache key: changing it reprocesses every image.
impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Operation::Scale { width, height } => write!(f, "scale {width}x{height}"),
            Operation::FitWidth(width) => write!(f, "fit_width {width}"),
            Operation::FitHeight(height) => write!(f, "fit_height {height}"),
            Operation::Fit { width, height } => write!(f, "fit {width}x{height}"),
            Operation::Fill {
                width,
                height,
                focus,
            } => write!(f, "fill {width}x{height} {}", focus.name()),
        }
    }
}

/// A rectangle of the (upright) source, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rect {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// What an operation does to a source of a given size: keep `crop`, publish it at
/// `width` × `height`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Geometry {
    /// The part of the source kept (the whole source unless `fill` crops).
    pub crop: Rect,
    /// Width of the copy.
    pub width: u32,
    /// Height of the copy.
    pub height: u32,
}

impl Geometry {
    /// The geometry of `op` on an upright source of `width` × `height` (both ≥ 1).
    pub fn of(op: &Operation, width: u32, height: u32) -> Geometry {
        let whole = Rect {
            x: 0,
            y: 0,
            width,
            height,
        };
        let sized = |w: u64, h: u64| Geometry {
            crop: whole,
            width: clamp_side(w),
            height: clamp_side(h),
        };
        let (w, h) = (u64::from(width), u64::from(height));
        match *op {
            Operation::Scale {
                width: tw,
                height: th,
            } => sized(tw.into(), th.into()),
            Operation::FitWidth(tw) => sized(tw.into(), h * u64::from(tw) / w),
            Operation::FitHeight(th) => sized(w * u64::from(th) / h, th.into()),
            Operation::Fit {
                width: tw,
                height: th,
            } => {
                let (tw, th) = (u64::from(tw), u64::from(th));
                if w <= tw && h <= th {
                    sized(w, h)
                } else if w * th > h * tw {
                    sized(tw, h * tw / w)
                } else {
                    sized(w * th / h, th)
                }
            }
            Operation::Fill {
                width: tw,
                height: th,
                focus,
            } => Geometry {
                crop: fill_crop(width, height, tw, th, focus),
                width: tw,
                height: th,
            },
        }
    }

    /// Whether the copy is the source as it is: no crop, same size.
    pub fn is_identity(&self) -> bool {
        self.crop.x == 0
            && self.crop.y == 0
            && self.crop.width == self.width
            && self.crop.height == self.height
    }
}

/// The largest window of the aspect `tw:th` inside `width` × `height`, placed by `focus`.
fn fill_crop(width: u32, height: u32, tw: u32, th: u32, focus: Focus) -> Rect {
    let (w, h, tw, th) = (
        u64::from(width),
        u64::from(height),
        u64::from(tw),
        u64::from(th),
    );
    // Compare w/h with tw/th without division: the source is wider when w·th > h·tw.
    let (crop_w, crop_h) = if w * th > h * tw {
        (((h * tw + th / 2) / th).clamp(1, w), h)
    } else {
        (w, ((w * th + tw / 2) / tw).clamp(1, h))
    };
    let (across, down) = focus.anchor();
    Rect {
        x: offset((w - crop_w) * across / 2),
        y: offset((h - crop_h) * down / 2),
        width: clamp_side(crop_w),
        height: clamp_side(crop_h),
    }
}

/// An offset inside the source, which fits in `u32` as the source's sides do.
fn offset(at: u64) -> u32 {
    u32::try_from(at).unwrap_or(0)
}

/// A computed side as a pixel count: at least 1 (a sliver of a very long panorama
/// still has a pixel), at most `u32::MAX`.
fn clamp_side(side: u64) -> u32 {
    u32::try_from(side.max(1)).unwrap_or(u32::MAX)
}
