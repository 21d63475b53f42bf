// Booleans and unit attributes (unit attributes print as bare names in a dictionary).
"builtin.module"() ({
  "foo.flags"() {a = true, b = false, c, d = unit, e = [unit, true, false]} : () -> ()
}) : () -> ()
