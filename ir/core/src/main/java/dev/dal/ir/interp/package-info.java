/**
 * The interpreter: runtime tensors ({@link dev.dal.ir.interp.Tensor}, {@link dev.dal.ir.interp.DType}, NumPy files
 * through {@link dev.dal.ir.interp.Npy}) and a Truffle engine ({@link dev.dal.ir.interp.Interpreter}) that runs the
 * functions of a module.
 *
 * <p>How an op becomes executable: its class implements {@link dev.dal.ir.interp.Executable} (for generated ops, a
 * default method in the op's declaration interface) and calls a kernel with its attributes and
 * {@link dev.dal.ir.interp.ExecContext#pool()}. Ops with regions (If, Loop) run them through
 * {@link dev.dal.ir.interp.ExecContext#runRegion}. Values are {@link dev.dal.ir.interp.RuntimeValue}s: tensors, and
 * ONNX's sequences and optionals, which only ops implementing {@link dev.dal.ir.interp.ValueExecutable} see. Constants ({@code graph.constant}, {@code dal.constant}),
 * {@code graph.none}, {@code func.call} and terminators are handled by the engine itself.
 *
 * <p>Tools observe runs with an {@link dev.dal.ir.interp.OpProbe} passed in {@link dev.dal.ir.interp.RunOptions}.
 * Errors are {@link dev.dal.ir.interp.InterpreterException}s whose message is {@code location: error: ...}.
 */
package dev.dal.ir.interp;
