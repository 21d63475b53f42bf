package dev.dal.ir.interp;

import java.util.List;
import java.util.concurrent.ForkJoinPool;

/** The per-run state every node sees: the thread pool, the probes and the checks to make. */
record RunState(ForkJoinPool pool, List<OpProbe> probes, boolean checkResultTypes) {}
