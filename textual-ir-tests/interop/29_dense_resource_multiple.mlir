// Several resources, shared between ops, of different element types and alignments.
"builtin.module"() ({
  %0 = "foo.const"() {value = dense_resource<w_i8> : tensor<6xi8>} : () -> tensor<6xi8>
  %1 = "foo.const"() {value = dense_resource<w_f64> : tensor<2xf64>} : () -> tensor<2xf64>
  %2 = "foo.const"() {value = dense_resource<w_i8> : tensor<2x3xi8>} : () -> tensor<2x3xi8>
  "foo.sink"(%0, %1, %2) : (tensor<6xi8>, tensor<2xf64>, tensor<2x3xi8>) -> ()
}) : () -> ()

{-#
  dialect_resources: {
    builtin: {
      w_i8: "0x1000000001FE03FC05FA",
      w_f64: "0x08000000000000000000E03F000000000000D0BF"
    }
  }
#-}
