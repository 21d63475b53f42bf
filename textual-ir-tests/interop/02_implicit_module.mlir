// Top-level ops without a module are wrapped in an implicit builtin.module.
%0 = "dtest.source"() : () -> i32
"dtest.sink"(%0) : (i32) -> ()
