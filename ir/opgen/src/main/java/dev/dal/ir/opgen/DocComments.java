package dev.dal.ir.opgen;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an op declaration's doc comment into a summary line and Markdown for the reference page. */
final class DocComments {
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+");

    private DocComments() {}

    /** {@return the first sentence, without tags, HTML or the trailing period; empty if there is no comment} */
    static String summary(String doc) {
        String text = markdown(doc).strip();
        int end = text.length();
        int para = text.indexOf("\n\n");
        if (para >= 0) end = para;
        int fence = text.indexOf("```");
        if (fence >= 0) end = Math.min(end, fence);
        Matcher m = Pattern.compile("\\.(\\s|$)").matcher(text.substring(0, end));
        if (m.find()) end = m.start();
        return text.substring(0, end).replaceAll("\\s+", " ").replace("`", "").strip();
    }

    /**
     * {@return the comment as Markdown: {@code <pre>{@code ...}</pre>} becomes a fenced {@code mlir} block,
     * {@code {@code x}} becomes {@code `x`}, {@code <p>} a paragraph break; block tags ({@code @see}) are dropped}
     */
    static String markdown(String doc) {
        if (doc == null) return "";
        StringBuilder out = new StringBuilder();
        String s = stripBlockTags(doc);
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("<pre>", i)) {
                int close = s.indexOf("</pre>", i);
                if (close < 0) close = s.length();
                String body = s.substring(i + 5, close).stripTrailing().replaceFirst("^\\s*\\n", "");
                String code = body.strip();
                if (code.startsWith("{@code") && code.endsWith("}"))
                    body = code.substring(6, code.length() - 1).replaceFirst("^[ \t]*\n", "");
                out.append("\n```mlir\n").append(stripIndent(body)).append("\n```\n");
                i = Math.min(s.length(), close + 6);
                continue;
            }
            Matcher tag = INLINE_TAG.matcher(s).region(i, s.length());
            if (tag.lookingAt()) {
                int end = matchingBrace(s, i);
                String body = s.substring(tag.end(), end).strip();
                if (tag.group(1).startsWith("link")) body = body.replace('#', '.');
                out.append('`').append(body).append('`');
                i = Math.min(s.length(), end + 1);
                continue;
            }
            if (s.startsWith("<p>", i)) {
                out.append("\n\n");
                i += 3;
                continue;
            }
            out.append(s.charAt(i++));
        }
        return out.toString()
                .replaceAll("[ \t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static String stripBlockTags(String doc) {
        StringBuilder out = new StringBuilder();
        boolean inTag = false;
        for (String line : doc.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("@")) inTag = true;
            else if (t.isEmpty()) inTag = false;
            // javadoc keeps the space after each line's asterisk; drop it so Markdown lines start flush
            if (!inTag)
                out.append(line.startsWith(" ") ? line.substring(1) : line).append('\n');
        }
        return out.toString();
    }

    /** {@return the index of the brace closing the inline tag that opens at {@code start}} */
    private static int matchingBrace(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return s.length();
    }

    /** Removes the common leading indentation of a code block's lines. */
    private static String stripIndent(String body) {
        String[] lines = body.split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int n = 0;
            while (n < l.length() && l.charAt(n) == ' ') n++;
            common = Math.min(common, n);
        }
        if (common == Integer.MAX_VALUE) common = 0;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lines.length; k++) {
            if (k > 0) out.append('\n');
            out.append(lines[k].length() >= common ? lines[k].substring(common) : lines[k].strip());
        }
        return out.toString().strip().isEmpty()
                ? ""
                : out.toString().stripTrailing().replaceFirst("^\n+", "");
    }
}
