//! Pictures on the page: a PNG (such as a drawn signature) flattened onto white and embedded in
//! greyscale.
//!
//! Owns decoding, the size limits that keep a hostile file from eating memory, and fitting the
//! picture into a box. Does not decide which pictures a form shows.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};
use printpdf::{RawImage, RawImageData, RawImageFormat};

use super::canvas::Area;
use super::{FormDocument, PARAGRAPH_GAP_MM};
use crate::forms::FormError;

/// Far larger than any signature pad makes, small enough that decoding stays cheap.
const MAX_SIDE_PX: u32 = 4096;
const MAX_DECODE_BYTES: u64 = 64 * 1024 * 1024;
/// Room between the frame and the picture inside it.
const FRAME_PAD_MM: f32 = 2.0;
const FRAME_PT: f32 = 0.5;
const FRAME_GREY: f32 = 0.55;

/// A decoded picture, ready to embed: one grey byte per pixel, row by row from the top.
pub(crate) struct GreyPicture {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

/// Decodes a PNG and lays it on white paper. Transparent pixels become white, so a signature
/// pad's transparent background never prints as a black block.
pub(crate) fn decode_png(png: &[u8]) -> Result<GreyPicture, FormError> {
    let mut reader = ImageReader::with_format(Cursor::new(png), ImageFormat::Png);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let rgba = reader.decode().map_err(|_| FormError::ImageUnreadable)?.into_rgba8();
    let (width, height) = rgba.dimensions();
    if width == 0 || height == 0 {
        return Err(FormError::ImageUnreadable);
    }
    let pixels = rgba
        .pixels()
        .map(|p| {
            let [r, g, b, a] = p.0;
            // ITU-R BT.601 luma, then blend over white by the pixel's opacity.
            let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
            let alpha = f32::from(a) / 255.0;
            (luma * alpha + 255.0 * (1.0 - alpha)).round().clamp(0.0, 255.0) as u8
        })
        .collect();
    Ok(GreyPicture { width: width as usize, height: height as usize, pixels })
}

/// The largest size with the picture's proportions that fits `max_width` by `max_height`.
pub(crate) fn fit(picture: (usize, usize), max_width: f32, max_height: f32) -> (f32, f32) {
    let (w, h) = (picture.0.max(1) as f32, picture.1.max(1) as f32);
    let scale = (max_width / w).min(max_height / h);
    (w * scale, h * scale)
}

impl FormDocument {
    /// A PNG inside a thin frame at the left of the column, as large as fits `max_width_mm` by
    /// `max_height_mm` without changing its proportions. The picture and its frame move to the
    /// next page together.
    pub fn framed_png(&mut self, png: &[u8], max_width_mm: f32, max_height_mm: f32) -> Result<&mut Self, FormError> {
        let picture = decode_png(png)?;
        let max_width = max_width_mm.min(self.column.1 - 2.0 * FRAME_PAD_MM);
        let (width, height) = fit((picture.width, picture.height), max_width, max_height_mm);
        let frame_height = height + 2.0 * FRAME_PAD_MM;
        let top = self.ensure_space(frame_height);
        let frame = Area { x: self.column.0, top, width: width + 2.0 * FRAME_PAD_MM, height: frame_height };
        let raw = RawImage {
            pixels: RawImageData::U8(picture.pixels),
            width: picture.width,
            height: picture.height,
            data_format: RawImageFormat::R8,
            tag: Vec::new(),
        };
        let id = self.pdf.add_image(&raw);
        let inside = Area { x: frame.x + FRAME_PAD_MM, top: top + FRAME_PAD_MM, width, height };
        self.page.image(&id, (picture.width, picture.height), inside);
        self.page.stroke_rect(frame, FRAME_PT, FRAME_GREY);
        self.y = top + frame_height + PARAGRAPH_GAP_MM;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32, pixel: [u8; 4]) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(width, height, image::Rgba(pixel));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).expect("a PNG encodes into memory");
        out.into_inner()
    }

    #[test]
    fn transparent_background_prints_white_and_ink_prints_black() {
        let clear = decode_png(&png(3, 2, [0, 0, 0, 0])).expect("decodes");
        assert_eq!((clear.width, clear.height), (3, 2));
        assert!(clear.pixels.iter().all(|p| *p == 255), "{:?}", clear.pixels);
        let ink = decode_png(&png(2, 2, [0, 0, 0, 255])).expect("decodes");
        assert!(ink.pixels.iter().all(|p| *p == 0));
    }

    #[test]
    fn anything_but_a_png_is_refused() {
        for bad in [&b""[..], b"\x89PNG\r\n\x1a\n", b"GIF89a", b"%PDF-1.7"] {
            assert!(matches!(decode_png(bad), Err(FormError::ImageUnreadable)));
        }
    }

    #[test]
    fn fitting_keeps_proportions_inside_the_box() {
        let (w, h) = fit((600, 200), 80.0, 30.0);
        assert!((w - 80.0).abs() < 1e-3 && (h - 80.0 / 3.0).abs() < 1e-3, "{w} {h}");
        let (w, h) = fit((100, 400), 80.0, 30.0);
        assert!((h - 30.0).abs() < 1e-3 && (w - 7.5).abs() < 1e-3, "{w} {h}");
    }
}
