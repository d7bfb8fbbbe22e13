//! The photo folder on real files in temporary folders: real JPEG, PNG
//! and WebP files made here, with GPS positions, a device name, a comment
//! and text chunks in them, read back with an independent EXIF reader
//! (kamadak-exif) after import; refusals that store nothing; the same
//! photo twice; the sweep.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder, ImageFormat, RgbImage};
use smp_aftercare_lib::photos::{
    self, FileIs, ImportedPhoto, PhotoError, PhotoProgress, PhotoSize, PhotoStore, SCREEN_EDGE,
    THUMB_EDGE,
};

/// A fresh folder under the system's temp folder, removed when dropped.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn new() -> Scratch {
        Scratch(
            tempfile::Builder::new()
                .prefix("smp-photos-test-")
                .tempdir()
                .unwrap(),
        )
    }

    fn store(&self) -> PhotoStore {
        PhotoStore::new(self.0.path())
    }

    /// How many files the photo folder holds (none when it isn't there).
    fn count(&self) -> usize {
        names(&self.store()).len()
    }
}

/// The names in the photo folder, sorted.
fn names(store: &PhotoStore) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(store.dir()) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// A picture with detail in it (a gradient with a pattern), so that
/// resizing and JPEG have something real to work on.
fn picture(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width.max(1)) as u8,
            (y * 255 / height.max(1)) as u8,
            ((x ^ y) & 0xFF) as u8,
        ])
    })
}

/// An EXIF block (TIFF, little-endian) with a device name, an orientation
/// and a GPS position (51° 30' N, 0° 7' W: London).
fn exif_block(orientation: u16) -> Vec<u8> {
    let mut t = Vec::new();
    t.extend_from_slice(b"II*\0");
    t.extend_from_slice(&8u32.to_le_bytes());
    // IFD0 at 8: 3 entries (2 + 36 + 4 = 42 bytes), then the device name
    // at 50 (10 bytes), the GPS IFD at 60: 4 entries (54 bytes), then the
    // latitude at 114 and the longitude at 138 (3 rationals each).
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value);
    };
    let (ascii, short, long, rational) = (2, 3, 4, 5);
    t.extend_from_slice(&3u16.to_le_bytes());
    entry(&mut t, 0x010F, ascii, 10, 50u32.to_le_bytes()); // Make
    let o = orientation.to_le_bytes();
    entry(&mut t, 0x0112, short, 1, [o[0], o[1], 0, 0]); // Orientation
    entry(&mut t, 0x8825, long, 1, 60u32.to_le_bytes()); // GPS IFD
    t.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(t.len(), 50);
    t.extend_from_slice(b"TestPhone\0");
    t.extend_from_slice(&4u16.to_le_bytes());
    entry(&mut t, 0x0001, ascii, 2, *b"N\0\0\0");
    entry(&mut t, 0x0002, rational, 3, 114u32.to_le_bytes());
    entry(&mut t, 0x0003, ascii, 2, *b"W\0\0\0");
    entry(&mut t, 0x0004, rational, 3, 138u32.to_le_bytes());
    t.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(t.len(), 114);
    for (num, den) in [(51, 1), (30, 1), (0, 1), (0, 1), (7, 1), (0, 1)] {
        t.extend_from_slice(&u32::to_le_bytes(num));
        t.extend_from_slice(&u32::to_le_bytes(den));
    }
    t
}

/// A real JPEG of `width` × `height` carrying [`exif_block`] in APP1 and a
/// comment (COM) naming a street.
fn jpeg_with_gps(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, 90);
    encoder.set_exif_metadata(exif_block(orientation)).unwrap();
    encoder
        .write_image(
            picture(width, height).as_raw(),
            width,
            height,
            ExtendedColorType::Rgb8,
        )
        .unwrap();
    // A comment segment right after SOI.
    let comment = b"Taken at 12 High Street";
    let mut com = vec![0xFF, 0xFE];
    com.extend_from_slice(&((comment.len() + 2) as u16).to_be_bytes());
    com.extend_from_slice(comment);
    out.splice(2..2, com);
    out
}

