package dev.dal.tools.filecheck;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Prints LLVM SourceMgr-style messages: {@code file:line:col: kind: message}, the source line and a caret. */
final class Diagnostics {
    private final PrintStream out;

    Diagnostics(PrintStream out) {
        this.out = out;
    }

    /** Writes text that may hold input bytes (ISO-8859-1 chars) unchanged. */
    void raw(String text) {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length());
    }

    void error(SourceText src, int pos, String message) {
        print(src, pos, 0, "error", message);
    }

    void note(SourceText src, int pos, String message) {
        print(src, pos, 0, "note", message);
    }

    /** Prints a message with a caret at {@code pos} and {@code ~} under the rest of a range of {@code len}. */
    void print(SourceText src, int pos, int len, String kind, String message) {
        int start = src.lineStart(pos);
        int end = src.lineEnd(pos);
        StringBuilder sb = new StringBuilder();
        sb.append(src.name())
                .append(':')
                .append(src.line(pos))
                .append(':')
                .append(src.column(pos))
                .append(": ")
                .append(kind)
                .append(": ")
                .append(message)
                .append('\n');
        String lineText = src.text().substring(start, end);
        StringBuilder line = new StringBuilder();
        StringBuilder caret = new StringBuilder();
        int caretCol = Math.min(pos, end) - start;
        int rangeEnd = Math.min(caretCol + Math.max(len, 1), lineText.length() + 1);
        for (int i = 0; i <= lineText.length(); i++) {
            char c = i < lineText.length() ? lineText.charAt(i) : ' ';
            // Expand tabs to 8-column stops so the caret line stays aligned, as SourceMgr does.
            int width = c == '\t' ? 8 - line.length() % 8 : 1;
            char mark = i == caretCol ? '^' : (i > caretCol && i < rangeEnd ? '~' : ' ');
            for (int k = 0; k < width; k++) {
                if (i < lineText.length()) line.append(c == '\t' ? ' ' : c);
                caret.append(k == 0 ? mark : (mark == '~' ? '~' : ' '));
            }
        }
        sb.append(line).append('\n').append(stripTrailing(caret)).append('\n');
        raw(sb.toString());
    }

    private static String stripTrailing(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') n--;
        return sb.substring(0, n);
    }
}
