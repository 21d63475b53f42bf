package dev.dal.ir;

/** What a fold produced for one result: a constant, or an existing value. */
public sealed interface FoldResult permits FoldResult.Constant, FoldResult.Existing {
    /** The result is this constant; the dialect materializes it. */
    record Constant(Attribute value) implements FoldResult {}

    /** The result is this existing value. */
    record Existing(Value value) implements FoldResult {}
}