/// A plain JPEG without metadata blocks.
fn plain_jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    picture(width, height)
        .write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
        .unwrap();
    out
}

/// The markers of a JPEG's segments before its first scan.
fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "not a JPEG");
    let mut at = 2;
    let mut markers = Vec::new();
    loop {
        assert_eq!(bytes[at], 0xFF, "segment at {at}");
        let marker = bytes[at + 1];
        markers.push(marker);
        let length = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
        at += 2 + length;
        if marker == 0xDA {
            return markers;
        }
    }
}

/// The EXIF an independent reader finds in the file, if any.
fn exif_of(path: &Path) -> Option<exif::Exif> {
    let file = std::fs::File::open(path).unwrap();
    exif::Reader::new()
        .read_from_container(&mut std::io::BufReader::new(file))
        .ok()
}

/// Imports `bytes`, ignoring progress.
fn import(store: &PhotoStore, bytes: &[u8]) -> Result<ImportedPhoto, PhotoError> {
    store.import(bytes, &mut |_| {})
}

#[test]
fn a_jpeg_is_stored_with_no_gps_no_device_and_no_metadata_block_at_all() {
    let scratch = Scratch::new();
    let store = scratch.store();
    let source = jpeg_with_gps(2000, 1000, 1);
    // The source really carries the position and the device, as a phone's
    // photo would.
    let source_path = scratch.0.path().join("source.jpg");
    std::fs::write(&source_path, &source).unwrap();
    let exif = exif_of(&source_path).expect("the source has EXIF");
    let latitude = exif
        .get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY)
        .expect("the source has a GPS latitude");
    assert_eq!(latitude.display_value().to_string(), "51 deg 30 min 0 sec");
    assert!(exif.get_field(exif::Tag::Make, exif::In::PRIMARY).is_some());
    assert!(jpeg_markers(&source).contains(&0xFE));

    let mut stages = Vec::new();
    let photo = store.import(&source, &mut |p| stages.push(p)).unwrap();
    assert_eq!(
        stages,
        [
            PhotoProgress::Checking,
            PhotoProgress::Decoding,
            PhotoProgress::Saving { done: 0, of: 3 },
            PhotoProgress::Saving { done: 1, of: 3 },
            PhotoProgress::Saving { done: 2, of: 3 },
            PhotoProgress::Saving { done: 3, of: 3 },
        ]
    );
    assert_eq!((photo.width, photo.height), (2000, 1000));
    assert_eq!(photo.hash.len(), 64);
    let hash = &photo.hash;
    assert_eq!(
        names(&store),
        [
            format!("{hash}.jpg"),
            format!("{hash}.screen.jpg"),
            format!("{hash}.thumb.jpg")
        ]
    );

    let expected_sizes = [
        (PhotoSize::Full, (2000, 1000)),
        (PhotoSize::Screen, (SCREEN_EDGE, SCREEN_EDGE / 2)),
        (PhotoSize::Thumb, (THUMB_EDGE, THUMB_EDGE / 2)),
    ];
    for (size, dimensions) in expected_sizes {
        let path = store.path(&photo.hash, size).unwrap();
        assert!(exif_of(&path).is_none(), "{size:?} has EXIF");
        let bytes = std::fs::read(&path).unwrap();
        let markers = jpeg_markers(&bytes);
        // APP0 (JFIF) only: no APP1..APP15 (EXIF, XMP, ICC, IPTC...) and
        // no comment.
        assert!(
            markers
                .iter()
                .all(|m| !(0xE1..=0xEF).contains(m) && *m != 0xFE),
            "{size:?} has metadata segments: {markers:x?}"
        );
        for needle in [
            &b"Exif"[..],
            b"TestPhone",
            b"High Street",
            b"http://ns.adobe",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{size:?} holds {:?}",
                String::from_utf8_lossy(needle)
            );
        }
        let stored = image::load_from_memory(&bytes).unwrap();
        assert_eq!((stored.width(), stored.height()), dimensions, "{size:?}");
    }

    // The name is the SHA-256 of the stored file.
    let full = std::fs::read(store.path(hash, PhotoSize::Full).unwrap()).unwrap();
    use sha2::Digest;
    let digest = sha2::Sha256::digest(&full);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(&hex, hash);
}

