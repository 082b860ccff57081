//! A template context that values are moved into. Tera's own `Context::insert`
//! serialises every value it is given, which deep-copies an already built
//! `serde_json::Value` (a pager's twenty page summaries, say) once more per output.

use serde::Serialize;
use tera::Value;

/// The variables one template render sees.
#[derive(Debug, Default, Clone)]
pub struct Context {
    vars: serde_json::Map<String, Value>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Context {
        Context::default()
    }

    /// Sets `key` to an already built value, without copying it.
    pub fn put(&mut self, key: &str, value: Value) {
        self.vars.insert(key.to_owned(), value);
    }

    /// Sets `key` to `value` serialised (for small values that are not `Value`s yet).
    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.put(key, serde_json::to_value(value).unwrap_or(Value::Null));
    }

    /// Everything as one JSON object (for fingerprints).
    pub fn into_json(self) -> Value {
        Value::Object(self.vars)
    }

    /// The context Tera renders with; no copy is made.
    pub fn into_tera(self) -> tera::Context {
        // `from_value` only fails for a value that is not an object.
        tera::Context::from_value(self.into_json()).unwrap_or_default()
    }
}
