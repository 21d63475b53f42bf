// Top-level ops without a module are wrapped in an implicit builtin.module.
%0 = "foo.source"() : () -> i32
"foo.sink"(%0) : (i32) -> ()
