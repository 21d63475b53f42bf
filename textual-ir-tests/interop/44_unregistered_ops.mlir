// Unregistered ops with operands, successors, regions and attributes all at once.
"builtin.module"() ({
  %0:2 = "foo.everything"() ({
  ^bb0(%arg0: i32):
    "foo.br"(%arg0)[^bb1] : (i32) -> ()
  ^bb1:
    "foo.end"() : () -> ()
  }, {
    "foo.end"() : () -> ()
  }) {attr = 1 : i32, unit_attr} : () -> (i32, i32)
  "foo.bar"(%0#0, %0#1) ({
    %1 = "foo.baz"(%0#1) : (i32) -> i32
    "foo.yield"(%1) : (i32) -> ()
  }) {"weird name" = "x"} : (i32, i32) -> ()
}) : () -> ()
