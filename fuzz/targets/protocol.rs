//! Fuzz target: the protocol parser and validator (`aftercare check`, the app's import).
//! Run with `fuzz/run protocol SECONDS`.

fn main() {
    aftercare_fuzz::warm_up();
    afl::fuzz!(|data: &[u8]| aftercare_fuzz::protocol(data));
}
