package dev.dal.dialect.graph.kernel;

import java.util.Arrays;

/**
 * The geometry of a window op with any number of spatial dimensions: kernel, strides, dilations and the pads before
 * and after each spatial axis. {@link Conv.Window} is its fast 2-D form.
 */
public record WindowNd(int[] kernel, int[] strides, int[] dilations, int[] padBegin, int[] padEnd) {
    /** Checks that all arrays have one entry per spatial axis and that kernel, strides and dilations are positive. */
    public WindowNd {
        int n = kernel.length;
        if (strides.length != n || dilations.length != n || padBegin.length != n || padEnd.length != n)
            throw new IllegalArgumentException("window attributes must have one entry per spatial axis (" + n + ")");
        for (int i = 0; i < n; i++)
            if (kernel[i] < 1 || strides[i] < 1 || dilations[i] < 1)
                throw new IllegalArgumentException("kernel_shape, strides and dilations must be positive, got "
                        + Arrays.toString(kernel) + ", " + Arrays.toString(strides) + ", "
                        + Arrays.toString(dilations));
    }

    /**
     * {@return the window of ONNX attributes}
     *
     * @param kernel    kernel_shape, one entry per spatial axis
     * @param strides   strides (empty: all 1)
     * @param dilations dilations (empty: all 1)
     * @param pads      all begins, then all ends (empty: all 0)
     */
    public static WindowNd of(long[] kernel, long[] strides, long[] dilations, long[] pads) {
        int n = kernel.length;
        if ((strides.length != 0 && strides.length != n)
                || (dilations.length != 0 && dilations.length != n)
                || (pads.length != 0 && pads.length != 2 * n))
            throw new IllegalArgumentException("strides, dilations and pads do not fit a " + n + "-D kernel");
        int[] k = new int[n], s = new int[n], d = new int[n], pb = new int[n], pe = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = Math.toIntExact(kernel[i]);
            s[i] = strides.length == 0 ? 1 : Math.toIntExact(strides[i]);
            d[i] = dilations.length == 0 ? 1 : Math.toIntExact(dilations[i]);
            pb[i] = pads.length == 0 ? 0 : Math.toIntExact(pads[i]);
            pe[i] = pads.length == 0 ? 0 : Math.toIntExact(pads[n + i]);
        }
        return new WindowNd(k, s, d, pb, pe);
    }

    /** {@return the number of spatial axes} */
    public int rank() {
        return kernel.length;
    }

    /** {@return the number of kernel positions (the product of the kernel sizes)} */
    public int kernelSize() {
        int k = 1;
        for (int v : kernel) k *= v;
        return k;
    }

    /** {@return the output sizes over the given input spatial sizes (floor or ceil mode, see Conv#outSize)} */
    public int[] outSizes(int[] in, boolean ceil) {
        int[] out = new int[rank()];
        for (int i = 0; i < out.length; i++)
            out[i] = Conv.outSize(in[i], kernel[i], strides[i], dilations[i], padBegin[i], padEnd[i], ceil);
        return out;
    }

    /** {@return this window as the fast 2-D form (a 1-D window gets a unit H axis)} */
    public Conv.Window to2d() {
        int r = rank();
        if (r < 1 || r > 2) throw new IllegalArgumentException(r + "-D window has no 2-D form");
        int h = r == 2 ? 0 : -1, w = r - 1;
        return new Conv.Window(
                h < 0 ? 1 : kernel[h],
                kernel[w],
                h < 0 ? 1 : strides[h],
                strides[w],
                h < 0 ? 1 : dilations[h],
                dilations[w],
                h < 0 ? 0 : padBegin[h],
                padBegin[w],
                h < 0 ? 0 : padEnd[h],
                padEnd[w]);
    }

    /** {@return the product of the given sizes} */
    static int product(int[] sizes) {
        int p = 1;
        for (int v : sizes) p = Math.multiplyExact(p, v);
        return p;
    }
}
