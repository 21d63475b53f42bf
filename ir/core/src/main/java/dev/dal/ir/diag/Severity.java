package dev.dal.ir.diag;

/** How serious a diagnostic is; the words are the ones printed ({@code error:}, {@code warning:}, ...). */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note"),
    REMARK("remark");

    private final String word;

    Severity(String word) {
        this.word = word;
    }

    /** {@return the word printed before the message} */
    public String word() {
        return word;
    }
}
