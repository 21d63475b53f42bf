// Tensor types: ranked, rank 0, dynamic dimensions, unranked, zero-sized, with encodings.
"builtin.module"() ({
  %0:8 = "foo.tensors"() : () -> (tensor<1x3x224x224xf32>, tensor<f32>, tensor<?x?xi8>, tensor<*xf32>, tensor<0x4xi32>, tensor<2xf32, "enc">, tensor<4xi8, #foo.layout<"nchw">>, tensor<2x!quant.uniform<i8:f32, 1.000000e-01>>)
}) : () -> ()
