// Result groups %0:3 and their uses %0#1.
"builtin.module"() ({
  %0:3 = "foo.split"() : () -> (i32, f32, tensor<4xi8>)
  %1 = "foo.pack"(%0#2, %0#0, %0#1) : (tensor<4xi8>, i32, f32) -> tuple<i32, f32>
  %2:2 = "foo.two"(%1) : (tuple<i32, f32>) -> (i1, i1)
  "foo.sink"(%2#1, %2#0) : (i1, i1) -> ()
}) : () -> ()
