// Float attributes and elements of the 8-bit formats (decimal literals are rounded to nearest even).
"builtin.module"() ({
  "foo.small"() {a = 2.5 : f8E4M3FN, b = 1.5 : f8E5M2, c = 0.1 : f8E4M3FN, d = 1.0e+04 : f8E5M2, e = dense<[1.0, 0.5]> : tensor<2xf8E5M2>, f = 0x7F : f8E4M3FN} : () -> ()
}) : () -> ()
