// Strings with escapes, non-ASCII text, and typed strings.
"builtin.module"() ({
  "foo.strings"() {a = "plain", b = "", c = "quote \" and backslash \\", d = "tab\tnewline\n", e = "\00\01\7F\FF", f = "h\C3\A9llo", g = "typed" : i32, h = "in a tensor" : tensor<2xi8>, i = "} {-# #-} // not a comment"} : () -> ()
}) : () -> ()
