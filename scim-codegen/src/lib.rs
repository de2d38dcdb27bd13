//! # scim-codegen
//!
//! Generates typed Rust models from SCIM schema definitions: RFC 7643 §7 Schema JSON,
//! RFC 7643 §6 ResourceType JSON, or a `/Schemas` response saved from a live server.
//! Call it from `build.rs`:
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), scim_codegen::Error> {
//!     scim_codegen::Builder::new()
//!         .bundled_schemas()
//!         .schema("schemas/badge.json")
//!         .resource_type("schemas/resource-types")
//!         .compile()?;
//!     Ok(())
//! }
//! ```
//!
//! and include the result:
//!
//! ```ignore
//! include!(concat!(env!("OUT_DIR"), "/scim_models.rs"));
//! ```
//!
//! The output is deterministic, formatted, and begins with an `@generated` header. Each
//! struct derives `scim::Resource` or `scim::Complex`, so generated and hand-written
//! models behave the same.

mod docs;
mod generate;
mod naming;

use scim::schema::{LoadError, Loader, Origin, SchemaSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// The file name [`Builder::compile`] writes in `OUT_DIR` unless told otherwise.
pub const DEFAULT_FILE_NAME: &str = "scim_models.rs";

/// `(file name, JSON)` pairs for files of the toolkit's `schemas/` folder.
macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../schemas/", $file)))),*]
    };
}

/// The schemas bundled with the toolkit.
const BUNDLED_SCHEMAS: &[(&str, &str)] = bundled![
    "rfc7643/User.json",
    "rfc7643/Group.json",
    "rfc7643/EnterpriseUser.json",
    "rfc7643/ServiceProviderConfig.json",
    "rfc7643/ResourceType.json",
    "rfc7643/Schema.json",
];

/// The resource types bundled with the toolkit: User (with the Enterprise User extension)
/// and Group.
const BUNDLED_RESOURCE_TYPES: &[(&str, &str)] = bundled![
    "rfc7643/resource-types/User.json",
    "rfc7643/resource-types/Group.json",
];

/// The bundled schemas: RFC 7643 core User and Group, Enterprise User, and the discovery
/// schemas (ServiceProviderConfig, ResourceType, Schema). Each is `(file name, JSON)`.
pub fn bundled_schemas() -> &'static [(&'static str, &'static str)] {
    BUNDLED_SCHEMAS
}

/// The bundled resource types (RFC 7643 §8.6): User with the Enterprise User extension,
/// and Group. Each is `(file name, JSON)`.
pub fn bundled_resource_types() -> &'static [(&'static str, &'static str)] {
    BUNDLED_RESOURCE_TYPES
}

/// Configures and runs the generator. Inputs are read when [`generate`](Self::generate)
/// or [`compile`](Self::compile) runs; every problem is reported then, at once.
#[derive(Clone, Debug)]
pub struct Builder {
    bundled_schemas: bool,
    bundled_resource_types: bool,
    paths: Vec<PathBuf>,
    texts: Vec<(String, String)>,
    runtime: String,
    type_names: Vec<(String, String)>,
    field_names: Vec<(String, String, String)>,
    out_file: Option<PathBuf>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            bundled_schemas: false,
            bundled_resource_types: false,
            paths: Vec::new(),
            texts: Vec::new(),
            runtime: "::scim".to_owned(),
            type_names: Vec::new(),
            field_names: Vec::new(),
            out_file: None,
        }
    }
}

impl Builder {
    /// A builder with no inputs, the runtime at `::scim`, output in `OUT_DIR`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the bundled schemas (see [`bundled_schemas`]), so that your own resource types
    /// can name them next to your extensions.
    pub fn bundled_schemas(&mut self) -> &mut Self {
        self.bundled_schemas = true;
        self
    }

    /// Adds the bundled User and Group resource types (see [`bundled_resource_types`]).
    /// They name the bundled schemas, so add those too.
    pub fn bundled_resource_types(&mut self) -> &mut Self {
        self.bundled_resource_types = true;
        self
    }

    /// Adds a Schema JSON file, or a directory of them (every `*.json`, recursively).
    /// ResourceType files and `/Schemas` ListResponse documents are recognised too.
    pub fn schema(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.paths.push(path.as_ref().to_path_buf());
        self
    }

    /// Adds a `/Schemas` (or `/ResourceTypes`) ListResponse saved from a live server.
    pub fn schemas_document(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.schema(path)
    }

    /// Adds a ResourceType JSON file (RFC 7643 §6), or a directory of them.
    pub fn resource_type(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.schema(path)
    }

    /// Adds a schema document from memory; `name` appears in error messages.
    pub fn schema_str(&mut self, name: impl Into<String>, json: impl Into<String>) -> &mut Self {
        self.texts.push((name.into(), json.into()));
        self
    }

    /// The path of the runtime crate in generated code, `::scim` by default. Set it when
    /// the runtime is re-exported, e.g. `::my_sdk::scim`.
    pub fn runtime_crate(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime = path.into();
        self
    }

