package dev.dal.dialect.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dal.ir.DenseArrayAttr;
import dev.dal.ir.FloatType;
import dev.dal.ir.IntegerType;
import dev.dal.ir.trait.Traits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The verifier accepts what the quantize pass will build: per-channel conv and gemm whose types carry random scales,
 * whose biases are at {@code s_in * s_w} and whose {@code multiplier}/{@code shift} come from {@code FixedPoint.of}
 * through {@link QuantChecks#rescaleAttrs}; and it rejects the same IR with one multiplier off by a relative 1e-5.
 */
class QnnVerifierPropertyTest {
    private static String array(DenseArrayAttr a) {
        return "array<i32: "
                + LongStream.of(a.toLongArray()).mapToObj(Long::toString).collect(Collectors.joining(", ")) + ">";
    }

    @Test
    void convBuiltFromScalesVerifiesAndAPerturbedMultiplierDoesNot() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int o = 1 + r.nextInt(4);
            double sx = Math.pow(10, -3 + 3 * r.nextDouble()), sy = Math.pow(10, -3 + 3 * r.nextDouble());
            List<Double> sw = new ArrayList<>(), sb = new ArrayList<>();
            double[] m = new double[o];
            for (int c = 0; c < o; c++) {
                sw.add(Math.pow(10, -4 + 3 * r.nextDouble()));
                sb.add(sx * sw.get(c));
                m[c] = sx * sw.get(c) / sy;
            }
            String x = Traits.typeText(UniformQuantizedType.symmetricI8(sx));
            String y = Traits.typeText(UniformQuantizedType.symmetricI8(sy));
            String w = Traits.typeText(UniformQuantizedPerAxisType.symmetricI8(0, sw));
            String b = Traits.typeText(new UniformQuantizedPerAxisType(
                    QuantStorage.full(IntegerType.I32, FloatType.F32),
                    0,
                    sb,
                    sb.stream().map(v -> 0L).toList()));
            List<DenseArrayAttr> attrs = QuantChecks.rescaleAttrs(m);
            String ir = """
                    func.func @f(%x: tensor<1x2x5x5xX>, %w: tensor<Ox2x3x3xW>, %b: tensor<OxB>) {
                      %n = graph.none : none
                      %y = qnn.conv %x, %w, %b, %n {multiplier = M, shift = S, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xX>, tensor<Ox2x3x3xW>, tensor<OxB>, none) -> tensor<1xOx5x5xY>
                      return
                    }
                    """.replace("X", x)
                    .replace("W", w)
                    .replace("B", b)
                    .replace("Y", y)
                    .replace("O", Integer.toString(o))
                    .replace("M", array(attrs.get(0)))
                    .replace("S", array(attrs.get(1)));
            assertEquals(List.of(), QuantIr.verify(ir));
            long m0 = attrs.get(0).getLong(0);
            String off = ir.replaceFirst(
                    "multiplier = array<i32: " + m0, "multiplier = array<i32: " + (long) (m0 * (1 - 1e-5)));
            assertTrue(QuantIr.verify(off).stream().anyMatch(s -> s.contains("stands for")), off);
        });
    }
}
