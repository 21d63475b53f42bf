package dev.dal.tools.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs one test as lit's ShTest format does and decides its result code. */
public final class TestRunner {
    private final ToolRegistry tools;
    private final Map<String, String> environment;

    /**
     * @param tools the DAL tools that run in-process
     * @param environment the environment commands run with
     */
    public TestRunner(ToolRegistry tools, Map<String, String> environment) {
        this.tools = tools;
        this.environment = Map.copyOf(environment);
    }

    /** {@return the result of running {@code test}; never throws: a broken runner invariant makes it UNRESOLVED} */
    public TestResult run(LitTest test) {
        long start = System.nanoTime();
        try {
            return runChecked(test, start);
        } catch (RuntimeException e) {
            return new TestResult(test, ResultCode.UNRESOLVED, "internal error in dal-lit: " + e + "\n", since(start));
        }
    }

    private TestResult runChecked(LitTest test, long start) {
        TestResult.Builder b = new TestResult.Builder(test, start);
        TestScript script;
        try {
            script = TestScript.read(test.file());
        } catch (LitException e) {
            return b.done(ResultCode.UNRESOLVED, e.getMessage() + "\n");
        }
        if (script.runLines().isEmpty()) return b.done(ResultCode.UNRESOLVED, "Test has no 'RUN:' line\n");
        Set<String> features = test.suite().features();
        List<String> missing = new ArrayList<>();
        for (String req : script.requires()) {
            if (!FeatureExpr.evaluate(req, features)) missing.add(req);
        }
        if (!missing.isEmpty()) {
            return b.done(
                    ResultCode.UNSUPPORTED,
                    "Test requires the following unavailable features: " + String.join(", ", missing) + "\n");
        }
        List<String> unsupported = new ArrayList<>();
        for (String u : script.unsupported()) {
            if (FeatureExpr.evaluate(u, features)) unsupported.add(u);
        }
        if (!unsupported.isEmpty()) {
            return b.done(
                    ResultCode.UNSUPPORTED,
                    "Test does not support the following features and/or targets: " + String.join(", ", unsupported)
                            + "\n");
        }
        boolean expectFail = script.xfails().stream().anyMatch(x -> x.equals("*") || FeatureExpr.evaluate(x, features));

        List<ShNode> parsed = new ArrayList<>();
        StringBuilder scriptText = new StringBuilder();
        String parseError = null;
        List<Map.Entry<String, String>> local = new ArrayList<>();
        Map<String, String> suiteSubs = new LinkedHashMap<>(test.suite().substitutions());
        int nextDefine = 0;
        for (TestScript.RunLine rl : script.runLines()) {
            for (;
                    nextDefine < script.defines().size()
                            && script.defines().get(nextDefine).line() < rl.line();
                    nextDefine++) {
                String error = define(script.defines().get(nextDefine), local, suiteSubs);
                if (error != null)
                    return b.done(
                            ResultCode.UNRESOLVED,
                            test.file() + ":" + script.defines().get(nextDefine).line() + ": error: " + error + "\n");
            }
            String cmd = Substitutions.forTest(test, local, suiteSubs).apply(rl.command());
            scriptText
                    .append(": 'RUN: at line ")
                    .append(rl.line())
                    .append("';  ")
                    .append(cmd)
                    .append('\n');
            if (parseError != null) continue;
            try {
                parsed.add(ShellParser.parse(cmd));
            } catch (IllegalArgumentException e) {
                parseError = "shell parser error on RUN: at line " + rl.line() + ": " + e.getMessage();
            }
        }
        if (parseError != null) {
            // As in lit, an expected failure covers a script that cannot even be parsed.
            return b.done(
                    expectFail ? ResultCode.XFAIL : ResultCode.FAIL, formatFailure(scriptText, 1, parseError + "\n"));
        }
        try {
            Files.createDirectories(test.tmpBase().getParent());
        } catch (IOException e) {
            return b.done(
                    ResultCode.UNRESOLVED, "cannot create " + test.tmpBase().getParent() + ": " + e + "\n");
        }

        int attempts = 1 + Math.max(0, script.allowedRetries().orElse(0));
        int exit = 0;
        String transcript = "";
        int attempt = 0;
        for (; attempt < attempts; attempt++) {
            StringBuilder out = new StringBuilder();
            Shell shell = new Shell(tools, test.suite().tools(), test.execDir(), environmentFor(test.suite()), out);
            exit = 0;
            try {
                for (int i = 0; i < parsed.size() && exit == 0; i++) {
                    out.append("$ \":\" \"RUN: at line ")
                            .append(script.runLines().get(i).line())
                            .append("\"\n");
                    exit = shell.run(parsed.get(i));
                }
            } catch (Shell.ScriptAbort e) {
                return b.done(
                        ResultCode.UNRESOLVED, formatFailure(scriptText, 1, out + "error: " + e.getMessage() + "\n"));
            }
            transcript = out.toString();
            if (exit == 0) break;
        }
        boolean passed = exit == 0;
        ResultCode code;
        if (expectFail) code = passed ? ResultCode.XPASS : ResultCode.XFAIL;
        else if (passed) code = attempt > 0 ? ResultCode.FLAKYPASS : ResultCode.PASS;
        else code = ResultCode.FAIL;
        return b.done(code, formatFailure(scriptText, exit, transcript));
    }

    /** {@return the inherited environment with the suite's {@code path} folders (those that exist) before PATH} */
    private Map<String, String> environmentFor(SuiteConfig suite) {
        List<String> dirs = new ArrayList<>();
        for (String d : suite.path()) {
            if (java.nio.file.Files.isDirectory(java.nio.file.Path.of(d))) dirs.add(d);
        }
        if (dirs.isEmpty()) return environment;
        Map<String, String> env = new java.util.HashMap<>(environment);
        String inherited = environment.getOrDefault("PATH", "");
        if (!inherited.isEmpty()) dirs.add(inherited);
        env.put("PATH", String.join(java.io.File.pathSeparator, dirs));
        return env;
    }

    /** Applies a DEFINE/REDEFINE; {@return an error message, or null} */
    private static String define(
            TestScript.Define d, List<Map.Entry<String, String>> local, Map<String, String> suite) {
        int at = -1;
        for (int i = 0; i < local.size(); i++) {
            if (local.get(i).getKey().equals(d.name())) at = i;
        }
        boolean inSuite = suite.containsKey(d.name());
        if (!d.redefine()) {
            if (at >= 0 || inSuite)
                return "'DEFINE:' directive names existing substitution '" + d.name()
                        + "'; use 'REDEFINE:' to change it";
            local.addFirst(Map.entry(d.name(), d.value()));
        } else if (at >= 0) {
            local.set(at, Map.entry(d.name(), d.value()));
        } else if (inSuite) {
            suite.put(d.name(), d.value());
        } else {
            return "'REDEFINE:' directive names '" + d.name() + "', which is not defined";
        }
        return null;
    }

    private static String formatFailure(CharSequence script, int exit, String transcript) {
        return "Script:\n--\n" + script + "--\nExit Code: " + exit + "\n\nCommand Output (stdout):\n--\n" + transcript
                + "\n--\n\n";
    }

    /** Elapsed-time bookkeeping for a result. */
    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
