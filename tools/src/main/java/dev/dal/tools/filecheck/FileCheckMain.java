package dev.dal.tools.filecheck;

import java.util.List;

/** The {@code dal-filecheck} command: runs {@link FileCheckTool} on the process's streams and exits with its code. */
public final class FileCheckMain {
    private FileCheckMain() {}

    /**
     * Runs FileCheck with LLVM's command line.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        java.io.PrintStream err =
                new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), false);
        // Like LLVM's binary, extra options may come from FILECHECK_OPTS (whitespace-separated).
        List<String> all = new java.util.ArrayList<>(List.of(args));
        String env = System.getenv("FILECHECK_OPTS");
        if (env != null && !env.isBlank()) all.addAll(List.of(env.strip().split("\\s+")));
        int code = new FileCheckTool().run(all, System.in, System.out, err);
        err.flush();
        System.out.flush();
        System.exit(code);
    }
}
