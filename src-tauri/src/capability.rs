//! The app's commands come from one list, `commands.txt`: build.rs turns it
//! into the app manifest and the main window's capability, and exposes the
//! parsed list here. The tests below check the generated data against it:
//! the commands the generated TypeScript bindings call (so the invoke
//! handler of `bindings.rs`) and the permissions of the generated
//! capability. A command missing from the capability would be refused at
//! run time; one too many would widen what the page may do.

#[cfg(test)]
mod tests {
    include!(concat!(env!("OUT_DIR"), "/commands.rs"));

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    fn owned(list: &[&str]) -> Vec<String> {
        sorted(list.iter().map(|s| s.to_string()).collect())
    }

    /// The command names the generated bindings invoke.
    fn invoked_by_bindings() -> Vec<String> {
        let path = std::env::temp_dir().join(format!(
            "smp-aftercare-capability-bindings-{}.ts",
            std::process::id()
        ));
        crate::bindings::builder::<tauri::Wry>()
            .export(crate::bindings::typescript(), &path)
            .expect("bindings export");
        let ts = std::fs::read_to_string(&path).expect("read the exported bindings");
        let _ = std::fs::remove_file(&path);
        // `__TAURI_INVOKE("name"` or, for infallible commands,
        // `__TAURI_INVOKE<Type>("name"`.
        ts.split("__TAURI_INVOKE")
            .skip(1)
            .filter_map(|rest| {
                let call = if rest.starts_with('<') {
                    &rest[rest.find(">(\"")? + 1..]
                } else {
                    rest
                };
                let name = call.strip_prefix("(\"")?.split_once('"')?.0;
                Some(name.to_string())
            })
            .collect()
    }

    #[test]
    fn the_invoke_handler_registers_exactly_the_listed_commands() {
        assert_eq!(sorted(invoked_by_bindings()), owned(ALL_COMMANDS));
    }

    #[test]
    fn the_capability_grants_exactly_the_window_commands() {
        let path = concat!(env!("OUT_DIR"), "/capabilities/main-window.json");
        let capability: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let granted: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect();
        let expected: Vec<String> = WINDOW_COMMANDS
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        assert_eq!(sorted(granted), sorted(expected));
        assert_eq!(capability["identifier"], "main-window");
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
    }
}
