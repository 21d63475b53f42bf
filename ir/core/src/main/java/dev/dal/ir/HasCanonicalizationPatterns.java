package dev.dal.ir;

import dev.dal.ir.rewrite.RewritePattern;
import java.util.List;

/** Interface of ops that contribute patterns to {@code canonicalize} (besides their fold). */
public interface HasCanonicalizationPatterns {
    /** {@return the patterns; called once per op class, so keep it free of per-instance state} */
    List<RewritePattern> canonicalizationPatterns();
}
