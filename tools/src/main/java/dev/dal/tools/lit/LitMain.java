package dev.dal.tools.lit;

import java.util.Arrays;

/** {@code bin/dal-lit}: runs {@link LitTool} and exits with its exit code. */
public final class LitMain {
    private LitMain() {}

    /** Runs dal-lit with the command-line arguments and exits with its exit code. */
    public static void main(String[] args) {
        int rc = new LitTool().run(Arrays.asList(args), System.in, System.out, System.err);
        System.out.flush();
        System.exit(rc);
    }
}
