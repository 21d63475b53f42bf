/**
 * Canonicalization patterns of the {@code graph} dialect, run by {@code canonicalize}: each class is one rewrite,
 * rooted at one op kind, whose class doc states it as algebra. The op declarations contribute them through
 * {@link dev.dal.dialect.graph.canon.GraphCanonicalization}; each pattern's rewrites are counted under its class name
 * in {@code --pass-statistics}.
 *
 * <p>Every rewrite keeps the program's meaning bit for bit (up to the sign of a zero for {@code x + 0}), and replaces
 * a value only by one of the same type, so function results and users keep their types.
 */
package dev.dal.dialect.graph.canon;
