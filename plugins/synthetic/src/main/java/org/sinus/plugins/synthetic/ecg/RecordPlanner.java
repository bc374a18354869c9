package org.sinus.plugins.synthetic.ecg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sinus.plugins.synthetic.ecg.Rng.Stream;

/**
 * Draws the {@link RecordPlan} of record {@code i} from the streams keyed by (seed, i).
 *
 * <p><b>Beat model.</b> As in ECGSYN (McSharry et al. 2003), the cardiac phase θ goes once round
 * the limit cycle per beat at the instantaneous rate 2π/RR, and the P, Q, R, S and T events are
 * Gaussians in θ; here each Frank VCG axis X, Y, Z has its own set (Sameni et al. 2007). Instead of
 * integrating the ODE, the model is evaluated in its closed phase form
 * {@code z(t) = Σ aᵢ · exp(−Δθᵢ(t)² / (2 bᵢ²))}, which is what the ODE's trajectory converges to
 * (Sameni et al.'s formulation); θ(t) is linear between R peaks. The RR intervals come from
 * {@link RrProcess}. As ECGSYN does, the waves are adapted to the record's mean heart rate: the P
 * and T waves' times and widths scale with √RR (Bazett's QT adaptation), the QRS complex keeps its
 * duration. To keep records band-limited at low sampling rates, every Gaussian is convolved with a
 * Gaussian anti-aliasing kernel of half a sample period (closed form: widths add in quadrature,
 * area is kept), which damps the Nyquist frequency to 0.29.
 *
 * <p><b>Nuisance variation.</b> Per record: mean heart rate, respiratory frequency, overall gain,
 * a random rotation of the heart vector, each wave's amplitude, width and position, the QRS
 * duration, the T amplitude, the precordial leads' gains, a normal ST level per lead, baseline
 * wander, white noise and powerline phase; sizes in {@link GeneratorSettings}.
 *
 * <p><b>Classes.</b> A record is NORM with probability {@code normFraction}, otherwise it gets 1 to
 * {@code maxAbnormalClasses} distinct abnormal classes, uniformly. See {@link SyntheticClass} for
 * what each changes; the change's size is scaled by a per-record factor.
 */
public final class RecordPlanner {
  /** Respiratory (and RSA) frequency range, Hz. */
  static final double RESPIRATION_MIN_HZ = 0.2;
  static final double RESPIRATION_MAX_HZ = 0.33;
  /** Standard deviation of the anti-aliasing kernel, in sample periods. */
  static final double ANTI_ALIAS_SAMPLES = 0.5;

  /** Rows of {@link Leads#DOWER}: I, II, V1..V6. */
  static final int ROW_I = 0;
  static final int ROW_V1 = 2;
  static final int ROW_V2 = 3;
  static final int ROW_V5 = 6;
  static final int ROW_V6 = 7;
  static final int ROWS = 8;

  /** MI: ST elevation per independent lead, relative to the configured height (V1–V4 only). */
  static final double[] MI_ST_WEIGHT = {0, 0, 0.7, 1.0, 1.0, 0.8, 0, 0};
  /** MI: Q-wave depth per independent lead, relative to the configured depth. */
  static final double[] MI_Q_WEIGHT = {0, 0, 0.8, 1.0, 1.0, 0.7, 0, 0};
  /** MI: centre and width of the Q wave, seconds from the R peak (stretched with a CD widening). */
  static final double Q_TIME = -0.022;
  static final double Q_WIDTH = 0.014;
  /** MI: the J point is this many widths after the last QRS wave's centre. */
  static final double J_WIDTHS = 2.5;
  /** MI: the ST elevation rises over this many seconds before J and falls over this many (× √RR) before the T peak. */
  static final double ST_RISE = 0.02;
  static final double ST_FALL = 0.08;
  /** CD: centre and width of the R' wave in V1/V2, seconds after R, before widening. */
  static final double R_PRIME_TIME = 0.032;
  static final double R_PRIME_WIDTH = 0.008;
  static final double R_PRIME_V2 = 0.7;

  private final GeneratorSettings settings;

  public RecordPlanner(GeneratorSettings settings) {
    this.settings = settings;
  }

  public GeneratorSettings settings() {
    return settings;
  }

  /** The plan of record {@code index}, with the classes drawn for it. */
  public RecordPlan plan(int index) {
    return plan(index, drawLabels(index));
  }

