package org.sinus.plugins.wavelet;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times {@link ContinuousWaveletTransform} on one thread the way ../shared/peers/cwt_bench.py times
 * {@code pywt.cwt}: 16 random normal records of 12 × 1000 samples generated before timing, 64
 * scales (linear {@code 1..64} or {@code geomspace(1, 64, 64)}), 2 warm-up records, then records
 * in turn until at least {@code --min-time} seconds have passed; prints ms per record. Each record
 * yields all {@code scales × 12 × 1000} coefficients in an array, as {@code pywt.cwt} returns them
 * (for complex wavelets their magnitudes).
 *
 * <p>It lives in the plugin's test sources (a benchmark is no part of the distribution); run it
 * from the test class path, from the repository root:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -pl plugins/wavelet
 * cp="plugins/wavelet/target/test-classes:plugins/wavelet/target/classes:$(cat plugins/wavelet/target/classpath.txt)"
 * java -cp "$cp" org.sinus.plugins.wavelet.CwtBenchmark --scales linear
 * java -cp "$cp" org.sinus.plugins.wavelet.CwtBenchmark --scales log --wavelet morlet
 * </pre>
 *
 * <p>Options: {@code --scales linear|log} (default linear), {@code --wavelet pywt-morl|morlet|mexican-hat|paul}
 * (default pywt-morl, the wavelet cwt_bench.py uses), {@code --nscales 64}, {@code --leads 12},
 * {@code --length 1000}, {@code --min-time 2.0}, {@code --rounds 1} (repeat the timing, one line each).
 */
public final class CwtBenchmark {
  private CwtBenchmark() {}

  public static void main(String[] args) {
    String scaleKind = "linear";
    String waveletName = "pywt-morl";
    int count = 64;
    int leads = 12;
    int length = 1000;
    double minTime = 2.0;
    int rounds = 1;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--scales" -> scaleKind = value;
        case "--wavelet" -> waveletName = value;
        case "--nscales" -> count = Integer.parseInt(value);
        case "--leads" -> leads = Integer.parseInt(value);
        case "--length" -> length = Integer.parseInt(value);
        case "--min-time" -> minTime = Double.parseDouble(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class javadoc");
      }
      i++;
    }
    Wavelet wavelet = switch (waveletName) {
      case "pywt-morl" -> new Wavelet.PywtMorl();
      case "morlet" -> new Wavelet.Morlet(6);
      case "mexican-hat" -> new Wavelet.MexicanHat();
      case "paul" -> new Wavelet.Paul(4);
      default -> throw new IllegalArgumentException("unknown wavelet " + waveletName);
    };
    double[] scales = new double[count];
    for (int s = 0; s < count; s++) {
      scales[s] = scaleKind.equals("log") ? Math.pow(64.0, s / (double) (count - 1)) : s + 1;
    }
    if (!scaleKind.equals("log") && !scaleKind.equals("linear")) {
      throw new IllegalArgumentException("--scales must be linear or log");
    }
    SplittableRandom random = new SplittableRandom(0);
    double[][][] records = new double[16][leads][length];
    for (double[][] record : records) {
      for (double[] lead : record) {
        for (int t = 0; t < length; t++) {
          lead[t] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }
      }
    }
    long setupBegan = System.nanoTime();
    ContinuousWaveletTransform cwt = new ContinuousWaveletTransform(wavelet, scales, length);
    double setupMs = (System.nanoTime() - setupBegan) / 1e6;
    ContinuousWaveletTransform.Workspace workspace = cwt.workspace(leads);
    int leadCount = leads;
    int samples = length;
    double[] out = new double[count * leads * length];
    ContinuousWaveletTransform.Sink sink = (scale, lead, re, im) -> {
      int base = (scale * leadCount + lead) * samples;
      if (im == null) {
        System.arraycopy(re, 0, out, base, samples);
      } else {
        for (int t = 0; t < samples; t++) {
          out[base + t] = Math.sqrt(re[t] * re[t] + im[t] * im[t]);
        }
      }
    };
    System.out.printf(Locale.ROOT, "# java %s, JTransforms 3.1 (double), one thread; record=(%d, %d), %d %s scales "
            + "%.3g..%.3g, wavelet %s; plans and kernel spectra built once in %.1f ms%n",
        System.getProperty("java.version"), leads, length, count, scaleKind, scales[0], scales[count - 1],
        wavelet.describe(), setupMs);
    String name = "cwt_sinus_" + waveletName.replace('-', '_') + "_" + scaleKind;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < 2; i++) {
        cwt.transform(records[i % records.length], workspace, sink);
      }
      long began = System.nanoTime();
      int n = 0;
      double elapsed;
      do {
        cwt.transform(records[n % records.length], workspace, sink);
        n++;
        elapsed = (System.nanoTime() - began) / 1e9;
      } while (elapsed < minTime || n < 3);
      System.out.printf(Locale.ROOT, "%s: %.3f ms/record (%.1f records/s, %d records)%n", name,
          1000 * elapsed / n, n / elapsed, n);
    }
  }
}
