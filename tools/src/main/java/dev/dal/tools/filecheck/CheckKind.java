package dev.dal.tools.filecheck;

/** The directive a check line uses, as FileCheck names them (the suffix after the prefix). */
enum CheckKind {
    PLAIN(""),
    NEXT("-NEXT"),
    SAME("-SAME"),
    NOT("-NOT"),
    DAG("-DAG"),
    LABEL("-LABEL"),
    EMPTY("-EMPTY"),
    /** The implicit check at the end of the input that carries trailing CHECK-NOT/-DAG lines. */
    EOF("");

    private final String suffix;

    CheckKind(String suffix) {
        this.suffix = suffix;
    }

    /** {@return the directive's suffix, such as {@code -NEXT}} */
    String suffix() {
        return suffix;
    }
}
