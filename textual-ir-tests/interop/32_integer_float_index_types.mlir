// Scalar builtin types as result types.
"builtin.module"() ({
  %0:15 = "foo.scalars"() : () -> (i1, i8, i16, i32, i64, i128, si8, ui32, i7, index, f16, bf16, f32, f64, none)
  %1:4 = "foo.small_floats"() : () -> (f8E5M2, f8E4M3FN, f80, f128)
}) : () -> ()
// Note: mlir-opt 16 does not know tf32, f8E5M2FNUZ, f8E4M3FNUZ or f8E4M3B11FNUZ yet.