  /** The classes of record {@code index}, as label indices, ascending. */
  public int[] drawLabels(int index) {
    Rng rng = Rng.of(settings.seed(), index, Stream.LABELS);
    if (rng.nextDouble() < settings.normFraction()) {
      return new int[] {SyntheticClass.NORM.label()};
    }
    List<SyntheticClass> pool = new ArrayList<>(SyntheticClass.ABNORMAL);
    int count = 1 + rng.nextInt(Math.min(settings.maxAbnormalClasses(), pool.size()));
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = pool.remove(rng.nextInt(pool.size())).label();
    }
    Arrays.sort(labels);
    return labels;
  }

  /**
   * The plan of record {@code index} with the given classes instead of the drawn ones; everything
   * else (rhythm, morphology, strengths, noise) is the same, which is how tests isolate the change
   * a class makes.
   */
  public RecordPlan plan(int index, int[] labels) {
    boolean[] has = new boolean[SyntheticClass.values().length];
    for (int label : labels) {
      has[SyntheticClass.ofLabel(label).label()] = true;
    }
    double fs = settings.samplingRate();

    Rng rhythm = Rng.of(settings.seed(), index, Stream.RHYTHM);
    GeneratorSettings.HeartRate hr = settings.heartRate();
    double meanHr = rhythm.uniform(hr.min(), hr.max());
    double respiratoryHz = rhythm.uniform(RESPIRATION_MIN_HZ, RESPIRATION_MAX_HZ);
    double startFraction = rhythm.nextDouble();
    RrProcess rr = new RrProcess(rhythm, meanHr, hr.std(), hr.min(), hr.max(), respiratoryHz, settings.duration());
    double[] beats = rr.beats(startFraction, settings.duration());
    double meanRr = 60 / meanHr;

    GeneratorSettings.Strength strength = settings.strength();
    Rng strengthRng = Rng.of(settings.seed(), index, Stream.STRENGTH);
    double[] factor = new double[SyntheticClass.values().length];
    for (SyntheticClass c : SyntheticClass.ABNORMAL) {
      factor[c.label()] = strengthRng.uniform(1 - strength.variation(), 1 + strength.variation());
    }
    double widening = has[SyntheticClass.CD.label()]
        ? 1 + (strength.qrsWidening() - 1) * factor[SyntheticClass.CD.label()] : 1;

    GeneratorSettings.Morphology morphology = settings.morphology();
    Rng morph = Rng.of(settings.seed(), index, Stream.MORPHOLOGY);
    double gain = StrictMath.exp(morphology.gainSd() * morph.gaussian());
    double[] rotation = new double[3];
    for (int a = 0; a < 3; a++) {
      rotation[a] = Math.toRadians(morphology.axisSdDegrees() * morph.gaussian());
    }
    double[][] jitter = new double[VcgTemplate.WAVES.size()][3];
    for (double[] j : jitter) {
      for (int k = 0; k < 3; k++) {
        j[k] = morphology.waveSd() * morph.gaussian();
      }
    }
    double qrsDuration = StrictMath.exp(morphology.qrsDurationSd() * morph.gaussian());
    double tAmplitude = StrictMath.exp(morphology.tAmplitudeSd() * morph.gaussian());
    double[] leadGain = new double[ROWS];
    double[] stLevel = new double[ROWS];
    for (int row = 0; row < ROWS; row++) {
      double g = morph.gaussian();
      leadGain[row] = row >= ROW_V1 ? StrictMath.exp(morphology.leadGainSd() * g) : 1;
      stLevel[row] = morphology.stLevelMv() * morph.gaussian();
    }

    WaveAdapter adapter = new WaveAdapter(meanRr, fs, tAmplitude);
    List<Wave> vcg = vcgWaves(adapter, jitter, qrsDuration * widening);
    List<Wave> leadWaves = leadWaves(adapter, has, factor, qrsDuration * widening);

    double[][] leadMatrix = leadMatrix(rotation, gain);
    for (int row = 0; row < ROWS; row++) {
      for (int a = 0; a < 3; a++) {
        leadMatrix[row][a] *= leadGain[row];
      }
    }
    double[][] groupGain = new double[ROWS][WaveGroup.values().length];
    for (double[] row : groupGain) {
      Arrays.fill(row, 1);
    }
    double[] qrs = hull(vcg, leadWaves, WaveGroup.QRS);
    double[] t = hull(vcg, List.of(), WaveGroup.T);
    double[] cdWindow = null;
    double[] hypWindow = null;
    double[] sttcWindow = null;
    double[] qWindow = null;
    double[] stWindow = null;

    if (has[SyntheticClass.CD.label()] && (widening != 1 || strength.rPrimeMv() > 0)) {
      double[] unwidened = hull(vcgWaves(adapter, jitter, qrsDuration), leadWaves(adapter, has, factor, qrsDuration),
          WaveGroup.QRS);
      cdWindow = new double[] {Math.min(qrs[0], unwidened[0]), Math.max(qrs[1], unwidened[1])};
    }
    if (has[SyntheticClass.HYP.label()]) {
      double f = 1 + (strength.voltageFactor() - 1) * factor[SyntheticClass.HYP.label()];
      for (int row = ROW_V1; row < ROWS; row++) {
        groupGain[row][WaveGroup.QRS.ordinal()] = f;
      }
      hypWindow = f != 1 ? qrs : null;
    }
    if (has[SyntheticClass.STTC.label()]) {
      double k = (1 + strength.tInversion()) * factor[SyntheticClass.STTC.label()] - 1;
      for (int row : new int[] {ROW_I, ROW_V5, ROW_V6}) {
        groupGain[row][WaveGroup.T.ordinal()] = -k;
      }
      sttcWindow = k != -1 ? t : null;
    }

    double j = Double.NEGATIVE_INFINITY;
    for (Wave w : vcg) {
      if (w.group() == WaveGroup.QRS) {
        j = Math.max(j, w.theta() + J_WIDTHS * w.width());
      }
    }
    double tPeak = VcgTemplate.T_PEAK / Math.sqrt(meanRr);
    double rise = 2 * Math.PI * ST_RISE / meanRr;
    double fall = 2 * Math.PI * ST_FALL / Math.sqrt(meanRr);
    StSegment st = new StSegment(j - rise, j, tPeak - fall, tPeak);
    double[] stAmplitude = stLevel.clone();
    if (has[SyntheticClass.MI.label()]) {
      double elevation = strength.stElevationMv() * factor[SyntheticClass.MI.label()];
      for (int row = 0; row < ROWS; row++) {
        stAmplitude[row] += elevation * MI_ST_WEIGHT[row];
      }
      stWindow = elevation != 0 ? new double[] {st.riseStart(), st.fallEnd()} : null;
      List<Wave> q = leadWaves.stream().filter(w -> w.amplitude() < 0).toList();
      qWindow = q.isEmpty() ? null : hull(List.of(), q, WaveGroup.QRS);
    }

    NoisePlan noise = noise(index, respiratoryHz);
    return new RecordPlan(index, labels, meanHr, beats, vcg, leadWaves, leadMatrix, groupGain, st, stAmplitude, noise,
        new RecordPlan.Windows(cdWindow, hypWindow, sttcWindow, qWindow, stWindow));
  }

  /**
   * Rate adaptation, QRS stretching (the record's QRS duration times the CD widening), T amplitude
   * and anti-aliasing of a wave given at RR = 1 s.
   */
  private record WaveAdapter(double meanRr, double samplingRate, double tAmplitude) {
    Wave adapt(int channel, WaveGroup group, double theta, double amplitude, double width, double widening) {
      double scale = group == WaveGroup.QRS ? widening / meanRr : 1 / Math.sqrt(meanRr);
      if (group == WaveGroup.T) {
        amplitude *= tAmplitude;
      }
      double b = width * scale;
      double kernel = 2 * Math.PI * (ANTI_ALIAS_SAMPLES / samplingRate) / meanRr;
      double smoothed = Math.sqrt(b * b + kernel * kernel);
      return new Wave(channel, group, theta * scale, amplitude * b / smoothed, smoothed);
    }
  }

  private static List<Wave> vcgWaves(WaveAdapter adapter, double[][] jitter, double widening) {
    List<Wave> waves = new ArrayList<>();
    for (int i = 0; i < VcgTemplate.WAVES.size(); i++) {
      Wave w = VcgTemplate.WAVES.get(i);
      double amplitude = w.amplitude() * StrictMath.exp(jitter[i][0]);
      double width = w.width() * StrictMath.exp(jitter[i][1]);
      double theta = w.theta() + jitter[i][2] * w.width();
      waves.add(adapter.adapt(w.channel(), w.group(), theta, amplitude, width, widening));
    }
    return waves;
  }

  private List<Wave> leadWaves(WaveAdapter adapter, boolean[] has, double[] factor, double widening) {
    GeneratorSettings.Strength strength = settings.strength();
    List<Wave> waves = new ArrayList<>();
    if (has[SyntheticClass.MI.label()]) {
      double depth = strength.qWaveMv() * factor[SyntheticClass.MI.label()];
      for (int row = 0; row < ROWS; row++) {
        if (MI_Q_WEIGHT[row] > 0 && depth > 0) {
          waves.add(adapter.adapt(row, WaveGroup.QRS, 2 * Math.PI * Q_TIME, -depth * MI_Q_WEIGHT[row],
              2 * Math.PI * Q_WIDTH, widening));
        }
      }
    }
    if (has[SyntheticClass.CD.label()]) {
      double height = strength.rPrimeMv() * factor[SyntheticClass.CD.label()];
      if (height > 0) {
        waves.add(adapter.adapt(ROW_V1, WaveGroup.QRS, 2 * Math.PI * R_PRIME_TIME, height,
            2 * Math.PI * R_PRIME_WIDTH, widening));
        waves.add(adapter.adapt(ROW_V2, WaveGroup.QRS, 2 * Math.PI * R_PRIME_TIME, height * R_PRIME_V2,
            2 * Math.PI * R_PRIME_WIDTH, widening));
      }
    }
    return waves;
  }

  /** Dower's matrix times a rotation of the heart vector (about X, then Y, then Z) times the gain. */
  private static double[][] leadMatrix(double[] angles, double gain) {
    double[][] rotation = multiply(multiply(rotationZ(angles[2]), rotationY(angles[1])), rotationX(angles[0]));
    double[][] matrix = multiply(Leads.DOWER, rotation);
    for (double[] row : matrix) {
      for (int a = 0; a < 3; a++) {
        row[a] *= gain;
      }
    }
    return matrix;
  }

  private static double[][] rotationX(double a) {
    double c = StrictMath.cos(a);
    double s = StrictMath.sin(a);
    return new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
  }

  private static double[][] rotationY(double a) {
    double c = StrictMath.cos(a);
    double s = StrictMath.sin(a);
    return new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
  }

  private static double[][] rotationZ(double a) {
    double c = StrictMath.cos(a);
    double s = StrictMath.sin(a);
    return new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    double[][] out = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        double sum = 0;
        for (int k = 0; k < b.length; k++) {
          sum += a[i][k] * b[k][j];
        }
        out[i][j] = sum;
      }
    }
    return out;
  }

  /** The phase interval covered by the waves of one group, each to ±{@link RegionMasks#WIDTHS} widths. */
  private static double[] hull(List<Wave> vcg, List<Wave> lead, WaveGroup group) {
    double from = Double.POSITIVE_INFINITY;
    double to = Double.NEGATIVE_INFINITY;
    for (List<Wave> list : List.of(vcg, lead)) {
      for (Wave w : list) {
        if (w.group() == group) {
          from = Math.min(from, w.start());
          to = Math.max(to, w.end());
        }
      }
    }
    return new double[] {from, to};
  }

  private NoisePlan noise(int index, double respiratoryHz) {
    GeneratorSettings.Noise noise = settings.noise();
    Rng rng = Rng.of(settings.seed(), index, Stream.NOISE);
    double wander = noise.baselineWanderMv() * rng.uniform(0.5, 1.5);
    double[][][] sines = new double[ROWS][3][];
    double[] powerlinePhase = new double[ROWS];
    for (int row = 0; row < ROWS; row++) {
      sines[row][0] = new double[] {wander * 0.5 * rng.uniform(0.5, 1), respiratoryHz, 2 * Math.PI * rng.nextDouble()};
      for (int k = 1; k < 3; k++) {
        sines[row][k] = new double[] {wander * 0.5 * rng.uniform(0.3, 1), rng.uniform(0.02, 0.3),
            2 * Math.PI * rng.nextDouble()};
      }
      powerlinePhase[row] = 2 * Math.PI * rng.nextDouble();
    }
    double white = noise.gaussianMv() * rng.uniform(0.5, 1.5);
    long whiteSeed = Rng.of(settings.seed(), index, Stream.WHITE_NOISE).nextSeed();
    return new NoisePlan(sines, white, whiteSeed, noise.powerlineMv(), noise.powerlineHz(), powerlinePhase);
  }
}
