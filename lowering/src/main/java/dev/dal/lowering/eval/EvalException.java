package dev.dal.lowering.eval;

/**
 * A user error found while evaluating: models whose inputs or outputs differ, a sample that does not fit the model,
 * labels that do not fit the outputs. The message names the file, input or output and is shown as
 * {@code error: <message>}.
 */
public final class EvalException extends Exception {
    private static final long serialVersionUID = 1L;

    public EvalException(String message) {
        super(message);
    }
}