#[test]
fn a_photo_taken_sideways_is_stored_upright() {
    let scratch = Scratch::new();
    let store = scratch.store();
    // Orientation 6: the camera was turned; viewers rotate 90° clockwise.
    let photo = import(&store, &jpeg_with_gps(40, 20, 6)).unwrap();
    assert_eq!((photo.width, photo.height), (20, 40));
    let stored = image::open(store.path(&photo.hash, PhotoSize::Full).unwrap()).unwrap();
    assert_eq!((stored.width(), stored.height()), (20, 40));
    // The source's top-left pixel (dark) is now at the top right.
    let rgb = stored.to_rgb8();
    assert!(rgb.get_pixel(19, 0).0[0] < 40 && rgb.get_pixel(19, 0).0[1] < 40);
    let thumb = image::open(store.path(&photo.hash, PhotoSize::Thumb).unwrap()).unwrap();
    assert_eq!((thumb.width(), thumb.height()), (20, 40));
}

/// The chunk types of a PNG, in order.
fn png_chunks(bytes: &[u8]) -> Vec<String> {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let mut at = 8;
    let mut chunks = Vec::new();
    while at < bytes.len() {
        let length = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        chunks.push(String::from_utf8_lossy(&bytes[at + 4..at + 8]).into_owned());
        at += 12 + length;
    }
    chunks
}

#[test]
fn a_png_keeps_no_text_or_exif_chunk() {
    let scratch = Scratch::new();
    let store = scratch.store();
    let (width, height) = (64, 48);
    let mut source = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut source, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder
            .add_text_chunk("Location".into(), "12 High Street".into())
            .unwrap();
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_chunk(png::chunk::eXIf, &exif_block(1))
            .unwrap();
        writer
            .write_image_data(picture(width, height).as_raw())
            .unwrap();
    }
    let chunks = png_chunks(&source);
    assert!(chunks.contains(&"tEXt".to_string()) && chunks.contains(&"eXIf".to_string()));
    let source_path = scratch.0.path().join("source.png");
    std::fs::write(&source_path, &source).unwrap();
    assert!(exif_of(&source_path).is_some(), "the source PNG has EXIF");

    let photo = import(&store, &source).unwrap();
    let full = store.path(&photo.hash, PhotoSize::Full).unwrap();
    assert!(full.to_str().unwrap().ends_with(".png"));
    let stored = std::fs::read(&full).unwrap();
    let chunks = png_chunks(&stored);
    assert!(
        chunks
            .iter()
            .all(|c| ["IHDR", "IDAT", "IEND"].contains(&c.as_str())),
        "{chunks:?}"
    );
    assert!(exif_of(&full).is_none());
    // Lossless in, lossless out.
    assert_eq!(
        image::load_from_memory(&stored).unwrap().to_rgb8(),
        picture(width, height)
    );
    assert!(exif_of(&store.path(&photo.hash, PhotoSize::Thumb).unwrap()).is_none());
}

#[test]
fn a_webp_is_stored_as_jpeg() {
    let scratch = Scratch::new();
    let store = scratch.store();
    let mut source = Vec::new();
    picture(30, 20)
        .write_to(&mut Cursor::new(&mut source), ImageFormat::WebP)
        .unwrap();
    let photo = import(&store, &source).unwrap();
    assert_eq!((photo.width, photo.height), (30, 20));
    let full = store.path(&photo.hash, PhotoSize::Full).unwrap();
    assert!(full.to_str().unwrap().ends_with(".jpg"));
    assert_eq!(scratch.count(), 3);
}

/// Asserts `bytes` are refused with `expected` and nothing is stored.
fn refused(bytes: &[u8], expected: PhotoError) {
    let scratch = Scratch::new();
    let store = scratch.store();
    assert_eq!(import(&store, bytes).unwrap_err(), expected);
    assert_eq!(scratch.count(), 0, "files left: {:?}", names(&store));
}

