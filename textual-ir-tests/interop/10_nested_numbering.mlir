// SSA numbering: nested regions continue after the whole enclosing region; sibling regions reuse numbers.
"builtin.module"() ({
  %0 = "dtest.a"() : () -> i32
  "dtest.outer"() ({
    %2 = "dtest.b"(%0) : (i32) -> i32
    "dtest.inner"() ({
    ^bb0(%arg0: i32):
      %4 = "dtest.c"(%2, %arg0) : (i32, i32) -> i32
    }) : () -> ()
    %3 = "dtest.d"() : () -> i32
  }, {
  ^bb0(%arg0: i32):
    %2 = "dtest.e"(%arg0, %0) : (i32, i32) -> i32
  }) : () -> ()
  %1 = "dtest.f"() : () -> i32
  "dtest.sibling"() ({
    %2 = "dtest.g"(%1) : (i32) -> i32
  }) : () -> ()
}) : () -> ()
