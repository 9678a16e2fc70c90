//! Fuzz target: any bytes given to the checklist loader give a checklist or located
//! problems, never a panic; a checklist that loads survives a save and reload unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(checklist) = onsite::checklist::load::load_str(text, "fuzz.json") {
        let json = serde_json::to_string(&checklist).unwrap_or_default();
        let again = onsite::checklist::load::load_str(&json, "again.json");
        assert!(again.is_ok(), "a loaded checklist must reload: {again:?}");
    }
});
