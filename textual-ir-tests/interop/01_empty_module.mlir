// An empty module: one region with one empty block.
"builtin.module"() ({
^bb0:
}) : () -> ()
