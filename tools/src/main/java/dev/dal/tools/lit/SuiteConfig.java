package dev.dal.tools.lit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test suite's configuration, read from {@value #FILE_NAME} in the suite's root folder. The same file is read by
 * the suite's {@code lit.cfg.py}, so name, suffixes, exclusions, features and substitutions live in one place for
 * both dal-lit and LLVM's lit.
 *
 * <p>Format: one {@code key = value} per line; {@code #} starts a comment line. Keys: {@code name}, {@code suffixes}
 * (space separated, e.g. {@code .ir .test}), {@code excludes} (file or folder names never treated as tests),
 * {@code features} (space separated), {@code exec_root} (where {@code Output/} folders go, relative to the suite root),
 * {@code substitution.<pattern>} (a literal text replaced in RUN lines, e.g. {@code substitution.%{hello} = echo hi})
 * {@code tool.<name>} (the command LLVM's lit runs for a DAL tool; dal-lit runs registered tools in-process) and
 * {@code path} (folders put before {@code PATH} for the tests' commands, e.g. LLVM's {@code split-file}). In
 * values, {@code @SUITE_ROOT@} stands for the suite's root folder.
 *
 * @param name the suite name shown in test names ({@code name :: path})
 * @param sourceRoot the folder holding the config file
 * @param execRoot where per-test temporary files go
 * @param suffixes file name suffixes that make a file a test
 * @param excludes file or folder names skipped during discovery
 * @param features the features {@code REQUIRES:}/{@code UNSUPPORTED:}/{@code XFAIL:} can name
 * @param substitutions project-defined substitutions, applied in order before the built-in ones (as lit does)
 * @param tools DAL tool names mapped to the command LLVM's lit should run for them
 * @param path folders searched for commands before the inherited {@code PATH}
 */
public record SuiteConfig(
        String name,
        Path sourceRoot,
        Path execRoot,
        List<String> suffixes,
        Set<String> excludes,
        Set<String> features,
        Map<String, String> substitutions,
        Map<String, String> tools,
        List<String> path) {
    /** The config file name both runners look for. */
    public static final String FILE_NAME = "lit.suite.properties";

    /** Defensive copies. */
    public SuiteConfig {
        suffixes = List.copyOf(suffixes);
        excludes = Set.copyOf(excludes);
        features = Set.copyOf(features);
        substitutions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(substitutions));
        tools = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tools));
        path = List.copyOf(path);
    }

    /** {@return a copy with another exec root (lit's {@code --param exec_root=...})} */
    public SuiteConfig withExecRoot(Path root) {
        return new SuiteConfig(name, sourceRoot, root, suffixes, excludes, features, substitutions, tools, path);
    }

    /** {@return a copy with extra features added (e.g. from {@code --param features=...})} */
    public SuiteConfig withFeatures(Set<String> extra) {
        Set<String> all = new LinkedHashSet<>(features);
        all.addAll(extra);
        return new SuiteConfig(name, sourceRoot, execRoot, suffixes, excludes, all, substitutions, tools, path);
    }

    /** {@return the nearest folder at or above {@code path} holding a {@value #FILE_NAME}} */
    public static Optional<Path> findRoot(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) p = p.getParent();
        for (; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(FILE_NAME))) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * Reads the config file in {@code root}.
     *
     * @throws LitException with {@code file:line: error: ...} for malformed lines, unknown keys or missing values
     */
    public static SuiteConfig load(Path root) {
        Path file = root.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LitException("error: cannot read suite config " + file + ": " + e.getMessage());
        }
        return parse(root, file.toString(), lines);
    }

    /** Parses config text; {@code fileName} is used in error messages only. */
    static SuiteConfig parse(Path root, String fileName, List<String> lines) {
        String name = null;
        String execRoot = null;
        List<String> suffixes = null;
        Set<String> excludes = new LinkedHashSet<>();
        Set<String> features = new LinkedHashSet<>();
        Map<String, String> subs = new LinkedHashMap<>();
        Map<String, String> tools = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        String rootText = root.toAbsolutePath().normalize().toString();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw LitException.at(fileName, lineNo, "expected 'key = value', got '" + line + "'");
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip().replace("@SUITE_ROOT@", rootText);
            if (key.isEmpty()) throw LitException.at(fileName, lineNo, "missing key before '='");
            List<String> words = value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
            if (key.startsWith("substitution.")) {
                String pattern = key.substring("substitution.".length());
                if (pattern.isEmpty()) throw LitException.at(fileName, lineNo, "empty substitution pattern");
                if (subs.put(pattern, value) != null)
                    throw LitException.at(fileName, lineNo, "duplicate substitution '" + pattern + "'");
            } else if (key.startsWith("tool.")) {
                String tool = key.substring("tool.".length());
                if (tool.isEmpty() || value.isEmpty())
                    throw LitException.at(fileName, lineNo, "tool mapping needs a name and a command");
                tools.put(tool, value);
            } else {
                switch (key) {
                    case "name" -> name = requireValue(fileName, lineNo, key, value);
                    case "exec_root" -> execRoot = requireValue(fileName, lineNo, key, value);
                    case "suffixes" -> {
                        for (String s : words) {
                            if (!s.startsWith("."))
                                throw LitException.at(fileName, lineNo, "suffix '" + s + "' must start with '.'");
                        }
                        suffixes = new ArrayList<>(words);
                    }
                    case "excludes" -> excludes.addAll(words);
                    case "features" -> features.addAll(words);
                    case "path" -> path.addAll(words);
                    default ->
                        throw LitException.at(
                                fileName,
                                lineNo,
                                "unknown key '" + key
                                        + "' (expected name, suffixes, excludes, features, exec_root, path, substitution.*, tool.*)");
                }
            }
        }
        if (name == null) throw LitException.at(fileName, 1, "missing 'name = ...'");
        if (suffixes == null || suffixes.isEmpty())
            throw LitException.at(fileName, 1, "missing 'suffixes = ...' (e.g. 'suffixes = .ir .test')");
        Path absRoot = root.toAbsolutePath().normalize();
        Path exec = execRoot == null ? absRoot : absRoot.resolve(execRoot).normalize();
        return new SuiteConfig(name, absRoot, exec, suffixes, excludes, features, subs, tools, path);
    }

    private static String requireValue(String file, int line, String key, String value) {
        if (value.isEmpty()) throw LitException.at(file, line, "'" + key + "' needs a value");
        return value;
    }
}
