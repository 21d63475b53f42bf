package dev.dal.dialect.graph.kernel;

/**
 * The MT19937 generator of Matsumoto and Nishimura (1998), seeded and drawn as NumPy's legacy {@code RandomState}
 * does, so that kernels whose ONNX reference draws from {@code np.random} (Dropout's training mask) reproduce it:
 * {@code np.random.seed(s)} is {@link #MersenneTwister(long) new MersenneTwister(s)} and {@code np.random.random_sample()}
 * (also {@code np.random.uniform(0, 1)}) is {@link #nextDouble()}. Not thread-safe: one generator per use.
 */
public final class MersenneTwister {
    private static final int N = 624, M = 397;
    private static final int MATRIX_A = 0x9908B0DF, UPPER = 0x80000000, LOWER = 0x7FFFFFFF;

    private final int[] mt = new int[N];
    private int next = N;

    /** A generator seeded with the low 32 bits of {@code seed} (the reference {@code init_genrand}). */
    public MersenneTwister(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }

    /** {@return the next 32-bit output, as an unsigned value in a long (the reference {@code genrand_int32})} */
    public long nextInt32() {
        if (next >= N) twist();
        int y = mt[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y & 0xFFFF_FFFFL;
    }

    /** {@return a double in [0, 1) with 53 random bits, from two outputs (the reference {@code genrand_res53})} */
    public double nextDouble() {
        long a = nextInt32() >>> 5, b = nextInt32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** Regenerates the whole state vector. */
    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        next = 0;
    }
}
