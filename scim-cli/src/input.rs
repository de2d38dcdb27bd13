//! Reading documents from files or stdin, with a size limit.

use std::io::Read;
use std::path::Path;

/// The largest document the command reads.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a document could not be read.
pub enum ReadError {
    /// The file or stdin could not be read.
    Io(String),
    /// The document is larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge,
}

/// Reads `path`, or stdin for `None` and `-`.
pub fn read_document(path: Option<&Path>) -> Result<String, ReadError> {
    let mut text = String::new();
    let name = match path {
        Some(path) if path != Path::new("-") => path.display().to_string(),
        _ => "stdin".to_owned(),
    };
    let result = match path {
        Some(path) if path != Path::new("-") => std::fs::File::open(path)
            .and_then(|file| file.take(MAX_DOCUMENT_BYTES + 1).read_to_string(&mut text)),
        _ => std::io::stdin()
            .lock()
            .take(MAX_DOCUMENT_BYTES + 1)
            .read_to_string(&mut text),
    };
    match result {
        Ok(read) if read as u64 > MAX_DOCUMENT_BYTES => Err(ReadError::TooLarge),
        Ok(_) => Ok(text),
        Err(error) => Err(ReadError::Io(format!("{name}: {error}"))),
    }
}
