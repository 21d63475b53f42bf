// Ops with several regions, empty regions and empty blocks.
"builtin.module"() ({
  %0 = "dtest.if"() ({
    %1 = "dtest.const"() {value = 1 : i32} : () -> i32
    "dtest.yield"(%1) : (i32) -> ()
  }, {
    %1 = "dtest.const"() {value = 2 : i32} : () -> i32
    "dtest.yield"(%1) : (i32) -> ()
  }) : () -> i32
  "dtest.empty_regions"() ({
  }, {
  ^bb0:
  }, {
  }) : () -> ()
}) : () -> ()
