package dev.dal.tools.filecheck;

/**
 * A buffer FileCheck reports positions in (the check file, the input, the command line). Text is held as
 * ISO-8859-1, one char per byte, so columns and regex semantics are byte-based like LLVM's.
 */
record SourceText(String name, String text) {

    /** {@return the 1-based line of {@code pos}} */
    int line(int pos) {
        int line = 1;
        int limit = Math.min(pos, text.length());
        for (int i = text.indexOf('\n'); i >= 0 && i < limit; i = text.indexOf('\n', i + 1)) line++;
        return line;
    }

    /** {@return the offset at which the line holding {@code pos} starts} */
    int lineStart(int pos) {
        int p = Math.min(pos, text.length());
        return p == 0 ? 0 : text.lastIndexOf('\n', p - 1) + 1;
    }

    /** {@return the offset of the line end (the newline or the end of the text) of the line holding {@code pos}} */
    int lineEnd(int pos) {
        int e = text.indexOf('\n', Math.min(pos, text.length()));
        return e < 0 ? text.length() : e;
    }

    /** {@return the 1-based column of {@code pos}} */
    int column(int pos) {
        return Math.min(pos, text.length()) - lineStart(pos) + 1;
    }
}
