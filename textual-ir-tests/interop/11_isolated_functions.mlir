// Each function body starts again at %0 and %arg0.
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%arg0: f32):
    %0 = "foo.a"(%arg0) : (f32) -> f32
    %1 = "foo.b"(%0) : (f32) -> f32
    "func.return"(%1) : (f32) -> ()
  }) {function_type = (f32) -> f32, sym_name = "f"} : () -> ()
  "func.func"() ({
  ^bb0(%arg0: f32, %arg1: f32):
    %0 = "foo.c"(%arg1, %arg0) : (f32, f32) -> f32
    "func.return"(%0) : (f32) -> ()
  }) {function_type = (f32, f32) -> f32, sym_name = "g"} : () -> ()
}) : () -> ()
