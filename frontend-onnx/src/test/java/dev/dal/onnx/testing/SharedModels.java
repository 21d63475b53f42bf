package dev.dal.onnx.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find the shared test models ({@code ../shared/models}), and how a test stops when something it needs
 * from the machine is missing. Published in this module's test jar, so every module's tests use the same rules.
 */
public final class SharedModels {
    private SharedModels() {}

    /** {@return the shared models folder: -Ddal.models, $DAL_MODELS, or ../shared/models from the repo root} */
    public static Path dir() {
        String p = System.getProperty("dal.models");
        if (p == null) p = System.getenv("DAL_MODELS");
        if (p != null) return Path.of(p);
        String root = System.getProperty("dal.root", "..");
        return Path.of(root).resolve("../shared/models").normalize();
    }

    /**
     * Stops the test when something it needs from the machine is missing: with a printed reason on a developer's
     * machine, and as a failure under {@code CI=true}, where {@code .ci/run} must have provided it.
     */
    public static void requireOnMachine(boolean present, String why) {
        if (present) return;
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(why + "; required when CI=true");
        System.out.println("SKIPPED: " + why);
        Assumptions.abort(why);
    }
}
