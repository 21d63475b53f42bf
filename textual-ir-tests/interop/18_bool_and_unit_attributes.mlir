// Booleans and unit attributes (unit attributes print as bare names in a dictionary).
"builtin.module"() ({
  "dtest.flags"() {a = true, b = false, c, d = unit, e = [unit, true, false]} : () -> ()
}) : () -> ()
