/**
 * Graph optimization passes (issue 5). {@code graph-fold-constants} ({@link FoldConstantsPass}) replaces pure ops of
 * constant operands by constants computed with the ops' own interpreter kernels, up to a size limit. The local
 * simplifications (Identity and inference Dropout removal, reshape/transpose/squeeze/cast chains, neutral operands,
 * static Shape folding) are canonicalization patterns declared with the ops ({@code dev.dal.dialect.graph.canon}) and
 * run by {@code canonicalize}, which also erases unused ops; {@code cse} merges identical pure ops.
 */
package dev.dal.lowering.optimize;