    /// Names the Rust type generated for a schema (by its URI) or a resource type (by its
    /// name), instead of the name derived from the schema. Use it to resolve collisions.
    pub fn rename_type(
        &mut self,
        source: impl Into<String>,
        rust_name: impl Into<String>,
    ) -> &mut Self {
        self.type_names.push((source.into(), rust_name.into()));
        self
    }

    /// Names the Rust field generated for the attribute at `path` (`name.givenName`) of
    /// the schema `schema_uri`. Use it to resolve collisions.
    pub fn rename_field(
        &mut self,
        schema_uri: impl Into<String>,
        path: impl Into<String>,
        rust_name: impl Into<String>,
    ) -> &mut Self {
        self.field_names
            .push((schema_uri.into(), path.into(), rust_name.into()));
        self
    }

    /// Writes to this file instead of `OUT_DIR/scim_models.rs`.
    pub fn out_file(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.out_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Loads and checks every input.
    pub fn load(&self) -> Result<SchemaSet, Error> {
        let loader = self.loader();
        loader.load().map_err(Error::Load)
    }

    /// The generated Rust source: pure, no files written, nothing printed.
    pub fn generate(&self) -> Result<String, Error> {
        let set = self.load()?;
        generate_with(&set, &self.options()?)
    }

    fn options(&self) -> Result<generate::Options, Error> {
        let mut options = generate::Options::new(parse_runtime(&self.runtime)?);
        for (source, name) in &self.type_names {
            check_identifier(name)?;
            options
                .type_names
                .insert(source.to_ascii_lowercase(), name.clone());
        }
        for (schema, path, name) in &self.field_names {
            check_identifier(name)?;
            options.field_names.insert(
                (schema.to_ascii_lowercase(), path.to_ascii_lowercase()),
                name.clone(),
            );
        }
        Ok(options)
    }

    /// Generates and writes the file (only when its content changed, so that Cargo does
    /// not rebuild needlessly), printing `cargo:rerun-if-changed` for every input and
    /// never for the output. Returns the path written. For build scripts.
    ///
    /// Printing any `rerun-if-changed` line replaces Cargo's default of re-running the
    /// build script when any package file changes; add your own lines for other inputs.
    pub fn compile(&self) -> Result<PathBuf, Error> {
        for input in self.inputs() {
            println!("cargo:rerun-if-changed={}", input.display());
        }
        self.write()
    }

    /// The files and directories read, for which [`compile`](Self::compile) prints
    /// `cargo:rerun-if-changed`: each file added, and each directory added together with
    /// every file found in it. Bundled schemas are compiled in and need none.
    pub fn inputs(&self) -> Vec<PathBuf> {
        self.loader().inputs().to_vec()
    }

    /// As [`compile`](Self::compile), but prints nothing: for tools other than Cargo.
    pub fn write(&self) -> Result<PathBuf, Error> {
        let out_file = match &self.out_file {
            Some(path) => path.clone(),
            None => {
                let dir = std::env::var_os("OUT_DIR").ok_or(Error::NoOutDir)?;
                PathBuf::from(dir).join(DEFAULT_FILE_NAME)
            }
        };
        let source = self.generate()?;
        write_if_changed(&out_file, &source)?;
        Ok(out_file)
    }

    fn loader(&self) -> Loader {
        let mut loader = Loader::new();
        let bundled = [
            (self.bundled_schemas, BUNDLED_SCHEMAS),
            (self.bundled_resource_types, BUNDLED_RESOURCE_TYPES),
        ];
        for (name, json) in bundled
            .into_iter()
            .filter(|(wanted, _)| *wanted)
            .flat_map(|(_, documents)| documents)
        {
            loader.add_str(format!("bundled:{name}"), json);
        }
        for (name, json) in &self.texts {
            loader.add_str(name.clone(), json);
        }
        for path in &self.paths {
            loader.add_path(path);
        }
        loader
    }
}

/// Generates Rust source for every schema and resource type in `set`, with the runtime
/// crate at `runtime` (normally `::scim`).
pub fn generate_source(set: &SchemaSet, runtime: &str) -> Result<String, Error> {
    generate_with(set, &generate::Options::new(parse_runtime(runtime)?))
}

/// A module path such as `::scim` or `my_sdk::scim`, without generic arguments.
fn parse_runtime(runtime: &str) -> Result<syn::Path, Error> {
    let path: syn::Path =
        syn::parse_str(runtime).map_err(|_| Error::RuntimePath(runtime.to_owned()))?;
    if path
        .segments
        .iter()
        .any(|segment| !segment.arguments.is_none())
    {
        return Err(Error::RuntimePath(runtime.to_owned()));
    }
    Ok(path)
}

fn check_identifier(name: &str) -> Result<(), Error> {
    let bare = name.strip_prefix("r#").unwrap_or(name);
    match syn::parse_str::<syn::Ident>(name) {
        Ok(_) if !bare.is_empty() => Ok(()),
        _ => Err(Error::InvalidName(name.to_owned())),
    }
}

fn generate_with(set: &SchemaSet, options: &generate::Options) -> Result<String, Error> {
    let tokens = generate::generate(set, options).map_err(Error::Generate)?;
    let file: syn::File =
        syn::parse2(tokens).map_err(|error| Error::Internal(error.to_string()))?;
    let mut source = header(set);
    source.push_str(&separate_items(&prettyplease::unparse(&file)));
    Ok(source)
}

/// Puts a blank line between items, as rustfmt keeps them in hand-written code:
/// after a line that closes a block, when the next line at the same indentation
/// starts something new.
fn separate_items(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let closes = line.trim_start() == "}";
        if let (true, Some(next)) = (closes, lines.peek()) {
            let indent = |text: &str| text.len() - text.trim_start().len();
            let starts_new = !next.trim_start().starts_with('}');
            if starts_new && indent(next) == indent(line) {
                out.push('\n');
            }
        }
    }
    out
}

