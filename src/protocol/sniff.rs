//! Telling a file that is not a protocol at all (a PDF leaflet, a photo of
//! it, any other binary file) from a protocol with a mistake in it.
//!
//! A client who picks their clinic's PDF by mistake should read what they
//! picked, not "line 1: key with no value": TOML's first complaint about a
//! binary file says nothing useful. The check looks at the first bytes only
//! (the "magic" every PDF and picture format starts with), then at whether
//! the whole text is text at all.
//!
//! The app reads a chosen file as text in the page, where bytes that are not
//! UTF-8 arrive as U+FFFD (the replacement character), so the text check
//! knows those forms too: a PNG's first byte, 0x89, arrives as U+FFFD.

use serde::Serialize;

/// What a file that is not a protocol turned out to be.
///
/// ```
/// use aftercare::protocol::FileKind;
///
/// assert_eq!(FileKind::of_bytes(b"%PDF-1.7\n..."), Some(FileKind::Pdf));
/// assert_eq!(FileKind::of_bytes(b"\x89PNG\r\n\x1a\n"), Some(FileKind::Png));
/// assert_eq!(FileKind::of_bytes(b"format = 1\n"), None);
/// assert_eq!(
///     FileKind::Pdf.sentence(),
///     "This is a PDF, not a protocol file: ask your clinic for their .toml protocol, \
///      or pick one of the plans above.",
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A PDF document (starts with `%PDF`).
    Pdf,
    /// A PNG picture.
    Png,
    /// A JPEG photo.
    Jpeg,
    /// A GIF picture.
    Gif,
    /// A WebP picture.
    Webp,
    /// Anything else that is not UTF-8 text, or holds control characters
    /// no text file has (a NUL byte, for one).
    Binary,
}

/// What the client can do instead, the same for every kind.
impl FileKind {
    /// The one sentence a client reads, in English: what the file is, and
    /// what to do.
    pub fn sentence(self) -> String {
        self.sentence_in(crate::Lang::En)
    }

    /// The same sentence in `lang`.
    ///
    /// ```
    /// use aftercare::Lang;
    /// use aftercare::protocol::FileKind;
    ///
    /// assert_eq!(
    ///     FileKind::Pdf.sentence_in(Lang::En),
    ///     "This is a PDF, not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above.",
    /// );
    /// assert!(FileKind::Pdf.sentence_in(Lang::Es).starts_with("Esto es un PDF"));
    /// ```
    pub fn sentence_in(self, lang: crate::Lang) -> String {
        let file = match self {
            FileKind::Pdf => "pdf",
            FileKind::Png => "png",
            FileKind::Jpeg => "jpeg",
            FileKind::Gif => "gif",
            FileKind::Webp => "webp",
            FileKind::Binary => "binary",
        };
        crate::messages::tr(
            lang,
            "file-not-a-protocol",
            &[("file", crate::messages::Arg::from(file))],
        )
    }

