// Types and attributes of unregistered dialects, kept as text.
"builtin.module"() ({
  %0 = "foo.opaque"() {a = #foo.mode<"fast">, b = #foo<"pretty form">, c = #foo.flag, d = #foo.k : i32, e = [#foo.p<1, [2, 3]>]} : () -> !foo.handle<"gpu", 2>
  %1 = "foo.opaque2"(%0) : (!foo.handle<"gpu", 2>) -> !foo<"raw">
  "foo.use"(%1) : (!foo<"raw">) -> ()
}) : () -> ()
