package org.sinus.plugins.wavelet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sinus.api.cache.CachePlan;
import org.sinus.api.cache.MappedValueFile;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.preview.Preview;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Previewable;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.SignalProjection;

/**
 * The {@code cwt} representation fitted on the training records: signal standardization and
 * scalogram normalization, and the caches of the record sets it was given (training records at
 * fitting, other splits through {@link #precompute}). A window of a cached dataset record is read
 * from the memory-mapped cache; any other signal (a new recording, a record an explainer
 * perturbed) is transformed when it is encoded. Thread-safe.
 */
final class FittedCwt implements FittedRepresentation, Previewable, SignalProjection {
  private final CwtSettings settings;
  private final FitContext context;
  private final SignalFormat format;
  private final ScalogramComputer computer;
  private final int[][] valid;
  private final double[] signalMean;
  private final double[] signalStd;
  private final ScalogramStatistics statistics;
  private final float[] normMean;
  private final float[] normInverse;
  private final ExampleShape shape;
  private final Map<Integer, Cached> cached = new ConcurrentHashMap<>();
  private final Map<Integer, TimeResampler> resamplers = new ConcurrentHashMap<>();
  private final ThreadLocal<float[][]> buffers = new ThreadLocal<>();
  private final ThreadLocal<Computed> computed = new ThreadLocal<>();

  /** Where a dataset record's scalogram is cached. */
  private record Cached(MappedValueFile file, int item) {}

  /** The scalogram last computed on this thread, for the windows of one signal. */
  private record Computed(float[] signal, int hash, float[] scalogram) {}

  FittedCwt(CwtSettings settings, FitContext context, double[] signalMean, double[] signalStd,
            ScalogramStatistics statistics) {
    this.settings = settings;
    this.context = context;
    this.format = context.format();
    this.computer = new ScalogramComputer(settings, format.samplingRate(), format.samples(), format.channels());
    this.valid = settings.coneOfInfluence() ? coneOfInfluence() : null;
    this.signalMean = signalMean.clone();
    this.signalStd = signalStd.clone();
    this.statistics = statistics;
    int scales = settings.scaleCount();
    int leads = format.channels();
    this.normMean = new float[scales * leads];
    this.normInverse = new float[scales * leads];
    for (int s = 0; s < scales; s++) {
      for (int l = 0; l < leads; l++) {
        int g = statistics.group(s, l);
        normMean[s * leads + l] = (float) statistics.mean(g);
        normInverse[s * leads + l] = (float) (1 / statistics.std(g));
      }
    }
    int columns = settings.columns(context.windowSamples());
    this.shape = settings.layout() == CwtSettings.Layout.CHANNELS
        ? new ExampleShape(scales, columns, leads) : new ExampleShape(leads * scales, columns, 1);
  }

  ScalogramComputer computer() {
    return computer;
  }

  /** Per scale, the first and last unmasked column, or null when the cone of influence is kept. */
  int[][] coneOfInfluence() {
    if (valid != null) {
      return valid;
    }
    if (!settings.coneOfInfluence()) {
      return null;
    }
    // Per scale, the first and last column of a record outside the cone of influence: where the
    // record's edges are farther than the wavelet's e-folding time (Torrence & Compo, section 3g).
    // A scale whose cone covers the whole record gets [0, -1]: every column masked.
    double[] scales = computer.transform().scales();
    int columns = computer.columns();
    int pool = settings.pool();
    int samples = format.samples();
    int[][] ranges = new int[scales.length][2];
    for (int s = 0; s < scales.length; s++) {
      double fold = settings.wavelet().eFoldingFactor() * scales[s];
      int first = -1;
      int last = -2;
      for (int c = 0; c < columns; c++) {
        double centre = c * pool + (pool - 1) / 2.0;
        if (centre >= fold && centre <= samples - 1 - fold) {
          first = first < 0 ? c : first;
          last = c;
        }
      }
      ranges[s] = first < 0 ? new int[] {0, -1} : new int[] {first, last};
    }
    return ranges;
  }

  /** The cache of a set of records under this standardization, reused or built. */
  ScalogramCache.Result cacheOf(RecordSet records) {
    return ScalogramCache.open(cachePlan(records), context.data());
  }

  /** The cache file of a set of records under this standardization, as a plan (nothing is computed yet). */
  CachePlan cachePlan(RecordSet records) {
    return ScalogramCache.plan(records, context.dataName(), computer, settings.storage(), cacheKey(records), signalMean,
        signalStd, context.data().cacheDir());
  }

  /** Reads the records of {@code records} from {@code cache} from now on. */
  void use(RecordSet records, ScalogramCache.Result cache) {
    for (int i = 0; i < records.size(); i++) {
      cached.put(records.index(i), new Cached(cache.file(), i));
    }
  }

  @Override
  public void precompute(RecordSet records) {
    use(records, cacheOf(records));
  }

