//! Writing results to stdout.

use std::io::{ErrorKind, Write};

/// Writes `bytes` to stdout. A reader that stops reading early (`scim generate | head -1`)
/// is not a failure: the output it wanted has been written, so a broken pipe counts as
/// success. Other write errors are returned as a message for stderr.
pub fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(format!("stdout: {error}")),
    }
}
