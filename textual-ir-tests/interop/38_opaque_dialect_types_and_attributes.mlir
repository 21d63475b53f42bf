// Types and attributes of unregistered dialects, kept as text.
"builtin.module"() ({
  %0 = "dtest.opaque"() {a = #dtest.mode<"fast">, b = #dtest<"pretty form">, c = #dtest.flag, d = #dtest.k : i32, e = [#dtest.p<1, [2, 3]>]} : () -> !dtest.handle<"gpu", 2>
  %1 = "dtest.opaque2"(%0) : (!dtest.handle<"gpu", 2>) -> !dtest<"raw">
  "dtest.use"(%1) : (!dtest<"raw">) -> ()
}) : () -> ()
