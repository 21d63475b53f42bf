package dev.dal.lowering.eval;

import dev.dal.ir.interp.Tensor;
import java.util.Map;

/**
 * The samples an evaluation runs the models on, read on demand so that a large data set is never held whole. Sample
 * {@code i} may be read from any thread, once.
 */
public interface SampleSource {
    /** {@return how many samples there are} */
    int size();

    /** {@return how sample {@code i} is named in messages, e.g. {@code images.npy[12]}} */
    String describe(int i);

    /**
     * {@return the model inputs of sample {@code i}, by input name}
     *
     * @throws EvalException when the sample cannot be read or does not fit the model (naming the file and input)
     */
    Map<String, Tensor> inputs(int i) throws EvalException;

    /**
     * {@return whether these are the first samples of a larger set (bounded by a sample count)}: labels for the
     * whole set then apply to these samples' rows, the rest being ignored
     */
    default boolean bounded() {
        return false;
    }
}
