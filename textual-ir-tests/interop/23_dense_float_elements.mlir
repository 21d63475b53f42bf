// Dense float elements, with the float formatting rules applied per element.
"builtin.module"() ({
  "foo.floats"() {a = dense<[1.0, 2.0, 0.1]> : tensor<3xf32>, b = dense<[[0.5, 1.5], [2.5, 3.5]]> : tensor<2x2xf64>, c = dense<[0.1, 0.2]> : tensor<2xf16>, d = dense<[1.0, 2.0]> : tensor<2xbf16>, e = dense<[0x7FC00000, 1.0]> : tensor<2xf32>, f = dense<[12345678.0, 1.0]> : tensor<2xf32>, g = dense<[[1.0, 2.0], [3.0, 4.0]]> : vector<2x2xf32>} : () -> ()
}) : () -> ()
