package dev.dal.ir.interp;

import java.util.List;

/**
 * An ONNX sequence: an ordered list of tensors of one element type (their shapes may differ).
 *
 * @param tensors the elements, in order (an immutable copy)
 */
public record TensorSequence(List<Tensor> tensors) implements RuntimeValue {
    /** Copies the list. */
    public TensorSequence {
        tensors = List.copyOf(tensors);
    }

    @Override
    public String describe() {
        return "sequence of " + tensors.size() + " tensors";
    }
}
