//! The photo import on a realistic phone photo, for `bench/photo-import`.
//!
//! ```text
//! photo_import make <out.jpg> [width height]   # a noisy photo, 4000 × 3000 by default
//! photo_import import <photo> <data dir>      # one import; prints its time and peak memory
//! ```
//!
//! `make` writes a JPEG like a phone's: smooth shading with sensor noise
//! (which is what makes phone JPEGs 4-6 MB at 12 megapixels) and an EXIF
//! block with a GPS position. `import` reads the file first (the app gets
//! the bytes from the page), then times `PhotoStore::import` alone.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder, RgbImage};
use smp_aftercare_lib::photos::{PhotoProgress, PhotoStore};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["make", out] => make(Path::new(out), 4000, 3000),
        ["make", out, w, h] => match (w.parse(), h.parse()) {
            (Ok(w), Ok(h)) => make(Path::new(out), w, h),
            _ => Err(format!(
                "width and height must be numbers, not {w:?} and {h:?}"
            )),
        },
        ["import", photo, dir] => import(Path::new(photo), Path::new(dir)),
        _ => Err("usage: photo_import make <out.jpg> [width height] | \
                  photo_import import <photo> <data dir>"
            .into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("photo_import: {e}");
            ExitCode::FAILURE
        }
    }
}

/// How strong the sensor noise is, in levels either side: set so that a
/// 12-megapixel photo comes out at about 5 MB, like a phone's.
const NOISE: i32 = 14;

/// Writes a noisy `width` × `height` JPEG (quality 92, as phones use) with
/// GPS EXIF to `out`.
fn make(out: &Path, width: u32, height: u32) -> Result<(), String> {
    // xorshift32: reproducible noise without a dependency.
    let mut state = 0x2545_f491_u32;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        // Two uniform draws summed: roughly bell-shaped, -NOISE..=NOISE.
        ((state & 0xFF) as i32 + ((state >> 8) & 0xFF) as i32 - 255) * NOISE / 255
    };
    let picture = RgbImage::from_fn(width, height, |x, y| {
        // Skin-like shading across the frame, darker towards the top (hair).
        let base = [
            150 + (x * 60 / width) as i32 - (y * 40 / height) as i32,
            110 + (y * 50 / height) as i32,
            90 + ((x + y) * 30 / (width + height)) as i32,
        ];
        image::Rgb(base.map(|c| (c + noise()).clamp(0, 255) as u8))
    });
    let mut bytes = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut bytes, 92);
    encoder
        .set_exif_metadata(gps_exif())
        .map_err(|e| e.to_string())?;
    encoder
        .write_image(picture.as_raw(), width, height, ExtendedColorType::Rgb8)
        .map_err(|e| e.to_string())?;
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "made {} ({width} × {height}, {:.1} MB)",
        out.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

/// A little-endian EXIF block holding only a GPS latitude (51° N).
fn gps_exif() -> Vec<u8> {
    let mut t = b"II*\0\x08\0\0\0".to_vec();
    // IFD0: one entry, the GPS IFD at 26.
    t.extend_from_slice(&[1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]);
    // GPS IFD: latitude (3 rationals at 44).
    t.extend_from_slice(&[1, 0, 2, 0, 5, 0, 3, 0, 0, 0, 44, 0, 0, 0, 0, 0, 0, 0]);
    for (num, den) in [(51u32, 1u32), (0, 1), (0, 1)] {
        t.extend_from_slice(&num.to_le_bytes());
        t.extend_from_slice(&den.to_le_bytes());
    }
    t
}

/// Imports `photo` into a photo folder under `dir` and prints the import's
/// wall time and the process's peak resident memory.
fn import(photo: &Path, dir: &Path) -> Result<(), String> {
    let bytes = std::fs::read(photo).map_err(|e| format!("{}: {e}", photo.display()))?;
    let store = PhotoStore::new(dir);
    let started = Instant::now();
    // When each stage began, from the progress events.
    let mut stages = Vec::new();
    let imported = store
        .import(&bytes, &mut |p| stages.push((p, started.elapsed())))
        .map_err(|e| e.to_string())?;
    let elapsed = started.elapsed();
    stages.push((PhotoProgress::Checking, elapsed));
    for pair in stages.windows(2) {
        let ((stage, from), (_, to)) = (pair[0], pair[1]);
        let what = match stage {
            PhotoProgress::Checking => "check",
            PhotoProgress::Decoding => "decode and turn upright",
            PhotoProgress::Saving { done: 0, .. } => "encode full size, hash",
            PhotoProgress::Saving { done: 1, .. } => "shrink, encode screen copy",
            PhotoProgress::Saving { done: 2, .. } => "thumbnail, write and rename",
            PhotoProgress::Saving { .. } => continue,
        };
        eprintln!("  {what}: {:.1} ms", (to - from).as_secs_f64() * 1000.0);
    }
    // Peak resident memory as the kernel counts it (Linux only).
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    println!(
        "import_ms={:.1} peak_rss={peak} size={}x{} hash={}",
        elapsed.as_secs_f64() * 1000.0,
        imported.width,
        imported.height,
        imported.hash
    );
    Ok(())
}
