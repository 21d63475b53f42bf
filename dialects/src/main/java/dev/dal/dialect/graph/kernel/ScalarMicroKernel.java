package dev.dal.dialect.graph.kernel;

/** The portable micro-kernel: 4 x 8 accumulators in locals, used when the Vector API is not available. */
final class ScalarMicroKernel implements MicroKernel {
    @Override
    public int mr() {
        return 4;
    }

    @Override
    public int nr() {
        return 8;
    }

    @Override
    public void run(float[] ap, int ao, float[] bp, int bo, int kc, float[] c, int co, int ldc, boolean add) {
        float[] acc = new float[32];
        for (int k = 0; k < kc; k++) {
            int a = ao + k * 4, b = bo + k * 8;
            for (int r = 0; r < 4; r++) {
                float av = ap[a + r];
                int base = r * 8;
                for (int j = 0; j < 8; j++) acc[base + j] += av * bp[b + j];
            }
        }
        for (int r = 0; r < 4; r++)
            for (int j = 0; j < 8; j++) {
                int o = co + r * ldc + j;
                c[o] = add ? c[o] + acc[r * 8 + j] : acc[r * 8 + j];
            }
    }

    @Override
    public void run(
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
            boolean add) {
        // lanes() is nr: a partial tile is only ever short of rows
        for (int r = 0; r < rows; r++) {
            float[] acc = new float[8];
            for (int k = 0; k < kc; k++) {
                float av = ap[ao + k * 4 + r];
                int b = bo + k * 8;
                for (int j = 0; j < 8; j++) acc[j] += av * bp[b + j];
            }
            for (int j = 0; j < 8; j++) {
                int o = co + r * ldc + j;
                c[o] = add ? c[o] + acc[j] : acc[j];
            }
        }
    }
}
