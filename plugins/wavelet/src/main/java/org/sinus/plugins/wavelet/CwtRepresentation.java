package org.sinus.plugins.wavelet;

import org.sinus.api.plugin.ComponentFactory;

import com.typesafe.config.Config;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.config.ComponentConfig;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.cache.MappedValueFile;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.representation.SignalFormat;

/**
 * Wavelet scalograms: the continuous wavelet transform of each whole record (Morlet, Mexican hat,
 * Paul or PyWavelets' {@code morl}, at scales spaced between two frequencies), as magnitude, power
 * or real part, optionally logged, cached on disk once per dataset and settings, then cropped to
 * each window, normalized with statistics of the training split, and optionally resized in time.
 * The example is {@code [scales, time, leads]} (leads as channels) or {@code [leads × scales,
 * time, 1]} (one single-channel image per lead, stacked along the height: rows
 * {@code l·scales ... (l+1)·scales − 1} are lead l).
 *
 * <p>Lifecycle. {@link #prepare} checks the settings against the data and checksums every signal
 * value. {@link #fit} fits the signal standardization on the training records, builds (or reuses)
 * the scalogram cache of all records (keyed by the data, the settings and that standardization;
 * see {@link ScalogramCache}), and fits the scalogram normalization on the training records'
 * cached scalograms. {@link #restore} restores both fits and reuses (or rebuilds) the same cache.
 * The cache is built after the signal standardization is fitted because the scalogram depends on
 * it nonlinearly (log of magnitudes). {@link #encode} only reads the window's columns of the
 * memory-mapped cache, so edge effects of large scales come from the record's ends, never from the
 * crop's (as in the peer reference, which transforms whole standardized records and crops).
 *
 * <p>Example (the peer reference {@code cwt_cnn2d}): {@code representation { type = "cwt",
 * wavelet = "pywt-morl", scales { count = 32, min-hz = 0.5, max-hz = 40, spacing = "log" },
 * standardize = "global", value = "magnitude", log = "log1p", normalize = "lead-scale" }} turns a
 * 2.5 s window at 100 Hz into {@code [32, 250, 12]}.
 */
public final class CwtRepresentation implements Representation {
  private static final Logger LOG = Logger.getLogger(CwtRepresentation.class.getName());
  public static final String TYPE = "cwt";

  private final CwtSettings settings;
  private EcgDataset data;
  private DataContext context;
  private ScalogramComputer computer;
  private String signalChecksum;
  private int[][] valid;
  private double[] signalMean = {0};
  private double[] signalStd = {1};
  private ScalogramStatistics statistics;
  private float[] normMean;
  private float[] normInverse;
  private volatile MappedValueFile cache;
  private ScalogramCache.Result cacheResult;
  private final Map<Integer, TimeResampler> resamplers = new ConcurrentHashMap<>();
  private final ThreadLocal<float[][]> buffers = new ThreadLocal<>();

  public CwtRepresentation(CwtSettings settings) {
    this.settings = settings;
  }

  /** Builds the representation from {@code representation { type = "cwt", ... }}. */
  public static final class Factory implements ComponentFactory<Representation> {
    @Override
    public String description() {
      return "wavelet scalogram [scales, time, leads] (Morlet/Mexican hat/Paul CWT by FFT), cached on disk, "
          + "normalized on the training split";
    }

    @Override
    public Representation create(ComponentConfig config) {
      return new CwtRepresentation(CwtSettings.read(config));
    }
  }

  public CwtSettings settings() {
    return settings;
  }

  @Override
  public ExampleShape shape(SignalFormat format, int windowSamples) {
    int columns = settings.columns(windowSamples);
    if (columns < 1) {
      throw new SinusException(ExitCode.CONFIG, "representation.pool = " + settings.pool() + " is longer than the "
          + windowSamples + "-sample window");
    }
    return settings.layout() == CwtSettings.Layout.CHANNELS
        ? new ExampleShape(settings.scaleCount(), columns, format.channels())
        : new ExampleShape(format.channels() * settings.scaleCount(), columns, 1);
  }

  @Override
  public void prepare(EcgDataset data, DataContext context) {
    double nyquist = data.samplingRate() / 2.0;
    if (settings.maxHz() > nyquist) {
      throw new SinusException(ExitCode.CONFIG, "representation.scales.max-hz = " + settings.maxHz()
          + " Hz is above the Nyquist frequency of " + data.name() + " (" + nyquist + " Hz at " + data.samplingRate()
          + " Hz)");
    }
    if (settings.pool() > data.samples()) {
      throw new SinusException(ExitCode.CONFIG, "representation.pool = " + settings.pool() + " is longer than the "
          + data.samples() + "-sample records of " + data.name());
    }
    this.data = data;
    this.context = context;
    this.computer = new ScalogramComputer(settings, data.samplingRate(), data.samples(), data.leads().size());
    this.valid = settings.coneOfInfluence() ? coneOfInfluence() : null;
    long began = System.nanoTime();
    this.signalChecksum = SignalStatistics.contentChecksum(data, context);
    this.cache = null;
    LOG.fine(String.format(Locale.ROOT, "cwt: checksummed %d records in %.1f s", data.size(),
        (System.nanoTime() - began) / 1e9));
  }

