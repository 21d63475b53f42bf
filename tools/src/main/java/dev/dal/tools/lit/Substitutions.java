package dev.dal.tools.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands lit's substitutions in a RUN command. As in lit, the suite's own substitutions are applied first, in
 * order, then the built-in ones ({@code %s}, {@code %S}, {@code %p}, {@code %t}, {@code %T}, {@code %basename_t},
 * {@code %{pathsep}}, {@code %/s}..., {@code %%}). Each substitution is applied once; an unknown {@code %x} is left
 * as written (lit does the same; the command then usually fails).
 */
public final class Substitutions {
    private static final String PERCENT_MARKER = "#_MARKER_#";
    private final List<Map.Entry<String, String>> ordered;

    private Substitutions(List<Map.Entry<String, String>> ordered) {
        this.ordered = ordered;
    }

    /** {@return the substitutions for {@code test}, without test-local definitions} */
    public static Substitutions forTest(LitTest test) {
        return forTest(test, List.of(), test.suite().substitutions());
    }

    /**
     * {@return the substitutions for {@code test}}
     *
     * @param local the test's DEFINE'd substitutions in effect, newest first (lit puts each new one at the front, so
     *     a definition may use the ones defined before it)
     * @param suite the suite's substitutions, with any REDEFINE of them applied
     */
    public static Substitutions forTest(
            LitTest test, List<Map.Entry<String, String>> local, Map<String, String> suite) {
        List<Map.Entry<String, String>> subs = new ArrayList<>();
        // %% is hidden first so that the suite's and the built-in patterns never see an escaped percent.
        subs.add(Map.entry("%%", PERCENT_MARKER));
        subs.addAll(local);
        subs.addAll(suite.entrySet());
        Path source = test.file();
        Path sourceDir = source.getParent();
        Path tmpBase = test.tmpBase();
        String tmp = tmpBase + ".tmp";
        String tmpDir = tmpBase.getParent().toString();
        subs.add(Map.entry("%{pathsep}", java.io.File.pathSeparator));
        subs.add(Map.entry("%{fs-src-root}", "/"));
        subs.add(Map.entry("%{fs-tmp-root}", "/"));
        subs.add(Map.entry("%{fs-sep}", "/"));
        subs.add(Map.entry("%basename_t", tmpBase.getFileName().toString()));
        for (String prefix : List.of("%/", "%:", "%{/", "%")) {
            if (prefix.equals("%{/")) continue;
            subs.add(Map.entry(prefix + "s", source.toString()));
            subs.add(Map.entry(prefix + "S", sourceDir.toString()));
            subs.add(Map.entry(prefix + "p", sourceDir.toString()));
            subs.add(Map.entry(prefix + "t", tmp));
            subs.add(Map.entry(prefix + "T", tmpDir));
        }
        subs.add(Map.entry(PERCENT_MARKER, "%"));
        return new Substitutions(subs);
    }

    /** {@return {@code command} with every substitution applied once, in order} */
    public String apply(String command) {
        String s = command;
        for (Map.Entry<String, String> e : ordered) {
            if (s.contains(e.getKey())) s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }
}
