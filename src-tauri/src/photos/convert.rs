//! Decoding, turning upright and re-encoding. Re-encoding is what strips
//! the metadata: the encoders are given pixels only, so they write no
//! EXIF, XMP, IPTC, comment or colour-profile block.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

use super::sniff::{self, Format};
use super::{FileIs, MAX_PHOTO_PIXELS, PhotoError};

/// JPEG quality of the full-size copy: no visible loss on a scalp photo.
const FULL_QUALITY: u8 = 90;
/// JPEG quality of the screen-size copy and the thumbnail.
const COPY_QUALITY: u8 = 85;

/// Decodes `bytes` (already sniffed as `format`), refusing it over the
/// pixel limit before any pixel is decoded, and turns it upright by its
/// EXIF orientation, which is about to be dropped.
pub(crate) fn decode(format: Format, bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    let image_format = match format {
        Format::Jpeg => ImageFormat::Jpeg,
        Format::Png => ImageFormat::Png,
        Format::WebP => ImageFormat::WebP,
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    // The pixel limit is checked below with the client's message; here
    // only the reader's own allocation guard is lifted.
    reader.no_limits();
    let mut decoder = reader.into_decoder().map_err(|e| decode_error(format, e))?;
    let (width, height) = decoder.dimensions();
    sniff::check_pixels(width, height)?;
    let mut limits = Limits::no_limits();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    // Room for the largest allowed photo at 16 bits per channel with
    // alpha, plus the decoders' working space.
    limits.max_alloc = Some(MAX_PHOTO_PIXELS * 8 + 64 * 1024 * 1024);
    decoder
        .set_limits(limits)
        .map_err(|e| decode_error(format, e))?;
    let orientation = decoder.orientation().map_err(|e| decode_error(format, e))?;
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| decode_error(format, e))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// A decoder's error in the client's words.
fn decode_error(format: Format, error: ImageError) -> PhotoError {
    match error {
        ImageError::Limits(_) => PhotoError::TooLarge(format!(
            "This {} photo needs more memory to open than the app allows: \
             choose a smaller photo.",
            format.name()
        )),
        ImageError::Unsupported(_) => PhotoError::NotAnImage(
            FileIs::UnreadablePhoto,
            format!(
                "This {} photo is of a kind the app can't read: choose another photo, \
                 or save it again as JPEG.",
                format.name()
            ),
        ),
        _ => sniff::damaged(format),
    }
}

/// The full-size copy, and the extension it is stored under: PNG stays
/// PNG (lossless in, lossless out); JPEG and WebP become JPEG.
pub(crate) fn encode_full(
    format: Format,
    image: &DynamicImage,
) -> Result<(Vec<u8>, &'static str), PhotoError> {
    match format {
        Format::Png => {
            let mut out = Vec::new();
            let encoder = PngEncoder::new_with_quality(
                &mut out,
                CompressionType::Default,
                PngFilter::Adaptive,
            );
            image
                .write_with_encoder(encoder)
                .map_err(|e| encode_error(&e))?;
            Ok((out, "png"))
        }
        Format::Jpeg | Format::WebP => {
            // Most photos decode as 8-bit RGB already: no copy for those.
            let bytes = match image.as_rgb8() {
                Some(rgb) => encode_jpeg(rgb, FULL_QUALITY)?,
                None => encode_jpeg(&flatten(image), FULL_QUALITY)?,
            };
            Ok((bytes, "jpg"))
        }
    }
}

/// A screen-size copy or thumbnail (already shrunk) as JPEG.
pub(crate) fn encode_copy(image: &DynamicImage) -> Result<Vec<u8>, PhotoError> {
    encode_jpeg(&flatten(image), COPY_QUALITY)
}

/// `image` with its long edge at most `edge`, keeping its proportions
/// (never enlarged).
///
/// Shrinking by half or more (a phone photo to screen size, a screen copy
/// to a thumbnail) averages each output pixel's exact area: no aliasing,
/// and no working copy of the photo (Lanczos in `image` keeps a 16-byte
/// per pixel copy: 77 MB for a 12-megapixel photo, 140 MB at 40). A
/// smaller step uses Lanczos3, sharp without ringing.
pub(crate) fn shrink(image: &DynamicImage, edge: u32) -> DynamicImage {
    let (width, height) = (image.width(), image.height());
    let long = width.max(height);
    if long <= edge {
        return image.clone();
    }
    let scale = |side: u32| {
        let scaled = (u64::from(side) * u64::from(edge) + u64::from(long) / 2) / u64::from(long);
        // At most `edge`, so it fits; at least one pixel.
        u32::try_from(scaled).unwrap_or(edge).max(1)
    };
    let (new_width, new_height) = (scale(width), scale(height));
    if long >= edge * 2 {
        image.thumbnail_exact(new_width, new_height)
    } else {
        image.resize_exact(new_width, new_height, FilterType::Lanczos3)
    }
}

/// 8-bit RGB, any transparency laid over white (JPEG has no alpha; black,
/// what dropping the alpha would give, looks like a dark mark on skin).
fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let (c, a) = (u32::from(c), u32::from(a));
            // Rounded; at most 255 since c, a <= 255.
            ((c * a + 255 * (255 - a) + 127) / 255) as u8
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// Encodes 8-bit RGB as a baseline JPEG with only the JFIF header.
fn encode_jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(image)
        .map_err(|e| encode_error(&e))?;
    Ok(out)
}

/// An encoder's error: only an app fault or a lack of memory can cause it.
fn encode_error(error: &ImageError) -> PhotoError {
    PhotoError::Io(format!("The photo could not be saved: {error}."))
}