    /// The kind of a file from its bytes (its first 16 are enough for the
    /// formats named; the rest is read only to tell text from binary).
    /// `None` for UTF-8 text without stray control characters, which the
    /// TOML reader then judges.
    pub fn of_bytes(bytes: &[u8]) -> Option<FileKind> {
        let magic = if bytes.starts_with(b"%PDF") {
            Some(FileKind::Pdf)
        } else if bytes.starts_with(b"\x89PNG") {
            Some(FileKind::Png)
        } else if bytes.starts_with(b"\xFF\xD8\xFF") {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
            Some(FileKind::Gif)
        } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
            Some(FileKind::Webp)
        } else {
            None
        };
        magic.or_else(|| match std::str::from_utf8(bytes) {
            Ok(text) => FileKind::of_text(text),
            Err(e) if e.error_len().is_none() => {
                // Cut in the middle of a character: only a head was read
                // (the app and the CLI read 16 bytes of a file too big to
                // read whole); judge what is whole.
                FileKind::of_text(std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""))
            }
            Err(_) => Some(FileKind::Binary),
        })
    }

    /// The kind of a file read as text, also where a reader replaced bytes
    /// that are not UTF-8 with U+FFFD (as a browser's `File.text()` does).
    pub fn of_text(text: &str) -> Option<FileKind> {
        const R: char = char::REPLACEMENT_CHARACTER;
        let head: String = text.chars().take(16).collect();
        if text.starts_with("%PDF") {
            Some(FileKind::Pdf)
        } else if text.starts_with(&format!("{R}PNG")) {
            Some(FileKind::Png)
        } else if text.starts_with(&format!("{R}{R}{R}")) {
            // 0xFF 0xD8 0xFF: three bytes that are not UTF-8, each replaced.
            Some(FileKind::Jpeg)
        } else if text.starts_with("GIF87a") || text.starts_with("GIF89a") {
            Some(FileKind::Gif)
        } else if text.starts_with("RIFF") && head.contains("WEBP") {
            // The four size bytes between may have been replaced.
            Some(FileKind::Webp)
        } else if text
            .chars()
            .any(|c| c == R || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')))
        {
            Some(FileKind::Binary)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first bytes of real files of each kind.
    const HEADS: [(&[u8], FileKind); 6] = [
        (b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", FileKind::Pdf),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", FileKind::Png),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF\0", FileKind::Jpeg),
        (b"GIF89a\x01\0\x01\0\x80\0\0", FileKind::Gif),
        (b"RIFF\x24\x08\0\0WEBPVP8 ", FileKind::Webp),
        (b"PK\x03\x04\x14\0\x06\0\x08\0", FileKind::Binary),
    ];

    #[test]
    fn every_kind_is_known_by_its_bytes() {
        for (bytes, kind) in HEADS {
            assert_eq!(FileKind::of_bytes(bytes), Some(kind), "{bytes:?}");
        }
    }

    #[test]
    fn every_kind_is_known_as_a_browser_decodes_it() {
        for (bytes, kind) in HEADS {
            let text = String::from_utf8_lossy(bytes);
            assert_eq!(FileKind::of_text(&text), Some(kind), "{text:?}");
        }
    }

    #[test]
    fn text_is_left_to_the_toml_reader() {
        assert_eq!(
            FileKind::of_bytes("format = 1\nname = \"Clinique\u{e9}\"\n\tx = 1\r\n".as_bytes()),
            None
        );
        assert_eq!(FileKind::of_bytes(b""), None);
        // A head cut inside a character is still text.
        assert_eq!(FileKind::of_bytes(&"name = \"\u{e9}".as_bytes()[..9]), None);
        assert_eq!(FileKind::of_text("a = 1\0"), Some(FileKind::Binary));
    }

    #[test]
    fn the_parser_names_the_file_before_trying_toml() {
        use crate::{Error, Protocol};
        // As the app's page reads a PDF leaflet: text, with the odd byte replaced.
        let pdf = String::from_utf8_lossy(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
        let err = Protocol::from_toml("leaflet.pdf", &pdf).unwrap_err();
        assert_eq!(
            err,
            Error::NotAProtocol {
                source_name: "leaflet.pdf".into(),
                file: FileKind::Pdf
            }
        );
        // Bigger than a protocol may be: still named for what it is.
        let big = format!(
            "%PDF-1.4\n{}",
            "x".repeat(crate::protocol::MAX_PROTOCOL_BYTES)
        );
        assert!(matches!(
            Protocol::from_toml("big.pdf", &big),
            Err(Error::NotAProtocol {
                file: FileKind::Pdf,
                ..
            })
        ));
        let err = Protocol::from_bytes("scan.jpg", b"\xFF\xD8\xFF\xE0\0\x10JFIF").unwrap_err();
        assert_eq!(
            err.to_string(),
            "scan.jpg: This is a photo (JPEG), not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above."
        );
    }

    #[test]
    fn each_sentence_says_what_the_file_is() {
        assert_eq!(
            FileKind::Png.sentence(),
            "This is a picture (PNG), not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above."
        );
        assert_eq!(
            FileKind::Binary.sentence(),
            "This file is not text, so it is not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above."
        );
    }
}
