//! One app per data folder on Linux, without D-Bus: a lock file and a Unix
//! socket, both named from [`super::bus_id`], in `$XDG_RUNTIME_DIR` (the
//! user's own 0700 folder) or else in a per-user 0700 folder under the
//! temp folder.
//!
//! The first start takes the lock (`flock`, through `File::try_lock`),
//! removes a socket file a killed app left behind, binds the socket and,
//! once the app is set up, accepts on a plain thread that blocks in
//! `accept` (no wake-ups while idle). A second start finds the lock taken,
//! connects (retrying briefly while the first is still binding, and taking
//! the lock itself should the first die meanwhile), sends its command
//! line and working folder as one length-prefixed JSON message and exits.
//! The kernel releases the lock when the first app ends in any way
//! (`kill -9` too); the socket file it leaves is removed by the next first
//! start, which holds the lock and so knows no app listens on it.

use std::ffi::OsString;
use std::fs::{File, TryLockError};
use std::io::{self, ErrorKind, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// The largest message a second start may send (its command line and
/// folder as JSON); a larger one is refused on both sides.
pub(crate) const MAX_MESSAGE: usize = 64 * 1024;

/// The longest socket path the kernel binds (`sun_path` is 108 bytes with
/// its terminating NUL).
const MAX_SOCKET_PATH: usize = 107;

/// How long a second start keeps trying to reach the first, and how long
/// the first waits for a connected second start's message.
pub(crate) const PATIENCE: Duration = Duration::from_secs(3);

/// What a second start hands the running app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Message {
    /// Its command line, program name first.
    pub argv: Vec<String>,
    /// The folder it ran in (relative file paths are taken from it).
    pub cwd: String,
}

impl Message {
    /// This process's command line and folder (not UTF-8: replaced
    /// characters, as the running app reads them as text anyway).
    pub(crate) fn of_this_process() -> Message {
        Message {
            argv: std::env::args_os()
                .map(|a| a.to_string_lossy().into_owned())
                .collect(),
            cwd: std::env::current_dir()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// The message on the wire: its JSON's length (4 bytes, big-endian),
    /// then the JSON.
    pub(crate) fn encode(&self) -> io::Result<Vec<u8>> {
        let json = serde_json::to_vec(self).map_err(io::Error::other)?;
        let len = u32::try_from(json.len())
            .ok()
            .filter(|&n| n as usize <= MAX_MESSAGE)
            .ok_or_else(|| {
                io::Error::new(
                    ErrorKind::InvalidInput,
                    format!(
                        "the command line is too long to hand over ({} bytes)",
                        json.len()
                    ),
                )
            })?;
        let mut out = Vec::with_capacity(4 + json.len());
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(&json);
        Ok(out)
    }

    /// Reads one message from `input`: a length over [`MAX_MESSAGE`],
    /// a short read or JSON that is not a message is an error.
    pub(crate) fn decode(mut input: impl Read) -> io::Result<Message> {
        let mut len = [0u8; 4];
        input.read_exact(&mut len)?;
        let len = u32::from_be_bytes(len) as usize;
        if len > MAX_MESSAGE {
            return Err(io::Error::new(
                ErrorKind::InvalidData,
                format!("a message of {len} bytes (at most {MAX_MESSAGE})"),
            ));
        }
        let mut json = vec![0u8; len];
        input.read_exact(&mut json)?;
        serde_json::from_slice(&json).map_err(|e| io::Error::new(ErrorKind::InvalidData, e))
    }
}

/// The lock file and socket of one data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paths {
    /// `<id>.lock`: held by the running app.
    pub lock: PathBuf,
    /// `<id>.sock`: where the running app listens.
    pub socket: PathBuf,
}

impl Paths {
    /// The paths for `id` in `dir`; an error when the socket's path is
    /// longer than a Unix socket allows.
    pub(crate) fn new(dir: &Path, id: &str) -> io::Result<Paths> {
        let socket = dir.join(format!("{id}.sock"));
        if socket.as_os_str().len() > MAX_SOCKET_PATH {
            return Err(io::Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "the socket path {} is longer than {MAX_SOCKET_PATH} bytes",
                    socket.display()
                ),
            ));
        }
        Ok(Paths {
            lock: dir.join(format!("{id}.lock")),
            socket,
        })
    }
}

