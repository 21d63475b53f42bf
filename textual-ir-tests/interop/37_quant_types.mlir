// Quantized types of MLIR's quant dialect (DAL keeps them as opaque dialect types), and quant.qcast/dcast/scast.
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%arg0: tensor<4xf32>, %arg1: tensor<2x3xf32>):
    %0 = "quant.qcast"(%arg0) : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 2.350000e-02>>
    %1 = "quant.dcast"(%0) : (tensor<4x!quant.uniform<i8:f32, 2.350000e-02>>) -> tensor<4xf32>
    %2 = "quant.scast"(%0) : (tensor<4x!quant.uniform<i8:f32, 2.350000e-02>>) -> tensor<4xi8>
    %3 = "quant.qcast"(%arg1) : (tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {1.000000e-01,2.000000e-01}>>
    %4 = "foo.q"() : () -> tensor<4x!quant.uniform<u8:f32, 5.000000e-01:128>>
    %5 = "foo.q"() : () -> !quant.uniform<i8:f32, 1.000000e-01:-3>
    "func.return"(%1) : (tensor<4xf32>) -> ()
  }) {function_type = (tensor<4xf32>, tensor<2x3xf32>) -> tensor<4xf32>, sym_name = "quantize"} : () -> ()
}) : () -> ()
