package dev.dal.tools.filecheck;

/** Ends a run with an exit code after its diagnostics have already been printed. */
final class FileCheckException extends Exception {
    private final int exitCode;

    FileCheckException(int exitCode) {
        super(null, null, false, false);
        this.exitCode = exitCode;
    }

    /** {@return the process exit code the run ends with} */
    int exitCode() {
        return exitCode;
    }
}