/// The folder the lock and socket go in: `xdg_runtime_dir` when it is set
/// and absolute (the XDG specification makes it the user's alone), else
/// `smp-aftercare-<uid>` under `temp`, created 0700 and refused unless it
/// is a folder of this user's with no access for anyone else.
pub(crate) fn runtime_dir(xdg_runtime_dir: Option<OsString>, temp: &Path) -> io::Result<PathBuf> {
    if let Some(dir) = xdg_runtime_dir.map(PathBuf::from)
        && dir.is_absolute()
    {
        return Ok(dir);
    }
    let uid = own_uid()?;
    let dir = temp.join(format!("smp-aftercare-{uid}"));
    match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = std::fs::symlink_metadata(&dir)?;
    if !meta.is_dir() || meta.uid() != uid || meta.mode() & 0o077 != 0 {
        return Err(io::Error::new(
            ErrorKind::PermissionDenied,
            format!(
                "{} is not a folder of this user's alone (mode 0700)",
                dir.display()
            ),
        ));
    }
    Ok(dir)
}

/// This process's user id: the owner of `/proc/self` (no libc call: the
/// crate has no unsafe code).
fn own_uid() -> io::Result<u32> {
    Ok(std::fs::metadata("/proc/self")?.uid())
}

/// The outcome of [`claim`].
#[derive(Debug)]
pub(crate) enum Claim {
    /// This start is the app for the folder: it holds the lock (released
    /// when `lock` is closed, or the process ends) and listens, unless the
    /// socket could not be bound.
    First {
        /// The open lock file, locked.
        lock: File,
        /// The bound socket, or why it could not be bound.
        listener: io::Result<UnixListener>,
    },
    /// Another process holds the lock: an app runs for the folder.
    Taken,
}

/// Takes the folder's lock if no app holds it, and then clears a stale
/// socket file and binds the socket. An error when the lock file cannot
/// be opened or locked at all. A path in the socket's place that is not a
/// socket is left alone (and the socket not bound): the lock is still
/// held, so no second app starts on the folder.
pub(crate) fn claim(paths: &Paths) -> io::Result<Claim> {
    let lock = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&paths.lock)?;
    match lock.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => return Ok(Claim::Taken),
        Err(TryLockError::Error(e)) => return Err(e),
    }
    Ok(Claim::First {
        lock,
        listener: bind(&paths.socket),
    })
}

