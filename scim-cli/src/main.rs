//! `scim`: generate Rust models from SCIM schemas, validate SCIM documents, and parse and
//! evaluate SCIM filters.
//!
//! Exit codes: 0 success (also when the reader of stdout stops early, as `head` does);
//! 1 the command could not run (unreadable file, invalid schema file, stdout not
//! writable); 2 the document does not fit or the filter is invalid (a SCIM Error document
//! is printed on stdout), or the command line is wrong.

mod context;
mod filter;
mod input;
mod output;
mod validate;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use scim::request::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "scim",
    version,
    about = "SCIM 2.0 (RFC 7643, RFC 7644) toolkit"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate Rust models from SCIM schemas; with no inputs, from the bundled ones.
    Generate {
        /// A Schema JSON file (RFC 7643 §7), a /Schemas ListResponse, or a directory of them.
        #[arg(long = "schema", value_name = "FILE|DIR")]
        schemas: Vec<PathBuf>,
        /// A ResourceType JSON file (RFC 7643 §6), or a directory of them.
        #[arg(long = "resource-type", value_name = "FILE")]
        resource_types: Vec<PathBuf>,
        /// Also read the bundled schemas, so that resource types can name them next to
        /// your own. Without any input, the bundled schemas and resource types are used.
        #[arg(long)]
        bundled: bool,
        /// Write the Rust source to this file instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check one SCIM document (a resource or a message) and print it back as JSON.
    Validate {
        #[command(flatten)]
        schemas: SchemaArgs,
        /// Check the document by the rules of a request context (RFC 7644 §3.3, §3.5.1,
        /// §3.5.2, §3.4.3) or as a response, and print it as the service provider would
        /// keep it; a broken rule prints a SCIM Error document and exits 2.
        #[arg(long, value_enum, value_name = "CONTEXT")]
        context: Option<ContextArg>,
        /// With --context: refuse what the rules otherwise read leniently and report on
        /// stderr (readOnly values in a request, an omitted immutable attribute, a negative
        /// count, unknown attribute names in a query).
        #[arg(long, requires = "context")]
        strict: bool,
        /// With --context replace: the resource being replaced, read as the document is,
        /// so that immutable attributes are compared with it.
        #[arg(long, value_name = "FILE", requires = "context")]
        existing: Option<PathBuf>,
        /// With --context patch or query and the bundled schemas: the resource type the
        /// request is for (User, Group, ServiceProviderConfig, ResourceType, Schema).
        #[arg(
            long = "resource-type",
            value_name = "NAME",
            requires = "context",
            conflicts_with_all = ["schemas", "schemaless"]
        )]
        resource_type: Option<String>,
        /// With --context response: the `attributes` parameter (RFC 7644 §3.4.2.5),
        /// comma-separated attribute paths; the document is printed as the response
        /// returns it.
        #[arg(long, value_name = "PATHS", requires = "context")]
        attributes: Option<String>,
        /// With --context response: the `excludedAttributes` parameter (RFC 7644
        /// §3.4.2.5), comma-separated attribute paths.
        #[arg(
            long = "excluded-attributes",
            value_name = "PATHS",
            requires = "context",
            conflicts_with = "attributes"
        )]
        excluded_attributes: Option<String>,
        /// The document; `-` or nothing reads stdin.
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
    },
    /// Work with SCIM filters (RFC 7644 §3.4.2.2).
    Filter {
        #[command(subcommand)]
        command: FilterCommand,
    },
}

#[derive(Subcommand)]
enum FilterCommand {
    /// Parse a filter and print its tree as JSON; an invalid filter prints a SCIM Error
    /// document (scimType invalidFilter) and exits 2.
    Parse {
        /// The filter, as in `userName eq "bjensen"` (one argument: quote it in the shell).
        #[arg(value_name = "FILTER")]
        filter: String,
    },
    /// Evaluate a filter against resources and print `true` or `false` for each, one a
    /// line; an invalid filter, or a resource that does not fit its schema, prints a SCIM
    /// Error document and exits 2.
    Eval {
        /// The filter, as in `userName eq "bjensen"` (one argument: quote it in the shell).
        #[arg(value_name = "FILTER")]
        filter: String,
        #[command(flatten)]
        schemas: SchemaArgs,
        /// The resources: a JSON array of them, one JSON object, or JSON lines (one
        /// object a line); `-` or nothing reads stdin.
        #[arg(long, value_name = "FILE|-")]
        resources: Option<PathBuf>,
    },
}

/// The request contexts of `scim validate --context`.
#[derive(Clone, Copy, ValueEnum)]
enum ContextArg {
    /// The body of a create request, POST (RFC 7644 §3.3).
    Create,
    /// The body of a replace request, PUT (RFC 7644 §3.5.1).
    Replace,
    /// The body of a PATCH request, a PatchOp (RFC 7644 §3.5.2).
    Patch,
    /// The body of a query request, a SearchRequest (RFC 7644 §3.4.3).
    Query,
    /// A resource, or a ListResponse of resources, returned by a service provider.
    Response,
}

