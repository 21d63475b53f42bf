// Integer attributes of every flavour: widths, signedness, wrap-around, wide values, index.
"builtin.module"() ({
  "foo.ints"() {a = 0 : i64, b = -1 : i64, c = 42 : i32, d = 127 : i8, e = -128 : i8, f = 200 : i8, g = 255 : ui8, h = -3 : si8, i = 7 : i4, j = 18446744073709551615 : ui64, k = -9223372036854775808 : i64, l = 123456789012345678901234567890 : i128, m = 5 : index, n = -5 : index, o = 1 : i1, p = 0 : i1, q = 3 : si16, r = 65535 : ui16, s = 1 : i17, t = 42} : () -> ()
}) : () -> ()
