package dev.dal.dialect.graph.kernel;

/**
 * The innermost SGEMM step: {@code C[mr x nr] += Apanel * Bpanel} over {@code kc} steps, where the A panel holds
 * {@code mr} values per step ({@code ap[ao + k*mr + r]}) and the B panel {@code nr} values per step
 * ({@code bp[bo + k*nr + c]}).
 */
interface MicroKernel {
    /** {@return the rows of C one call computes} */
    int mr();

    /** {@return the columns of C one call computes} */
    int nr();

    /** {@return the column granularity of {@link #run(float[], int, float[], int, int, float[], int, int, int, boolean)}} */
    default int lanes() {
        return nr();
    }

    /**
     * Adds the panels' product to the full {@code mr x nr} tile of C at {@code co} with row stride {@code ldc}, or
     * stores it there when {@code add} is false (C's old contents ignored).
     */
    void run(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean add);

    /**
     * Adds the panels' product to the first {@code rows} rows and {@code vectors * lanes()} columns of the tile of C
     * (the panels keep their strides of {@code mr} and {@code nr} per step); C needs only those rows and columns.
     * Stores when {@code add} is false.
     */
    void run(
            float[] ap,
            int ao,
            float[] bp,
            int bo,
            int kc,
            float[] c,
            int co,
            int ldc,
            int rows,
            int vectors,
            boolean add);
}
