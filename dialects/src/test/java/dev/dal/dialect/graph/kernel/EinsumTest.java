package dev.dal.dialect.graph.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Einsum against a naive sum over every assignment of the equation's labels. */
class EinsumTest {
    @Test
    void matchesTheNaiveSumOnRandomInputs() {
        Object[][] cases = {
            {"ij,jk->ik", new int[][] {{2, 3}, {3, 4}}},
            {"ij,jk", new int[][] {{3, 2}, {2, 5}}},
            {"bij, bjk -> bik", new int[][] {{2, 3, 4}, {2, 4, 2}}},
            {"ii->i", new int[][] {{4, 4}}},
            {"ii", new int[][] {{3, 3}}},
            {"...ii->...i", new int[][] {{2, 3, 3}}},
            {"i,i", new int[][] {{5}, {5}}},
            {"ij->", new int[][] {{3, 4}}},
            {"ij->i", new int[][] {{3, 4}}},
            {"ji", new int[][] {{3, 4}}},
            {"ij,ij->ij", new int[][] {{2, 3}, {2, 3}}},
            {"i,j->ij", new int[][] {{3}, {4}}},
            {"ab,cd->", new int[][] {{2, 3}, {4, 1}}},
            {"ijk,ikl,ilm->jm", new int[][] {{2, 3, 4}, {2, 4, 2}, {2, 2, 3}}},
            {"...ij,...jk->...ik", new int[][] {{2, 1, 3, 4}, {5, 4, 2}}},
            {"...ij,...jk", new int[][] {{3, 2, 4}, {4, 2}}},
            {"bii,bi->ib", new int[][] {{2, 3, 3}, {2, 3}}},
            {"iij,jk->ik", new int[][] {{3, 3, 2}, {2, 4}}},
            {"Ab,bC->CA", new int[][] {{2, 3}, {3, 4}}},
            {"bn,anm,bm->ba", new int[][] {{2, 3}, {4, 3, 5}, {2, 5}}},
            {"i...->...", new int[][] {{3, 2, 2}}},
            {"->", new int[][] {{}}},
        };
        Random rnd = new Random(5);
        for (Object[] c : cases) {
            String eq = (String) c[0];
            List<Tensor> in = new ArrayList<>();
            for (int[] s : (int[][]) c[1]) in.add(randomF64(rnd, s));
            Tensor want = naive(eq, in), got = Einsum.einsum(eq, in, Ref.POOL);
            assertEquals(DType.F64, got.dtype(), eq);
            assertArrayEquals(want.shape(), got.shape(), eq);
            assertArrayEquals(want.doubles(), got.doubles(), 1e-12, eq);
            // f32 takes the SGEMM path; its inputs are the f64 ones rounded, so compare with the naive sum of those
            List<Tensor> in32 = in.stream().map(Tensor::toF32).toList();
            Tensor want32 = naive(eq, in32), got32 = Einsum.einsum(eq, in32, Ref.POOL);
            assertEquals(DType.F32, got32.dtype(), eq);
            assertArrayEquals(want32.shape(), got32.shape(), eq);
            Ref.close(want32.toF32().floats(), got32.floats(), 1e-5);
        }
    }

