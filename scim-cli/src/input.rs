//! Reading documents from files or stdin, with a size limit, as UTF-8 text.

use std::io::Read;
use std::path::Path;

/// The largest document the command reads.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// The UTF-8 byte order mark, which RFC 8259 §8.1 lets a JSON parser ignore.
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Why a document could not be read.
pub enum ReadError {
    /// The file or stdin could not be read.
    Io(String),
    /// The document is larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge,
}

/// Reads `path`, or stdin for `None` and `-`, as bytes.
pub fn read_document(path: Option<&Path>) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    let name = match path {
        Some(path) if path != Path::new("-") => path.display().to_string(),
        _ => "stdin".to_owned(),
    };
    let result = match path {
        Some(path) if path != Path::new("-") => std::fs::File::open(path)
            .and_then(|file| file.take(MAX_DOCUMENT_BYTES + 1).read_to_end(&mut bytes)),
        _ => std::io::stdin()
            .lock()
            .take(MAX_DOCUMENT_BYTES + 1)
            .read_to_end(&mut bytes),
    };
    match result {
        Ok(read) if read as u64 > MAX_DOCUMENT_BYTES => Err(ReadError::TooLarge),
        Ok(_) => Ok(bytes),
        Err(error) => Err(ReadError::Io(format!("{name}: {error}"))),
    }
}

/// The document as text: JSON exchanged between systems is UTF-8 (RFC 8259 §8.1, which
/// RFC 7644 §3.1 relies on through RFC 7159). A leading byte order mark is skipped, as
/// RFC 8259 §8.1 allows. Otherwise, the error says where the first byte that is not
/// UTF-8 is, counting from 0 in the input as given.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, String> {
    let (skipped, rest) = match bytes.strip_prefix(BYTE_ORDER_MARK) {
        Some(rest) => (BYTE_ORDER_MARK.len(), rest),
        None => (0, bytes),
    };
    std::str::from_utf8(rest).map_err(|error| {
        let offset = skipped + error.valid_up_to();
        let byte = rest
            .get(error.valid_up_to())
            .map(|byte| format!(" (0x{byte:02X})"))
            .unwrap_or_default();
        match error.error_len() {
            Some(_) => format!(
                "the input is not UTF-8 (RFC 8259 §8.1): byte {offset}{byte} \
                 does not begin a valid UTF-8 sequence (bytes count from 0)"
            ),
            None => format!(
                "the input is not UTF-8 (RFC 8259 §8.1): it ends inside a character \
                 that begins at byte {offset}{byte} (bytes count from 0)"
            ),
        }
    })
}
