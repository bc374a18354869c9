package org.sinus.plugins.wavelet;

/**
 * Computes the scalogram of a whole record as the cache stores it, {@code [scales, columns, leads]}
 * floats: the signal standardized, transformed ({@link ContinuousWaveletTransform}), each
 * coefficient turned into its value (magnitude, power or real part), logged, and averaged over
 * {@code pool} consecutive time steps ({@code columns = samples / pool}; a shorter tail is
 * dropped). Thread-safe: per-thread buffers.
 */
public final class ScalogramComputer {
  private static final double LOG_FLOOR = 1e-12;

  private final CwtSettings settings;
  private final ContinuousWaveletTransform transform;
  private final int samples;
  private final int leads;
  private final int columns;
  private final ThreadLocal<Buffers> buffers;

  private final class Buffers {
    final ContinuousWaveletTransform.Workspace workspace = transform.workspace(leads);
    final double[][] input = new double[leads][samples];
    final double[] values = new double[samples];
  }

  public ScalogramComputer(CwtSettings settings, double samplingRate, int samples, int leads) {
    this.settings = settings;
    this.transform = new ContinuousWaveletTransform(settings.wavelet(), settings.scales(samplingRate), samples);
    this.samples = samples;
    this.leads = leads;
    this.columns = samples / settings.pool();
    this.buffers = ThreadLocal.withInitial(Buffers::new);
    if (columns == 0) {
      throw new IllegalArgumentException("pool = " + settings.pool() + " is longer than a record of " + samples + " samples");
    }
  }

  public int scales() {
    return settings.scaleCount();
  }

  /** Time steps per record after pooling. */
  public int columns() {
    return columns;
  }

  public int leads() {
    return leads;
  }

  /** Values of one record's scalogram. */
  public int itemValues() {
    return settings.scaleCount() * columns * leads;
  }

  public ContinuousWaveletTransform transform() {
    return transform;
  }

  /**
   * The scalogram of {@code signal} ({@code samples × leads}, time-major) into {@code out} at
   * {@code offset}, {@code [scale][column][lead]}.
   *
   * @param mean subtracted before the transform: one value, or one per lead
   * @param scale divides after subtracting: one value, or one per lead
   */
  public void compute(float[] signal, double[] mean, double[] scale, float[] out, int offset) {
    Buffers b = buffers.get();
    for (int l = 0; l < leads; l++) {
      double m = mean.length == 1 ? mean[0] : mean[l];
      double inverse = 1 / (scale.length == 1 ? scale[0] : scale[l]);
      double[] lead = b.input[l];
      for (int t = 0; t < samples; t++) {
        lead[t] = (signal[t * leads + l] - m) * inverse;
      }
    }
    int pool = settings.pool();
    CwtSettings.Value value = settings.value();
    CwtSettings.Log log = settings.log();
    double[] values = b.values;
    transform.transform(b.input, b.workspace, (s, lead, re, im) -> {
      int n = columns * pool;
      switch (value) {
        case MAGNITUDE -> {
          for (int t = 0; t < n; t++) {
            values[t] = im == null ? Math.abs(re[t]) : Math.sqrt(re[t] * re[t] + im[t] * im[t]);
          }
        }
        case POWER -> {
          for (int t = 0; t < n; t++) {
            values[t] = im == null ? re[t] * re[t] : re[t] * re[t] + im[t] * im[t];
          }
        }
        case REAL -> System.arraycopy(re, 0, values, 0, n);
      }
      if (log == CwtSettings.Log.LOG1P) {
        for (int t = 0; t < n; t++) {
          values[t] = log1p(values[t]);
        }
      } else if (log == CwtSettings.Log.LOG) {
        for (int t = 0; t < n; t++) {
          values[t] = Math.log(Math.max(values[t], LOG_FLOOR));
        }
      }
      int base = offset + s * columns * leads + lead;
      for (int c = 0; c < columns; c++) {
        double sum = 0;
        for (int k = c * pool; k < (c + 1) * pool; k++) {
          sum += values[k];
        }
        out[base + c * leads] = (float) (sum / pool);
      }
    });
  }

  /**
   * ln(1 + v) for v ≥ 0, to about 1e-10 relative: {@code Math.log} (a JIT intrinsic, several times
   * faster than {@code Math.log1p}) where 1 + v keeps enough of v, the series below that.
   */
  static double log1p(double v) {
    return v < 1e-5 ? v * (1 - v * (0.5 - v / 3)) : Math.log(1 + v);
  }
}
