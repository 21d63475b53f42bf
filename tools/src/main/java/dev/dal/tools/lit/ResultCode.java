package dev.dal.tools.lit;

/** A test's outcome, with lit's names, summary labels and whether it counts as a failure of the run. */
public enum ResultCode {
    /** A {@code REQUIRES:} feature is missing or an {@code UNSUPPORTED:} expression holds. */
    UNSUPPORTED("Unsupported", false),
    /** The test's script succeeded. */
    PASS("Passed", false),
    /** The test failed only at first and passed on a retry allowed by {@code ALLOW_RETRIES:}. */
    FLAKYPASS("Passed With Retry", false),
    /** The test is marked {@code XFAIL:} and failed, as expected. */
    XFAIL("Expectedly Failed", false),
    /** The test could not be run as written (no RUN line, bad directive, bad substitution). */
    UNRESOLVED("Unresolved", true),
    /** The test's script failed. */
    FAIL("Failed", true),
    /** The test is marked {@code XFAIL:} but passed. */
    XPASS("Unexpectedly Passed", true);

    private final String label;
    private final boolean failure;

    ResultCode(String label, boolean failure) {
        this.label = label;
        this.failure = failure;
    }

    /** {@return the label lit uses in its summary, e.g. {@code Expectedly Failed}} */
    public String label() {
        return label;
    }

    /** {@return whether this result makes the run fail (exit code 1)} */
    public boolean isFailure() {
        return failure;
    }
}
