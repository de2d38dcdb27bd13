// A resource must name its core schema URI.
#[derive(scim::Resource)]
struct Device {
    serial_number: Option<String>,
}

fn main() {}
