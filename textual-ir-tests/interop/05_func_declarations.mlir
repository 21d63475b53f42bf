// Function declarations (no body), visibility, argument and result attributes.
"builtin.module"() ({
  "func.func"() ({
  }) {function_type = (tensor<4xf32>) -> tensor<4xf32>, sym_name = "external", sym_visibility = "private"} : () -> ()
  "func.func"() ({
  ^bb0(%arg0: tensor<4xf32>, %arg1: i1):
    "func.return"() : () -> ()
  }) {arg_attrs = [{foo.name = "x"}, {}], function_type = (tensor<4xf32>, i1) -> (), res_attrs = [], sym_name = "with_arg_attrs"} : () -> ()
  "func.func"() ({
  ^bb0:
    "func.return"() : () -> ()
  }) {function_type = () -> (), sym_name = "nothing", sym_visibility = "nested"} : () -> ()
}) : () -> ()
