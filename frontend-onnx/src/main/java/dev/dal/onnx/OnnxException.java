package dev.dal.onnx;

/**
 * A model the frontend cannot read or write: the message is complete and user-facing ({@code file: error: ...},
 * naming the node or file), so tools print it as is.
 */
public final class OnnxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with its user-facing message. */
    public OnnxException(String message) {
        super(message);
    }
}
