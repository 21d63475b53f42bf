// User-defined type aliases: resolved when read, printed in full.
!act = tensor<1x64x56x56xf32>
!qact = tensor<1x64x56x56x!quant.uniform<i8:f32, 5.000000e-02>>
!pair = tuple<!act, !qact>
"builtin.module"() ({
  %0 = "dtest.source"() : () -> !act
  %1 = "dtest.quantize"(%0) : (!act) -> !qact
  %2 = "dtest.pack"(%0, %1) : (!act, !qact) -> !pair
}) : () -> ()
