//! Compile-time guarantees, checked with trybuild.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.compile_fail("ui-derive/*.rs");
    cases.compile_fail("ui-filter/*.rs");
    cases.pass("ui-filter-pass/*.rs");
}
