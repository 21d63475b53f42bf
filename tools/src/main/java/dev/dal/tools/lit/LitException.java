package dev.dal.tools.lit;

import java.io.Serial;

/**
 * A user-facing error in a suite config, a test file's directives or a RUN line; its message is already formatted as
 * {@code file:line: error: message} (or just {@code error: message} when no location applies).
 */
public final class LitException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates an error with an already formatted message. */
    public LitException(String message) {
        super(message);
    }

    /** {@return an error located at {@code file:line}} */
    public static LitException at(String file, int line, String message) {
        return new LitException(file + ":" + line + ": error: " + message);
    }
}
