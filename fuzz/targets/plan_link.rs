//! Fuzz target: the `smp-aftercare://plan` link importer.
//! Run with `fuzz/run plan_link SECONDS`.

fn main() {
    aftercare_fuzz::warm_up();
    afl::fuzz!(|data: &[u8]| aftercare_fuzz::plan_link(data));
}
