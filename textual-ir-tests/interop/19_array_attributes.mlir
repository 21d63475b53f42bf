// Array attributes: empty, nested, mixed, with elided i64/f64 types.
"builtin.module"() ({
  "foo.arrays"() {a = [], b = [1, 2, 3], c = [1 : i32, 2.0, 3.0 : f32], d = [[1, 2], [], [[3]]], e = ["x", @sym, i32, {k = 1}], f = [1 : index, -1]} : () -> ()
}) : () -> ()
