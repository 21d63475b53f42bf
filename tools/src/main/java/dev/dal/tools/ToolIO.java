package dev.dal.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Input and output helpers shared by the tools: {@code -} means stdin/stdout; outputs are written atomically. */
public final class ToolIO {
    private ToolIO() {}

    /** A failure to read or write that the tool reports as {@code error: ...} with exit code 1. */
    public static final class ToolIOException extends Exception {
        public ToolIOException(String message) {
            super(message);
        }
    }

    /** {@return the text of {@code path} ({@code -} = stdin)} */
    public static String readText(String path, InputStream stdin) throws ToolIOException {
        try {
            if (path.equals("-")) return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ToolIOException("could not open input file '" + path + "': no such file or directory");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ToolIOException("input file '" + path + "' is not valid UTF-8");
        } catch (IOException e) {
            throw new ToolIOException("could not read input file '" + path + "': " + e.getMessage());
        }
    }

    /**
     * {@return the bytes of {@code path} ({@code -} = stdin) as text, one byte one char} Files are memory-mapped, so
     * a 200 MB input costs no heap; the parser decodes UTF-8 only inside string literals.
     */
    public static dev.dal.ir.diag.ByteText readBytes(String path, InputStream stdin) throws ToolIOException {
        try {
            if (path.equals("-")) return dev.dal.ir.diag.ByteText.of(java.nio.ByteBuffer.wrap(stdin.readAllBytes()));
            Path p = Path.of(path);
            if (Files.isDirectory(p))
                throw new ToolIOException("could not read input file '" + path + "': is a directory");
            return dev.dal.ir.diag.ByteText.map(p);
        } catch (NoSuchFileException e) {
            throw new ToolIOException("could not open input file '" + path + "': no such file or directory");
        } catch (IOException e) {
            throw new ToolIOException("could not read input file '" + path + "': " + e.getMessage());
        }
    }

    /**
     * Writes {@code content} to {@code path} ({@code -} = stdout) through a temporary file in the same folder that
     * is moved into place, so a failure never leaves a half-written output file.
     */
    public static void writeAtomically(String path, Writer content, PrintStream stdout) throws ToolIOException {
        if (path.equals("-")) {
            try {
                content.writeTo(stdout);
                stdout.flush();
            } catch (IOException e) {
                throw new ToolIOException("could not write to stdout: " + e.getMessage());
            }
            return;
        }
        Path target = Path.of(path).toAbsolutePath();
        Path tmp = null;
        try {
            if (target.toString().equals("/dev/null")) {
                content.writeTo(OutputStream.nullOutputStream());
                return;
            }
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            // A temporary file is private (0600); the output should get the permissions any new file gets.
            try {
                Files.setPosixFilePermissions(
                        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system: keep the defaults
            }
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new ToolIOException("could not write output file '" + path + "': " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    /** Produces an output's bytes. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** {@return a UTF-8 PrintStream that collects into a byte array (for in-process tool runs)} */
    public static PrintStream collecting(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
