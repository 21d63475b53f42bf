// User-defined type aliases: resolved when read, printed in full.
!act = tensor<1x64x56x56xf32>
!qact = tensor<1x64x56x56x!quant.uniform<i8:f32, 5.000000e-02>>
!pair = tuple<!act, !qact>
"builtin.module"() ({
  %0 = "foo.source"() : () -> !act
  %1 = "foo.quantize"(%0) : (!act) -> !qact
  %2 = "foo.pack"(%0, %1) : (!act, !qact) -> !pair
}) : () -> ()
