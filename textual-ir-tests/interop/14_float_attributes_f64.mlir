// f64 attributes, including untyped float literals (which are f64).
"builtin.module"() ({
  "dtest.f64"() {a = 1.0, b = 0.30000000000000004 : f64, c = 1.0e-20 : f64, d = 1.23456789e20 : f64, e = 0.00012345678 : f64, f = 3.14159265358979 : f64, g = 1.0e300 : f64, h = 123456789.0 : f64, i = 100.0 : f64, j = 1.0e16 : f64, k = -0.5 : f64, l = 0.3 : f64, m = 2.718281828459045 : f64} : () -> ()
}) : () -> ()
