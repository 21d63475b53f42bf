package dev.dal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a command under GNU {@code /usr/bin/time} and reads back wall time, CPU time and peak resident memory. */
public final class ProcessTimer {
    /** One measured run. */
    public record Sample(double wallSeconds, double cpuSeconds, long peakRssKb, int exitCode) {}

    private ProcessTimer() {}

    /** Runs {@code command} (stdout and stderr discarded unless it fails) and measures it. */
    public static Sample run(List<String> command) throws IOException, InterruptedException {
        Path times = Files.createTempFile("dal-bench", ".time");
        Path err = Files.createTempFile("dal-bench", ".err");
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
            cmd.addAll(command);
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile())
                    .start();
            int rc = p.waitFor();
            List<String> lines = Files.readAllLines(times);
            String last = lines.get(lines.size() - 1).trim();
            String[] f = last.split(" ");
            if (rc != 0)
                throw new IOException(
                        "command failed (" + rc + "): " + String.join(" ", command) + "\n" + Files.readString(err));
            return new Sample(
                    Double.parseDouble(f[0]),
                    Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
                    Long.parseLong(f[3]),
                    rc);
        } finally {
            Files.deleteIfExists(times);
            Files.deleteIfExists(err);
        }
    }

    /** {@return the median of the values} */
    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * A fixed compute probe (an FMA loop on one thread) in GFLOP/s: run before and after a benchmark, it shows
     * whether the shared machine delivered the same compute throughout.
     */
    public static double computeProbe() {
        float[] a = new float[4096], b = new float[4096], c = new float[4096];
        Arrays.fill(a, 1.0001f);
        Arrays.fill(b, 0.9999f);
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 30; rep++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 2000; k++) for (int j = 0; j < c.length; j++) c[j] = Math.fma(a[j], b[j], c[j]);
            best = Math.min(best, System.nanoTime() - t0);
        }
        if (c[7] == 42) System.out.print("");
        return 2.0 * 2000 * 4096 / best;
    }
}
