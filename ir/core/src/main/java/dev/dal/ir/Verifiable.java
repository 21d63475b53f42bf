package dev.dal.ir;

import dev.dal.ir.diag.DiagnosticEngine;

/**
 * Interface of ops with checks beyond what their declaration states (shapes that must agree, attribute values in
 * range). Called by the verifier after the generated structural checks pass.
 */
public interface Verifiable {
    /** Reports problems to {@code diag}. @return whether the op is valid */
    boolean verify(DiagnosticEngine diag);
}
