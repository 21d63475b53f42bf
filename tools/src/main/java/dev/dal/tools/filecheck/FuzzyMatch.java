package dev.dal.tools.filecheck;

/**
 * Picks the "possible intended match" for a failed check: the input position (within 4 KiB of the scan start)
 * whose same-length text has the smallest edit distance to the pattern, with a small penalty per line skipped.
 */
final class FuzzyMatch {
    private static final int WINDOW = 4096;
    private static final int MAX_PATTERN = 256;

    private FuzzyMatch() {}

    /** {@return the offset from {@code from} of the best candidate, or -1 when nothing is close enough} */
    static int best(String pattern, String in, int from, int end) {
        String pat = pattern.length() > MAX_PATTERN ? pattern.substring(0, MAX_PATTERN) : pattern;
        if (pat.isEmpty()) return -1;
        int limit = Math.min(WINDOW, end - from);
        int best = -1;
        double bestQuality = 0;
        int lines = 0;
        int[] prev = new int[pat.length() + 1];
        int[] cur = new int[pat.length() + 1];
        for (int i = 0; i < limit; i++) {
            char c = in.charAt(from + i);
            if (c == '\n') lines++;
            if (c == ' ' || c == '\t') continue;
            int candEnd = Math.min(end, from + i + pat.length());
            int nl = in.indexOf('\n', from + i);
            if (nl >= 0 && nl < candEnd) candEnd = nl;
            double quality = distance(pat, in, from + i, candEnd, prev, cur) + lines / 100.0;
            if (best < 0 || quality < bestQuality) {
                best = i;
                bestQuality = quality;
            }
        }
        return best > 0 && bestQuality < 50 ? best : -1;
    }

    private static int distance(String a, String in, int s, int e, int[] prev, int[] cur) {
        int m = a.length();
        int n = e - s;
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            char c = in.charAt(s + i - 1);
            for (int j = 1; j <= m; j++) {
                int sub = prev[j - 1] + (a.charAt(j - 1) == c ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            System.arraycopy(cur, 0, prev, 0, m + 1);
        }
        return prev[m];
    }
}
