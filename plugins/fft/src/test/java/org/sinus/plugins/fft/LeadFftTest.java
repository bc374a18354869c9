package org.sinus.plugins.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both {@link LeadFft} implementations against a naive DFT of every lead, and against each other.
 * The build runs tests with {@code --add-modules jdk.incubator.vector}, as the launcher runs Sinus,
 * so the SIMD transform is tested here on this machine's vectors.
 */
class LeadFftTest {

  @Test
  void theSimdTransformIsAvailableToTheTests() {
    assertThat(LeadFft.vectorUnusableFor(1000)).as("the build's test JVM should have the Vector API").isNull();
    assertThat(LeadFft.create(1000, 12)).isInstanceOf(VectorLeadFft.class);
    assertThat(LeadFft.create(999, 12)).isInstanceOf(JTransformsLeadFft.class);
  }

  /**
   * A JVM started without the Vector API module (e.g. {@code SINUS_VECTOR_API=off}, or Sinus used as
   * a library) falls back to JTransforms without touching the incubating classes.
   */
  @Test
  void withoutTheVectorModuleTheFallbackIsUsed() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        WithoutVectorModuleMain.class.getName()).redirectErrorStream(true).start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(exited).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("JTransformsLeadFft matches the DFT", "without --add-modules jdk.incubator.vector")
        .doesNotContain("Using incubator modules");
  }

  /** The child JVM of {@link #withoutTheVectorModuleTheFallbackIsUsed}. */
  public static final class WithoutVectorModuleMain {
    public static void main(String[] args) {
      System.out.println(LeadFft.vectorUnusableFor(1000));
      LeadFft fft = LeadFft.create(1000, 12);
      check(1000, 12, (n, leads) -> fft);
      System.out.println(fft.getClass().getSimpleName() + " matches the DFT");
    }
  }

  @Test
  void theSimdTransformNamesTheLengthsItCannotDo() {
    assertThat(VectorLeadFft.unusableFor(999)).contains("odd");
    assertThat(VectorLeadFft.unusableFor(514)).contains("257");
    assertThat(VectorLeadFft.unusableFor(14)).contains("prime factor 7");
    assertThat(VectorLeadFft.unusableFor(2 * 2 * 3 * 5 * 8)).isNull();
    assertThatThrownBy(() -> new VectorLeadFft(998, 12)).hasMessageContaining("998 points");
  }

  /** Lengths: every radix (4, 2, 3, 5) and the trivial ones; leads: one, a partial vector, 12, past a vector. */
  @ParameterizedTest(name = "n = {0}, {1} leads")
  @CsvSource({"1000, 12", "1000, 1", "250, 3", "64, 12", "2, 12", "4, 5", "6, 12", "10, 13", "60, 7", "5000, 2",
      "1536, 12", "90, 12"})
  void bothMatchANaiveDftOfEveryLead(int n, int leads) {
    check(n, leads, VectorLeadFft::new);
    check(n, leads, JTransformsLeadFft::new);
  }

  /** The fallback also takes the lengths the SIMD transform cannot. */
  @ParameterizedTest(name = "n = {0}, {1} leads")
  @CsvSource({"999, 12", "514, 3", "1, 2", "257, 1"})
  void theJTransformsFallbackMatchesANaiveDftForAnyLength(int n, int leads) {
    check(n, leads, JTransformsLeadFft::new);
  }

  @Test
  void parsevalsIdentityHoldsForEveryLead() {
    int n = 1000;
    int leads = 12;
    LeadFft fft = new VectorLeadFft(n, leads);
    float[][] x = fill(fft, leads, 21);
    fft.run();
    double[] magnitude = fft.magnitude();
    for (int lead = 0; lead < leads; lead++) {
      double energy = 0;
      for (float v : x[lead]) {
        energy += (double) v * v;
      }
      double spectral = 0;
      for (int k = 0; k <= n / 2; k++) {
        double m = magnitude[k * fft.lanes() + lead];
        spectral += (k == 0 || 2 * k == n ? 1 : 2) * m * m;
      }
      assertThat(Math.abs(spectral / n - energy) / energy).as("lead %d", lead).isLessThan(1e-12);
    }
  }

  /** The SIMD logarithm agrees with {@link Math#log} to double precision (the features are floats). */
  @Test
  void logMagnitudesAreTheLogarithmsOfTheMagnitudes() {
    for (LeadFft fft : new LeadFft[] {new VectorLeadFft(64, 12), new JTransformsLeadFft(64, 12)}) {
      fill(fft, 12, 5);
      fft.run();
      double[] expected = fft.magnitude().clone();
      double[] logs = fft.logMagnitude(1e-3);
      for (int k = 0; k < expected.length; k++) {
        assertThat(logs[k]).as("%s, value %d", fft.getClass().getSimpleName(), k)
            .isCloseTo(Math.log(expected[k] + 1e-3), Assertions.within(1e-13));
      }
    }
  }

  @Test
  void aRunLeavesNothingBehindForTheNext() {
    LeadFft fft = new VectorLeadFft(250, 12);
    fill(fft, 12, 1);
    fft.run();
    float[][] second = fill(fft, 12, 2);
    fft.run();
    double[] re = fft.real().clone();
    LeadFft fresh = new VectorLeadFft(250, 12);
    fill(fresh, 12, 2);
    fresh.run();
    assertThat(re).containsExactly(fresh.real());
    assertThat(second).hasNumberOfRows(12);
  }

  private static void check(int n, int leads, BiFunction<Integer, Integer, LeadFft> create) {
    for (long seed = 0; seed < 2; seed++) {
      LeadFft fft = create.apply(n, leads);
      assertThat(fft.bins()).isEqualTo(n / 2 + 1);
      assertThat(fft.lanes()).isGreaterThanOrEqualTo(leads);
      float[][] x = fill(fft, leads, seed);
      fft.run();
      double[] magnitude = fft.magnitude();
      for (int lead = 0; lead < leads; lead++) {
        double[][] reference = RealFftTest.naiveDft(x[lead]);
        double error = 0;
        double largest = 0;
        for (int k = 0; k <= n / 2; k++) {
          int at = k * fft.lanes() + lead;
          error = Math.max(error, Math.hypot(fft.real()[at] - reference[0][k], fft.imaginary()[at] - reference[1][k]));
          error = Math.max(error, Math.abs(magnitude[at] - Math.hypot(reference[0][k], reference[1][k])));
          largest = Math.max(largest, Math.hypot(reference[0][k], reference[1][k]));
        }
        assertThat(error / Math.max(largest, 1e-300))
            .as("%s: max |X − DFT| / max |DFT|, n = %d, lead %d of %d, seed %d", fft.getClass().getSimpleName(), n,
                lead, leads, seed)
            .isLessThan(1e-12);
      }
      // the bins whose imaginary part is 0 by symmetry are exactly 0
      for (int lead = 0; lead < leads; lead++) {
        assertThat(fft.imaginary()[lead]).isZero();
        if (n % 2 == 0) {
          assertThat(fft.imaginary()[n / 2 * fft.lanes() + lead]).isZero();
        }
      }
    }
  }

  /** Random leads written into the transform's time-major input; returns them per lead. */
  private static float[][] fill(LeadFft fft, int leads, long seed) {
    float[][] x = new float[leads][];
    for (int lead = 0; lead < leads; lead++) {
      x[lead] = RealFftTest.gaussian(fft.length(), seed * 1000 + lead);
      for (int j = 0; j < fft.length(); j++) {
        fft.input()[j * fft.lanes() + lead] = x[lead][j];
      }
    }
    return x;
  }
}
