//! `scim`: generate Rust models from SCIM schemas, validate SCIM documents, and parse and
//! evaluate SCIM filters.
//!
//! Exit codes: 0 success (also when the reader of stdout stops early, as `head` does);
//! 1 the command could not run (unreadable file, invalid schema file, stdout not
//! writable); 2 the document does not fit or the filter is invalid (a SCIM Error document
//! is printed on stdout), or the command line is wrong.

mod filter;
mod input;
mod output;
mod validate;

use clap::{Parser, Subcommand};
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
        Command::Validate { schemas, file } => validate::run(&schemas, file.as_deref()),
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
