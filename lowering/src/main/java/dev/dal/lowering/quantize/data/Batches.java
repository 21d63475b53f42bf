package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.DType;
import dev.dal.ir.interp.Tensor;
import java.util.Arrays;

/**
 * How a stored array maps to samples of one model input: either it is one sample (its shape is the input's, or the
 * input's without a leading batch dimension of 1), or its first axis indexes samples (each of the input's shape, or
 * of its shape without the batch dimension of 1, which is then added back).
 *
 * @param array      the stored array
 * @param count      how many samples it holds
 * @param sampleDims the shape of one sample as the model takes it
 * @param indexed    whether the first axis of {@code array} indexes samples
 */
record Batches(Tensor array, int count, int[] sampleDims, boolean indexed) {

    /**
     * {@return how {@code array}, read from {@code source}, holds samples of {@code input}}
     *
     * @throws DataException naming the source and the input when the dtype or shape does not fit
     */
    static Batches of(Tensor array, ModelInput input, String source) throws DataException {
        if (array.dtype() != input.dtype())
            throw new DataException(source + ": holds " + ModelInput.lower(array.dtype()) + " data, input '"
                    + input.name() + "' takes " + input.typeText());
        int[] s = array.shape();
        int r = input.rank();
        boolean batchOfOne = r > 0 && (input.dim(0) == 1 || input.dim(0) < 0);
        if (s.length == r && input.shapeFits(s, 0) && !(input.dim(0) < 0 && s[0] != 1))
            return new Batches(array, 1, s, false);
        if (s.length == r - 1 && batchOfOne && input.shapeFits(s, 1))
            return new Batches(array, 1, prepend(1, s), false);
        int[] rest = Arrays.copyOfRange(s, Math.min(1, s.length), s.length);
        if (s.length == r + 1 && input.shapeFits(rest, 0)) return new Batches(array, s[0], rest, true);
        if (s.length == r && batchOfOne && input.shapeFits(rest, 1))
            return new Batches(array, s[0], prepend(1, rest), true);
        throw new DataException(source + ": shape " + Tensor.shapeText(s) + " does not fit input '" + input.name()
                + "' of type " + input.typeText() + " (expected one sample of that shape, or an array whose first "
                + "axis indexes samples)");
    }

    private static int[] prepend(int d, int[] s) {
        int[] out = new int[s.length + 1];
        out[0] = d;
        System.arraycopy(s, 0, out, 1, s.length);
        return out;
    }

    /** {@return sample {@code i} (a view or copy of its elements, shaped as the model takes it)} */
    Tensor sample(int i) {
        if (!indexed) return array.reshape(sampleDims);
        if (array.dtype() == DType.STRING) throw new IllegalStateException("string samples are not sliced");
        int per = array.size() / count;
        Object whole = array.array();
        Object part = java.lang.reflect.Array.newInstance(whole.getClass().getComponentType(), per);
        System.arraycopy(whole, i * per, part, 0, per);
        return Tensor.ofArray(array.dtype(), part, sampleDims);
    }
}
