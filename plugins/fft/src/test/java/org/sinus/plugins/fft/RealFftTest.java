package org.sinus.plugins.fft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

class RealFftTest {

  /**
   * Even (through the half-length complex transform), odd, powers of two (split radix), mixed radix,
   * a prime above 211 (Bluestein) and twice one, trivial.
   */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {1000, 999, 64, 250, 63, 257, 514, 998, 1024, 6, 2, 1})
  void matchesANaiveDftOnRandomSignals(int n) {
    for (long seed = 0; seed < 3; seed++) {
      float[] x = gaussian(n, seed);
      double[][] reference = naiveDft(x);
      double[] re = new double[n / 2 + 1];
      double[] im = new double[n / 2 + 1];
      RealFft fft = RealFft.of(n);
      assertThat(fft.bins()).isEqualTo(n / 2 + 1);
      fft.forward(doubles(x), re, im);
      double error = 0;
      double largest = 0;
      for (int k = 0; k <= n / 2; k++) {
        error = Math.max(error, Math.hypot(re[k] - reference[0][k], im[k] - reference[1][k]));
        largest = Math.max(largest, Math.hypot(reference[0][k], reference[1][k]));
      }
      // double precision: far below the 1e-6 that features need
      assertThat(error / largest).as("max |X − DFT| / max |DFT|, n = %d, seed %d", n, seed).isLessThan(1e-12);
    }
  }

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {1000, 64, 63, 257, 514})
  void parsevalsIdentityHolds(int n) {
    float[] x = gaussian(n, 11);
    double energy = 0;
    for (float v : x) {
      energy += (double) v * v;
    }
    double[] re = new double[n / 2 + 1];
    double[] im = new double[n / 2 + 1];
    RealFft.of(n).forward(doubles(x), re, im);
    // Σ x² = (1/n) Σ_{k<n} |X_k|²; bins 1 .. ⌈n/2⌉ − 1 stand for their mirror images too
    double spectral = 0;
    for (int k = 0; k <= n / 2; k++) {
      double power = re[k] * re[k] + im[k] * im[k];
      boolean single = k == 0 || 2 * k == n;
      spectral += single ? power : 2 * power;
    }
    spectral /= n;
    assertThat(Math.abs(spectral - energy) / energy).isLessThan(1e-12);
  }

  @Test
  void aPureSinusoidPeaksInItsBin() {
    int n = 1000;
    double rate = 100;
    // 7.3 Hz with 0.1 Hz bins: bin 73, amplitude 2 → |X_73| = n/2 · 2
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = 2 * Math.sin(2 * Math.PI * 7.3 * t / rate + 0.4);
    }
    double[] re = new double[n / 2 + 1];
    double[] im = new double[n / 2 + 1];
    RealFft.of(n).forward(x, re, im);
    int peak = 0;
    for (int k = 1; k <= n / 2; k++) {
      if (Math.hypot(re[k], im[k]) > Math.hypot(re[peak], im[peak])) {
        peak = k;
      }
    }
    assertThat(peak).isEqualTo(73);
    assertThat(Math.hypot(re[73], im[73])).isCloseTo(1000.0, Assertions.within(1e-9));
    // the phase: sin(θ + 0.4) = cos(θ + 0.4 − π/2)
    assertThat(Math.atan2(im[73], re[73])).isCloseTo(0.4 - Math.PI / 2, Assertions.within(1e-12));
  }

  /**
   * A JTransforms plan is only read after its constructor (the transform allocates its own scratch),
   * so one plan shared by several threads gives exactly the results it gives on one thread.
   */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {1000, 64, 257})
  void onePlanIsSafeToUseFromSeveralThreadsAtOnce(int n) throws Exception {
    int signals = 64;
    double[][] inputs = new double[signals][];
    double[][] expected = new double[signals][];
    for (int i = 0; i < signals; i++) {
      inputs[i] = doubles(gaussian(n, 100 + i));
      expected[i] = inputs[i].clone();
      RealFft.of(n).forward(expected[i]);
    }
    RealFft shared = RealFft.of(n);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        futures.add(pool.submit(() -> {
          int mismatches = 0;
          for (int round = 0; round < 200; round++) {
            int i = (round * 7 + offset * 13) % signals;
            double[] a = inputs[i].clone();
            shared.forward(a);
            mismatches += Arrays.equals(a, expected[i]) ? 0 : 1;
          }
          return mismatches;
        }));
      }
      for (Future<Integer> future : futures) {
        assertThat(future.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * JTransforms would run a transform of 16384 points on its pool of non-daemon threads, which keeps
   * a JVM alive for a minute after its last task; RealFft keeps every transform on the caller's
   * thread. The control part shows that the check sees the pool's threads when they are started.
   */
  @Test
  void startsNoThreadPoolThreadEvenForLargeTransforms() {
    Set<Thread> before = nonDaemonThreads();
    RealFft.of(16384).forward(doubles(gaussian(16384, 5)));
    RealFft.of(16384 * 3).forward(doubles(gaussian(16384 * 3, 6)));
    assertThat(newThreads(before)).as("non-daemon threads started by the transforms").isEmpty();

    if (ConcurrencyUtils.getNumberOfThreads() > 1) {
      try {
        CommonUtils.resetThreadsBeginN_FFT();
        new DoubleFFT_1D(16384).realForward(doubles(gaussian(16384, 7)));
        assertThat(newThreads(before)).as("JTransforms's own default starts pool threads").isNotEmpty();
      } finally {
        RealFft.singleThreaded();
      }
    }
  }

  /** A JVM that has used {@link RealFft} on a large transform exits as soon as its main thread ends. */
  @Test
  void theJvmExitsAfterALargeTransform() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LargeTransformMain.class.getName()).redirectErrorStream(true).start();
    long began = System.nanoTime();
    boolean exited = process.waitFor(30, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - began) / 1e9;
    if (!exited) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(exited).as("child JVM exited within 30 s (JTransforms's idle pool would hold it 60 s): %s", output)
        .isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("transformed 65536 points");
    assertThat(seconds).isLessThan(30);
  }

  /** The child JVM of {@link #theJvmExitsAfterALargeTransform}. */
  public static final class LargeTransformMain {
    public static void main(String[] args) {
      double[] x = doubles(gaussian(65536, 1));
      RealFft.of(65536).forward(x);
      System.out.println("transformed 65536 points, X[1] = " + x[2]);
    }
  }

  private static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive())
        .collect(Collectors.toSet());
  }

  private static List<String> newThreads(Set<Thread> before) {
    return nonDaemonThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName).toList();
  }

  static double[] doubles(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }

  static float[] gaussian(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble()));
    }
    return x;
  }

  /** {@code X_k = Σ x_j e^{−2πi·jk/n}}, k = 0 .. n/2, in double precision. */
  static double[][] naiveDft(float[] x) {
    int n = x.length;
    double[][] out = new double[2][n / 2 + 1];
    for (int k = 0; k <= n / 2; k++) {
      double re = 0;
      double im = 0;
      for (int j = 0; j < n; j++) {
        double angle = 2 * Math.PI * (((long) j * k) % n) / n;
        re += x[j] * Math.cos(angle);
        im -= x[j] * Math.sin(angle);
      }
      out[0][k] = re;
      out[1][k] = im;
    }
    return out;
  }
}
