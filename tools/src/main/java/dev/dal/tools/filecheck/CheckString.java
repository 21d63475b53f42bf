package dev.dal.tools.filecheck;

import java.util.List;

/**
 * A positive check (CHECK, -NEXT, -SAME, -LABEL, -EMPTY, -COUNT, or the implicit end-of-input check) with the
 * CHECK-DAG and CHECK-NOT lines that precede it.
 */
record CheckString(CheckPattern pattern, List<CheckPattern> dagNots) {}
