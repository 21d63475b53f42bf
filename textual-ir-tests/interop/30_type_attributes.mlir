// Types used as attribute values, including function types.
"builtin.module"() ({
  "foo.types"() {a = i32, b = tensor<?x4xf32>, c = (i32) -> (i32, f32), d = () -> (), e = (i32) -> ((i32) -> i32), f = !foo.custom<"x">, g = memref<2xf32>, h = none, i = index, j = f8E4M3FN, k = tuple<>} : () -> ()
}) : () -> ()
