package dev.dal.tools.filecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The annotated input dump printed after a failure (--dump-input=fail, the default) or always: the input lines
 * around each annotation, and under a line a marker row such as {@code check:3'0 X~~~ error: no match found}.
 */
final class InputDump {
    /** One annotation: a marker starting at input offset {@code pos}, spanning {@code len} chars of its line. */
    record Note(String label, int pos, int len, char marker, String message) {}

    private static final int CONTEXT = 5;
    private final List<Note> notes = new ArrayList<>();

    void add(CheckPattern pat, int index, int pos, int len, char marker, String message) {
        String kind = switch (pat.kind) {
            case PLAIN -> pat.count > 1 ? "count" : "check";
            case EOF -> "eof";
            default -> pat.kind.name().toLowerCase(java.util.Locale.ROOT);
        };
        notes.add(new Note(kind + ":" + pat.lineNumber + (index >= 0 ? "'" + index : ""), pos, len, marker, message));
    }

    boolean isEmpty() {
        return notes.isEmpty();
    }

    String render(SourceText input, String checkName, boolean all) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nInput file: ")
                .append(input.name())
                .append("\nCheck file: ")
                .append(checkName)
                .append("\n\n-dump-input=help explains the following input dump.\n\nInput was:\n<<<<<<\n");
        String text = input.text();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0 && i + 1 <= text.length(); i = text.indexOf('\n', i + 1)) {
            if (i + 1 < text.length()) starts.add(i + 1);
        }
        TreeMap<Integer, List<Note>> byLine = new TreeMap<>();
        int labelWidth = 0;
        for (Note n : notes) {
            int line = lineIndex(starts, n.pos());
            byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(n);
            labelWidth = Math.max(labelWidth, n.label().length());
        }
        int numWidth = Math.max(String.valueOf(starts.size()).length(), labelWidth + 3);
        boolean[] show = new boolean[starts.size()];
        for (int l = 0; l < starts.size(); l++) {
            if (all) show[l] = true;
        }
        for (int l : byLine.keySet()) {
            for (int k = Math.max(0, l - CONTEXT); k <= Math.min(starts.size() - 1, l + CONTEXT); k++) show[k] = true;
        }
        boolean elided = false;
        for (int l = 0; l < starts.size(); l++) {
            if (!show[l]) {
                if (!elided)
                    sb.append(" ".repeat(numWidth - 1))
                            .append(".\n")
                            .append(" ".repeat(numWidth - 1))
                            .append(".\n")
                            .append(" ".repeat(numWidth - 1))
                            .append(".\n");
                elided = true;
                continue;
            }
            elided = false;
            int s = starts.get(l);
            int e = text.indexOf('\n', s);
            if (e < 0) e = text.length();
            String num = String.valueOf(l + 1);
            sb.append(" ".repeat(numWidth - num.length()))
                    .append(num)
                    .append(": ")
                    .append(text, s, e)
                    .append(" \n");
            for (Note n : byLine.getOrDefault(l, List.of())) {
                int col = Math.max(0, n.pos() - s);
                int span = Math.max(1, Math.min(n.len(), e - n.pos() + 1));
                sb.append(n.label())
                        .append(" ".repeat(Math.max(1, numWidth + 2 - n.label().length() + col)))
                        .append(n.marker())
                        .append("~".repeat(span - 1));
                if (!n.message().isEmpty()) {
                    // Messages start after the input text of the line, as in LLVM's dump.
                    int gap = Math.max(1, (e - s) + 2 - (col + span));
                    sb.append(" ".repeat(gap)).append(n.message());
                }
                sb.append('\n');
            }
        }
        return sb.append(">>>>>>\n").toString();
    }

    private static int lineIndex(List<Integer> starts, int pos) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= pos) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
