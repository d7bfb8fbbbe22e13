//! What a file is, told from its first bytes (never from its name, which
//! a phone or a person may have got wrong), and whether it is whole.

use super::{FileIs, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, PhotoError};

/// The photo formats the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// JPEG: what nearly every camera and phone gallery hands over.
    Jpeg,
    /// PNG: screenshots and edited photos.
    Png,
    /// WebP: some Android galleries and messaging apps.
    WebP,
}

impl Format {
    /// The format's name as a client knows it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::WebP => "WebP",
        }
    }
}

/// The tail of every refusal: what to do instead.
const CHOOSE: &str = "choose a JPEG, PNG or WebP photo";

/// Refuses a file over [`MAX_PHOTO_BYTES`], before anything else is read.
pub(crate) fn check_file_size(len: usize) -> Result<(), PhotoError> {
    if len > MAX_PHOTO_BYTES {
        // Rounded up to a tenth, so 30 000 001 bytes reads "30.1 MB", not a
        // puzzling "30.0 MB; the most is 30 MB".
        let tenths = (len as u64).div_ceil(100_000);
        return Err(PhotoError::TooLarge(format!(
            "This file is {}.{} MB; the most is {} MB: choose a smaller photo.",
            tenths / 10,
            tenths % 10,
            MAX_PHOTO_BYTES / 1_000_000
        )));
    }
    Ok(())
}

/// Refuses a photo over [`MAX_PHOTO_PIXELS`], naming its size.
pub(crate) fn check_pixels(width: u32, height: u32) -> Result<(), PhotoError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PHOTO_PIXELS {
        // Rounded up to a tenth of a megapixel, for the same reason as above.
        let tenths = pixels.div_ceil(100_000);
        let megapixels = if tenths % 10 == 0 {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        return Err(PhotoError::TooLarge(format!(
            "This photo is {width} × {height} pixels ({megapixels} megapixels); the most is {}.",
            MAX_PHOTO_PIXELS / 1_000_000
        )));
    }
    Ok(())
}

/// Tells the format from the magic bytes; every other kind of file is
/// refused by name.
pub(crate) fn sniff(bytes: &[u8]) -> Result<Format, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::NotAnImage(
            FileIs::Empty,
            format!("This file is empty: {CHOOSE}."),
        ));
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Format::Jpeg);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Format::Png);
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(Format::WebP);
    }
    let (is, message) = refusal(bytes);
    Err(PhotoError::NotAnImage(is, message))
}

/// What a file that is not one of the three formats is, and the message.
fn refusal(bytes: &[u8]) -> (FileIs, String) {
    // ISO media files (HEIC, AVIF, videos) say what they are in their
    // `ftyp` box: bytes 4..8 are "ftyp", 8..12 the main brand.
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return match brand {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"mif1" | b"msf1" => {
                // iPhones save HEIC by default; Samsung phones can too.
                (
                    FileIs::Heic,
                    format!(
                        "This is a HEIC photo, which the app can't read yet: {CHOOSE}. \
                         On an iPhone, Settings › Camera › Formats › Most Compatible takes \
                         JPEG photos; on Android, turn off HEIF in the camera's settings."
                    ),
                )
            }
            b"avif" | b"avis" => (
                FileIs::Avif,
                format!("This is an AVIF image, which the app can't read yet: {CHOOSE}."),
            ),
            _ => (
                FileIs::Video,
                format!("This is a video, not a photo: {CHOOSE}."),
            ),
        };
    }
    let named = |is: FileIs, what: &str| {
        (
            is,
            format!("This is {what}, not a photo the app can read: {CHOOSE}."),
        )
    };
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return named(FileIs::Gif, "a GIF image");
    }
    if bytes.starts_with(b"%PDF") {
        return named(FileIs::Pdf, "a PDF document");
    }
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        // Camera raw files (DNG and most others) are TIFF inside.
        return named(FileIs::Tiff, "a TIFF or camera raw file");
    }
    if bytes.starts_with(b"BM") {
        return named(FileIs::Bmp, "a BMP image");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return named(FileIs::Zip, "a ZIP archive or office document");
    }
    if looks_like_text(bytes) {
        return named(FileIs::Text, "a text file");
    }
    (
        FileIs::Other,
        format!("This file is not a photo the app can read: {CHOOSE}."),
    )
}

/// Whether the start of the file reads as text: valid UTF-8 (a character
/// cut at the end of the sample is fine) without control characters
/// other than tab, line feed, carriage return and form feed.
fn looks_like_text(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(1024)];
    let text = match std::str::from_utf8(sample) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            // Only an incomplete character at the very end.
            match std::str::from_utf8(&sample[..e.valid_up_to()]) {
                Ok(text) => text,
                Err(_) => return false,
            }
        }
        Err(_) => return false,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c'))
}

/// The message for a cut-off or damaged file.
pub(crate) fn damaged(format: Format) -> PhotoError {
    PhotoError::Damaged(format!(
        "This {} photo is cut off or damaged (it may not have finished copying): \
         choose it again, or another photo.",
        format.name()
    ))
}