fn header(set: &SchemaSet) -> String {
    let mut header = String::from(
        "// @generated by scim-codegen. Do not edit by hand: change the schemas and generate again.\n",
    );
    let mut ids: Vec<&str> = set
        .schemas()
        .iter()
        .map(|schema| schema.id.as_ref())
        .collect();
    ids.sort_unstable();
    header.push_str("//\n// Schemas:\n");
    for id in ids {
        header.push_str(&format!("// - {id}\n"));
    }
    let mut names: Vec<&str> = set
        .resource_types()
        .iter()
        .map(|rt| rt.name.as_ref())
        .collect();
    if !names.is_empty() {
        names.sort_unstable();
        header.push_str(&format!("// Resource types: {}\n", names.join(", ")));
    }
    header.push('\n');
    header
}

fn write_if_changed(path: &Path, content: &str) -> Result<(), Error> {
    if std::fs::read_to_string(path).is_ok_and(|existing| existing == content) {
        return Ok(());
    }
    if let Some(parent) = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent).map_err(|source| Error::Io {
            path: parent.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(path, content).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Something the generator cannot name or type, with where it is.
///
/// Displays as `file:line:column: schema: path: message`, like a
/// [`Diagnostic`](scim::schema::Diagnostic) of the loader, leaving out the parts that
/// are absent:
///
/// ```
/// use scim::schema::{Location, Origin};
/// use scim_codegen::Problem;
///
/// let problem = Problem {
///     schema: "urn:example:Widget".into(),
///     path: "fooBar".into(),
///     message: "the Rust field name `foo_bar` is also the name of `foo_bar`".into(),
///     origin: Some(Origin {
///         file: "Widget.json".into(),
///         location: Location::new(4, 15),
///     }),
/// };
/// assert_eq!(
///     problem.to_string(),
///     "Widget.json:4:15: urn:example:Widget: fooBar: \
///      the Rust field name `foo_bar` is also the name of `foo_bar`",
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The URI of the schema it is in.
    pub schema: String,
    /// The attribute path (`emails.type`), empty for the schema itself.
    pub path: String,
    /// What is wrong and what to do.
    pub message: String,
    /// Where in the inputs: the `name` of the attribute at `path` (RFC 7643 §2.2), else
    /// the `name` of the resource type a type is named after (RFC 7643 §6), else the
    /// schema's `id` (RFC 7643 §7). `None` when the problem is in the builder's own
    /// settings, such as a rename of something no input defines.
    pub origin: Option<Origin>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(origin) = &self.origin {
            write!(f, "{origin}: ")?;
        }
        if !self.schema.is_empty() {
            write!(f, "{}: ", self.schema)?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Why generation failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The inputs could not be read or are not valid schemas; every problem is listed.
    Load(LoadError),
    /// The schemas are valid but cannot be turned into Rust as they are.
    Generate(Vec<Problem>),
    /// `runtime_crate` is not a Rust path.
    RuntimePath(String),
    /// A name given to `rename_type` or `rename_field` is not a Rust identifier.
    InvalidName(String),
    /// `compile` needs `OUT_DIR` (set by Cargo for build scripts) or an `out_file`.
    NoOutDir,
    /// Writing the output failed.
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The generator produced tokens that do not parse: a bug in scim-codegen.
    Internal(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(error) => write!(f, "{error}"),
            Error::Generate(problems) => {
                for (index, problem) in problems.iter().enumerate() {
                    if index > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{problem}")?;
                }
                Ok(())
            }
            Error::RuntimePath(path) => {
                write!(f, "`{path}` is not a Rust path for the runtime crate")
            }
            Error::InvalidName(name) => write!(f, "`{name}` is not a Rust identifier"),
            Error::NoOutDir => f.write_str(
                "OUT_DIR is not set: call compile() from a build script, or set out_file()",
            ),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Internal(message) => write!(
                f,
                "internal error in scim-codegen (please report it): {message}"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Load(error) => Some(error),
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
