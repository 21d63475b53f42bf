package dev.dal.lowering.eval;

/**
 * The rows of a classifier output for one sample: each row's first class in both models, and whether the float
 * model's first class is among the quantized model's top five.
 *
 * @param classes  the number of classes
 * @param refTop1  the float model's first class, per row
 * @param testTop1 the quantized model's first class, per row
 * @param inTop5   whether {@code refTop1} is among the quantized model's five highest scores, per row
 */
record Classification(int classes, int[] refTop1, int[] testTop1, boolean[] inTop5) {
    /** How many of the highest scores the top-5 agreement looks at. */
    static final int TOP_K = 5;

    /** {@return the rows of {@code ref} and {@code test}, {@code classes} scores each, in row-major order} */
    static Classification of(float[] ref, float[] test, int classes) {
        int rows = ref.length / classes;
        int[] r = new int[rows], t = new int[rows];
        boolean[] in5 = new boolean[rows];
        for (int row = 0; row < rows; row++) {
            int off = row * classes;
            r[row] = argmax(ref, off, classes);
            t[row] = argmax(test, off, classes);
            in5[row] = rankOf(test, off, classes, r[row]) < TOP_K;
        }
        return new Classification(classes, r, t, in5);
    }

    /** {@return the index of the first largest score of a row} */
    static int argmax(float[] scores, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (scores[off + i] > scores[off + best]) best = i;
        return best;
    }

    /** {@return how many classes of the row rank before {@code c}: higher scores, or equal scores earlier} */
    static int rankOf(float[] scores, int off, int n, int c) {
        float v = scores[off + c];
        int rank = 0;
        for (int i = 0; i < n; i++) if (scores[off + i] > v || (scores[off + i] == v && i < c)) rank++;
        return rank;
    }
}
