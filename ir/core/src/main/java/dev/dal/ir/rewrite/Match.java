package dev.dal.ir.rewrite;

/** The outcome of trying a pattern on an op. */
public enum Match {
    /** The pattern rewrote the IR. */
    APPLIED,
    /** The pattern did not apply; the IR is unchanged. */
    NO_MATCH
}
