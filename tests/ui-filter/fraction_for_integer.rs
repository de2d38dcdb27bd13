// An integer has no fraction or exponent (RFC 7643 §2.3.4): 2.5 cannot compare with one.
use scim::{Complex, Resource};

#[derive(Complex)]
struct Seat {
    floor: Option<i64>,
}

#[derive(Resource)]
#[scim(schema = "urn:example:scim:schemas:Badge")]
struct Badge {
    holder: String,
    seat: Option<Seat>,
}

fn main() {
    let _ = scim::filter!(Badge, "seat.floor gt 2.5");
}