    @Test
    void integerOperandsSumExactlyInTheirOwnType() {
        Tensor a = Tensor.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3), b = Tensor.of(new int[] {1, 0, -1, 2, 1, 0}, 3, 2);
        Tensor y = Einsum.einsum("ij,jk->ki", List.of(a, b), Ref.POOL);
        assertEquals(DType.I32, y.dtype());
        // a @ b = [[2, 4], [5, 10]], transposed
        assertArrayEquals(new int[] {2, 5, 4, 10}, y.ints());
    }

    @Test
    void malformedEquationsAndMismatchedShapesAreRejected() {
        Tensor m = Tensor.of(new float[6], 2, 3), v = Tensor.of(new float[4], 4);
        assertThrows(IllegalArgumentException.class, () -> Einsum.einsum("ij,jk->ik", List.of(m), Ref.POOL));
        assertThrows(IllegalArgumentException.class, () -> Einsum.einsum("ijk->i", List.of(m), Ref.POOL));
        assertThrows(IllegalArgumentException.class, () -> Einsum.einsum("ij->iz", List.of(m), Ref.POOL));
        assertThrows(IllegalArgumentException.class, () -> Einsum.einsum("i2->i", List.of(m), Ref.POOL));
        assertThrows(IllegalArgumentException.class, () -> Einsum.einsum("ij,j->i", List.of(m, v), Ref.POOL));
        assertThrows(IllegalArgumentException.class, () -> Einsum.einsum("ii->i", List.of(m), Ref.POOL));
    }

    private static Tensor randomF64(Random rnd, int[] shape) {
        double[] v = new double[Ref.size(shape)];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextInt(7) - 3 + rnd.nextDouble();
        return Tensor.of(v, shape);
    }

    /**
     * {@return the einsum by definition}: every ellipsis becomes digit labels aligned from the right, then the
     * product of the operands is added up over every assignment of all labels (a size-1 dimension broadcasts)
     */
    private static Tensor naive(String equation, List<Tensor> in) {
        String eq = equation.replace(" ", "");
        String[] sides = eq.split("->", -1);
        String[] terms = sides[0].split(",", -1);
        int ell = 0;
        for (int i = 0; i < terms.length; i++)
            if (terms[i].contains("...")) ell = Math.max(ell, in.get(i).rank() - (terms[i].length() - 3));
        for (int i = 0; i < terms.length; i++)
            if (terms[i].contains("...")) {
                int e = in.get(i).rank() - (terms[i].length() - 3);
                terms[i] = terms[i].replace("...", digits(ell - e, ell));
            }
        String out;
        if (sides.length == 2) out = sides[1].replace("...", digits(0, ell));
        else {
            StringBuilder b = new StringBuilder(digits(0, ell));
            String all = String.join("", terms);
            for (char ch : new TreeSet<>(chars(all)))
                if (Character.isLetter(ch) && all.indexOf(ch) == all.lastIndexOf(ch)) b.append(ch);
            out = b.toString();
        }
        StringBuilder distinct = new StringBuilder();
        for (char ch : new TreeSet<>(chars(String.join("", terms)))) distinct.append(ch);
        String labels = distinct.toString();
        int[] size = new int[labels.length()];
        for (int i = 0; i < terms.length; i++)
            for (int d = 0; d < terms[i].length(); d++) {
                int l = labels.indexOf(terms[i].charAt(d));
                size[l] = Math.max(size[l], in.get(i).dim(d));
            }
        int[] os = new int[out.length()];
        for (int d = 0; d < os.length; d++) os[d] = size[labels.indexOf(out.charAt(d))];
        double[] y = new double[Ref.size(os)];
        int total = Ref.size(size);
        for (int a = 0; a < total; a++) {
            int[] v = Ref.unravel(a, size);
            double p = 1;
            for (int i = 0; i < terms.length; i++) {
                Tensor t = in.get(i);
                int[] c = new int[t.rank()];
                for (int d = 0; d < c.length; d++) c[d] = t.dim(d) == 1 ? 0 : v[labels.indexOf(terms[i].charAt(d))];
                p *= t.getDouble(Ref.ravel(c, t.shape()));
            }
            int[] oc = new int[os.length];
            for (int d = 0; d < oc.length; d++) oc[d] = v[labels.indexOf(out.charAt(d))];
            y[Ref.ravel(oc, os)] += p;
        }
        return Tensor.of(y, os);
    }

    private static String digits(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) b.append((char) ('0' + i));
        return b.toString();
    }

    private static List<Character> chars(String s) {
        return Arrays.asList(s.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
    }
}
