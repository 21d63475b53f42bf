// Vector types, fixed and scalable.
"builtin.module"() ({
  %0:5 = "foo.vectors"() : () -> (vector<4xf32>, vector<2x3xi8>, vector<[4]xf32>, vector<8x[4]xf16>, vector<1xi1>)
}) : () -> ()
