// Locations of every kind on ops and block arguments (printed with --mlir-print-debuginfo).
"builtin.module"() ({
  "foo.region"() ({
  ^bb0(%arg0: i32 loc("input"), %arg1: i32 loc(unknown)):
    %0 = "foo.add"(%arg0, %arg1) : (i32, i32) -> i32 loc("model.onnx":12:3)
    %1 = "foo.relu"(%0) : (i32) -> i32 loc("conv1/relu")
    %2 = "foo.fused"(%1) : (i32) -> i32 loc(fused["conv1", "relu1"("model.onnx":13:1)])
    %3 = "foo.meta"(%2) : (i32) -> i32 loc(fused<"fuse-conv-relu">["a", "b"])
    "foo.call"(%3) : (i32) -> () loc(callsite("callee" at "caller.mlir":1:2))
  }) : () -> () loc("region")
}) : () -> () loc(unknown)
