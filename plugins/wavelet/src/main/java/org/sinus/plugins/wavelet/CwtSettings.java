package org.sinus.plugins.wavelet;

import java.util.List;
import java.util.Locale;
import org.sinus.api.cache.ValueEncoding;
import org.sinus.api.plugin.ComponentConfig;

/**
 * The settings of the {@code cwt} representation, as read from its config block (see the plugin's
 * reference.conf for what each does).
 *
 * @param wavelet the mother wavelet
 * @param scaleCount number of scales (rows of the scalogram)
 * @param minHz frequency of the largest scale (last row)
 * @param maxHz frequency of the smallest scale (first row)
 * @param logSpacing scales spaced geometrically (else linearly) between the two
 * @param standardize signal standardization fitted on the training split, before the transform
 * @param value what a coefficient becomes
 * @param log the log applied to the value
 * @param pool consecutive time steps averaged before caching
 * @param width columns of each window after resizing; 0 = no resizing
 * @param coneOfInfluence whether values inside the cone of influence are set to 0 after normalization
 * @param normalize how the scalogram is normalized (statistics fitted on the training split)
 * @param layout how leads map to the example shape
 * @param storage how the cache stores values
 */
public record CwtSettings(Wavelet wavelet, int scaleCount, double minHz, double maxHz, boolean logSpacing,
                          Standardize standardize, Value value, Log log, int pool, int width, boolean coneOfInfluence,
                          Normalize normalize, Layout layout, ValueEncoding storage) {

  /** Standardization of the signal before the transform. */
  public enum Standardize { GLOBAL, PER_LEAD, NONE }

  /** What a coefficient W becomes. */
  public enum Value {
    /** |W| */
    MAGNITUDE,
    /** |W|² (Torrence &amp; Compo's wavelet power spectrum) */
    POWER,
    /** Re W (for a real wavelet, W itself) */
    REAL
  }

  /** The log of the value. */
  public enum Log {
    NONE,
    /** ln(1 + v) */
    LOG1P,
    /** ln(max(v, 1e-12)) */
    LOG
  }

  /** Normalization of the scalogram, fitted on the training split. */
  public enum Normalize {
    /** one mean and standard deviation per (lead, scale) */
    LEAD_SCALE,
    /** one per scale, over all leads */
    SCALE,
    /** one over all values */
    GLOBAL,
    NONE
  }

  /** How leads map to the example shape. */
  public enum Layout {
    /** {@code [scales, time, leads]}: the leads are the image's channels */
    CHANNELS,
    /** {@code [leads × scales, time, 1]}: one single-channel image per lead, stacked along the height */
    STACKED
  }

  public CwtSettings {
    if (scaleCount < 1 || !(minHz > 0) || !(maxHz >= minHz) || pool < 1 || width < 0) {
      throw new IllegalArgumentException("bad cwt settings: " + scaleCount + " scales, " + minHz + "–" + maxHz
          + " Hz, pool " + pool + ", width " + width);
    }
    if (value == Value.REAL && log != Log.NONE) {
      throw new IllegalArgumentException("the log of the real part (which may be negative) is undefined");
    }
  }

  /** Reads and validates a {@code representation { type = "cwt", ... }} block; problems go to the block's collector. */
  public static CwtSettings read(ComponentConfig config) {
    String waveletName = config.getChoice("wavelet", List.of("morlet", "mexican-hat", "paul", "pywt-morl"));
    double omega0 = config.getDouble("morlet-omega0", 3, 20);
    int order = config.getInt("paul-order", 1, 20);
    Wavelet wavelet = switch (waveletName) {
      case "mexican-hat" -> new Wavelet.MexicanHat();
      case "paul" -> new Wavelet.Paul(order);
      case "pywt-morl" -> new Wavelet.PywtMorl();
      default -> new Wavelet.Morlet(omega0);
    };
    ComponentConfig scales = config.child("scales");
    int count = scales.getInt("count", 1, 1024);
    double minHz = scales.getDouble("min-hz", 1e-6, 1e6);
    double maxHz = scales.getDouble("max-hz", 1e-6, 1e6);
    String spacing = scales.getChoice("spacing", List.of("log", "linear"));
    if (maxHz < minHz) {
      scales.problem("max-hz", "the highest frequency " + maxHz + " Hz is below min-hz = " + minHz + " Hz");
      maxHz = minHz;
    }
    Standardize standardize = enumOf(Standardize.class, config.getChoice("standardize", List.of("global", "per-lead", "none")));
    Value value = enumOf(Value.class, config.getChoice("value", List.of("magnitude", "power", "real")));
    Log log = enumOf(Log.class, config.getChoice("log", List.of("log1p", "log", "none")));
    if (value == Value.REAL && log != Log.NONE) {
      config.problem("log", "the real part of a coefficient can be negative: use log = \"none\" with value = \"real\"");
      log = Log.NONE;
    }
    int pool = config.getInt("pool", 1, 1000);
    int width = config.getInt("width", 0, 100_000);
    boolean coi = config.getChoice("cone-of-influence", List.of("keep", "mask")).equals("mask");
    Normalize normalize = enumOf(Normalize.class, config.getChoice("normalize", List.of("lead-scale", "scale", "global", "none")));
    Layout layout = enumOf(Layout.class, config.getChoice("layout", List.of("channels", "stacked")));
    ValueEncoding storage = ValueEncoding.of(config.getChoice("storage", ValueEncoding.ids()));
    return new CwtSettings(wavelet, count, minHz, maxHz, spacing.equals("log"), standardize, value, log, pool, width,
        coi, normalize, layout, storage);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String id) {
    return Enum.valueOf(type, id.replace('-', '_').toUpperCase(Locale.ROOT));
  }

  /** The config word of an enum constant, e.g. {@code lead-scale}. */
  static String id(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Scales in samples at {@code samplingRate}, first row first: from the scale of {@code maxHz} to
   * that of {@code minHz}, geometrically or linearly spaced.
   */
  public double[] scales(double samplingRate) {
    double first = wavelet.scaleOf(maxHz, samplingRate);
    double last = wavelet.scaleOf(minHz, samplingRate);
    double[] scales = new double[scaleCount];
    for (int i = 0; i < scaleCount; i++) {
      double fraction = scaleCount == 1 ? 0 : i / (double) (scaleCount - 1);
      scales[i] = logSpacing ? first * Math.pow(last / first, fraction) : first + (last - first) * fraction;
    }
    return scales;
  }

  /** Frequencies in Hz of the rows (the Fourier frequencies of {@link #scales}). */
  public double[] frequencies(double samplingRate) {
    double[] scales = scales(samplingRate);
    double[] hertz = new double[scales.length];
    for (int i = 0; i < scales.length; i++) {
      hertz[i] = wavelet.frequencyOf(scales[i], samplingRate);
    }
    return hertz;
  }

  /** Time steps of a window of {@code windowSamples} samples after pooling and resizing. */
  public int columns(int windowSamples) {
    return width > 0 ? width : windowSamples / pool;
  }

  /** A one-line description for logs, e.g. {@code morlet(omega0=6.0), 32 log scales 40–0.5 Hz, log1p magnitude}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s, %d %s scales %s–%s Hz, %s%s%s", wavelet.describe(), scaleCount,
        logSpacing ? "log" : "linear", trim(maxHz), trim(minHz), log == Log.NONE ? "" : id(log) + " ", id(value),
        pool > 1 ? ", time pooled by " + pool : "");
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
