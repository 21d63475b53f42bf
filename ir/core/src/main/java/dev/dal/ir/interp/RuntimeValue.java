package dev.dal.ir.interp;

/**
 * A value the interpreter passes between ops: a {@link Tensor} (almost always), an ONNX sequence of tensors
 * ({@link TensorSequence}, IR type {@code !graph.seq<tensor<...>>}) or an ONNX optional ({@link OptionalValue}, IR type
 * {@code !graph.opt<...>}). Ops that implement {@link Executable} see tensors only; ops that take or make sequences
 * and optionals implement {@link ValueExecutable}.
 */
public sealed interface RuntimeValue permits Tensor, TensorSequence, OptionalValue {
    /** {@return a short description for messages: {@code tensor<2xf32>}, {@code seq of 3}, {@code optional(none)}} */
    String describe();
}
