// Symbol references: flat, nested, and names that need quotes.
"builtin.module"() ({
  "foo.symbols"() {a = @flat, b = @outer::@inner, c = @a::@b::@c, d = @"with space", e = @"0starts_with_digit", f = @dotted.name_$1, g = @"a-b"::@"c d", h = [@x, @y::@z]} : () -> ()
}) : () -> ()
