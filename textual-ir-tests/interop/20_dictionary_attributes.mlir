// Dictionaries: sorted keys, nesting, quoted keys, dialect-prefixed keys.
"builtin.module"() ({
  "foo.dicts"() {a = {}, b = {z = 1, a = 2, m = {x = "y"}}, "quoted key" = 1, foo.discardable = 3 : i8, "0digit" = true} : () -> ()
}) : () -> ()