  /**
   * Per scale, the first and last column of a record outside the cone of influence: where the
   * record's edges are farther than the wavelet's e-folding time (Torrence &amp; Compo, section
   * 3g). A scale whose cone covers the whole record gets {@code [0, −1]}: every column masked.
   */
  private int[][] coneOfInfluence() {
    double[] scales = computer.transform().scales();
    int columns = computer.columns();
    int pool = settings.pool();
    int samples = data.samples();
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

  private void requirePrepared(EcgDataset given) {
    if (data == null) {
      throw new IllegalStateException("the cwt representation must be prepared (prepare) before it is fitted or restored");
    }
    if (given != null && given != data) {
      throw new IllegalStateException("the cwt representation was prepared for another dataset");
    }
  }

  @Override
  public void fit(EcgDataset data, int[] trainIndices, int windowSamples, DataContext context) {
    requirePrepared(data);
    double[][] standardization = SignalStatistics.standardization(data, trainIndices, settings.standardize());
    signalMean = standardization[0];
    signalStd = standardization[1];
    openCache();
    statistics = ScalogramStatistics.fit(cache, trainIndices, settings.normalize(), settings.scaleCount(),
        computer.columns(), computer.leads(), valid, context);
    useStatistics();
    LOG.info(String.format(Locale.ROOT, "cwt: %s; signal standardization (%s) mean %s, std %s; scalogram "
            + "normalization (%s) fitted on %d training records: mean %s, std %s", settings.describe(),
        CwtSettings.id(settings.standardize()), range(signalMean), range(signalStd), CwtSettings.id(settings.normalize()),
        trainIndices.length, range(statistics.means()), range(statistics.stds())));
  }

  private static String range(double[] values) {
    double min = Arrays.stream(values).min().orElse(Double.NaN);
    double max = Arrays.stream(values).max().orElse(Double.NaN);
    return min == max ? String.format(Locale.ROOT, "%.6g", min) : String.format(Locale.ROOT, "[%.4g, %.4g]", min, max);
  }

  private void openCache() {
    cacheResult = ScalogramCache.open(data, computer, settings.storage(), cacheKey(), signalMean, signalStd, context);
    cache = cacheResult.file();
  }

  /** What the cached values depend on: the data, every value-changing setting, the signal standardization. */
  String cacheKey() {
    return String.join("|", ScalogramCache.VERSION,
        "dataset=" + data.name(),
        "source=" + data.source(),
        "fingerprint=" + data.fingerprint(),
        "signals=" + signalChecksum,
        "rate=" + data.samplingRate(),
        "samples=" + data.samples(),
        "leads=" + String.join(",", data.leads()),
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

  /** How the last {@link #fit} or {@link #restore} got its cache (for logs and tests). */
  public ScalogramCache.Result cacheResult() {
    return cacheResult;
  }

  private void useStatistics() {
    int scales = settings.scaleCount();
    int leads = computer.leads();
    normMean = new float[scales * leads];
    normInverse = new float[scales * leads];
    for (int s = 0; s < scales; s++) {
      for (int l = 0; l < leads; l++) {
        int g = statistics.group(s, l);
        normMean[s * leads + l] = (float) statistics.mean(g);
        normInverse[s * leads + l] = (float) (1 / statistics.std(g));
      }
    }
  }

  @Override
  public void encode(RecordWindow window, float[] out, int offset) {
    MappedValueFile file = cache;
    if (file == null) {
      throw new IllegalStateException("the cwt representation must be fitted or restored before it encodes");
    }
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
    TimeResampler resampler = settings.width() > 0
        ? resamplers.computeIfAbsent(width, w -> new TimeResampler(w, settings.width())) : null;
    boolean stacked = settings.layout() == CwtSettings.Layout.STACKED;
    for (int s = 0; s < scales; s++) {
      file.read(window.index(), (s * columns + first) * leads, width * leads, row, 0);
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

  @Override
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("standardize", CwtSettings.id(settings.standardize()));
    state.put("signal_mean", signalMean);
    state.put("signal_std", signalStd);
    state.put("normalize", CwtSettings.id(settings.normalize()));
    state.put("mean", statistics == null ? new double[0] : statistics.means());
    state.put("std", statistics == null ? new double[0] : statistics.stds());
    state.put("scales", settings.describe());
    if (cacheResult != null) {
      state.put("cache", cacheResult.file().file().toString());
    }
    return state;
  }

  @Override
  public void restore(Config state) {
    requirePrepared(null);
    String standardize = state.getString("standardize");
    String normalize = state.getString("normalize");
    if (!standardize.equals(CwtSettings.id(settings.standardize())) || !normalize.equals(CwtSettings.id(settings.normalize()))) {
      throw new SinusException(ExitCode.RUN, "the saved cwt state was fitted with standardize = " + standardize
          + " and normalize = " + normalize + ", but the experiment says " + CwtSettings.id(settings.standardize())
          + " and " + CwtSettings.id(settings.normalize()));
    }
    signalMean = doubles(state, "signal_mean");
    signalStd = doubles(state, "signal_std");
    try {
      statistics = new ScalogramStatistics(settings.normalize(), settings.scaleCount(), computer.leads(),
          doubles(state, "mean"), doubles(state, "std"));
    } catch (IllegalArgumentException e) {
      throw new SinusException(ExitCode.RUN, "the saved cwt state does not fit this data: " + e.getMessage(), e);
    }
    openCache();
    useStatistics();
  }

  private static double[] doubles(Config state, String key) {
    return state.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public BufferedImage preview(float[] example, ExampleShape shape, SignalFormat format, int windowSamples) {
    return new ScalogramPreview(settings).render(example, shape, format, windowSamples);
  }
}
