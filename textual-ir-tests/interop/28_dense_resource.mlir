// dense_resource blobs in the builtin dialect's resource section (alignment as a little-endian u32, then the bytes).
"builtin.module"() ({
  %0 = "foo.const"() {value = dense_resource<weights> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  "foo.sink"(%0) : (tensor<2x2xf32>) -> ()
}) : () -> ()

{-#
  dialect_resources: {
    builtin: {
      weights: "0x040000000000803F000000400000404000008040"
    }
  }
#-}
