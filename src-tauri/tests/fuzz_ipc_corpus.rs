//! The `ipc_args` fuzzer's committed corpus (`fuzz/corpus/ipc_args/`),
//! replayed on every `cargo test` without AFL++ or an instrumented build:
//! each JSON body the fuzz runs kept as reaching new code is decoded again
//! as the arguments of every command, with the same code the fuzz target
//! runs (`fuzz/src/ipc.rs`, included here as it is), and each command's
//! checks run on it. A change to a command's argument types or checks that
//! makes one of them panic fails here. docs/reliability.md ("Fuzzing")
//! says how the corpus is made.

#[path = "../../fuzz/src/ipc.rs"]
mod ipc;

use std::fs;
use std::path::PathBuf;

#[test]
fn every_body_of_the_ipc_corpus_decodes_and_is_checked_without_a_panic() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/ipc_args");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    let mut json = 0;
    for file in &files {
        let body = fs::read(file).unwrap();
        if serde_json::from_slice::<serde_json::Value>(&body).is_ok() {
            json += 1;
        }
        let name = file.display().to_string();
        std::panic::catch_unwind(|| ipc::ipc_args(&body)).unwrap_or_else(|_| {
            panic!("{name} panicked (replay: fuzz/run replay ipc_args {name})")
        });
    }
    println!("{} bodies replayed, {json} of them JSON", files.len());
    // The seeds alone are one JSON body per command that takes arguments.
    assert!(
        files.len() >= 18,
        "only {} files in {}",
        files.len(),
        dir.display()
    );
    assert!(json >= 18, "only {json} JSON bodies in {}", dir.display());
}
