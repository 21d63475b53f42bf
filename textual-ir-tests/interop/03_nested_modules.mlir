// Modules nest; named modules carry sym_name.
"builtin.module"() ({
  "builtin.module"() ({
    "builtin.module"() ({
      "foo.leaf"() : () -> ()
    }) {sym_name = "inner"} : () -> ()
  }) {sym_name = "outer"} : () -> ()
  "builtin.module"() ({
  ^bb0:
  }) : () -> ()
}) : () -> ()
