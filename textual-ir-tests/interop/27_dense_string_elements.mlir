// Dense string elements (as ONNX string tensors): lists, splats, escapes.
"builtin.module"() ({
  "foo.strs"() {a = dense<["a", "b", "c"]> : tensor<3x!foo.string>, b = dense<"same"> : tensor<2x2x!foo.string>, c = dense<[["x\22", "y"], ["", "\0A"]]> : tensor<2x2x!foo.string>, d = dense<["p", "p"]> : tensor<2x!foo.string>} : () -> ()
}) : () -> ()
