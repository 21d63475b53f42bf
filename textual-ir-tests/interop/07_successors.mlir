// A CFG: successors, successor operands, blocks with arguments, loops and unreachable blocks.
"builtin.module"() ({
  "dtest.cfg"() ({
  ^bb0(%arg0: i1, %arg1: i32):
    "dtest.cond_br"(%arg0, %arg1)[^bb1, ^bb2] : (i1, i32) -> ()
  ^bb1:
    "dtest.br"(%arg1)[^bb3] : (i32) -> ()
  ^bb2:
    %0 = "dtest.neg"(%arg1) : (i32) -> i32
    "dtest.br"(%0)[^bb3] : (i32) -> ()
  ^bb3(%1: i32):
    "dtest.switch"(%1)[^bb3, ^bb4, ^bb4] : (i32) -> ()
  ^bb4:
    "dtest.return"(%1) : (i32) -> ()
  ^bb5:
    "dtest.unreachable"() : () -> ()
  }) : () -> ()
}) : () -> ()
