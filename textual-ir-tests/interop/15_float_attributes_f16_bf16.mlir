// Half-precision formats.
"builtin.module"() ({
  "foo.half"() {a = 0.1 : f16, b = 65504.0 : f16, c = 1.5 : f16, d = 0.333 : f16, e = 0.1 : bf16, f = 1.5 : bf16, g = 3.0e38 : bf16, h = 0x0001 : f16, i = 0x3C00 : f16, j = -2.0 : bf16} : () -> ()
}) : () -> ()
