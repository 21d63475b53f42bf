// NaN, infinities, signed zero and denormals (special values print as hex bit patterns).
"builtin.module"() ({
  "foo.specials"() {a = 0x7FC00000 : f32, b = 0x7FC00001 : f32, c = 0xFF800000 : f32, d = 0x7F800000 : f32, e = 0x7FF0000000000000 : f64, f = 0x7FF8000000000000 : f64, g = 0x7C00 : f16, h = 0x7FC0 : bf16, i = -0.0 : f32, j = 0.0 : f64, k = 1.0e-45 : f32, l = 4.9e-324 : f64, m = 0xFC00 : f16} : () -> ()
}) : () -> ()
