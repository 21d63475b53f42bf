package dev.dal.ir.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --split-input-file}: cuts a file at lines starting with {@code // -----} into chunks that are parsed
 * separately. Each chunk is a {@link SourceFile} of the same name whose text keeps the chunk at its original lines
 * (the lines before it are left empty), so offsets, lines, columns and diagnostics all point into the original
 * file.
 */
public final class SplitInput {
    /** The marker, as in MLIR. */
    public static final String MARKER = "// -----";

    private SplitInput() {}

    /** {@return the chunks of a file (the file itself if it has no marker)} */
    public static List<SourceFile> split(SourceFile file) {
        List<SourceFile> out = new ArrayList<>();
        CharSequence t = file.text();
        int n = file.lineCount();
        int chunkStartLine = 1;
        for (int line = 1; line <= n; line++) {
            if (isMarker(t, file, line)) {
                out.add(chunk(file, chunkStartLine, line));
                chunkStartLine = line + 1;
            }
        }
        if (out.isEmpty()) return List.of(file);
        out.add(chunk(file, chunkStartLine, n + 1));
        return out;
    }

    private static boolean isMarker(CharSequence t, SourceFile f, int line) {
        int at = f.offsetOf(line, 1);
        if (at + MARKER.length() > t.length()) return false;
        for (int i = 0; i < MARKER.length(); i++) if (t.charAt(at + i) != MARKER.charAt(i)) return false;
        return true;
    }

    /** Lines {@code [from, to)} of the file, preceded by {@code from - 1} empty lines. */
    private static SourceFile chunk(SourceFile f, int from, int to) {
        int start = f.offsetOf(from, 1);
        int end = to > f.lineCount() ? f.text().length() : f.offsetOf(to, 1);
        StringBuilder sb = new StringBuilder(from - 1 + end - start);
        sb.repeat('\n', from - 1);
        sb.append(f.text(), start, end);
        return new SourceFile(f.name(), sb.toString());
    }
}
