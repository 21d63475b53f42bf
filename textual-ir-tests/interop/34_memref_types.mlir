// Memref types: layouts (strided, affine maps), memory spaces, unranked.
"builtin.module"() ({
  %0:7 = "foo.memrefs"() : () -> (memref<4x8xf32>, memref<f32>, memref<?x4xf32, strided<[4, 1], offset: ?>>, memref<*xf32>, memref<*xf32, 1>, memref<4xi8, 2>, memref<4x?xf32, strided<[?, 1], offset: ?>, "shared">)
  %1 = "foo.with_map"() : () -> memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>
}) : () -> ()
