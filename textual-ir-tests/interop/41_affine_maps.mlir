// Affine maps and sets: mlir-opt prints them through #map/#set aliases of its own.
"builtin.module"() ({
  "foo.maps"() {a = affine_map<(d0) -> (d0)>, b = affine_map<(d0, d1) -> (d1, d0)>, c = affine_map<(d0)[s0] -> (d0 + s0)>, d = affine_set<(d0) : (d0 >= 0)>, e = [affine_map<(d0) -> (d0 * 2)>]} : () -> ()
  %0 = "foo.view"() : () -> memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>
  "foo.maps2"() {z = affine_map<(d0) -> (d0)>} : () -> ()
}) : () -> ()
