//! Keeps the three lists of commands in step: the invoke handler
//! (`bindings.rs`), the app manifest (`build.rs`) and the window's
//! capability (`capabilities/main-window.json`). A command missing from the
//! capability would be refused at run time; one too many would widen what
//! the page may do.

#[cfg(test)]
mod tests {
    fn quoted_names(text: &str) -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter_map(|l| l.strip_prefix('"')?.strip_suffix("\",").map(str::to_string))
            .collect()
    }

    #[test]
    fn handler_manifest_and_capability_agree() {
        let root = env!("CARGO_MANIFEST_DIR");
        let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).unwrap();
        let manifest = quoted_names(&read("build.rs"));
        assert!(!manifest.is_empty());

        let bindings = read("src/bindings.rs");
        let registered: Vec<String> = bindings
            .lines()
            .map(str::trim)
            .filter_map(|l| l.strip_suffix(','))
            .filter_map(|l| l.rsplit_once("::").map(|(_, name)| name.to_string()))
            .filter(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        let mut a = manifest.clone();
        let mut b = registered;
        a.sort();
        b.sort();
        assert_eq!(
            a, b,
            "build.rs COMMANDS and bindings.rs collect_commands! differ"
        );

        let capability: serde_json::Value =
            serde_json::from_str(&read("capabilities/main-window.json")).unwrap();
        let mut granted: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect();
        granted.sort();
        let mut expected: Vec<String> = manifest
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        expected.sort();
        assert_eq!(
            granted, expected,
            "the capability must grant exactly the app's commands"
        );
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
    }
}
