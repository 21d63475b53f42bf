// A small quantized conv network as DAL's importer and quantizer would produce it (ops in generic form).
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%arg0: tensor<1x3x8x8xf32>):
    %0 = "foo.const"() {value = dense<[[[[0.5]], [[-0.5]], [[0.25]]], [[[1.0]], [[0.0]], [[-1.0]]]]> : tensor<2x3x1x1xf32>} : () -> tensor<2x3x1x1xf32>
    %1 = "foo.const"() {value = dense<0.0> : tensor<2xf32>} : () -> tensor<2xf32>
    %2 = "foo.conv"(%arg0, %0, %1) {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<2x3x1x1xf32>, tensor<2xf32>) -> tensor<1x2x8x8xf32>
    %3 = "foo.relu"(%2) : (tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
    %4 = "quant.qcast"(%3) : (tensor<1x2x8x8xf32>) -> tensor<1x2x8x8x!quant.uniform<i8<-127:127>:f32, 3.150000e-02>>
    %5 = "quant.dcast"(%4) : (tensor<1x2x8x8x!quant.uniform<i8<-127:127>:f32, 3.150000e-02>>) -> tensor<1x2x8x8xf32>
    "func.return"(%5) : (tensor<1x2x8x8xf32>) -> ()
  }) {function_type = (tensor<1x3x8x8xf32>) -> tensor<1x2x8x8xf32>, sym_name = "main"} : () -> ()
}) {foo.model = "tiny"} : () -> ()
