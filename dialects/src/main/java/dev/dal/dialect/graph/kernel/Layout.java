package dev.dal.dialect.graph.kernel;

import dev.dal.ir.interp.Buffers;
import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * Data movement for tensors of any element type: Transpose, Concat, Slice, Gather, and the shape arithmetic of
 * Reshape / Flatten / Squeeze / Unsqueeze. Elements are moved with {@link System#arraycopy} on the storage arrays.
 */
public final class Layout {
    private Layout() {}

    private static int[] stridesOf(int[] s) {
        int[] st = new int[s.length];
        int k = 1;
        for (int i = s.length - 1; i >= 0; i--) {
            st[i] = k;
            k *= s[i];
        }
        return st;
    }

    /**
     * {@return the f32 transpose}: output rows (the last output dimension) one at a time, a plain copy when that
     * dimension is also the input's last (the attention heads' {@code [0, 2, 1, 3]}), a strided gather otherwise;
     * the outer dimensions step once per row instead of once per element
     *
     * @param os  the output shape
     * @param ist the input stride of each output dimension
     */
    private static Tensor transposeFloats(float[] f, int[] os, int[] ist) {
        int r = os.length, len = os[r - 1], step = ist[r - 1];
        int n = 1;
        for (int d : os) n *= d;
        float[] g = Buffers.floats(n);
        if (n > 0) {
            int[] idx = new int[r - 1];
            int o = 0;
            for (int i = 0; i < n; i += len) {
                if (step == 1) System.arraycopy(f, o, g, i, len);
                else for (int j = 0, s = o; j < len; j++, s += step) g[i + j] = f[s];
                for (int d = r - 2; d >= 0; d--) {
                    o += ist[d];
                    if (++idx[d] < os[d]) break;
                    o -= ist[d] * os[d];
                    idx[d] = 0;
                }
            }
        }
        return Tensor.of(g, os);
    }

    /** {@return x with its dimensions permuted: output dimension i is input dimension perm[i]} */
    public static Tensor transpose(Tensor x, int[] perm) {
        int r = x.rank();
        if (perm.length != r) throw new IllegalArgumentException("perm must have " + r + " entries");
        boolean[] seen = new boolean[r];
        for (int p : perm) {
            if (p < 0 || p >= r || seen[p])
                throw new IllegalArgumentException("perm " + Arrays.toString(perm) + " is not a permutation");
            seen[p] = true;
        }
        int[] s = x.shape(), st = stridesOf(s);
        int[] os = new int[r], ist = new int[r];
        for (int i = 0; i < r; i++) {
            os[i] = s[perm[i]];
            ist[i] = st[perm[i]];
        }
        Object src = x.array();
        if (src instanceof float[] f && x.dtype() == DType.F32 && r > 0) return transposeFloats(f, os, ist);
        Tensor out = Tensor.zeros(x.dtype(), os);
        Object dst = out.array();
        int n = out.size();
        if (n == 0) return out;
        int[] idx = new int[r];
        int o = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(src, o, dst, i, 1);
            for (int d = r - 1; d >= 0; d--) {
                o += ist[d];
                if (++idx[d] < os[d]) break;
                o -= ist[d] * os[d];
                idx[d] = 0;
            }
        }
        return out;
    }

    /** {@return the concatenation of tensors along {@code axis} (negative counts from the end)} */
    public static Tensor concat(List<Tensor> xs, int axis) {
        if (xs.isEmpty()) throw new IllegalArgumentException("concat needs at least one input");
        Tensor first = xs.getFirst();
        int r = first.rank();
        int ax = axis < 0 ? axis + r : axis;
        if (ax < 0 || ax >= r) throw new IllegalArgumentException("axis " + axis + " out of range for rank " + r);
        int[] os = first.shape();
        os[ax] = 0;
        for (Tensor t : xs) {
            if (t.rank() != r || t.dtype() != first.dtype())
                throw new IllegalArgumentException("concat inputs differ in rank or element type");
            for (int i = 0; i < r; i++)
                if (i != ax && t.dim(i) != first.dim(i))
                    throw new IllegalArgumentException("concat inputs differ in dimension " + i + ": "
                            + Arrays.toString(first.shape()) + " and " + Arrays.toString(t.shape()));
            os[ax] += t.dim(ax);
        }
        int outer = 1, inner = 1;
        for (int i = 0; i < ax; i++) outer *= os[i];
        for (int i = ax + 1; i < r; i++) inner *= os[i];
        Tensor out = Tensor.zeros(first.dtype(), os);
        Object dst = out.array();
        int rowOut = os[ax] * inner;
        int at = 0;
        for (Tensor t : xs) {
            int block = t.dim(ax) * inner;
            Object src = t.array();
            for (int q = 0; q < outer; q++) System.arraycopy(src, q * block, dst, q * rowOut + at, block);
            at += block;
        }
        return out;
    }

    /**
     * {@return ONNX Slice of x}: for each listed axis, elements {@code start, start+step, ...} before {@code end},
     * with negative starts/ends counting from the end and out-of-range values clamped as ONNX specifies
     */
    public static Tensor slice(Tensor x, long[] starts, long[] ends, long[] axes, long[] steps) {
        int r = x.rank();
        int[] s = x.shape();
        int[] begin = new int[r], step = new int[r], count = s.clone();
        Arrays.fill(step, 1);
        for (int i = 0; i < starts.length; i++) {
            int ax = (int) (axes.length == 0 ? i : axes[i] < 0 ? axes[i] + r : axes[i]);
            if (ax < 0 || ax >= r) throw new IllegalArgumentException("slice axis out of range");
            long st = steps.length == 0 ? 1 : steps[i];
            if (st == 0) throw new IllegalArgumentException("slice step must not be 0");
            long dim = s[ax];
            long b = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            if (st > 0) {
                b = Math.clamp(b, 0, dim);
                e = Math.clamp(e, 0, dim);
                count[ax] = (int) Math.max(0, (e - b + st - 1) / st);
            } else {
                b = Math.clamp(b, 0, dim - 1);
                e = Math.clamp(e, -1, dim - 1);
                count[ax] = (int) Math.max(0, (b - e + (-st) - 1) / (-st));
            }
            begin[ax] = (int) b;
            step[ax] = (int) st;
        }
        int[] st = stridesOf(s);
        Tensor out = Tensor.zeros(x.dtype(), count);
        int n = out.size();
        if (n == 0) return out;
        Object src = x.array(), dst = out.array();
        int inner = r == 0 ? 1 : count[r - 1];
        boolean contiguous = r == 0 || step[r - 1] == 1;
        int rows = n / inner;
        int[] idx = new int[Math.max(0, r - 1)];
        for (int row = 0; row < rows; row++) {
            int o = 0;
            for (int d = 0; d < r - 1; d++) o += (begin[d] + idx[d] * step[d]) * st[d];
            if (r > 0) o += begin[r - 1];
            if (contiguous) System.arraycopy(src, o, dst, row * inner, inner);
            else for (int j = 0; j < inner; j++) System.arraycopy(src, o + j * step[r - 1], dst, row * inner + j, 1);
            for (int d = r - 2; d >= 0; d--) {
                if (++idx[d] < count[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /** {@return ONNX Gather: entries of x along {@code axis} at {@code indices} (negative indices count from the end)} */
    public static Tensor gather(Tensor x, Tensor indices, int axis) {
        int r = x.rank();
        int ax = axis < 0 ? axis + r : axis;
        if (ax < 0 || ax >= r) throw new IllegalArgumentException("axis " + axis + " out of range for rank " + r);
        int[] s = x.shape(), is = indices.shape();
        int[] os = new int[r - 1 + is.length];
        System.arraycopy(s, 0, os, 0, ax);
        System.arraycopy(is, 0, os, ax, is.length);
        System.arraycopy(s, ax + 1, os, ax + is.length, r - ax - 1);
        int outer = 1, inner = 1;
        for (int i = 0; i < ax; i++) outer *= s[i];
        for (int i = ax + 1; i < r; i++) inner *= s[i];
        long[] ix = indices.toLongs();
        Tensor out = Tensor.zeros(x.dtype(), os);
        Object src = x.array(), dst = out.array();
        int dim = s[ax];
        for (int q = 0; q < outer; q++) {
            for (int k = 0; k < ix.length; k++) {
                long i = ix[k] < 0 ? ix[k] + dim : ix[k];
                if (i < 0 || i >= dim)
                    throw new IllegalArgumentException("gather index " + ix[k] + " out of range for dimension " + dim);
                System.arraycopy(src, (q * dim + (int) i) * inner, dst, (q * ix.length + k) * inner, inner);
            }
        }
        return out;
    }

    /**
     * {@return the shape Reshape produces}: 0 copies the input dimension (unless {@code allowZero}), one -1 is
     * inferred from the element count
     */
    public static int[] reshapeShape(int[] in, long[] shape, boolean allowZero) {
        int[] out = new int[shape.length];
        int infer = -1;
        long known = 1;
        long total = 1;
        for (int d : in) total *= d;
        for (int i = 0; i < shape.length; i++) {
            long d = shape[i];
            if (d == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape shape has more than one -1");
                infer = i;
                continue;
            }
            if (d == 0 && !allowZero) {
                if (i >= in.length) throw new IllegalArgumentException("reshape 0 at " + i + " has no input dimension");
                d = in[i];
            }
            if (d < 0) throw new IllegalArgumentException("bad reshape dimension " + d);
            out[i] = Math.toIntExact(d);
            known *= d;
        }
        if (infer >= 0) {
            if (known == 0 || total % known != 0)
                throw new IllegalArgumentException(
                        "cannot infer -1 reshaping " + Arrays.toString(in) + " to " + Arrays.toString(shape));
            out[infer] = Math.toIntExact(total / known);
            known *= out[infer];
        }
        if (known != total)
            throw new IllegalArgumentException(
                    "cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(shape));
        return out;
    }

    /** {@return the 2-D shape Flatten produces: dimensions before {@code axis} times those from it} */
    public static int[] flattenShape(int[] in, int axis) {
        int ax = axis < 0 ? axis + in.length : axis;
        if (ax < 0 || ax > in.length) throw new IllegalArgumentException("axis " + axis + " out of range");
        int a = 1, b = 1;
        for (int i = 0; i < ax; i++) a *= in[i];
        for (int i = ax; i < in.length; i++) b *= in[i];
        return new int[] {a, b};
    }

    /** {@return the shape without the given size-1 axes (all size-1 axes when none are given)} */
    public static int[] squeezeShape(int[] in, long[] axes) {
        boolean[] drop = new boolean[in.length];
        if (axes.length == 0) for (int i = 0; i < in.length; i++) drop[i] = in[i] == 1;
        for (long a : axes) {
            int ax = (int) (a < 0 ? a + in.length : a);
            if (ax < 0 || ax >= in.length || in[ax] != 1)
                throw new IllegalArgumentException("cannot squeeze axis " + a + " of " + Arrays.toString(in));
            drop[ax] = true;
        }
        return java.util.stream.IntStream.range(0, in.length)
                .filter(i -> !drop[i])
                .map(i -> in[i])
                .toArray();
    }

    /** {@return the shape with size-1 axes inserted at the given output positions} */
    public static int[] unsqueezeShape(int[] in, long[] axes) {
        int r = in.length + axes.length;
        boolean[] ins = new boolean[r];
        for (long a : axes) {
            int ax = (int) (a < 0 ? a + r : a);
            if (ax < 0 || ax >= r || ins[ax]) throw new IllegalArgumentException("bad unsqueeze axis " + a);
            ins[ax] = true;
        }
        int[] out = new int[r];
        for (int i = 0, k = 0; i < r; i++) out[i] = ins[i] ? 1 : in[k++];
        return out;
    }

    /** {@return x repeated {@code repeats[d]} times along each dimension d (ONNX Tile)} */
    public static Tensor tile(Tensor x, long[] repeats) {
        int r = x.rank();
        if (repeats.length != r) throw new IllegalArgumentException("repeats must have " + r + " entries");
        int[] s = x.shape(), os = new int[r];
        for (int d = 0; d < r; d++) {
            if (repeats[d] < 0) throw new IllegalArgumentException("negative repeat " + repeats[d]);
            os[d] = Math.toIntExact(s[d] * repeats[d]);
        }
        Tensor out = Tensor.zeros(x.dtype(), os);
        Object src = x.array(), dst = out.array();
        int n = out.size();
        int[] idx = new int[r];
        for (int o = 0; o < n; o++) {
            // o walks the output in row-major order; idx holds its coordinates
            int in = 0;
            for (int d = 0; d < r; d++) in = in * s[d] + idx[d] % s[d];
            System.arraycopy(src, in, dst, o, 1);
            for (int d = r - 1; d >= 0 && ++idx[d] == os[d]; d--) idx[d] = 0;
        }
        return out;
    }

    /**
     * {@return x with everything outside the upper (or lower) triangle of its last two dims zeroed (ONNX Trilu)}:
     * element (i, j) is kept when {@code j - i >= k} for the upper triangle, {@code j - i <= k} for the lower one
     */
    public static Tensor trilu(Tensor x, long k, boolean upper) {
        int r = x.rank();
        if (r < 2) throw new IllegalArgumentException("trilu needs rank at least 2, got " + r);
        int rows = x.dim(r - 2), cols = x.dim(r - 1);
        Tensor out = Tensor.zeros(x.dtype(), x.shape());
        Object src = x.array(), dst = out.array();
        int n = x.size();
        for (int o = 0; o < n; o++) {
            int j = o % cols, i = (o / cols) % rows;
            long diff = (long) j - i;
            if (upper ? diff >= k : diff <= k) System.arraycopy(src, o, dst, o, 1);
        }
        return out;
    }

    /**
     * {@return the elements of data picked along {@code axis} by indices (ONNX GatherElements)}: the output has the
     * shape of indices, and its element at coordinates c is data at c with c[axis] replaced by indices[c]
     * (negative indices count from the end)
     */
    public static Tensor gatherElements(Tensor data, Tensor indices, int axis) {
        int r = data.rank();
        if (indices.rank() != r) throw new IllegalArgumentException("data and indices ranks differ");
        if (axis < 0) axis += r;
        if (axis < 0 || axis >= r) throw new IllegalArgumentException("axis out of range");
        int[] s = data.shape(), os = indices.shape();
        int[] stride = new int[r];
        for (int d = r - 1, st = 1; d >= 0; d--) {
            stride[d] = st;
            st *= s[d];
        }
        Tensor out = Tensor.zeros(data.dtype(), os);
        Object src = data.array(), dst = out.array();
        int n = out.size();
        int[] idx = new int[r];
        for (int o = 0; o < n; o++) {
            long at = indices.getLong(o);
            if (at < 0) at += s[axis];
            if (at < 0 || at >= s[axis])
                throw new IllegalArgumentException("index " + indices.getLong(o) + " out of range");
            int in = 0;
            for (int d = 0; d < r; d++) {
                if (d != axis && idx[d] >= s[d]) throw new IllegalArgumentException("indices exceed data in dim " + d);
                in += (d == axis ? (int) at : idx[d]) * stride[d];
            }
            System.arraycopy(src, in, dst, o, 1);
            for (int d = r - 1; d >= 0 && ++idx[d] == os[d]; d--) idx[d] = 0;
        }
        return out;
    }

    /**
     * {@return x (N, C, H, W) rearranged to (N, C/(b*b), H*b, W*b) (ONNX DepthToSpace)}: in DCR mode output channel c
     * at block offset (i, j) comes from input channel {@code (i*b + j)*C/(b*b) + c}, in CRD mode from
     * {@code c*b*b + i*b + j}
     */
    public static Tensor depthToSpace(Tensor x, int b, boolean crd) {
        if (x.rank() != 4 || b <= 0 || x.dim(1) % (b * b) != 0)
            throw new IllegalArgumentException("depth_to_space needs rank 4 and channels divisible by blocksize^2");
        int n = x.dim(0), c = x.dim(1) / (b * b), h = x.dim(2), w = x.dim(3);
        Tensor out = Tensor.zeros(x.dtype(), n, c, h * b, w * b);
        moveBlocks(x, out, n, c, h, w, b, crd, true);
        return out;
    }

    /**
     * {@return x (N, C, H, W) rearranged to (N, C*b*b, H/b, W/b) (ONNX SpaceToDepth)}: the inverse of DCR
     * DepthToSpace
     */
    public static Tensor spaceToDepth(Tensor x, int b) {
        if (x.rank() != 4 || b <= 0 || x.dim(2) % b != 0 || x.dim(3) % b != 0)
            throw new IllegalArgumentException("space_to_depth needs rank 4 and spatial dims divisible by blocksize");
        int n = x.dim(0), c = x.dim(1), h = x.dim(2) / b, w = x.dim(3) / b;
        Tensor out = Tensor.zeros(x.dtype(), n, c * b * b, h, w);
        moveBlocks(x, out, n, c, h, w, b, false, false);
        return out;
    }

    /** Copies between the depth layout (N, C*b*b, H, W) and the space layout (N, C, H*b, W*b), either way. */
    private static void moveBlocks(
            Tensor from, Tensor to, int n, int c, int h, int w, int b, boolean crd, boolean depthToSpace) {
        Object src = from.array(), dst = to.array();
        for (int in = 0; in < n; in++)
            for (int ic = 0; ic < c; ic++)
                for (int i = 0; i < b; i++)
                    for (int j = 0; j < b; j++) {
                        int dc = crd ? ic * b * b + i * b + j : (i * b + j) * c + ic;
                        for (int y = 0; y < h; y++)
                            for (int x = 0; x < w; x++) {
                                int depth = ((in * c * b * b + dc) * h + y) * w + x;
                                int space = ((in * c + ic) * h * b + y * b + i) * w * b + x * b + j;
                                if (depthToSpace) System.arraycopy(src, depth, dst, space, 1);
                                else System.arraycopy(src, space, dst, depth, 1);
                            }
                    }
    }

    /**
     * {@return the one-hot encoding of indices (ONNX OneHot)}: a new dim of size {@code depth} is inserted at
     * {@code axis}; the element is {@code values[1]} where its coordinate on that dim equals the index (negative
     * indices count from depth), {@code values[0]} elsewhere, in the dtype of values
     */
    public static Tensor oneHot(Tensor indices, long depth, Tensor values, int axis) {
        int r = indices.rank();
        if (axis < 0) axis += r + 1;
        if (axis < 0 || axis > r) throw new IllegalArgumentException("axis out of range");
        if (depth < 1 || values.size() != 2) throw new IllegalArgumentException("bad depth or values");
        int[] s = indices.shape(), os = new int[r + 1];
        for (int d = 0, k = 0; d <= r; d++) os[d] = d == axis ? Math.toIntExact(depth) : s[k++];
        int outer = 1, inner = 1, dep = os[axis];
        for (int d = 0; d < axis; d++) outer *= os[d];
        for (int d = axis + 1; d <= r; d++) inner *= os[d];
        Tensor out = Tensor.zeros(values.dtype(), os);
        Object v = values.array(), dst = out.array();
        for (int o = 0; o < outer; o++)
            for (int a = 0; a < dep; a++)
                for (int i = 0; i < inner; i++) {
                    double raw = indices.getDouble(o * inner + i);
                    long at = (long) raw;
                    if (at < 0) at += depth;
                    System.arraycopy(v, at == a ? 1 : 0, dst, (o * dep + a) * inner + i, 1);
                }
        return out;
    }

    /**
     * {@return x padded with {@code value} (ONNX Pad, constant mode)}: {@code pads} holds all begins, then all ends;
     * negative pads crop
     */
    public static Tensor padConstant(Tensor x, long[] pads, double value) {
        int r = x.rank();
        if (pads.length != 2 * r) throw new IllegalArgumentException("pads must have " + 2 * r + " entries");
        int[] s = x.shape(), os = new int[r];
        for (int d = 0; d < r; d++) {
            os[d] = Math.toIntExact(s[d] + pads[d] + pads[r + d]);
            if (os[d] < 0) throw new IllegalArgumentException("pads crop dimension " + d + " below zero");
        }
        Tensor out = Tensor.zeros(x.dtype(), os);
        boolean fl = x.dtype().isFloat();
        int n = out.size();
        int[] idx = new int[r];
        for (int o = 0; o < n; o++) {
            int in = 0;
            boolean inside = true;
            for (int d = 0; d < r && inside; d++) {
                long c = idx[d] - pads[d];
                inside = c >= 0 && c < s[d];
                in = in * s[d] + (int) c;
            }
            if (fl) out.setDouble(o, inside ? x.getDouble(in) : value);
            else out.setLong(o, inside ? x.getLong(in) : (long) value);
            for (int d = r - 1; d >= 0 && ++idx[d] == os[d]; d--) idx[d] = 0;
        }
        return out;
    }
}