/// Refuses a file whose structure ends early. The decoders forgive a
/// missing end (a cut JPEG decodes with a grey lower half), so it is
/// checked here.
pub(crate) fn check_whole(format: Format, bytes: &[u8]) -> Result<(), PhotoError> {
    let whole = match format {
        Format::Jpeg => jpeg_is_whole(bytes),
        Format::Png => png_is_whole(bytes),
        Format::WebP => webp_is_whole(bytes),
    };
    if whole { Ok(()) } else { Err(damaged(format)) }
}

/// A JPEG is whole when its header segments are all there and an end of
/// image marker (FF D9) follows the first scan. Bytes after the marker are
/// allowed: padding, and the video some phones append ("motion photos").
fn jpeg_is_whole(bytes: &[u8]) -> bool {
    // Skip SOI, then walk the length-prefixed segments up to the first
    // start of scan. An EXIF thumbnail (a whole JPEG with its own FF D9)
    // sits inside APP1, so it is skipped rather than mistaken for the end.
    let mut at = 2;
    loop {
        // Markers may be preceded by any number of fill bytes (FF).
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        at += 2;
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => continue,
            0xD9 => return false, // an end before any scan
            _ => {}
        }
        let (Some(&hi), Some(&lo)) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        let length = usize::from(u16::from_be_bytes([hi, lo]));
        if length < 2 || at + length > bytes.len() {
            return false;
        }
        at += length;
        if marker == 0xDA {
            break;
        }
    }
    // In the entropy-coded data every FF byte is followed by 00 (a stuffed
    // byte), a restart marker or another marker, so an FF D9 pair from
    // here on is the real end of image.
    bytes[at..].windows(2).any(|pair| pair == [0xFF, 0xD9])
}

/// A PNG is whole when its chunks run, each complete, up to IEND.
fn png_is_whole(bytes: &[u8]) -> bool {
    let mut at = 8;
    loop {
        let Some(header) = bytes.get(at..at + 8) else {
            return false;
        };
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = &header[4..8];
        // Length, type, data and CRC.
        let Some(end) = at.checked_add(12).and_then(|n| n.checked_add(length)) else {
            return false;
        };
        if end > bytes.len() {
            return false;
        }
        if kind == b"IEND" {
            return true;
        }
        at = end;
    }
}

/// A WebP is whole when the RIFF header's size is all there.
fn webp_is_whole(bytes: &[u8]) -> bool {
    let Some(size) = bytes.get(4..8) else {
        return false;
    };
    let size = u32::from_le_bytes([size[0], size[1], size[2], size[3]]) as usize;
    size.checked_add(8).is_some_and(|end| end <= bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_rounded_up_so_the_refusal_never_reads_as_the_limit() {
        assert_eq!(
            check_file_size(30_000_001).unwrap_err().to_string(),
            "This file is 30.1 MB; the most is 30 MB: choose a smaller photo."
        );
        assert!(check_file_size(30_000_000).is_ok());
        assert_eq!(
            check_pixels(8000, 6000).unwrap_err().to_string(),
            "This photo is 8000 × 6000 pixels (48 megapixels); the most is 40."
        );
        assert_eq!(
            check_pixels(40_001, 1000).unwrap_err().to_string(),
            "This photo is 40001 × 1000 pixels (40.1 megapixels); the most is 40."
        );
        assert!(check_pixels(8000, 5000).is_ok());
    }

    #[test]
    fn other_files_are_named() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert!(
            sniff(heic)
                .unwrap_err()
                .to_string()
                .starts_with("This is a HEIC photo")
        );
        assert_eq!(
            sniff(b"GIF89a\x01\0").unwrap_err().to_string(),
            "This is a GIF image, not a photo the app can read: choose a JPEG, PNG or WebP photo."
        );
        assert!(
            sniff(b"%PDF-1.7")
                .unwrap_err()
                .to_string()
                .contains("PDF document")
        );
        assert_eq!(
            sniff(&[0, 1, 2, 3, 0xFE]).unwrap_err().to_string(),
            "This file is not a photo the app can read: choose a JPEG, PNG or WebP photo."
        );
        assert_eq!(
            sniff(b"").unwrap_err().to_string(),
            "This file is empty: choose a JPEG, PNG or WebP photo."
        );
    }

    #[test]
    fn a_jpeg_ends_after_its_first_scan() {
        // SOI, an APP1 holding a fake thumbnail's FF D9, SOS, data, EOI.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x06, 0xFF, 0xD9, 0x00, 0x00];
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34]);
        assert!(!jpeg_is_whole(&jpeg));
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        assert!(jpeg_is_whole(&jpeg));
        jpeg.extend_from_slice(&[0x00; 16]);
        assert!(jpeg_is_whole(&jpeg));
        assert!(!jpeg_is_whole(&jpeg[..5]));
    }
}
