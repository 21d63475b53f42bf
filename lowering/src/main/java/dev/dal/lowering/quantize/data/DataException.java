package dev.dal.lowering.quantize.data;

/**
 * Calibration or evaluation data that cannot be used: a missing or unreadable file, a tensor whose shape or dtype
 * does not fit the model input, an empty folder, a bad option. The message names the file and the input.
 */
public final class DataException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its user-facing message. */
    public DataException(String message) {
        super(message);
    }

    /** Creates the exception with its user-facing message and the failure underneath. */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
