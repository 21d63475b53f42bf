package dev.dal.tools.opt;

import dev.dal.ir.pass.OptionInfo;
import dev.dal.ir.pass.Pass;
import dev.dal.ir.pass.PassRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pass options written as top-level flags: {@code dal-opt --fuse --quantize --accuracy-level=1 --calibration-data DIR
 * in.ir}. A flag {@code --<name>[=value]} (or {@code --<name> value}) that is not a dal-opt flag attaches to the
 * closest preceding pass flag that has an option {@code name}, as if written {@code --quantize='accuracy-level=1
 * calibration-data=DIR'}. A boolean option written bare means true.
 */
final class PassOptionFlags {
    /** A command line that names an option no preceding pass flag has. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private PassOptionFlags() {}

    /**
     * {@return the arguments with each option flag folded into its pass flag}
     *
     * @param args        the command line
     * @param registry    the passes
     * @param valueFlags  dal-opt's flags that take the next argument as their value
     * @param knownFlags  all dal-opt flags (with and without values)
     * @throws UsageException for an option flag no preceding pass flag takes, or one missing its value
     */
    static String[] attach(String[] args, PassRegistry registry, Set<String> valueFlags, Set<String> knownFlags)
            throws UsageException {
        List<String> out = new ArrayList<>();
        // position in out of each pass flag seen so far -> the options given to it as separate flags
        Map<Integer, List<String>> extra = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> optionTypes = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                for (int k = i; k < args.length; k++) out.add(args[k]);
                break;
            }
            if (!a.startsWith("--")) {
                out.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = a.substring(2, eq < 0 ? a.length() : eq);
            if (registry.contains(name)) {
                optionTypes.put(out.size(), types(registry.create(name).orElseThrow()));
                extra.put(out.size(), new ArrayList<>());
                out.add(a);
                continue;
            }
            if (knownFlags.contains("--" + name)) {
                out.add(a);
                if (eq < 0 && valueFlags.contains("--" + name) && i + 1 < args.length) out.add(args[++i]);
                continue;
            }
            Optional<Integer> owner = optionTypes.keySet().stream()
                    .filter(p -> optionTypes.get(p).containsKey(name))
                    .reduce((x, y) -> y);
            if (owner.isEmpty())
                throw new UsageException(
                        "'--" + name + "' is neither a dal-opt flag nor an option of a pass flag before" + " it");
            String value;
            if (eq >= 0) value = a.substring(eq + 1);
            else if (optionTypes.get(owner.get()).get(name).equals("boolean")) value = "true";
            else if (i + 1 < args.length) value = args[++i];
            else throw new UsageException("'--" + name + "' needs a value");
            extra.get(owner.get()).add(name + "=" + quoted(value));
        }
        for (Map.Entry<Integer, List<String>> e : extra.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            String flag = out.get(e.getKey());
            String joined = String.join(" ", e.getValue());
            out.set(
                    e.getKey(),
                    flag.contains("=") && !flag.endsWith("=")
                            ? flag + " " + joined
                            : flag.replaceAll("=$", "") + "=" + joined);
        }
        return out.toArray(String[]::new);
    }

    private static Map<String, String> types(Pass p) {
        Map<String, String> m = new LinkedHashMap<>();
        for (OptionInfo o : p.options()) m.put(o.name(), o.type());
        return m;
    }

    /** {@return the value as pipeline text: quoted when it holds spaces, braces or quotes} */
    private static String quoted(String v) {
        if (v.isEmpty() || v.chars().anyMatch(c -> " {}'\"".indexOf(c) >= 0))
            return v.contains("'") ? "\"" + v + "\"" : "'" + v + "'";
        return v;
    }
}
