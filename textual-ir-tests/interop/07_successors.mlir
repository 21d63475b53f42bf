// A CFG: successors, successor operands, blocks with arguments, loops and unreachable blocks.
"builtin.module"() ({
  "foo.cfg"() ({
  ^bb0(%arg0: i1, %arg1: i32):
    "foo.cond_br"(%arg0, %arg1)[^bb1, ^bb2] : (i1, i32) -> ()
  ^bb1:
    "foo.br"(%arg1)[^bb3] : (i32) -> ()
  ^bb2:
    %0 = "foo.neg"(%arg1) : (i32) -> i32
    "foo.br"(%0)[^bb3] : (i32) -> ()
  ^bb3(%1: i32):
    "foo.switch"(%1)[^bb3, ^bb4, ^bb4] : (i32) -> ()
  ^bb4:
    "foo.return"(%1) : (i32) -> ()
  ^bb5:
    "foo.unreachable"() : () -> ()
  }) : () -> ()
}) : () -> ()
