// complex, tuple and function types as operand and result types.
"builtin.module"() ({
  %0:4 = "foo.compound"() : () -> (complex<f32>, complex<i16>, tuple<i32, tuple<>, tensor<2xf32>>, (i32) -> f32)
  "foo.use"(%0#3, %0#2) : ((i32) -> f32, tuple<i32, tuple<>, tensor<2xf32>>) -> ()
}) : () -> ()
