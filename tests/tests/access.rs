//! Attribute access reads typed and generic resources alike: the same attribute, found
//! by slot and index in the resource's schemas, gives the same values through both.

use scim::access::{ResourceAccess, Slot, Values};
use scim::generic::GenericResource;
use scim::models::{Group, User};
use scim::Resource;
use scim_tests::{render_access, rfc_example};

fn both<T: Resource>(file: &str) -> (T, GenericResource) {
    let input = rfc_example(file);
    let typed: T = serde_json::from_value(input.clone()).unwrap();
    let generic = GenericResource::from_json(input, T::resource_schemas()).unwrap();
    (typed, generic)
}

#[test]
fn typed_and_generic_users_read_the_same_through_access() {
    for file in [
        "rfc7643/8.1-minimal-user.json",
        "rfc7643/8.2-full-user.json",
        "rfc7643/8.3-enterprise-user.json",
        "rfc7644/3.4.1-get-user-response.json",
    ] {
        let (typed, generic) = both::<User>(file);
        let schemas = User::resource_schemas();
        let seen = render_access(&typed, schemas);
        assert_eq!(seen, render_access(&generic, schemas), "{file}");
        // Every attribute of the document is seen, none invented.
        let document = scim_tests::without_unassigned(&rfc_example(file));
        let attributes = document.as_object().unwrap().len() - 1; // not `schemas`
        assert_eq!(seen.as_object().unwrap().len(), attributes, "{file}");
    }
}

#[test]
fn typed_and_generic_groups_read_the_same_through_access() {
    let (typed, generic) = both::<Group>("rfc7643/8.4-group.json");
    let schemas = Group::resource_schemas();
    assert_eq!(
        render_access(&typed, schemas),
        render_access(&generic, schemas)
    );
}

#[test]
fn full_user_values_come_with_their_types() {
    let (typed, _) = both::<User>("rfc7643/8.3-enterprise-user.json");
    let schemas = User::resource_schemas();
    let seen = render_access(&typed, schemas);
    assert_eq!(seen["userName"], "bjensen@example.com");
    assert_eq!(seen["emails"][0]["type"], "work");
    assert_eq!(seen["emails"][0]["primary"], true);
    assert_eq!(
        seen["meta"]["lastModified"],
        "2011-05-13T04:42:34Z = Some(1305261754000000000)"
    );
    assert_eq!(
        seen["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]["manager"]["value"],
        "26118915-6090-4610-87e4-49d8ca9f808d"
    );
}

#[test]
fn clearing_unassigns_through_both() {
    let (mut typed, mut generic) = both::<User>("rfc7643/8.3-enterprise-user.json");
    let schemas = User::resource_schemas();
    let meta = schemas.find(None, "meta").unwrap();
    let manager = schemas
        .find(
            Some("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"),
            "manager",
        )
        .unwrap();
    for resource in [&mut typed as &mut dyn ResourceAccess, &mut generic] {
        resource.clear(Slot::Core, meta.index, meta.attribute);
        resource.clear(manager.slot, manager.index, manager.attribute);
        assert!(matches!(
            resource.get(Slot::Core, meta.index, meta.attribute),
            Values::None
        ));
        assert!(matches!(
            resource.get(manager.slot, manager.index, manager.attribute),
            Values::None
        ));
    }
    assert_eq!(
        render_access(&typed, schemas),
        render_access(&generic, schemas)
    );
    assert!(typed.meta.is_none());
}
