// Splats: one value for the whole shape, also when written out in full.
"builtin.module"() ({
  "foo.splats"() {a = dense<0.0> : tensor<2x3xf32>, b = dense<1> : tensor<4xi32>, c = dense<true> : tensor<3xi1>, d = dense<[7, 7, 7]> : tensor<3xi8>, e = dense<[[2.0, 2.0], [2.0, 2.0]]> : tensor<2x2xf64>, f = dense<[true]> : tensor<1xi1>, g = dense<-1> : tensor<1000xi64>, h = dense<1.5> : tensor<f32>, i = dense<3> : vector<2x[4]xi32>} : () -> ()
}) : () -> ()