/// Binds `socket`, first removing a socket file left there (by an app that
/// was killed: the caller holds the lock, so nothing listens on it).
fn bind(socket: &Path) -> io::Result<UnixListener> {
    match std::fs::symlink_metadata(socket) {
        Ok(meta) if meta.file_type().is_socket() => std::fs::remove_file(socket)?,
        Ok(_) => {
            return Err(io::Error::new(
                ErrorKind::AlreadyExists,
                format!("{} is in the way and is not a socket", socket.display()),
            ));
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    UnixListener::bind(socket)
}

/// What a start found: it is the first (and holds the lock), it handed
/// `message` to the running app, or an app holds the lock but does not
/// answer.
#[derive(Debug)]
pub(crate) enum Found {
    /// See [`Claim::First`].
    First {
        /// The open lock file, locked.
        lock: File,
        /// The bound socket, or why it could not be bound.
        listener: io::Result<UnixListener>,
    },
    /// The message went to the running app.
    HandedOver,
    /// An app holds the lock but its socket does not answer: why.
    Unreachable(String),
}

/// Claims the folder or, when an app holds it, hands `message` to it:
/// retries for up to `patience` while the socket is not there or refuses
/// (the first start still binding, or just killed: then the lock comes
/// free and this start takes it).
pub(crate) fn claim_or_hand_over(
    paths: &Paths,
    message: &Message,
    patience: Duration,
) -> io::Result<Found> {
    let bytes = message.encode()?;
    let deadline = Instant::now() + patience;
    loop {
        match claim(paths)? {
            Claim::First { lock, listener } => return Ok(Found::First { lock, listener }),
            Claim::Taken => match UnixStream::connect(&paths.socket) {
                Ok(mut stream) => {
                    stream.set_write_timeout(Some(patience))?;
                    stream.write_all(&bytes)?;
                    return Ok(Found::HandedOver);
                }
                Err(e)
                    if Instant::now() < deadline
                        && matches!(
                            e.kind(),
                            ErrorKind::NotFound | ErrorKind::ConnectionRefused
                        ) =>
                {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => {
                    return Ok(Found::Unreachable(format!(
                        "an app holds {} but {} does not answer: {e}",
                        paths.lock.display(),
                        paths.socket.display()
                    )));
                }
            },
        }
    }
}

/// Accepts second starts on `listener` for as long as the process runs,
/// on a thread of its own that sleeps in `accept`, and hands each message
/// to `handle`; a message that is too long, cut short, slow (over
/// [`PATIENCE`]) or not JSON is logged and dropped.
pub(crate) fn serve(
    listener: UnixListener,
    handle: impl Fn(Message) + Send + 'static,
) -> io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("single-instance".into())
        .spawn(move || {
            for stream in listener.incoming() {
                let read = stream.and_then(|stream| {
                    stream.set_read_timeout(Some(PATIENCE))?;
                    Message::decode(stream.take(4 + MAX_MESSAGE as u64))
                });
                match read {
                    Ok(message) => handle(message),
                    Err(e) => {
                        log::warn!("a second start's message was dropped: {e}");
                        // An accept that fails at once (out of file
                        // descriptors) must not spin.
                        std::thread::sleep(Duration::from_millis(100));
                    }
                }
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn message(arg: &str) -> Message {
        Message {
            argv: vec!["smp-aftercare".into(), arg.into()],
            cwd: "/home/me".into(),
        }
    }

    #[test]
    fn a_message_round_trips_and_bad_input_is_an_error() {
        let m = message("plan ✓.smpplan");
        assert_eq!(Message::decode(&m.encode().unwrap()[..]).unwrap(), m);
        // Too long to send, and a length over the limit on the wire.
        let long = message(&"x".repeat(MAX_MESSAGE));
        assert_eq!(long.encode().unwrap_err().kind(), ErrorKind::InvalidInput);
        let over = ((MAX_MESSAGE + 1) as u32).to_be_bytes();
        assert_eq!(
            Message::decode(&over[..]).unwrap_err().kind(),
            ErrorKind::InvalidData
        );
        // Cut short, and not a message.
        let bytes = m.encode().unwrap();
        assert_eq!(
            Message::decode(&bytes[..bytes.len() - 1])
                .unwrap_err()
                .kind(),
            ErrorKind::UnexpectedEof
        );
        let mut junk = 5u32.to_be_bytes().to_vec();
        junk.extend_from_slice(b"[1,2]");
        assert_eq!(
            Message::decode(&junk[..]).unwrap_err().kind(),
            ErrorKind::InvalidData
        );
    }

    #[test]
    fn paths_are_named_from_the_id_and_a_socket_path_too_long_is_refused() {
        let p = Paths::new(Path::new("/run/user/1000"), "app.x.data_0123").unwrap();
        assert_eq!(p.lock, Path::new("/run/user/1000/app.x.data_0123.lock"));
        assert_eq!(p.socket, Path::new("/run/user/1000/app.x.data_0123.sock"));
        let deep = format!("/{}", "d".repeat(100));
        assert_eq!(
            Paths::new(Path::new(&deep), "app.x").unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
        // The app's longest id fits in the usual runtime folder.
        let id = super::super::bus_id("app.smpaftercare.desktop", Some(Path::new("/d")));
        assert!(Paths::new(Path::new("/run/user/4294967294"), &id).is_ok());
    }

    #[test]
    fn the_runtime_folder_is_xdgs_or_a_private_one_under_temp() {
        let temp = tempfile::tempdir().unwrap();
        assert_eq!(
            runtime_dir(Some("/run/user/7".into()), temp.path()).unwrap(),
            Path::new("/run/user/7")
        );
        // Unset or relative: a 0700 folder of ours under temp.
        for xdg in [None, Some(OsString::from("rel"))] {
            let dir = runtime_dir(xdg, temp.path()).unwrap();
            assert!(dir.starts_with(temp.path()));
            let meta = std::fs::metadata(&dir).unwrap();
            assert_eq!(meta.mode() & 0o777, 0o700);
        }
        // One others may enter is refused, as is a file in its place.
        let dir = runtime_dir(None, temp.path()).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(
            runtime_dir(None, temp.path()).unwrap_err().kind(),
            ErrorKind::PermissionDenied
        );
        std::fs::remove_dir(&dir).unwrap();
        std::fs::write(&dir, "").unwrap();
        assert!(runtime_dir(None, temp.path()).is_err());
    }

    #[test]
    fn a_second_start_hands_its_message_to_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::new(dir.path(), "app.test").unwrap();
        let Found::First { lock, listener } =
            claim_or_hand_over(&paths, &message("first"), PATIENCE).unwrap()
        else {
            panic!("the first start is not first");
        };
        let (tx, rx) = mpsc::channel();
        serve(listener.unwrap(), move |m| tx.send(m).unwrap()).unwrap();
        for arg in ["a.smpplan", "b.smpplan"] {
            assert!(matches!(
                claim_or_hand_over(&paths, &message(arg), PATIENCE).unwrap(),
                Found::HandedOver
            ));
            let got = rx.recv_timeout(Duration::from_secs(10)).unwrap();
            assert_eq!(got, message(arg));
        }
        // Junk and a silent client are dropped; the next message still
        // arrives.
        let mut junk = UnixStream::connect(&paths.socket).unwrap();
        junk.write_all(&u32::MAX.to_be_bytes()).unwrap();
        drop(junk);
        drop(UnixStream::connect(&paths.socket).unwrap());
        claim_or_hand_over(&paths, &message("c"), PATIENCE).unwrap();
        assert_eq!(
            rx.recv_timeout(Duration::from_secs(10)).unwrap(),
            message("c")
        );
        drop(lock);
    }

    #[test]
    fn a_killed_apps_socket_is_replaced_and_a_non_socket_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::new(dir.path(), "app.test").unwrap();
        // A "killed" first start: its lock released, its socket file left.
        let Claim::First { lock, listener } = claim(&paths).unwrap() else {
            panic!("not first");
        };
        drop(listener);
        drop(lock);
        assert!(paths.socket.exists());
        let Claim::First { lock, listener } = claim(&paths).unwrap() else {
            panic!("the lock was not free after the first ended");
        };
        let listener = listener.unwrap();
        // While it is held, another claim finds it taken.
        assert!(matches!(claim(&paths).unwrap(), Claim::Taken));
        drop(listener);
        drop(lock);
        // A file where the socket goes is not removed; the lock is still
        // taken, so a second start reports the app unreachable.
        std::fs::remove_file(&paths.socket).unwrap();
        std::fs::write(&paths.socket, "mine").unwrap();
        let Claim::First { lock, listener } = claim(&paths).unwrap() else {
            panic!("not first");
        };
        assert_eq!(listener.unwrap_err().kind(), ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&paths.socket).unwrap(), "mine");
        let Found::Unreachable(err) =
            claim_or_hand_over(&paths, &message("x"), Duration::from_millis(200)).unwrap()
        else {
            panic!("not unreachable");
        };
        assert!(err.contains("does not answer"), "{err}");
        drop(lock);
    }

    #[test]
    fn a_start_waiting_for_a_dying_app_takes_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::new(dir.path(), "app.test").unwrap();
        // Holds the lock but never binds (a first start killed before it
        // listened), then ends.
        let Claim::First { lock, listener } = claim(&paths).unwrap() else {
            panic!("not first");
        };
        drop(listener);
        std::fs::remove_file(&paths.socket).unwrap();
        let ender = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(lock);
        });
        let found = claim_or_hand_over(&paths, &message("x"), PATIENCE).unwrap();
        assert!(matches!(
            found,
            Found::First {
                listener: Ok(_),
                ..
            }
        ));
        ender.join().unwrap();
    }

    #[test]
    fn a_folder_without_permission_is_an_error_not_a_panic() {
        let paths = Paths::new(Path::new("/proc/nonexistent-dir"), "app.test").unwrap();
        assert!(claim(&paths).is_err());
    }
}
