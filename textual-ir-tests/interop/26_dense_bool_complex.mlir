// Dense i1 and complex elements.
"builtin.module"() ({
  "foo.misc"() {a = dense<[true, false, true]> : tensor<3xi1>, b = dense<(1.0, 2.0)> : tensor<2xcomplex<f32>>, c = dense<[(1, 2), (3, 4)]> : tensor<2xcomplex<i32>>, d = dense<[(1.0, -1.0), (0.5, 0.25)]> : tensor<2xcomplex<f64>>, e = dense<[[true], [false]]> : tensor<2x1xi1>} : () -> ()
}) : () -> ()