#[test]
fn a_text_file_named_jpg_is_not_an_image() {
    refused(
        b"Aftercare notes\nday 3: a little red\n",
        PhotoError::NotAnImage(
            FileIs::Text,
            "This is a text file, not a photo the app can read: \
             choose a JPEG, PNG or WebP photo."
                .into(),
        ),
    );
}

#[test]
fn a_heic_photo_is_refused_with_what_to_do() {
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0";
    refused(
        heic,
        PhotoError::NotAnImage(
            FileIs::Heic,
            "This is a HEIC photo, which the app can't read yet: choose a JPEG, PNG or WebP \
             photo. On an iPhone, Settings › Camera › Formats › Most Compatible takes JPEG \
             photos; on Android, turn off HEIF in the camera's settings."
                .into(),
        ),
    );
}

#[test]
fn a_cut_off_jpeg_is_damaged_and_stores_nothing() {
    let whole = plain_jpeg(200, 150);
    let damaged = PhotoError::Damaged(
        "This JPEG photo is cut off or damaged (it may not have finished copying): \
         choose it again, or another photo."
            .into(),
    );
    for cut in [whole.len() * 6 / 10, whole.len() - 2, 40] {
        refused(&whole[..cut], damaged.clone());
    }
    // The whole file, and the file with padding after its end, are fine.
    let mut padded = whole.clone();
    padded.extend_from_slice(&[0; 100]);
    let scratch = Scratch::new();
    import(&scratch.store(), &padded).unwrap();
    assert_eq!(scratch.count(), 3);
}

#[test]
fn a_cut_off_png_is_damaged() {
    let mut whole = Vec::new();
    picture(50, 50)
        .write_to(&mut Cursor::new(&mut whole), ImageFormat::Png)
        .unwrap();
    refused(
        &whole[..whole.len() - 12],
        PhotoError::Damaged(
            "This PNG photo is cut off or damaged (it may not have finished copying): \
             choose it again, or another photo."
                .into(),
        ),
    );
}

#[test]
fn a_photo_over_40_megapixels_is_refused_from_its_header() {
    // A real small JPEG whose frame header says 8000 × 6000: refused before
    // decoding (decoding it would fail differently).
    let mut bytes = plain_jpeg(16, 16);
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    // FF C0, length (2), precision (1), height (2), width (2).
    bytes[sof + 5..sof + 7].copy_from_slice(&6000u16.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&8000u16.to_be_bytes());
    refused(
        &bytes,
        PhotoError::TooLarge(
            "This photo is 8000 × 6000 pixels (48 megapixels); the most is 40.".into(),
        ),
    );
}

#[test]
fn a_file_over_30_mb_is_refused_before_anything_else() {
    let mut bytes = plain_jpeg(16, 16);
    bytes.resize(30_000_001, 0);
    let too_large = PhotoError::TooLarge(
        "This file is 30.1 MB; the most is 30 MB: choose a smaller photo.".into(),
    );
    refused(&bytes, too_large.clone());
    assert!(too_large.is_refusal());
    // The same check for a caller that has only the length so far.
    assert_eq!(photos::check_size(30_000_001), Err(too_large));
    assert_eq!(photos::check_size(30_000_000), Ok(()));
}

#[test]
fn the_same_photo_twice_is_stored_once() {
    let scratch = Scratch::new();
    let store = scratch.store();
    let source = jpeg_with_gps(300, 200, 1);
    let first = import(&store, &source).unwrap();
    let second = import(&store, &source).unwrap();
    assert_eq!(first, second);
    assert_eq!(scratch.count(), 3);
    // A different photo gets its own files.
    let other = import(&store, &plain_jpeg(300, 200)).unwrap();
    assert_ne!(other.hash, first.hash);
    assert_eq!(scratch.count(), 6);
}

