// Location aliases as mlir-opt --mlir-print-debuginfo writes them, and locations used as attributes.
#loc = loc("model.onnx":1:1)
#loc1 = loc("conv1")
#loc2 = loc(fused[#loc1, #loc])
"builtin.module"() ({
  "foo.a"() {origin = #loc1, where = loc("elsewhere")} : () -> () loc(#loc1)
  "foo.b"() : () -> () loc(#loc2)
}) : () -> () loc(#loc)
