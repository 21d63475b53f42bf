// SSA numbering: nested regions continue after the whole enclosing region; sibling regions reuse numbers.
"builtin.module"() ({
  %0 = "foo.a"() : () -> i32
  "foo.outer"() ({
    %2 = "foo.b"(%0) : (i32) -> i32
    "foo.inner"() ({
    ^bb0(%arg0: i32):
      %4 = "foo.c"(%2, %arg0) : (i32, i32) -> i32
    }) : () -> ()
    %3 = "foo.d"() : () -> i32
  }, {
  ^bb0(%arg0: i32):
    %2 = "foo.e"(%arg0, %0) : (i32, i32) -> i32
  }) : () -> ()
  %1 = "foo.f"() : () -> i32
  "foo.sibling"() ({
    %2 = "foo.g"(%1) : (i32) -> i32
  }) : () -> ()
}) : () -> ()
