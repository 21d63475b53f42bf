package dev.dal.tools.filecheck;

import java.util.List;

/** What matching one pattern against a range of the input gave. */
sealed interface MatchOutcome {
    /** A match at {@code pos} of {@code len} characters. */
    record Found(int pos, int len) implements MatchOutcome {
        int end() {
            return pos + len;
        }
    }

    /** No match in the range. */
    record NotFound() implements MatchOutcome {}

    /** The pattern could not be matched at all (an undefined variable, an unrepresentable value). */
    record Invalid(List<Problem> problems) implements MatchOutcome {}

    /** One reason a pattern is invalid, at a position in the check file. */
    record Problem(int checkPos, String message) {}
}
