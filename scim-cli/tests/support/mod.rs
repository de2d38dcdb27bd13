//! Running the `scim` binary as users' scripts do, shared by the command's tests.

#![allow(dead_code)] // Each test file uses its own part of the harness.

use serde_json::Value;
use std::io::{ErrorKind, Write};
use std::process::{Child, Command, Output, Stdio};

/// Starts `scim args` with piped stdin, stdout and stderr.
pub fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_scim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the scim binary runs")
}

/// Runs `scim args` with `stdin` and waits for it.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    let mut input = child.stdin.take().expect("stdin");
    // A command that fails before reading stdin closes it: that is its answer, not a
    // failure of the test.
    if let Err(error) = input.write_all(stdin) {
        assert_eq!(
            error.kind(),
            ErrorKind::BrokenPipe,
            "writing stdin: {error}"
        );
    }
    drop(input);
    child.wait_with_output().expect("the scim binary finishes")
}

/// Stdout read as one JSON document.
pub fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// Stdout as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Stderr as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
