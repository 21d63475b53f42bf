/**
 * The passes of DAL's pipeline over the {@code graph} dialect (DESIGN.md §1, §5): each a {@link dev.dal.ir.pass.Pass}
 * with a flag name, options and statistics, registered as a service so {@code dal-opt} lists it. Local rewrites are
 * {@link dev.dal.ir.rewrite.RewritePattern}s run by the greedy driver; every pass is tested on text (golden tests in
 * {@code textual-ir-tests}) and on meaning (the interpreter's outputs before and after agree).
 */
package dev.dal.lowering;
