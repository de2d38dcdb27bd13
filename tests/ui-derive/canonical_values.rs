// Canonical values: unit variants with a value, one `other` variant holding a String,
// values unique in any case.
#[derive(scim::CanonicalValues)]
enum EmailType {
    #[scim(value = "work")]
    Work,
    #[scim(value = "WORK")]
    Office,
    Home,
    #[scim(value = "other")]
    Other(String),
}

fn main() {}
