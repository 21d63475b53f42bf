package dev.dal.tools.lit;

import dev.dal.tools.Tool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * lit's internal shell: runs parsed RUN commands. Registered DAL tools run in-process; {@code cd}, {@code export},
 * {@code echo}, {@code cat}, {@code :}, {@code mkdir}, {@code rm}, {@code env} and {@code not} are built in; anything else runs
 * as a process. Pipes pass bytes in memory from one stage to the next; as lit does by default, a pipeline fails
 * when any stage fails ({@code pipefail}). Everything a command shows is appended to a transcript in lit's format.
 */
final class Shell {
    /** What one command did. */
    private record Status(int exit, boolean crashed) {}

    /** An output destination; both descriptors may share one. */
    private static final class Sink {
        final OutputStream stream;
        final ByteArrayOutputStream captured;

        Sink(OutputStream stream, ByteArrayOutputStream captured) {
            this.stream = stream;
            this.captured = captured;
        }

        static Sink buffer() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            return new Sink(b, b);
        }

        synchronized void write(byte[] b, int off, int len) throws IOException {
            stream.write(b, off, len);
        }
    }

    /** Stops the whole script: the test is UNRESOLVED, as when lit's shell raises an exception. */
    static final class ScriptAbort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScriptAbort(String message) {
            super(message);
        }
    }

    /** A descriptor duplication lit's shell does not support. */
    private static final class UnsupportedRedirect extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnsupportedRedirect(String message) {
            super(message);
        }
    }

    private final ToolRegistry tools;
    private final Map<String, String> fallbacks;
    private final Map<String, String> env;
    private final StringBuilder transcript;
    private Path cwd;

    /**
     * @param fallbacks the suite's {@code tool.<name>} commands, run for a DAL tool that is not registered in-process
     */
    Shell(
            ToolRegistry tools,
            Map<String, String> fallbacks,
            Path cwd,
            Map<String, String> env,
            StringBuilder transcript) {
        this.tools = tools;
        this.fallbacks = fallbacks;
        this.cwd = cwd;
        this.env = new HashMap<>(env);
        this.transcript = transcript;
    }

    /** {@return the exit status of {@code node}} */
    int run(ShNode node) {
        return switch (node) {
            case ShNode.Seq seq -> {
                int l = run(seq.lhs());
                yield switch (seq.op()) {
                    case "&&" -> l == 0 ? run(seq.rhs()) : l;
                    case "||" -> l != 0 ? run(seq.rhs()) : l;
                    case ";" -> run(seq.rhs());
                    // lit's shell has no background jobs and gives up on the test.
                    default -> throw new ScriptAbort("unsupported shell operator: '" + seq.op() + "'");
                };
            }
            case ShNode.Pipeline p -> pipeline(p);
        };
    }

    private int pipeline(ShNode.Pipeline p) {
        byte[] input = new byte[0];
        int status = 0;
        List<ShNode.Command> cmds = p.commands();
        for (int i = 0; i < cmds.size(); i++) {
            boolean last = i == cmds.size() - 1;
            List<String> args = expand(cmds.get(i).args());
            transcript.append("$ ");
            for (int k = 0; k < args.size(); k++) {
                transcript
                        .append(k == 0 ? "" : " ")
                        .append('"')
                        .append(args.get(k))
                        .append('"');
            }
            transcript.append('\n');
            Sink out = Sink.buffer();
            Sink err = Sink.buffer();
            List<OutputStream> opened = new ArrayList<>();
            Status st;
            byte[] in = input;
            try {
                Sink[] fds = {null, out, err};
                for (ShNode.Redirect r : cmds.get(i).redirects()) {
                    try {
                        in = redirect(r, fds, opened, in);
                    } catch (IOException e) {
                        // lit's shell aborts the whole test (UNRESOLVED) when a redirection's file cannot be opened.
                        throw new ScriptAbort(
                                "cannot open '" + r.target().text() + "' for redirection '" + r.op() + "': " + e);
                    }
                }
                if (args.getFirst().equals("echo")
                        && cmds.get(i).redirects().stream()
                                .anyMatch(r -> r.op().equals("<") || r.fd() == 2 || r.op().equals("&>"))) {
                    // lit's built-in echo refuses these redirections; matching it keeps both runners' verdicts equal.
                    err.captured.writeBytes(
                            "stdin and stderr redirects not supported for echo\n".getBytes(StandardCharsets.UTF_8));
                    st = new Status(127, false);
                } else {
                    st = command(args, in, fds[1], fds[2]);
                }
            } catch (UnsupportedRedirect e) {
                // lit's shell supports only 2>&1 among descriptor duplications, and fails the command with 127.
                err.captured.writeBytes(
                        ("Unsupported redirect: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                st = new Status(127, false);
            } catch (IOException | IllegalArgumentException e) {
                err.captured.writeBytes(("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                st = new Status(1, false);
            } finally {
                for (OutputStream o : opened) {
                    try {
                        o.close();
                    } catch (IOException ignored) {
                        // A failed close of a redirect target leaves the file as written so far.
                    }
                }
            }
            input = out.captured.toByteArray();
            if (last) show("# command output:\n", out.captured);
            show("# command stderr:\n", err.captured);
            if (st.exit() != 0) {
                if ((!last || out.captured.size() == 0) && err.captured.size() == 0)
                    transcript.append("note: command had no output on stdout or stderr\n");
                transcript
                        .append("error: command failed with exit status: ")
                        .append(st.exit())
                        .append('\n');
                status = st.exit();
            }
        }
        return status;
    }

    private void show(String header, ByteArrayOutputStream b) {
        if (b.size() == 0) return;
        transcript.append(header).append(b.toString(StandardCharsets.UTF_8));
        if (transcript.charAt(transcript.length() - 1) != '\n') transcript.append('\n');
        transcript.append('\n');
    }

    private byte[] redirect(ShNode.Redirect r, Sink[] fds, List<OutputStream> opened, byte[] in) throws IOException {
        String target = r.target().text();
        switch (r.op()) {
            case "<" -> {
                return Files.readAllBytes(cwd.resolve(target));
            }
            case ">&" -> {
                int to;
                try {
                    to = Integer.parseInt(target);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unsupported redirect target '" + target + "' for '>&'");
                }
                if (r.fd() != 2 || to != 1) throw new UnsupportedRedirect(r.fd() + ">&" + to);
                fds[r.fd()] = fds[to];
            }
            case ">", ">>", "&>" -> {
                OutputStream o = Files.newOutputStream(
                        cwd.resolve(target),
                        r.op().equals(">>")
                                ? new java.nio.file.OpenOption[] {
                                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND
                                }
                                : new java.nio.file.OpenOption[0]);
                opened.add(o);
                Sink s = new Sink(o, new ByteArrayOutputStream());
                if (r.op().equals("&>")) {
                    fds[1] = s;
                    fds[2] = s;
                } else {
                    if (r.fd() == 0) throw new IllegalArgumentException("cannot redirect output of descriptor 0");
                    fds[r.fd()] = s;
                }
            }
            default -> throw new IllegalArgumentException("unsupported redirect '" + r.op() + "'");
        }
        return in;
    }

    private Status command(List<String> args, byte[] in, Sink out, Sink err) throws IOException {
        List<String> a = args;
        // `not` and `not --crash` wrap the rest of the command; they are applied innermost first.
        List<Boolean> nots = new ArrayList<>();
        Map<String, String> cmdEnv = env;
        while (!a.isEmpty()) {
            if (a.getFirst().equals("not")) {
                boolean crash = a.size() > 1 && a.get(1).equals("--crash");
                nots.add(crash);
                a = a.subList(crash ? 2 : 1, a.size());
            } else if (a.getFirst().equals("env")) {
                if (cmdEnv == env) cmdEnv = new HashMap<>(env);
                int k = 1;
                for (; k < a.size(); k++) {
                    String w = a.get(k);
                    if (w.equals("-u") && k + 1 < a.size()) {
                        cmdEnv.remove(a.get(++k));
                    } else if (w.contains("=") && !w.startsWith("=")) {
                        cmdEnv.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
                    } else {
                        break;
                    }
                }
                a = a.subList(k, a.size());
                if (a.isEmpty()) {
                    write(err, "Error: 'env' requires a subcommand\n");
                    return new Status(127, false);
                }
            } else {
                break;
            }
        }
        if (a.isEmpty()) {
            write(err, "error: 'not' needs a command\n");
            return new Status(1, false);
        }
        Status st = simple(a, in, out, err, cmdEnv);
        for (int k = nots.size() - 1; k >= 0; k--) {
            if (nots.get(k)) {
                st = new Status(st.crashed() ? 0 : 1, false);
            } else {
                st = new Status(st.crashed() || st.exit() == 0 ? 1 : 0, false);
            }
        }
        return st;
    }

    private static void write(Sink s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.write(b, 0, b.length);
    }

    private Status simple(List<String> a, byte[] in, Sink out, Sink err, Map<String, String> cmdEnv)
            throws IOException {
        String name = a.getFirst();
        List<String> rest = a.subList(1, a.size());
        switch (name) {
            case ":" -> {
                return new Status(0, false);
            }
            case "cd" -> {
                if (rest.size() != 1) throw new IllegalArgumentException("'cd' supports only one argument");
                // Like lit's, cd does not check the folder exists; the next command that runs there fails.
                cwd = cwd.resolve(rest.getFirst()).normalize();
                return new Status(0, false);
            }
            case "export" -> {
                for (String w : rest) {
                    int eq = w.indexOf('=');
                    if (eq <= 0)
                        throw new IllegalArgumentException("'export' supports only NAME=VALUE, got '" + w + "'");
                    env.put(w.substring(0, eq), w.substring(eq + 1));
                }
                return new Status(0, false);
            }
            case "echo" -> {
                return echo(rest, out);
            }
            case "cat" -> {
                return cat(rest, out, err);
            }
            case "mkdir" -> {
                return mkdir(rest, err);
            }
            case "rm" -> {
                return rm(rest, err);
            }
            default -> {
                Optional<Tool> tool = tools.inProcess(name);
                if (tool.isPresent()) return inProcess(tool.get(), rest, cwd, in, out, err);
                List<String> cmd = new ArrayList<>();
                Optional<List<String>> launcher = tools.asProcess(name);
                if (launcher.isPresent()) {
                    cmd.addAll(launcher.get());
                } else if (fallbacks.containsKey(name) && resolve(name, cmdEnv).isEmpty()) {
                    // A DAL tool this JVM does not have runs as the suite config says LLVM lit should run it.
                    cmd.add(fallbacks.get(name));
                } else {
                    Optional<Path> exe = resolve(name, cmdEnv);
                    if (exe.isEmpty()) {
                        write(err, "'" + name + "': command not found\n");
                        return new Status(127, false);
                    }
                    cmd.add(exe.get().toString());
                }
                cmd.addAll(rest);
                return process(cmd, in, out, err, cmdEnv);
            }
        }
    }

    private Status echo(List<String> args, Sink out) throws IOException {
        boolean newline = true;
        boolean escapes = false;
        int k = 0;
        for (; k < args.size(); k++) {
            String w = args.get(k);
            if (w.equals("-n")) newline = false;
            else if (w.equals("-e")) escapes = true;
            else break;
        }
        String text = String.join(" ", args.subList(k, args.size()));
        if (escapes) {
            text = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
        }
        write(out, newline ? text + "\n" : text);
        return new Status(0, false);
    }

    /**
     * lit's built-in {@code cat}: concatenates the named files. Like LLVM lit 16's, it reads nothing when no file is
     * named (not even a redirected stdin), so a test gets the same verdict under both runners.
     */
    private Status cat(List<String> args, Sink out, Sink err) throws IOException {
        int rc = 0;
        for (String w : args) {
            if (w.equals("-v") || w.equals("--show-nonprinting")) continue;
            try {
                byte[] b = Files.readAllBytes(cwd.resolve(w));
                out.write(b, 0, b.length);
            } catch (IOException e) {
                write(err, "[Errno 2] No such file or directory: '" + w + "'\n");
                rc = 1;
            }
        }
        return new Status(rc, false);
    }

    private Status mkdir(List<String> args, Sink err) throws IOException {
        boolean parents = false;
        int rc = 0;
        for (String w : args) {
            if (w.equals("-p")) {
                parents = true;
                continue;
            }
            Path dir = cwd.resolve(w);
            try {
                if (parents) Files.createDirectories(dir);
                else Files.createDirectory(dir);
            } catch (IOException e) {
                write(err, "Error: 'mkdir' command failed, " + e.getMessage() + "\n");
                rc = 1;
            }
        }
        return new Status(rc, false);
    }

    private Status rm(List<String> args, Sink err) throws IOException {
        boolean force = false;
        boolean recursive = false;
        int rc = 0;
        for (String w : args) {
            if (w.startsWith("-") && w.length() > 1) {
                force |= w.contains("f");
                recursive |= w.contains("r") || w.contains("R");
                continue;
            }
            Path p = cwd.resolve(w);
            try {
                if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (!force) throw new IOException("no such file or directory: " + w);
                    continue;
                }
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (!recursive) throw new IOException(w + " is a directory");
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
                    }
                } else {
                    Files.delete(p);
                }
            } catch (IOException e) {
                write(err, "Error: 'rm' command failed, " + e.getMessage() + "\n");
                rc = 1;
            }
        }
        return new Status(rc, false);
    }

    private static Status inProcess(Tool tool, List<String> args, Path dir, byte[] in, Sink out, Sink err) {
        OutputStream o = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        };
        OutputStream e = out == err
                ? o
                : new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        err.write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        err.write(b, off, len);
                    }
                };
        // Buffered, so a tool writing byte by byte does not take the sink's lock per byte; flushed below.
        PrintStream ps = new PrintStream(new java.io.BufferedOutputStream(o, 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream es = out == err
                ? ps
                : new PrintStream(new java.io.BufferedOutputStream(e, 1 << 12), false, StandardCharsets.UTF_8);
        try {
            int rc = tool.run(List.copyOf(args), dir, new ByteArrayInputStream(in), ps, es);
            return new Status(rc, false);
        } catch (RuntimeException | Error crash) {
            // An escaped exception is the in-process analogue of a crashing process (`not --crash` expects one).
            es.println("crash: " + tool.name() + ": " + crash);
            return new Status(134, true);
        } finally {
            ps.flush();
            es.flush();
        }
    }

    private Status process(List<String> cmd, byte[] in, Sink out, Sink err, Map<String, String> cmdEnv)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(cmdEnv);
        Process proc = pb.start();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (OutputStream o = proc.getOutputStream()) {
                o.write(in);
            } catch (IOException ignored) {
                // The command closed its input early (e.g. `head`); the rest is not needed.
            }
        });
        Thread errPump = Thread.ofVirtual().start(() -> pump(proc.getErrorStream(), err));
        pump(proc.getInputStream(), out);
        try {
            int rc = proc.waitFor();
            errPump.join();
            feeder.join();
            // A process killed by a signal reports 128 + signal; lit counts that as a crash.
            return new Status(rc, rc > 128);
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Status(1, false);
        }
    }

    private static void pump(InputStream from, Sink to) {
        byte[] buf = new byte[8192];
        try (from) {
            for (int n; (n = from.read(buf)) > 0; ) to.write(buf, 0, n);
        } catch (IOException ignored) {
            // The process went away; what it wrote so far is kept.
        }
    }

    private Optional<Path> resolve(String name, Map<String, String> cmdEnv) {
        if (name.contains("/")) {
            Path p = cwd.resolve(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = cmdEnv.getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private List<String> expand(List<ShNode.Word> words) {
        List<String> out = new ArrayList<>();
        for (ShNode.Word w : words) {
            if (!w.globbable()) {
                out.add(w.text());
                continue;
            }
            List<String> matches = glob(w.text());
            if (matches.isEmpty()) out.add(w.text());
            else out.addAll(matches);
        }
        return out;
    }

    private List<String> glob(String pattern) {
        int slash = pattern.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : pattern.substring(0, slash + 1);
        String namePart = pattern.substring(slash + 1);
        if (dirPart.contains("*") || dirPart.contains("?") || dirPart.contains("[") || namePart.isEmpty()) {
            return List.of();
        }
        Path dir = cwd.resolve(dirPart.isEmpty() ? "." : dirPart);
        List<String> found = new ArrayList<>();
        try {
            PathMatcher m = dir.getFileSystem().getPathMatcher("glob:" + namePart);
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (m.matches(p.getFileName())) found.add(dirPart + p.getFileName());
                }
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }
}
