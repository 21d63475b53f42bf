package dev.dal.ir.diag;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named text being parsed or checked, with line starts indexed so that offsets turn into {@code line:col}
 * positions (both 1-based, columns in characters) and source lines can be shown under a diagnostic.
 */
public final class SourceFile {
    private final String name;
    private final CharSequence text;
    private int[] lineStarts;

    public SourceFile(String name, CharSequence text) {
        this.name = Objects.requireNonNull(name);
        this.text = Objects.requireNonNull(text);
    }

    /** {@return the name shown in diagnostics (a path, or {@code <stdin>})} */
    public String name() {
        return name;
    }

    /** {@return the whole text} */
    public CharSequence text() {
        return text;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int n = 0;
            starts[n++] = 0;
            if (text instanceof ByteText || text instanceof String) {
                // Vectorised search (String.indexOf is an intrinsic, ByteText reads eight bytes at a time).
                for (int i = nextNewline(0); i >= 0; i = nextNewline(i + 1)) {
                    if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                    starts[n++] = i + 1;
                }
            } else {
                for (int i = 0, len = text.length(); i < len; i++) {
                    if (text.charAt(i) == '\n') {
                        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                        starts[n++] = i + 1;
                    }
                }
            }
            lineStarts = Arrays.copyOf(starts, n);
        }
        return lineStarts;
    }

    private int nextNewline(int from) {
        return text instanceof ByteText b ? b.indexOf((byte) '\n', from) : ((String) text).indexOf('\n', from);
    }

    /** {@return the 1-based line of a character offset} */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts(), offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** {@return the 1-based column of a character offset} */
    public int columnOf(int offset) {
        return offset - lineStarts()[lineOf(offset) - 1] + 1;
    }

    /** {@return the offset of a 1-based line and column (clamped to the text)} */
    public int offsetOf(int line, int column) {
        int[] s = lineStarts();
        if (line < 1) return 0;
        if (line > s.length) return text.length();
        return Math.min(text.length(), s[line - 1] + Math.max(0, column - 1));
    }

    /** {@return the number of lines} */
    public int lineCount() {
        return lineStarts().length;
    }

    /** {@return the text of a 1-based line, without its line break} */
    public String line(int line) {
        int[] s = lineStarts();
        if (line < 1 || line > s.length) return "";
        int start = s[line - 1];
        int end = line < s.length ? s[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.subSequence(start, Math.max(start, end)).toString();
    }
}