impl From<ContextArg> for Context {
    fn from(context: ContextArg) -> Context {
        match context {
            ContextArg::Create => Context::Create,
            ContextArg::Replace => Context::Replace,
            ContextArg::Patch => Context::Patch,
            ContextArg::Query => Context::Query,
            ContextArg::Response => Context::Response,
        }
    }
}

/// How resources find their schemas (shared by every subcommand that reads resources).
#[derive(clap::Args)]
pub struct SchemaArgs {
    /// A Schema JSON file (not a directory: order matters): the first is the resource's
    /// core schema, later ones extensions.
    /// Without it, the bundled schemas named in the document's `schemas` are used.
    #[arg(long = "schema", value_name = "FILE", conflicts_with = "schemaless")]
    pub schemas: Vec<PathBuf>,
    /// Use no schema: every attribute gets the RFC 7643 §2.2 defaults.
    #[arg(long)]
    pub schemaless: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate {
            schemas,
            resource_types,
            bundled,
            out,
        } => generate(&schemas, &resource_types, bundled, out),
        Command::Validate {
            schemas,
            context,
            strict,
            existing,
            resource_type,
            attributes,
            excluded_attributes,
            file,
        } => {
            let request = context.map(|context| context::RequestArgs {
                context: context.into(),
                strict,
                existing,
                resource_type,
                attributes,
                excluded_attributes,
            });
            if let Some(request) = &request {
                check_request_args(request, &schemas);
            }
            validate::run(&schemas, file.as_deref(), request.as_ref())
        }
        Command::Filter {
            command: FilterCommand::Parse { filter },
        } => filter::parse(&filter),
        Command::Filter {
            command:
                FilterCommand::Eval {
                    filter,
                    schemas,
                    resources,
                },
        } => filter::eval(&filter, &schemas, resources.as_deref()),
    }
}

/// The combinations of `validate` options that clap cannot check: a usage error (exit 2)
/// for each.
fn check_request_args(request: &context::RequestArgs, schemas: &SchemaArgs) {
    let usage = |message: String| -> ! {
        let kind = clap::error::ErrorKind::ArgumentConflict;
        let mut command = Cli::command();
        command.build();
        match command.find_subcommand_mut("validate") {
            Some(validate) => validate.error(kind, message).exit(),
            None => command.error(kind, message).exit(),
        }
    };
    let context = request.context;
    if let Some(path) = &request.existing {
        if context != Context::Replace {
            usage(format!(
                "--existing is for --context replace, not --context {context}"
            ));
        }
        if path.as_os_str() == "-" {
            usage("--existing takes a file; stdin holds the document".to_owned());
        }
    }
    if context != Context::Response {
        for (given, flag) in [
            (&request.attributes, "--attributes"),
            (&request.excluded_attributes, "--excluded-attributes"),
        ] {
            if given.is_some() {
                usage(format!(
                    "{flag} is for --context response, not --context {context}"
                ));
            }
        }
    }
    let for_messages = matches!(context, Context::Patch | Context::Query);
    match &request.resource_type {
        Some(_) if !for_messages => usage(format!(
            "--resource-type is for --context patch and query; with --context {context} the document's `schemas` name its resource type"
        )),
        Some(name) if context::bundled(name).is_none() => usage(format!(
            "--resource-type {name}: not a bundled resource type; expected one of {}",
            context::RESOURCE_TYPES.join(", ")
        )),
        None if for_messages && schemas.schemas.is_empty() && !schemas.schemaless => usage(format!(
            "--context {context} checks paths against the resource's schemas: give --resource-type NAME ({}), --schema FILE or --schemaless",
            context::RESOURCE_TYPES.join(", ")
        )),
        _ => {}
    }
}

fn generate(
    schemas: &[PathBuf],
    resource_types: &[PathBuf],
    bundled: bool,
    out: Option<PathBuf>,
) -> ExitCode {
    let mut builder = scim_codegen::Builder::new();
    let no_inputs = schemas.is_empty() && resource_types.is_empty();
    if bundled || no_inputs {
        builder.bundled_schemas();
    }
    if no_inputs {
        builder.bundled_resource_types();
    }
    for path in schemas {
        builder.schema(path);
    }
    for path in resource_types {
        builder.resource_type(path);
    }
    let result = match &out {
        Some(path) => builder
            .out_file(path)
            .write()
            .map(|_| ())
            .map_err(|error| error.to_string()),
        None => builder
            .generate()
            .map_err(|error| error.to_string())
            .and_then(|source| output::write_stdout(source.as_bytes())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(1)
        }
    }
}
