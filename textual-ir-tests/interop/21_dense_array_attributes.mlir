// array<T: ...> dense arrays of every element kind.
"builtin.module"() ({
  "foo.dense_arrays"() {a = array<i64: 1, 2, 3>, b = array<i32>, c = array<i8: -1, 127>, d = array<i1: true, false, true>, e = array<i16: 300>, f = array<f32: 1.0, 2.5, -0.5>, g = array<f64: 0.1>, h = array<f64>, i = array<bf16: 1.5>, j = array<f16: 0.1>} : () -> ()
}) : () -> ()
