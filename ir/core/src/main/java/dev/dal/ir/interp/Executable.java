package dev.dal.ir.interp;

import java.util.List;

/**
 * An op the interpreter can run: it maps the runtime values of its operands to the values of its results.
 *
 * <p>Implemented by op classes (the op is {@code this}, so attributes come from its typed accessors; the same op is
 * also {@link ExecContext#op()}). Absent optional operands arrive as {@link Tensor#none()}. An implementation must not
 * change its operand tensors and must return one tensor per result (absent optional results may be
 * {@link Tensor#none()}).
 */
public interface Executable {
    /**
     * {@return the result tensors, one per result}
     *
     * @param operands the operand values, one per operand, in operand order
     * @param ctx      the run's thread pool, the op, and a way to run the op's regions
     * @throws InterpreterException for bad runtime values (use {@link ExecContext#error(String)} so it names the op)
     */
    List<Tensor> execute(List<Tensor> operands, ExecContext ctx);
}
