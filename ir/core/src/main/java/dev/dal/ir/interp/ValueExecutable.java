package dev.dal.ir.interp;

import java.util.List;

/**
 * An op the interpreter can run on any {@link RuntimeValue}, sequences and optionals included (Identity, and the
 * sequence and optional ops). The interpreter prefers this to {@link Executable} when an op implements both; ops
 * implementing only {@link Executable} get an error naming the operand when a non-tensor reaches them.
 */
public interface ValueExecutable {
    /**
     * {@return the result values, one per result}
     *
     * @param operands the operand values, one per operand, in operand order (absent ones are {@link Tensor#none()})
     * @param ctx      the run's thread pool, the op, and a way to run the op's regions
     */
    List<RuntimeValue> executeValues(List<RuntimeValue> operands, ExecContext ctx);
}