#[test]
fn sweep_removes_photos_not_in_use_and_stray_temporary_files() {
    let scratch = Scratch::new();
    let store = scratch.store();
    let kept = import(&store, &plain_jpeg(100, 80)).unwrap();
    let orphan = import(&store, &plain_jpeg(80, 100)).unwrap();
    let dir = store.dir();
    // Left by an import killed in another run (process 1 is never this test).
    std::fs::write(dir.join(format!(".tmp-1-0-{}.jpg", orphan.hash)), b"half").unwrap();
    // An import still running in this process.
    let running = format!(".tmp-{}-99-x.thumb.jpg", std::process::id());
    std::fs::write(dir.join(&running), b"half").unwrap();
    // Not the app's file: left alone.
    std::fs::write(dir.join("notes.txt"), b"mine").unwrap();
    assert_eq!(scratch.count(), 9);

    let in_use = HashSet::from([kept.hash.clone()]);
    assert_eq!(store.sweep(&in_use).unwrap(), 4);
    let h = &kept.hash;
    assert_eq!(
        names(&store),
        [
            running,
            format!("{h}.jpg"),
            format!("{h}.screen.jpg"),
            format!("{h}.thumb.jpg"),
            "notes.txt".to_string(),
        ]
    );
    assert!(store.path(&orphan.hash, PhotoSize::Thumb).is_none());
    assert_eq!(store.sweep(&in_use).unwrap(), 0);
    // Nothing in use: every photo goes.
    assert_eq!(store.sweep(&HashSet::new()).unwrap(), 3);
    assert_eq!(scratch.count(), 2);
}

#[test]
fn sweep_of_a_folder_not_made_yet_removes_nothing() {
    let scratch = Scratch::new();
    assert_eq!(scratch.store().sweep(&HashSet::new()).unwrap(), 0);
}

#[test]
fn remove_deletes_every_copy() {
    let scratch = Scratch::new();
    let store = scratch.store();
    let photo = import(&store, &plain_jpeg(50, 40)).unwrap();
    store.remove(&photo.hash).unwrap();
    assert_eq!(scratch.count(), 0);
    // Removing it again is fine; a name that isn't a hash is not.
    store.remove(&photo.hash).unwrap();
    assert_eq!(
        store.remove("../photos").unwrap_err().to_string(),
        "\"../photos\" is not a photo name: it must be 64 hex digits."
    );
}

#[test]
fn path_takes_only_a_hash_of_a_stored_photo() {
    let scratch = Scratch::new();
    let store = scratch.store();
    let photo = import(&store, &plain_jpeg(50, 40)).unwrap();
    let full = store.path(&photo.hash, PhotoSize::Full).unwrap();
    assert_eq!(full, store.dir().join(format!("{}.jpg", photo.hash)));
    assert!(
        store
            .path(&photo.hash, PhotoSize::Screen)
            .unwrap()
            .is_file()
    );

    // A file outside the folder, reachable by "..".
    std::fs::write(scratch.0.path().join("x.jpg"), b"secret").unwrap();
    let upper = photo.hash.to_uppercase();
    let refused = [
        "../x".to_string(),
        format!("../{}", &photo.hash[3..]),
        photo.hash[..63].to_string(),
        format!("{}0", photo.hash),
        upper,
        String::new(),
        "0".repeat(64), // well formed, not stored
    ];
    for hash in &refused {
        for size in [PhotoSize::Full, PhotoSize::Screen, PhotoSize::Thumb] {
            assert_eq!(store.path(hash, size), None, "{hash:?} {size:?}");
        }
    }
}

#[test]
fn a_folder_that_cannot_be_made_is_an_io_error_naming_it() {
    let scratch = Scratch::new();
    let store = scratch.store();
    // A file where the folder should be.
    std::fs::write(store.dir(), b"in the way").unwrap();
    let error = import(&store, &plain_jpeg(30, 20)).unwrap_err();
    let PhotoError::Io(message) = &error else {
        panic!("{error:?}");
    };
    let expected = format!("The photo could not be saved ({}): ", store.dir().display());
    assert!(message.starts_with(&expected), "{message}");
    assert!(!error.is_refusal());
    assert_eq!(std::fs::read(store.dir()).unwrap(), b"in the way");
}

/// Set in the child process of the kill test: the data folder it imports
/// into.
const KILL_CHILD_DIR: &str = "SMP_PHOTOS_KILL_CHILD_DIR";

