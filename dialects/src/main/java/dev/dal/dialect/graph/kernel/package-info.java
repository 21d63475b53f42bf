/**
 * Float kernels of the {@code graph} dialect, as static functions over {@link dev.dal.ir.interp.Tensor} with explicit
 * parameters (the ops' attributes already resolved) and a {@link java.util.concurrent.ForkJoinPool} to spread work
 * over. Kernels never change their inputs and return new tensors.
 *
 * <p>{@link dev.dal.dialect.graph.kernel.Sgemm} is the compute core (MatMul, Gemm and Conv go through it); it uses the
 * Vector API micro-kernel when the JVM runs with {@code --add-modules jdk.incubator.vector} and a scalar one otherwise.
 */
package dev.dal.dialect.graph.kernel;
