package dev.dal.tools.lit;

import java.time.Duration;

/**
 * The outcome of one test.
 *
 * @param test the test
 * @param code lit's result code
 * @param output what lit shows for the test under {@code -v}/{@code -a}: the script, exit code and transcript, or the
 *     reason it was unresolved or unsupported
 * @param elapsed wall time spent on the test
 */
public record TestResult(LitTest test, ResultCode code, String output, Duration elapsed) {
    /** Collects a result's parts while a test runs. */
    static final class Builder {
        private final LitTest test;
        private final long start;

        Builder(LitTest test, long start) {
            this.test = test;
            this.start = start;
        }

        TestResult done(ResultCode code, String output) {
            return new TestResult(test, code, output, TestRunner.since(start));
        }
    }
}
