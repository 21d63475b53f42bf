// Float attributes and elements of the 8-bit, 80-bit and 128-bit formats.
"builtin.module"() ({
  "foo.small"() {a = 2.5 : f8E4M3FN, b = 1.5 : f8E5M2, c = 1.0 : f80, d = 0.1 : f128, e = dense<[1.0, 0.5]> : tensor<2xf8E5M2>} : () -> ()
}) : () -> ()
