package dev.dal.ir.pass;

/**
 * A pipeline string that cannot be used: an unknown pass or option, a bad option value, or a syntax error, with
 * the 0-based offset in the text where the problem is.
 */
public final class PipelineException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String text;
    private final int offset;

    /** Creates the error for {@code message} at {@code offset} of {@code text}. */
    public PipelineException(String message, String text, int offset) {
        super(message);
        this.text = text;
        this.offset = Math.max(0, Math.min(offset, text.length()));
    }

    /** {@return the pipeline text} */
    public String text() {
        return text;
    }

    /** {@return the 0-based offset of the problem in the text} */
    public int offset() {
        return offset;
    }

    /**
     * {@return the error as users see it: {@code <source>:1:col: error: message}, the pipeline text, and a caret
     * under the offending position}
     */
    public String render(String source) {
        return source + ":1:" + (offset + 1) + ": error: " + getMessage() + "\n" + text + "\n" + " ".repeat(offset)
                + "^\n";
    }
}
