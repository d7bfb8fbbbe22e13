//! Fuzz target: the `.smpplan` plan-file importer.
//! Run with `fuzz/run plan_file SECONDS`.

fn main() {
    aftercare_fuzz::warm_up();
    afl::fuzz!(|data: &[u8]| aftercare_fuzz::plan_file(data));
}
