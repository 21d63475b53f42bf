package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;

/**
 * ONNX Einsum: Einstein summation of any number of operands. The equation's labels are letters; {@code ...} stands
 * for the broadcast leading dimensions. Without {@code ->} the output is the ellipsis dimensions followed by the
 * labels that occur once, in alphabetical order.
 *
 * <p>The product is computed by rewriting it into simple steps: a label repeated within one term takes that
 * operand's diagonal; a label no other term or the output uses is summed out at once; then the operands are
 * contracted two at a time as one batched matrix product (after transposing each to {@code [batch, free,
 * contracted]}); the last operand is summed over what remains and transposed to the output order. f32 products
 * run in SGEMM (sums accumulate in f64), other floats compute in f64, integers in i64; the result has the inputs'
 * element type.
 */
public final class Einsum {
    private Einsum() {}

    /** Labels of the ellipsis dimensions start here (letters keep their character codes, so they sort by letter). */
    private static final int ELLIPSIS = 128;

    /** An operand with one label per dimension. */
    private record Term(Tensor t, int[] labels) {}

    /** A parsed equation: the labels of each input term and of the output. */
    record Equation(int[][] inputs, int[] output) {}

    /**
     * {@return the Einstein sum of {@code inputs} as {@code equation} says}
     *
     * @throws IllegalArgumentException for a malformed equation or operands that do not fit it
     */
    public static Tensor einsum(String equation, List<Tensor> inputs, ForkJoinPool pool) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("einsum needs at least one input");
        DType type = inputs.getFirst().dtype();
        for (Tensor t : inputs)
            if (t.dtype() != type)
                throw new IllegalArgumentException(
                        "inputs have different element types: " + type + " and " + t.dtype());
        if (!type.isFloat() && !type.isInteger())
            throw new IllegalArgumentException("einsum needs numeric inputs, got " + type);
        int[] ranks = inputs.stream().mapToInt(Tensor::rank).toArray();
        Equation eq = parse(equation, ranks);
        int[] sizes = labelSizes(eq, inputs);
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) terms.add(new Term(widen(inputs.get(i)), eq.inputs()[i]));
        for (int i = 0; i < terms.size(); i++) {
            Term t = diagonal(terms.get(i));
            t = sumOut(t, labelsUsedOutside(terms, i, eq.output()));
            terms.set(i, expand(t, sizes));
        }
        while (terms.size() > 1) {
            Term a = terms.remove(0), b = terms.remove(0);
            Set<Integer> keep = labelsUsedOutside(terms, -1, eq.output());
            terms.addFirst(contract(a, b, keep, pool));
        }
        Term last = sumOut(terms.getFirst(), set(eq.output()));
        int[] perm = new int[eq.output().length];
        for (int i = 0; i < perm.length; i++) perm[i] = indexOf(last.labels(), eq.output()[i]);
        return narrow(Layout.transpose(last.t(), perm), type);
    }

    /**
     * {@return the labels of each term and of the output}, with the ellipsis expanded to labels that line up from
     * the right across terms (as broadcasting does)
     */
    static Equation parse(String equation, int[] ranks) {
        String eq = equation.replace(" ", "");
        String[] sides = eq.split("->", -1);
        if (sides.length > 2) throw new IllegalArgumentException("equation '" + equation + "' has more than one '->'");
        String[] terms = sides[0].split(",", -1);
        if (terms.length != ranks.length)
            throw new IllegalArgumentException(
                    "equation '" + equation + "' has " + terms.length + " input terms for " + ranks.length + " inputs");
        int ellipsisRank = 0;
        for (int i = 0; i < terms.length; i++) {
            int letters = letters(terms[i], equation);
            boolean ell = terms[i].contains("...");
            if (!ell && letters != ranks[i] || ell && letters > ranks[i])
                throw new IllegalArgumentException(
                        "term '" + terms[i] + "' does not fit input #" + i + " of rank " + ranks[i]);
            if (ell) ellipsisRank = Math.max(ellipsisRank, ranks[i] - letters);
        }
        int[][] in = new int[terms.length][];
        for (int i = 0; i < terms.length; i++)
            in[i] = labels(terms[i], ranks[i] - letters(terms[i], equation), ellipsisRank);
        int[] out;
        if (sides.length == 2) {
            out = labels(sides[1], ellipsisRank, ellipsisRank);
            if (set(out).size() != out.length)
                throw new IllegalArgumentException("output of '" + equation + "' repeats a label");
            Set<Integer> all = new TreeSet<>();
            for (int[] t : in) for (int l : t) all.add(l);
            for (int l : out)
                if (l < ELLIPSIS && !all.contains(l))
                    throw new IllegalArgumentException(
                            "output label '" + (char) l + "' of '" + equation + "' is in no input term");
        } else {
            int[] count = new int[ELLIPSIS];
            for (int[] t : in) for (int l : t) if (l < ELLIPSIS) count[l]++;
            List<Integer> o = new ArrayList<>();
            for (int e = 0; e < ellipsisRank; e++) o.add(ELLIPSIS + e);
            for (int l = 0; l < ELLIPSIS; l++) if (count[l] == 1) o.add(l);
            out = o.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Equation(in, out);
    }

    private static int letters(String term, String equation) {
        String rest = term.replaceFirst("\\.\\.\\.", "");
        for (char c : rest.toCharArray())
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'))
                throw new IllegalArgumentException("equation '" + equation + "' has an invalid term '" + term + "'");
        return rest.length();
    }

    /** {@return the labels of one term whose ellipsis covers {@code e} of {@code ellipsisRank} dimensions} */
    private static int[] labels(String term, int e, int ellipsisRank) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < term.length(); ) {
            if (term.startsWith("...", i)) {
                for (int k = 0; k < e; k++) out.add(ELLIPSIS + ellipsisRank - e + k);
                i += 3;
            } else out.add((int) term.charAt(i++));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@return the size of every label}: occurrences must agree, except that a size of 1 broadcasts */
    private static int[] labelSizes(Equation eq, List<Tensor> inputs) {
        int max = ELLIPSIS;
        for (int[] t : eq.inputs()) for (int l : t) max = Math.max(max, l + 1);
        int[] sizes = new int[max];
        Arrays.fill(sizes, -1);
        for (int i = 0; i < inputs.size(); i++) {
            int[] s = inputs.get(i).shape(), ls = eq.inputs()[i];
            for (int d = 0; d < s.length; d++) {
                int l = ls[d];
                if (sizes[l] == -1 || sizes[l] == 1) sizes[l] = s[d];
                else if (s[d] != 1 && s[d] != sizes[l])
                    throw new IllegalArgumentException("dimension '" + name(l) + "' has sizes " + sizes[l] + " and "
                            + s[d] + " in different places");
            }
        }
        return sizes;
    }

    private static String name(int label) {
        return label < ELLIPSIS ? String.valueOf((char) label) : "...";
    }

    /** {@return the labels of the output and of the terms other than {@code skip}} */
    private static Set<Integer> labelsUsedOutside(List<Term> terms, int skip, int[] output) {
        Set<Integer> s = set(output);
        for (int i = 0; i < terms.size(); i++)
            if (i != skip) for (int l : terms.get(i).labels()) s.add(l);
        return s;
    }

    /** {@return the term with each repeated label reduced to its diagonal} (labels in order of first occurrence) */
    private static Term diagonal(Term x) {
        int[] ls = x.labels();
        int[] uniq = new LinkedHashSet<>(Arrays.stream(ls).boxed().toList())
                .stream().mapToInt(Integer::intValue).toArray();
        if (uniq.length == ls.length) return x;
        int[] s = x.t().shape(), st = strides(s);
        int[] os = new int[uniq.length], ost = new int[uniq.length];
        for (int j = 0; j < uniq.length; j++) {
            int first = indexOf(ls, uniq[j]);
            os[j] = s[first];
            for (int d = 0; d < ls.length; d++)
                if (ls[d] == uniq[j]) {
                    if (s[d] != s[first])
                        throw new IllegalArgumentException("the diagonal of '" + name(uniq[j])
                                + "' needs equal sizes, got " + s[first] + " and " + s[d]);
                    ost[j] += st[d];
                }
        }
        return new Term(gatherStrided(x.t(), os, ost), uniq);
    }

    /** {@return the term summed over the labels not in {@code keep}} */
    private static Term sumOut(Term x, Set<Integer> keep) {
        int[] ls = x.labels();
        List<Integer> kept = new ArrayList<>(), gone = new ArrayList<>();
        for (int d = 0; d < ls.length; d++) (keep.contains(ls[d]) ? kept : gone).add(d);
        if (gone.isEmpty()) return x;
        // move the summed dims last, then add up each row
        int[] perm = new int[ls.length];
        int p = 0;
        for (int d : kept) perm[p++] = d;
        for (int d : gone) perm[p++] = d;
        Tensor t = Layout.transpose(x.t(), perm);
        int[] os = new int[kept.size()], labels = new int[kept.size()];
        int rows = 1, len = 1;
        for (int i = 0; i < os.length; i++) {
            os[i] = t.dim(i);
            labels[i] = ls[kept.get(i)];
            rows *= os[i];
        }
        for (int i = os.length; i < ls.length; i++) len *= t.dim(i);
        Tensor out = Tensor.zeros(t.dtype(), os);
        if (t.dtype() == DType.F32) {
            float[] a = t.floats(), o = out.floats();
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int j = 0; j < len; j++) sum += a[r * len + j];
                o[r] = (float) sum;
            }
        } else if (t.dtype() == DType.F64) {
            double[] a = t.doubles(), o = out.doubles();
            for (int r = 0; r < rows; r++) for (int j = 0; j < len; j++) o[r] += a[r * len + j];
        } else {
            long[] a = t.longs(), o = out.longs();
            for (int r = 0; r < rows; r++) for (int j = 0; j < len; j++) o[r] += a[r * len + j];
        }
        return new Term(out, labels);
    }

    /** {@return the term with its size-1 dimensions repeated to the label's full size} */
    private static Term expand(Term x, int[] sizes) {
        int[] s = x.t().shape(), st = strides(s), os = s.clone(), ost = st.clone();
        boolean any = false;
        for (int d = 0; d < s.length; d++)
            if (s[d] != sizes[x.labels()[d]]) {
                os[d] = sizes[x.labels()[d]];
                ost[d] = 0;
                any = true;
            }
        return any ? new Term(gatherStrided(x.t(), os, ost), x.labels()) : x;
    }

    /**
     * {@return a times b, summed over the labels both have and {@code keep} lacks}, as one batched matrix product:
     * labels in both that are kept are the batch, labels of one side only are its free dimensions
     */
    private static Term contract(Term a, Term b, Set<Integer> keep, ForkJoinPool pool) {
        Set<Integer> inA = set(a.labels()), inB = set(b.labels());
        a = sumOut(a, union(keep, inB));
        b = sumOut(b, union(keep, inA));
        List<Integer> batch = new ArrayList<>(),
                sum = new ArrayList<>(),
                freeA = new ArrayList<>(),
                freeB = new ArrayList<>();
        for (int l : a.labels()) {
            if (!inB.contains(l)) freeA.add(l);
            else if (keep.contains(l)) batch.add(l);
            else sum.add(l);
        }
        for (int l : b.labels()) if (!inA.contains(l)) freeB.add(l);
        Tensor ta = arrange(a, batch, freeA, sum), tb = arrange(b, batch, sum, freeB);
        int nb = product(ta, 0, batch.size()),
                m = product(ta, batch.size(), batch.size() + freeA.size()),
                k = product(tb, batch.size(), batch.size() + sum.size()),
                n = product(tb, batch.size() + sum.size(), tb.rank());
        Tensor c = batchedMatMul(ta, tb, nb, m, k, n, pool);
        List<Integer> labels = new ArrayList<>(batch);
        labels.addAll(freeA);
        labels.addAll(freeB);
        int[] shape = new int[labels.size()];
        for (int i = 0; i < batch.size() + freeA.size(); i++) shape[i] = ta.dim(i);
        for (int i = 0; i < freeB.size(); i++)
            shape[batch.size() + freeA.size() + i] = tb.dim(batch.size() + sum.size() + i);
        return new Term(
                c.reshape(shape), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@return the term's tensor transposed so its dimensions follow the three label groups in turn} */
    private static Tensor arrange(Term x, List<Integer> first, List<Integer> second, List<Integer> third) {
        int[] perm = new int[x.labels().length];
        int p = 0;
        for (List<Integer> g : List.of(first, second, third)) for (int l : g) perm[p++] = indexOf(x.labels(), l);
        return Layout.transpose(x.t(), perm);
    }

    /** {@return c[t] = a[t] @ b[t] for t below nb, with a [nb, m, k] and b [nb, k, n] in row-major storage} */
    private static Tensor batchedMatMul(Tensor a, Tensor b, int nb, int m, int k, int n, ForkJoinPool pool) {
        if (a.dtype() == DType.F32) return MatMul.matmul(a.reshape(nb, m, k), b.reshape(nb, k, n), pool);
        Tensor c = Tensor.zeros(a.dtype(), nb * m * n);
        if (a.dtype() == DType.F64) {
            double[] x = a.doubles(), y = b.doubles(), z = c.doubles();
            Parallel.forEach(pool, nb, t -> {
                for (int i = 0; i < m; i++)
                    for (int p = 0; p < k; p++) {
                        double v = x[(t * m + i) * k + p];
                        int yo = (t * k + p) * n, zo = (t * m + i) * n;
                        for (int j = 0; j < n; j++) z[zo + j] += v * y[yo + j];
                    }
            });
        } else {
            long[] x = a.longs(), y = b.longs(), z = c.longs();
            Parallel.forEach(pool, nb, t -> {
                for (int i = 0; i < m; i++)
                    for (int p = 0; p < k; p++) {
                        long v = x[(t * m + i) * k + p];
                        int yo = (t * k + p) * n, zo = (t * m + i) * n;
                        for (int j = 0; j < n; j++) z[zo + j] += v * y[yo + j];
                    }
            });
        }
        return c;
    }

    /** {@return a tensor of shape {@code os} whose element at coordinates c is x's element at offset sum(c * ost)} */
    private static Tensor gatherStrided(Tensor x, int[] os, int[] ost) {
        Tensor out = Tensor.zeros(x.dtype(), os);
        Object src = x.array(), dst = out.array();
        int n = out.size(), r = os.length, at = 0;
        int[] c = new int[r];
        for (int i = 0; i < n; i++) {
            System.arraycopy(src, at, dst, i, 1);
            for (int d = r - 1; d >= 0; d--) {
                at += ost[d];
                if (++c[d] < os[d]) break;
                at -= ost[d] * os[d];
                c[d] = 0;
            }
        }
        return out;
    }

    /**
     * {@return x in the type the sums are computed in}: f32 stays (products go through SGEMM, sums accumulate in
     * f64), other floats become f64 and integers i64
     */
    private static Tensor widen(Tensor x) {
        DType w = x.dtype() == DType.F32 ? DType.F32 : x.dtype().isFloat() ? DType.F64 : DType.I64;
        if (x.dtype() == w) return x;
        Tensor out = Tensor.zeros(w, x.shape());
        for (int i = 0; i < x.size(); i++)
            if (w == DType.F64) out.setDouble(i, x.getDouble(i));
            else out.setLong(i, x.getLong(i));
        return out;
    }

    private static Tensor narrow(Tensor x, DType type) {
        if (x.dtype() == type) return x;
        Tensor out = Tensor.zeros(type, x.shape());
        for (int i = 0; i < x.size(); i++)
            if (type.isFloat()) out.setDouble(i, x.getDouble(i));
            else out.setLong(i, x.getLong(i));
        return out;
    }

    private static int[] strides(int[] s) {
        int[] st = new int[s.length];
        for (int d = s.length - 1, k = 1; d >= 0; d--) {
            st[d] = k;
            k *= s[d];
        }
        return st;
    }

    private static int product(Tensor t, int from, int to) {
        return Indexing.prod(t.shape(), from, to);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        throw new IllegalStateException("label " + v + " not found");
    }

    private static Set<Integer> set(int[] a) {
        Set<Integer> s = new LinkedHashSet<>();
        for (int v : a) s.add(v);
        return s;
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }
}