/// The kill test's child: imports one distinct photo after another until
/// it is killed.
fn import_until_killed(dir: &Path) {
    let store = PhotoStore::new(dir);
    // Distinct from the photos of the children before.
    for i in std::process::id().. {
        let mut picture = picture(200, 150);
        picture.put_pixel(
            i % 200,
            (i / 200) % 150,
            image::Rgb([255, 0, (i % 256) as u8]),
        );
        let mut bytes = Vec::new();
        picture
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .unwrap();
        import(&store, &bytes).unwrap();
    }
}

#[test]
fn a_kill_at_any_moment_leaves_no_partial_file() {
    // The test re-runs itself as the child that is killed.
    if let Some(dir) = std::env::var_os(KILL_CHILD_DIR) {
        return import_until_killed(Path::new(&dir));
    }
    let scratch = Scratch::new();
    let store = scratch.store();
    let spawn = || {
        std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "a_kill_at_any_moment_leaves_no_partial_file",
                "--quiet",
            ])
            .env(KILL_CHILD_DIR, scratch.0.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long a child takes to store its first photo on this machine now
    // (builds and load vary): the kills are spread over three times that.
    let started = std::time::Instant::now();
    let mut child = spawn();
    let placed = || {
        names(&store)
            .iter()
            .filter(|n| !n.starts_with(".tmp-"))
            .count()
    };
    while placed() < 3 {
        assert!(
            started.elapsed().as_secs() < 60,
            "no photo stored in a minute"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let first = started.elapsed();
    child.kill().unwrap();
    child.wait().unwrap();

    // Kills at 15 moments spread over an import's phases (start-up,
    // decode, encode, writing, renaming), each in a fresh process.
    for step in 0..15u32 {
        let mut child = spawn();
        let delay = first * 3 * step / 15;
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();

        // Every file under a final name is whole, and a full-size copy in
        // place means its screen copy and thumbnail are too.
        for name in names(&store) {
            if name.starts_with(".tmp-") {
                continue;
            }
            let path = store.dir().join(&name);
            let bytes = std::fs::read(&path).unwrap();
            image::load_from_memory(&bytes)
                .unwrap_or_else(|e| panic!("{name} after a kill at {delay:?}: {e}"));
            if let Some(hash) = name.strip_suffix(".jpg").filter(|h| h.len() == 64) {
                assert!(store.path(hash, PhotoSize::Screen).is_some(), "{name}");
                assert!(store.path(hash, PhotoSize::Thumb).is_some(), "{name}");
            }
        }
    }
    let left = scratch.count();
    // No check-in refers to any of them: the start-up sweep removes them
    // all, temporary files included (their process is gone).
    assert_eq!(store.sweep(&HashSet::new()).unwrap(), left);
    assert_eq!(scratch.count(), 0);
}

#[test]
fn transparency_becomes_white_in_the_jpeg_copies() {
    let scratch = Scratch::new();
    let store = scratch.store();
    // Left half transparent black, right half opaque dark red.
    let picture = image::RgbaImage::from_fn(64, 48, |x, _| {
        if x < 32 {
            image::Rgba([0, 0, 0, 0])
        } else {
            image::Rgba([120, 10, 10, 255])
        }
    });
    let mut source = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut source), ImageFormat::Png)
        .unwrap();
    let photo = import(&store, &source).unwrap();
    // The full-size PNG keeps its transparency; the JPEG copies can't.
    let full = image::open(store.path(&photo.hash, PhotoSize::Full).unwrap()).unwrap();
    assert_eq!(full.to_rgba8(), picture);
    let screen = image::open(store.path(&photo.hash, PhotoSize::Screen).unwrap())
        .unwrap()
        .to_rgb8();
    let [r, g, b] = screen.get_pixel(8, 24).0;
    assert!(r > 245 && g > 245 && b > 245, "{:?}", [r, g, b]);
    let [r, g, b] = screen.get_pixel(56, 24).0;
    assert!(r > 100 && g < 30 && b < 30, "{:?}", [r, g, b]);
}
