// Ops with several regions, empty regions and empty blocks.
"builtin.module"() ({
  %0 = "foo.if"() ({
    %1 = "foo.const"() {value = 1 : i32} : () -> i32
    "foo.yield"(%1) : (i32) -> ()
  }, {
    %1 = "foo.const"() {value = 2 : i32} : () -> i32
    "foo.yield"(%1) : (i32) -> ()
  }) : () -> i32
  "foo.empty_regions"() ({
  }, {
  ^bb0:
  }, {
  }) : () -> ()
}) : () -> ()
