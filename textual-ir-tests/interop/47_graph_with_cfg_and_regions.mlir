// A function with a loop-like region op and a CFG in its body, mixing upstream func ops and unregistered ops.
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%arg0: tensor<4xf32>, %arg1: i1):
    %0 = "foo.loop"(%arg0) ({
    ^bb0(%arg2: index, %arg3: tensor<4xf32>):
      %2 = "foo.step"(%arg3, %arg2) : (tensor<4xf32>, index) -> tensor<4xf32>
      "foo.yield"(%2) : (tensor<4xf32>) -> ()
    }) {trip_count = 10 : index} : (tensor<4xf32>) -> tensor<4xf32>
    "foo.cond_br"(%arg1)[^bb1, ^bb2] : (i1) -> ()
  ^bb1:
    "func.return"(%0) : (tensor<4xf32>) -> ()
  ^bb2:
    %1 = "foo.neg"(%0) : (tensor<4xf32>) -> tensor<4xf32>
    "func.return"(%1) : (tensor<4xf32>) -> ()
  }) {function_type = (tensor<4xf32>, i1) -> tensor<4xf32>, sym_name = "branchy"} : () -> ()
}) : () -> ()
