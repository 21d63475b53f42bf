package dev.dal.lowering.quantize.data;

import dev.dal.ir.interp.Tensor;
import java.util.Map;

/**
 * A bounded, indexed set of model input samples. Samples are read on demand, so a large data set is never held in
 * memory at once, and {@link #sample(int)} may be called from several threads at the same time.
 */
public interface SampleSet {
    /** {@return how many samples the set holds} */
    int size();

    /**
     * {@return sample {@code i}: one tensor per model input, by input name}
     *
     * @throws DataException if the sample cannot be read or does not fit the model; the message names its source
     */
    Map<String, Tensor> sample(int i) throws DataException;

    /** {@return where sample {@code i} comes from, for messages ({@code "images.npy[3]"}, {@code "a/0.png"})} */
    String source(int i);

    /**
     * {@return whether these are the first samples of a larger set, cut by {@link ReadOptions#limit()}}: labels for
     * the whole set then apply to these samples
     */
    default boolean bounded() {
        return false;
    }
}
