// Entry-block arguments of several types, in nested regions of unregistered ops.
"builtin.module"() ({
  "dtest.region"() ({
  ^bb0(%arg0: i32, %arg1: tensor<2x3xf32>, %arg2: index, %arg3: !dtest.token):
    "dtest.use"(%arg0, %arg1, %arg2, %arg3) : (i32, tensor<2x3xf32>, index, !dtest.token) -> ()
    "dtest.region"() ({
    ^bb0(%arg4: f64):
      "dtest.use"(%arg4, %arg0) : (f64, i32) -> ()
    }) : () -> ()
  }) : () -> ()
}) : () -> ()
