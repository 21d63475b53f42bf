// f32 attributes: values that print in six-digit exponent form and ones that need more digits.
"builtin.module"() ({
  "foo.f32"() {a = 1.0 : f32, b = 0.1 : f32, c = 3.0 : f32, d = 123.456 : f32, e = 1.0e-7 : f32, f = 1.0e6 : f32, g = 12345678.0 : f32, h = 1234.5678 : f32, i = 0.333333343 : f32, j = 1.2345678e-20 : f32, k = -2.5 : f32, l = 3.40282347e+38 : f32, m = 1.17549435e-38 : f32} : () -> ()
}) : () -> ()
