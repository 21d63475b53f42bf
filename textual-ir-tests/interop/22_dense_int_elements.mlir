// Dense integer elements of several shapes and types.
"builtin.module"() ({
  "foo.ints"() {a = dense<[1, 2, 3]> : tensor<3xi32>, b = dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>, c = dense<[[[1]], [[2]]]> : tensor<2x1x1xi8>, d = dense<[1, 255]> : tensor<2xui8>, e = dense<[-1, 127]> : tensor<2xsi8>, f = dense<[-1, 3]> : tensor<2xi3>, g = dense<[1, 2]> : tensor<2xindex>, h = dense<[1, 2, 3, 4]> : vector<4xi16>, i = dense<5> : tensor<i8>, j = dense<[]> : tensor<0xi32>} : () -> ()
}) : () -> ()
