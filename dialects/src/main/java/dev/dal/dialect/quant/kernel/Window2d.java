package dev.dal.dialect.quant.kernel;

/**
 * The geometry of a 2-D sliding window over NCHW data (convolution and pooling), in ONNX's conventions: pads are
 * {@code [top, left, bottom, right]}.
 *
 * @param kh      window height
 * @param kw      window width
 * @param sh      vertical stride
 * @param sw      horizontal stride
 * @param padTop  rows of padding above
 * @param padLeft columns of padding on the left
 * @param dh      vertical dilation
 * @param dw      horizontal dilation
 */
public record Window2d(int kh, int kw, int sh, int sw, int padTop, int padLeft, int dh, int dw) {
    /** @throws IllegalArgumentException for non-positive sizes, strides or dilations, or negative padding */
    public Window2d {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || dh < 1 || dw < 1 || padTop < 0 || padLeft < 0)
            throw new IllegalArgumentException("bad window " + kh + "x" + kw + " stride " + sh + "x" + sw + " dilation "
                    + dh + "x" + dw + " pads " + padTop + "," + padLeft);
    }

    /** {@return the input row of window row {@code i} at output row {@code oy} (may be outside the input)} */
    int row(int oy, int i) {
        return oy * sh - padTop + i * dh;
    }

    /** {@return the input column of window column {@code j} at output column {@code ox}} */
    int col(int ox, int j) {
        return ox * sw - padLeft + j * dw;
    }

    /** {@return the first window index whose input row (or column) at output {@code o} lies in {@code [0, size)}} */
    int firstInside(int o, int k, int size, boolean rows) {
        int i = 0;
        while (i < k && at(o, i, rows) < 0) i++;
        return i;
    }

    /** {@return one past the last window index whose input row (or column) at output {@code o} lies in the input} */
    int endInside(int o, int k, int size, boolean rows) {
        int i = k;
        while (i > 0 && at(o, i - 1, rows) >= size) i--;
        return Math.max(i, firstInside(o, k, size, rows));
    }

    private int at(int o, int i, boolean rows) {
        return rows ? row(o, i) : col(o, i);
    }
}