  /** What the cached values depend on: the data, the records, every value-changing setting, the signal standardization. */
  String cacheKey(RecordSet records) {
    int[] indices = new int[records.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = records.index(i);
    }
    return String.join("|", ScalogramCache.VERSION,
        "data=" + context.dataKey(),
        "records=" + indices.length + ":" + Integer.toHexString(Arrays.hashCode(indices)),
        "signals=" + SignalStatistics.contentChecksum(records, context.data()),
        "rate=" + format.samplingRate(),
        "samples=" + format.samples(),
        "leads=" + String.join(",", format.leads()),
        "wavelet=" + settings.wavelet().describe(),
        "scales=" + Arrays.toString(computer.transform().scales()),
        "value=" + CwtSettings.id(settings.value()),
        "log=" + CwtSettings.id(settings.log()),
        "pool=" + settings.pool(),
        "storage=" + settings.storage().id(),
        "standardize=" + CwtSettings.id(settings.standardize()),
        "mean=" + Arrays.toString(signalMean),
        "std=" + Arrays.toString(signalStd));
  }

  @Override
  public ExampleShape shape() {
    return shape;
  }

  @Override
  public void encode(RecordWindow window, float[] out, int offset) {
    int scales = settings.scaleCount();
    int leads = computer.leads();
    int columns = computer.columns();
    int pool = settings.pool();
    int width = window.length() / pool;
    int first = Math.min(window.start() / pool, columns - width);
    int target = settings.width() > 0 ? settings.width() : width;
    float[][] b = buffers.get();
    if (b == null || b[0].length < width * leads || b[1].length < target * leads) {
      b = new float[][] {new float[width * leads], new float[target * leads]};
      buffers.set(b);
    }
    float[] row = b[0];
    Cached source = window.index() >= 0 ? cached.get(window.index()) : null;
    float[] scalogram = source == null ? scalogram(window.signal()) : null;
    TimeResampler resampler = settings.width() > 0
        ? resamplers.computeIfAbsent(width, w -> new TimeResampler(w, settings.width())) : null;
    boolean stacked = settings.layout() == CwtSettings.Layout.STACKED;
    for (int s = 0; s < scales; s++) {
      int from = (s * columns + first) * leads;
      if (source != null) {
        source.file().read(source.item(), from, width * leads, row, 0);
      } else {
        System.arraycopy(scalogram, from, row, 0, width * leads);
      }
      int normBase = s * leads;
      for (int c = 0; c < width; c++) {
        int base = c * leads;
        for (int l = 0; l < leads; l++) {
          row[base + l] = (row[base + l] - normMean[normBase + l]) * normInverse[normBase + l];
        }
      }
      if (valid != null) {
        int lo = valid[s][0] - first;
        int hi = valid[s][1] - first;
        for (int c = 0; c < width; c++) {
          if (c < lo || c > hi) {
            Arrays.fill(row, c * leads, (c + 1) * leads, 0f);
          }
        }
      }
      float[] values = row;
      if (resampler != null) {
        resampler.apply(row, b[1], leads);
        values = b[1];
      }
      if (!stacked) {
        System.arraycopy(values, 0, out, offset + s * target * leads, target * leads);
      } else {
        for (int c = 0; c < target; c++) {
          for (int l = 0; l < leads; l++) {
            out[offset + (l * scales + s) * target + c] = values[c * leads + l];
          }
        }
      }
    }
  }

  /**
   * The whole signal's scalogram, as the cache would hold it; the last one is kept per thread, so
   * that the windows of one signal share it (same array and same content).
   */
  private float[] scalogram(float[] signal) {
    int hash = Arrays.hashCode(signal);
    Computed last = computed.get();
    if (last != null && last.signal() == signal && last.hash() == hash) {
      return last.scalogram();
    }
    if (signal.length != format.samples() * format.channels()) {
      throw new IllegalArgumentException("the cwt representation was fitted on records of " + format.samples()
          + " samples × " + format.channels() + " leads, not " + signal.length + " values");
    }
    float[] values = last != null ? last.scalogram() : new float[computer.itemValues()];
    computer.compute(signal, signalMean, signalStd, values, 0);
    computed.set(new Computed(signal, hash, values));
    return values;
  }

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("standardize", CwtSettings.id(settings.standardize()));
    state.put("signal_mean", signalMean.clone());
    state.put("signal_std", signalStd.clone());
    state.put("normalize", CwtSettings.id(settings.normalize()));
    state.put("mean", statistics.means());
    state.put("std", statistics.stds());
    state.put("scales", settings.describe());
    return state;
  }

  @Override
  public Preview preview(float[] example, double startSeconds) {
    return new ScalogramPreview(settings).describe(example, shape, format, context.windowSamples());
  }

  /**
   * Each scalogram value's relevance goes to the samples of its time column (spread evenly over
   * them), summed over scales; the wavelet's support around that time is not spread out.
   */
  @Override
  public float[] toSignal(float[] relevance, int windowSamples) {
    int scales = settings.scaleCount();
    int leads = format.channels();
    int target = shape.width();
    boolean stacked = settings.layout() == CwtSettings.Layout.STACKED;
    float[] signal = new float[windowSamples * leads];
    double samplesPerColumn = windowSamples / (double) target;
    for (int c = 0; c < target; c++) {
      int from = (int) Math.round(c * samplesPerColumn);
      int to = Math.max(from + 1, (int) Math.round((c + 1) * samplesPerColumn));
      to = Math.min(to, windowSamples);
      for (int l = 0; l < leads; l++) {
        double sum = 0;
        for (int s = 0; s < scales; s++) {
          sum += stacked ? relevance[(l * scales + s) * target + c] : relevance[(s * target + c) * leads + l];
        }
        float share = (float) (sum / Math.max(1, to - from));
        for (int t = from; t < to; t++) {
          signal[t * leads + l] += share;
        }
      }
    }
    return signal;
  }
}
