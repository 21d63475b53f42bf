// Dense string elements (as ONNX string tensors): lists, splats, escapes.
"builtin.module"() ({
  "dtest.strs"() {a = dense<["a", "b", "c"]> : tensor<3x!dtest.string>, b = dense<"same"> : tensor<2x2x!dtest.string>, c = dense<[["x\22", "y"], ["", "\0A"]]> : tensor<2x2x!dtest.string>, d = dense<["p", "p"]> : tensor<2x!dtest.string>} : () -> ()
}) : () -> ()
