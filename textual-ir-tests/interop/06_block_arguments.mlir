// Entry-block arguments of several types, in nested regions of unregistered ops.
"builtin.module"() ({
  "foo.region"() ({
  ^bb0(%arg0: i32, %arg1: tensor<2x3xf32>, %arg2: index, %arg3: !foo.token):
    "foo.use"(%arg0, %arg1, %arg2, %arg3) : (i32, tensor<2x3xf32>, index, !foo.token) -> ()
    "foo.region"() ({
    ^bb0(%arg4: f64):
      "foo.use"(%arg4, %arg0) : (f64, i32) -> ()
    }) : () -> ()
  }) : () -> ()
}) : () -> ()
