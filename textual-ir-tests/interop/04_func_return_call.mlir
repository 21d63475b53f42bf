// func.func, func.return and func.call of the upstream func dialect, in generic form.
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%arg0: i32, %arg1: i32):
    %0 = "foo.add"(%arg0, %arg1) : (i32, i32) -> i32
    "func.return"(%0) : (i32) -> ()
  }) {function_type = (i32, i32) -> i32, sym_name = "add"} : () -> ()
  "func.func"() ({
  ^bb0(%arg0: i32):
    %0 = "func.call"(%arg0, %arg0) {callee = @add} : (i32, i32) -> i32
    %1 = "func.call"(%0, %arg0) {callee = @add} : (i32, i32) -> i32
    "func.return"(%1) : (i32) -> ()
  }) {function_type = (i32) -> i32, sym_name = "twice"} : () -> ()
}) : () -> ()
