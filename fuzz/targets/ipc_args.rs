//! Fuzz target: the IPC argument decoding of every command of the app,
//! then each command's checks of its input before the store. Run with
//! `fuzz/run ipc_args SECONDS`.

fn main() {
    aftercare_fuzz::warm_up();
    afl::fuzz!(|data: &[u8]| aftercare_fuzz::ipc::ipc_args(data));
}
