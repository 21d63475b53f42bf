package dev.dal.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dal.ir.FloatAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.NamedAttribute;
import dev.dal.ir.Operation;
import dev.dal.ir.OperationState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bit patterns of every float format mlir-opt 16 knows, printed by DAL and re-printed by mlir-opt: the digits
 * must agree exactly (one mlir-opt run for all of them, so the test stays fast).
 */
class RandomFloatsAgreeWithMlirOptTest {
    @Test
    void randomFloatsPrintAsMlirOptPrintsThem() throws Exception {
        Random rnd = new Random(20261125);
        List<NamedAttribute> attrs = new ArrayList<>();
        FloatType[] types = {
            FloatType.F32,
            FloatType.F64,
            FloatType.F16,
            FloatType.BF16,
            new FloatType(FloatType.Kind.F8E5M2),
            new FloatType(FloatType.Kind.F8E4M3FN)
        };
        int n = 0;
        for (FloatType t : types) {
            for (int i = 0; i < 250; i++) {
                long bits = rnd.nextLong();
                if (t.width() < 64) bits &= (1L << t.width()) - 1;
                // half of them near 1.0, where real weights live
                if (i % 2 == 0 && t.kind() == FloatType.Kind.F32)
                    bits = Float.floatToRawIntBits((float) rnd.nextGaussian()) & 0xFFFFFFFFL;
                if (i % 2 == 0 && t.kind() == FloatType.Kind.F64)
                    bits = Double.doubleToRawLongBits(rnd.nextGaussian() * 100);
                attrs.add(new NamedAttribute(String.format("a%05d", n++), new FloatAttr(bits, t)));
            }
        }
        OperationState s = Ir.state("foo.floats");
        s.attributes.addAll(attrs);
        Operation m = Ir.module();
        Ir.body(m).append(Operation.create(s));
        StringBuilder dal = new StringBuilder();
        new IrPrinter(PrintOptions.GENERIC).printFile(m, dal);
        MlirOpt.Result r = MlirOpt.generic(dal.toString());
        assertEquals(0, r.exitCode(), r::stderr);
        String[] mine = dal.toString().split(", "), theirs = r.stdout().split(", ");
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) assertEquals(theirs[i], mine[i]);
        assertEquals(r.stdout(), dal.toString());
    }
}
