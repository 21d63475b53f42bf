// User-defined attribute aliases: resolved when read, printed in full.
#conv_cfg = {dilations = array<i64: 1, 1>, strides = array<i64: 2, 2>}
#name = "shared name"
#pair = [#name, 3]
"builtin.module"() ({
  "foo.conv"() {cfg = #conv_cfg, label = #name, pair = #pair} : () -> ()
  "foo.conv"() {cfg = #conv_cfg} : () -> ()
}) : () -> ()
