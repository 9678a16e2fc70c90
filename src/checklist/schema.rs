//! The JSON Schema of the checklist format, generated from the model with schemars, for
//! editors (completion and checks while writing a checklist).
//!
//! The committed copy is `checklists/onsite-checklist.schema.json`; a test fails when it
//! differs from the model. Regenerate with `UPDATE_SCHEMA=1 cargo test --lib schema`.

use serde_json::{Value, json};

use super::model::{Checklist, FORMAT};

/// Path of the committed schema, relative to the crate root.
pub const SCHEMA_FILE: &str = "checklists/onsite-checklist.schema.json";

/// The schema as pretty JSON, ending with a newline.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(Checklist);
    schema.insert(
        "description".into(),
        serde_json::Value::String(format!(
            "A checklist for onsite, format \"{FORMAT}\". Beyond this shape, `onsite validate` checks ids, references and conditions."
        )),
    );
    let mut value = serde_json::to_value(&schema).unwrap_or_default();
    add_rules(&mut value);
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// Adds the simple rules of `validate` that JSON Schema can say (so editors flag them
/// while typing): the format string, the id pattern, the rating range, non-empty lists.
fn add_rules(schema: &mut Value) {
    const ID: &str = "^[a-z0-9][a-z0-9_-]*$";
    let rules = [
        ("/properties/format", "const", json!(FORMAT)),
        ("/properties/id", "pattern", json!(ID)),
        ("/properties/sections", "minItems", json!(1)),
        (
            "/properties/response_sets",
            "propertyNames",
            json!({"pattern": ID}),
        ),
        ("/$defs/HeaderField/properties/id", "pattern", json!(ID)),
        ("/$defs/Section/properties/id", "pattern", json!(ID)),
        ("/$defs/Section/properties/questions", "minItems", json!(1)),
        ("/$defs/Question/properties/id", "pattern", json!(ID)),
        ("/$defs/OptionDef/properties/value", "pattern", json!(ID)),
        ("/$defs/RatingBand/properties/min", "minimum", json!(0)),
        ("/$defs/RatingBand/properties/min", "maximum", json!(1)),
    ];
    for (pointer, key, rule) in rules {
        if let Some(Value::Object(place)) = schema.pointer_mut(pointer) {
            place.insert(key.to_string(), rule);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_schema_matches_the_model() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_FILE);
        let fresh = schema_json();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{SCHEMA_FILE} differs from the checklist model; regenerate it with \
             `UPDATE_SCHEMA=1 cargo test --lib schema` and commit it"
        );
    }

    #[test]
    fn schema_describes_the_format() {
        let v: serde_json::Value = serde_json::from_str(&schema_json()).unwrap();
        let required = v["required"].as_array().unwrap();
        for field in ["format", "id", "version", "title", "sections"] {
            assert!(required.iter().any(|r| r == field), "{field}");
        }
        assert_eq!(v["additionalProperties"], false);
        assert!(v["$defs"]["Condition"].is_object(), "{v}");
        assert_eq!(v["properties"]["format"]["const"], FORMAT);
        assert_eq!(
            v["$defs"]["Question"]["properties"]["id"]["pattern"],
            "^[a-z0-9][a-z0-9_-]*$"
        );
        assert_eq!(v["$defs"]["RatingBand"]["properties"]["min"]["maximum"], 1);
    }
}
