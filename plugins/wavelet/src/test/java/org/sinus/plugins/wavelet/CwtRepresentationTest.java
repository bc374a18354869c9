package org.sinus.plugins.wavelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.SinusException;
import org.sinus.api.cache.CacheBuilder;
import org.sinus.api.cache.CachePlan;
import org.sinus.api.cache.ValueEncoding;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.data.Split;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.preview.HeatmapPreview;
import org.sinus.api.preview.Matrix;
import org.sinus.api.preview.Tick;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;
import org.sinus.testkit.Fitting;
import org.sinus.testkit.TestComponents;

/**
 * The {@code cwt} representation against scalograms computed here from the transform, its
 * per-record-set caches (built, reused, rebuilt when stale, corrupt or truncated), its layouts,
 * pooling, resizing and cone of influence, its previews and projection, and its configuration
 * problems. The contract every representation keeps is checked by {@link CwtRepresentationContractTest}.
 */
class CwtRepresentationTest {
  static final int RECORDS = 20;
  static final int SAMPLES = 500;
  static final int LEADS = 3;
  static final int RATE = 100;
  /** Samples per window of most tests. */
  static final int WINDOW = 200;
  static final SignalFormat FORMAT = new SignalFormat(RATE, SAMPLES, List.of("I", "II", "V1"));
  /** The largest relative rounding error of a float16 value, 2⁻¹¹, and a little float32 noise. */
  static final double HALF_ROUNDING = 4.9e-4;

  /**
   * Morlet (ω0 = 6), 8 log-spaced scales from 30 to 1 Hz, global signal standardization, log1p of
   * the magnitude, normalized per lead and scale, leads as channels; tests append what they change.
   */
  static final String SETTINGS = "type = cwt, wavelet = morlet, morlet-omega0 = 6, "
      + "scales { count = 8, min-hz = 1, max-hz = 30, spacing = log }, standardize = global, value = magnitude, "
      + "log = log1p, pool = 1, width = 0, cone-of-influence = keep, normalize = lead-scale, layout = channels";
  static final TestComponents COMPONENTS = TestComponents.of(new WaveletPlugin());
  /** Held strongly: java.util.logging keeps loggers only weakly, and with them their handlers. */
  static final Logger CACHE_LOG = Logger.getLogger(ScalogramCache.class.getName());

  @TempDir
  Path cacheDir;

  private final CacheEvents events = new CacheEvents();
  private Level level;

  @BeforeEach
  void listenToTheCache() {
    level = CACHE_LOG.getLevel();
    CACHE_LOG.setLevel(Level.INFO);
    CACHE_LOG.addHandler(events);
  }

  @AfterEach
  void stopListening() {
    CACHE_LOG.removeHandler(events);
    CACHE_LOG.setLevel(level);
  }

  /** What {@link ScalogramCache} reported: the caches it reused and those it built, with why. */
  static final class CacheEvents extends Handler {
    final List<String> reused = new CopyOnWriteArrayList<>();
    final List<String> built = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LogRecord record) {
      String message = record.getMessage();
      if (message.startsWith("scalogram cache reused")) {
        reused.add(message);
      } else if (message.startsWith("building the scalogram cache")) {
        built.add(message);
      }
    }

    void clear() {
      reused.clear();
      built.clear();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** 20 records of 5 s × 3 leads at 100 Hz, folds 1..10 (train 1-8, validation 9, test 10). */
  static float[][] signals(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] signals = new float[RECORDS][SAMPLES * LEADS];
    for (float[] signal : signals) {
      double f1 = 1 + 10 * random.nextDouble();
      double f2 = 5 + 20 * random.nextDouble();
      double amplitude = 0.2 + random.nextDouble();
      for (int t = 0; t < SAMPLES; t++) {
        for (int l = 0; l < LEADS; l++) {
          signal[t * LEADS + l] = (float) (amplitude * (l + 1) * Math.sin(2 * Math.PI * f1 * t / RATE + l)
              + 0.3 * Math.cos(2 * Math.PI * f2 * t / RATE) + 0.05 * (random.nextDouble() - 0.5) + 0.1);
        }
      }
    }
    return signals;
  }

  static EcgDataset dataset(float[][] signals) {
    List<RecordInfo> records = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      records.add(new RecordInfo(Integer.toString(i + 1), i % 10 + 1, new int[] {i % 2}));
    }
    FoldSplit split = new FoldSplit(Map.of(Split.TRAIN, List.of(1, 2, 3, 4, 5, 6, 7, 8), Split.VALIDATION, List.of(9),
        Split.TEST, List.of(10)));
    return new EcgDataset("tiny", "test data", RATE, FORMAT.leads(), new LabelSpace("t", List.of("A", "B"), true),
        records, new HeapSignalStore(signals, SAMPLES, LEADS), split, Map.of(), null);
  }

  /** The representation of {@link #SETTINGS} with {@code changes}, built like an experiment's block. */
  static CwtRepresentation cwt(String changes) {
    return (CwtRepresentation) COMPONENTS.build(Representation.POINT, SETTINGS + ", " + changes);
  }

  DataContext context() {
    return new DataContext(cacheDir, 2, Progress.NONE);
  }

  /** {@code representation} fitted on the training split of {@code data} for windows of {@code window} samples. */
  FittedCwt fit(CwtRepresentation representation, EcgDataset data, int window) {
    return (FittedCwt) Fitting.fit(representation, data, window, context());
  }

  FittedCwt fit(CwtRepresentation representation, EcgDataset data) {
    return fit(representation, data, WINDOW);
  }

  /** The example of a window of dataset record {@code record} (cached if its record set was). */
  static float[] encode(FittedRepresentation fitted, EcgDataset data, int record, int start, int length) {
    float[] out = new float[fitted.shape().size() + 3];
    fitted.encode(new RecordWindow(record, data.signals().read(record), start, length), out, 3);
    return Arrays.copyOfRange(out, 3, out.length);
  }

  static float[] encode(FittedRepresentation fitted, EcgDataset data, int record, int start) {
    return encode(fitted, data, record, start, WINDOW);
  }

  /** The example of a window of a signal that is not a dataset record (always transformed when encoded). */
  static float[] encodeSignal(FittedRepresentation fitted, float[] signal, int start, int length) {
    float[] out = new float[fitted.shape().size()];
    fitted.encode(RecordWindow.of(signal, start, length), out, 0);
    return out;
  }

  /** The scalogram cache files, {@code <cacheDir>/cwt/*.f16|f32}. */
  List<Path> cacheFiles() throws IOException {
    Path dir = cacheDir.resolve("cwt");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".f16") || f.toString().endsWith(".f32")).sorted().toList();
    }
  }

  /** The cache file of {@code split}'s records under {@code fitted}'s settings and standardization. */
  Path cacheFile(FittedCwt fitted, EcgDataset data, Split split, String encoding) {
    return ScalogramCache.file(cacheDir, data.name(), ValueEncoding.of(encoding),
        fitted.cacheKey(Fitting.records(data, split)));
  }

  /** The whole-record log1p|W| of every record, computed here from the transform (not the representation). */
  static double[][][][] reference(EcgDataset data, CwtSettings settings) {
    int[] train = data.indices(Split.TRAIN);
    double sum = 0;
    double squares = 0;
    long count = 0;
    for (int r : train) {
      for (float v : data.signals().read(r)) {
        sum += v;
        squares += (double) v * v;
        count++;
      }
    }
    double mean = sum / count;
    double std = Math.sqrt(squares / count - mean * mean);
    ContinuousWaveletTransform cwt = new ContinuousWaveletTransform(settings.wavelet(), settings.scales(RATE), SAMPLES);
    double[][][][] out = new double[RECORDS][settings.scaleCount()][LEADS][SAMPLES];
    for (int r = 0; r < RECORDS; r++) {
      float[] signal = data.signals().read(r);
      double[][] leads = new double[LEADS][SAMPLES];
      for (int t = 0; t < SAMPLES; t++) {
        for (int l = 0; l < LEADS; l++) {
          leads[l][t] = (signal[t * LEADS + l] - mean) / std;
        }
      }
      int record = r;
      cwt.transform(leads, cwt.workspace(LEADS), (s, l, re, im) -> {
        for (int t = 0; t < SAMPLES; t++) {
          out[record][s][l][t] = Math.log1p(Math.hypot(re[t], im[t]));
        }
      });
    }
    return out;
  }

  @Test
  void encodeIsTheNormalizedCropOfTheWholeRecordsScalogram() {
    EcgDataset data = dataset(signals(1));
    CwtRepresentation representation = cwt("storage = float32");
    FittedCwt fitted = fit(representation, data);
    CwtSettings settings = representation.settings();
    double[][][][] scalograms = reference(data, settings);
    int scales = settings.scaleCount();
    // per (scale, lead) mean and population std over the training records' whole scalograms
    double[][] mean = new double[scales][LEADS];
    double[][] std = new double[scales][LEADS];
    int[] train = data.indices(Split.TRAIN);
    for (int s = 0; s < scales; s++) {
      for (int l = 0; l < LEADS; l++) {
        double sum = 0;
        double squares = 0;
        for (int r : train) {
          for (double v : scalograms[r][s][l]) {
            sum += v;
            squares += v * v;
          }
        }
        double n = (double) train.length * SAMPLES;
        mean[s][l] = sum / n;
        std[s][l] = Math.sqrt(squares / n - mean[s][l] * mean[s][l]);
      }
    }
    // a training record (read from the cache built at fitting), then a test and a validation record,
    // transformed when encoded, and the test record again once its split is cached
    int start = 137;
    List<float[]> examples = new ArrayList<>();
    for (int record : new int[] {0, 9, 18, 9}) {
      if (examples.size() == 3) {
        fitted.precompute(Fitting.records(data, Split.TEST));
      }
      float[] example = encode(fitted, data, record, start);
      examples.add(example);
      assertThat(example).hasSize(scales * WINDOW * LEADS);
      for (int s = 0; s < scales; s++) {
        for (int c = 0; c < WINDOW; c++) {
          for (int l = 0; l < LEADS; l++) {
            double expected = (scalograms[record][s][l][start + c] - mean[s][l]) / std[s][l];
            assertThat((double) example[(s * WINDOW + c) * LEADS + l])
                .as("record %d scale %d column %d lead %d", record, s, c, l)
                .isCloseTo(expected, within(2e-5 * Math.max(1, Math.abs(expected))));
          }
        }
      }
    }
    assertThat(examples.get(3)).as("a float32 cache holds exactly the values computed when encoding")
        .containsExactly(examples.get(1));
  }

  @Test
  void cachePlansBuiltInPartsAreTheFilesFittingAndPrecomputingReuse() throws IOException {
    EcgDataset data = dataset(signals(3));
    CwtRepresentation representation = cwt("storage = float16");
    List<CachePlan> plans = representation.cachePlans(Fitting.records(data, Split.TRAIN),
        List.of(Fitting.records(data, Split.VALIDATION), Fitting.records(data, Split.TEST)),
        Fitting.context(data, WINDOW, context()));
    assertThat(plans).extracting(CachePlan::items).containsExactly(16, 2, 2);
    assertThat(cacheFiles()).as("a plan computes nothing").isEmpty();
    for (CachePlan plan : plans) {
      List<CacheBuilder.Range> ranges = CacheBuilder.ranges(plan.items(), 3);
      ranges.forEach(range -> CacheBuilder.buildPart(plan, range, 1));
      CacheBuilder.assemble(plan, ranges);
    }
    assertThat(cacheFiles()).hasSize(3);
    try (Stream<Path> left = Files.list(cacheDir.resolve("cwt"))) {
      assertThat(left.map(f -> f.getFileName().toString())).as("the parts are deleted once joined")
          .noneMatch(name -> name.contains(".parts") || name.contains(".tmp"));
    }
    List<Object> built = new ArrayList<>();
    for (Path file : cacheFiles()) {
      built.add(Files.readAttributes(file, BasicFileAttributes.class).fileKey()); // a rebuilt file is a new inode
    }

    FittedCwt fitted = fit(representation, data);
    fitted.precompute(Fitting.records(data, Split.VALIDATION));
    fitted.precompute(Fitting.records(data, Split.TEST));
    assertThat(events.built).as("fitting and precomputing build nothing").isEmpty();
    assertThat(events.reused).hasSize(3);
    assertThat(plans).extracting(CachePlan::file).containsExactly(cacheFile(fitted, data, Split.TRAIN, "float16"),
        cacheFile(fitted, data, Split.VALIDATION, "float16"), cacheFile(fitted, data, Split.TEST, "float16"));
    List<Object> after = new ArrayList<>();
    for (Path file : cacheFiles()) {
      after.add(Files.readAttributes(file, BasicFileAttributes.class).fileKey()); // a rebuilt file is a new inode
    }
    assertThat(after).as("the same files (inodes), not rebuilt").isEqualTo(built);

    // the values joined from parts are those a whole build writes
    Path whole = cacheDir.resolve("whole");
    Files.createDirectories(whole);
    CwtRepresentation same = cwt("storage = float16");
    DataContext elsewhere = new DataContext(whole, 2, Progress.NONE);
    FittedCwt rebuilt = (FittedCwt) Fitting.fit(same, data, WINDOW, elsewhere);
    assertThat(events.built).hasSize(1);
    for (int record : new int[] {0, 7, 15}) {
      assertThat(encode(fitted, data, record, 50)).containsExactly(encode(rebuilt, data, record, 50));
    }
  }

  @Test
  void aSignalEncodesLikeTheCachedRecordItEqualsWithinFloat16Rounding() {
    EcgDataset data = dataset(signals(10));
    FittedCwt fitted = fit(cwt("storage = float16"), data);
    fitted.precompute(Fitting.records(data, Split.VALIDATION));
    double[] mean = (double[]) fitted.state().get("mean");
    double[] std = (double[]) fitted.state().get("std");
    for (int record : new int[] {4, 8}) {                 // cached at fitting (fold 5) and by precompute (fold 9)
      float[] cached = encode(fitted, data, record, 60);
      float[] computed = encodeSignal(fitted, data.signals().read(record), 60, WINDOW);
      int differing = 0;
      for (int s = 0; s < 8; s++) {
        for (int c = 0; c < WINDOW; c++) {
          for (int l = 0; l < LEADS; l++) {
            int i = (s * WINDOW + c) * LEADS + l;
            int g = s * LEADS + l;
            // the cache rounds the unnormalized value, raw = normalized · std + mean, to float16
            double raw = computed[i] * std[g] + mean[g];
            assertThat((double) cached[i]).as("record %d scale %d column %d lead %d", record, s, c, l)
                .isCloseTo(computed[i], within(HALF_ROUNDING * Math.abs(raw) / std[g] + 1e-6 * Math.max(1,
                    Math.abs(computed[i]))));
            differing += cached[i] != computed[i] ? 1 : 0;
          }
        }
      }
      assertThat(differing).as("values of record %d rounded by the float16 cache", record).isPositive();
    }
  }

  @Test
  void aSecondFitReusesTheTrainingCacheAndACorruptOrTruncatedOneIsRebuilt() throws IOException {
    EcgDataset data = dataset(signals(2));
    CwtRepresentation representation = cwt("storage = float16");
    FittedCwt first = fit(representation, data);
    assertThat(events.reused).isEmpty();
    assertThat(events.built).singleElement().asString().contains("no cache file yet");
    List<Path> files = cacheFiles();
    assertThat(files).as("the training records' cache").hasSize(1)
        .containsExactly(cacheFile(first, data, Split.TRAIN, "float16"));
    Path file = files.get(0);
    assertThat(Files.size(file)).as("header and 16 training records × 8 scales × 500 columns × 3 leads as float16")
        .isEqualTo(128 + 16L * 8 * 500 * 3 * 2);
    float[] expected = encode(first, data, 5, 40);
    Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

    events.clear();
    FittedCwt second = fit(representation, data);
    assertThat(events.built).isEmpty();
    assertThat(events.reused).singleElement().asString().contains(file.toString());
    assertThat(cacheFiles()).containsExactly(file);
    assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
        .as("the same file, not rewritten").isEqualTo(key);
    assertThat(encode(second, data, 5, 40)).containsExactly(expected);
    assertThat(Json.pretty(second.state())).isEqualTo(Json.pretty(first.state()));

    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(raw.length() / 2);
      int b = raw.read();
      raw.seek(raw.length() / 2);
      raw.write(b ^ 0x40);
    }
    events.clear();
    FittedCwt third = fit(representation, data);
    assertThat(events.reused).isEmpty();
    assertThat(events.built).singleElement().asString().contains("checksum");
    assertThat(cacheFiles()).containsExactly(file);
    assertThat(encode(third, data, 5, 40)).containsExactly(expected);

    // the fitted representations above map the file; none of them reads it again once it is cut
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.setLength(raw.length() - 1000);
    }
    events.clear();
    FittedCwt fourth = fit(representation, data);
    assertThat(events.built).singleElement().asString().contains("truncated");
    assertThat(Files.size(file)).isEqualTo(128 + 16L * 8 * 500 * 3 * 2);
    assertThat(encode(fourth, data, 5, 40)).containsExactly(expected);
  }

  @Test
  void everySplitGetsItsOwnCacheFileWhichIsRebuiltWhenStale() throws IOException {
    EcgDataset data = dataset(signals(11));
    FittedCwt fitted = fit(cwt("storage = float16"), data);
    assertThat(cacheFiles()).hasSize(1);
    Path validation = cacheFile(fitted, data, Split.VALIDATION, "float16");
    Path test = cacheFile(fitted, data, Split.TEST, "float16");

    events.clear();
    fitted.precompute(Fitting.records(data, Split.VALIDATION));
    fitted.precompute(Fitting.records(data, Split.TEST));
    assertThat(events.built).hasSize(2);
    assertThat(cacheFiles()).hasSize(3).contains(validation, test);
    assertThat(Files.size(validation)).as("2 records").isEqualTo(128 + 2L * 8 * 500 * 3 * 2);

    events.clear();
    FittedCwt again = fit(cwt("storage = float16"), data);
    again.precompute(Fitting.records(data, Split.VALIDATION));
    assertThat(events.built).isEmpty();
    assertThat(events.reused).hasSize(2);
    float[] expected = encode(again, data, 18, 100);

    // a file of the right size holding other records (the test split's) is stale: rebuilt
    Files.copy(test, validation, StandardCopyOption.REPLACE_EXISTING);
    events.clear();
    FittedCwt third = fit(cwt("storage = float16"), data);
    third.precompute(Fitting.records(data, Split.VALIDATION));
    assertThat(events.reused).hasSize(1);
    assertThat(events.built).singleElement().asString().contains(validation.toString()).contains("key differs");
    assertThat(encode(third, data, 18, 100)).containsExactly(expected);
    assertThat(cacheFiles()).hasSize(3);
  }

  @Test
  void changedSignalsOrSettingsGetTheirOwnCache() throws IOException {
    float[][] signals = signals(3);
    EcgDataset data = dataset(signals);
    FittedCwt original = fit(cwt("storage = float16"), data);
    original.precompute(Fitting.records(data, Split.VALIDATION));
    Path training = cacheFile(original, data, Split.TRAIN, "float16");
    Path validation = cacheFile(original, data, Split.VALIDATION, "float16");
    assertThat(cacheFiles()).containsExactlyInAnyOrder(training, validation);

    float[][] changed = signals(3);
    changed[8][77] += 0.5f;                  // a validation record (fold 9): the standardization stays, its cache not
    EcgDataset changedData = dataset(changed);
    events.clear();
    FittedCwt other = fit(cwt("storage = float16"), changedData);
    assertThat(events.reused).as("the training records are the same").singleElement().asString()
        .contains(training.toString());
    other.precompute(Fitting.records(changedData, Split.VALIDATION));
    assertThat(events.built).hasSize(1);
    assertThat(cacheFile(other, changedData, Split.VALIDATION, "float16")).isNotEqualTo(validation);
    assertThat(cacheFiles()).hasSize(3);

    float[][] changedTraining = signals(3);
    changedTraining[2][77] += 0.5f;          // a training record (fold 3)
    events.clear();
    fit(cwt("storage = float16"), dataset(changedTraining));
    assertThat(events.reused).isEmpty();
    assertThat(cacheFiles()).hasSize(4);

    FittedCwt linear = fit(cwt("storage = float16, scales.spacing = linear"), data);
    assertThat(cacheFile(linear, data, Split.TRAIN, "float16")).isNotEqualTo(training);
    FittedCwt float32 = fit(cwt("storage = float32"), data);
    assertThat(cacheFile(float32, data, Split.TRAIN, "float32")).isNotEqualTo(training);
    assertThat(cacheFiles()).hasSize(6);
  }

  @Test
  void statisticsAreFittedOnTheTrainingSplitOnly() {
    float[][] signals = signals(4);
    FittedCwt original = fit(cwt("storage = float32"), dataset(signals));
    float[][] changed = signals(4);
    for (int r : new int[] {8, 9, 18, 19}) {        // folds 9 and 10: validation and test
      for (int i = 0; i < changed[r].length; i++) {
        changed[r][i] = changed[r][i] * 3 + 1;
      }
    }
    FittedCwt other = fit(cwt("storage = float32"), dataset(changed));
    assertThat(Json.pretty(other.state().get("signal_mean")))
        .isEqualTo(Json.pretty(original.state().get("signal_mean")));
    assertThat(Json.pretty(other.state().get("std"))).isEqualTo(Json.pretty(original.state().get("std")));
    assertThat(Json.pretty(other.state().get("mean"))).isEqualTo(Json.pretty(original.state().get("mean")));
  }

  @Test
  void restoringTheStateReusesTheCacheAndEncodesTheSame() {
    EcgDataset data = dataset(signals(5));
    CwtRepresentation representation = cwt("storage = float16");
    FittedCwt trained = fit(representation, data);
    String saved = Json.pretty(trained.state());
    FittedRepresentation restored = representation.restore(Json.parse(saved), Fitting.context(data, WINDOW, context()));
    assertThat(Json.pretty(restored.state())).isEqualTo(saved);
    assertThat(restored.shape()).isEqualTo(new ExampleShape(8, WINDOW, LEADS));
    // the test record 19 is transformed by both when encoded
    assertThat(encode(restored, data, 19, 300)).containsExactly(encode(trained, data, 19, 300));

    events.clear();
    restored.precompute(Fitting.records(data, Split.TRAIN));
    assertThat(events.built).isEmpty();
    assertThat(events.reused).hasSize(1);
    assertThat(encode(restored, data, 17, 300)).containsExactly(encode(trained, data, 17, 300));

    CwtRepresentation otherNormalization = cwt("storage = float16, normalize = scale");
    assertThatThrownBy(() -> otherNormalization.restore(Json.parse(saved), Fitting.context(data, WINDOW, context())))
        .isInstanceOf(SinusException.class).hasMessageContaining("normalize = lead-scale");
  }

  @Test
  void normalizedTrainingScalogramsHaveZeroMeanAndUnitVariance() {
    EcgDataset data = dataset(signals(6));
    FittedCwt fitted = fit(cwt("storage = float32"), data, SAMPLES);
    int scales = 8;
    double[][] sum = new double[scales][LEADS];
    double[][] squares = new double[scales][LEADS];
    int[] train = data.indices(Split.TRAIN);
    for (int r : train) {
      float[] whole = encode(fitted, data, r, 0, SAMPLES);
      for (int s = 0; s < scales; s++) {
        for (int c = 0; c < SAMPLES; c++) {
          for (int l = 0; l < LEADS; l++) {
            double v = whole[(s * SAMPLES + c) * LEADS + l];
            sum[s][l] += v;
            squares[s][l] += v * v;
          }
        }
      }
    }
    double n = (double) train.length * SAMPLES;
    for (int s = 0; s < scales; s++) {
      for (int l = 0; l < LEADS; l++) {
        assertThat(sum[s][l] / n).isCloseTo(0, within(1e-4));
        assertThat(squares[s][l] / n).isCloseTo(1, within(1e-4));
      }
    }
  }

  @Test
  void stackedLayoutResizingPoolingAndConeOfInfluence() {
    EcgDataset data = dataset(signals(7));
    FittedCwt channels = fit(cwt("storage = float32"), data);
    events.clear();
    CwtRepresentation stackedRepresentation = cwt("storage = float32, layout = stacked");
    FittedCwt stacked = fit(stackedRepresentation, data);
    assertThat(events.reused).as("the layout does not change cached values").hasSize(1);
    assertThat(events.built).isEmpty();
    assertThat(stackedRepresentation.shape(FORMAT, WINDOW)).isEqualTo(new ExampleShape(8 * LEADS, WINDOW, 1));
    assertThat(stacked.shape()).isEqualTo(new ExampleShape(8 * LEADS, WINDOW, 1));
    float[] a = encode(channels, data, 3, 100);
    float[] b = encode(stacked, data, 3, 100);
    for (int s = 0; s < 8; s++) {
      for (int c = 0; c < WINDOW; c++) {
        for (int l = 0; l < LEADS; l++) {
          assertThat(b[(l * 8 + s) * WINDOW + c]).isEqualTo(a[(s * WINDOW + c) * LEADS + l]);
        }
      }
    }

    // width 50: every output column is the mean of 4 input columns
    CwtRepresentation resizedRepresentation = cwt("storage = float32, width = 50");
    assertThat(resizedRepresentation.shape(FORMAT, WINDOW)).isEqualTo(new ExampleShape(8, 50, LEADS));
    float[] small = encode(fit(resizedRepresentation, data), data, 3, 100);
    for (int s = 0; s < 8; s++) {
      for (int l = 0; l < LEADS; l++) {
        double mean = 0;
        for (int k = 0; k < 4; k++) {
          mean += a[(s * WINDOW + 4 * 7 + k) * LEADS + l] / 4.0;
        }
        assertThat((double) small[(s * 50 + 7) * LEADS + l]).isCloseTo(mean, within(1e-5));
      }
    }

    // pool 2 before caching: the example has half the columns
    FittedCwt pooled = fit(cwt("storage = float32, pool = 2, normalize = none"), data);
    FittedCwt unpooled = fit(cwt("storage = float32, pool = 1, normalize = none"), data);
    assertThat(pooled.shape()).isEqualTo(new ExampleShape(8, 100, LEADS));
    float[] half = encode(pooled, data, 3, 100);
    float[] full = encode(unpooled, data, 3, 100);
    assertThat(half).hasSize(8 * 100 * LEADS);
    assertThat((double) half[(5 * 100 + 10) * LEADS + 2]).isCloseTo(
        (full[(5 * 200 + 20) * LEADS + 2] + full[(5 * 200 + 21) * LEADS + 2]) / 2.0, within(1e-6));
    assertThat(encode(pooled, data, 3, 101)).as("a window start rounded down to a multiple of the pool")
        .containsExactly(half);

    // cone of influence: the columns of the whole record closer to an edge than √2·s are 0
    CwtRepresentation maskedRepresentation = cwt("storage = float32, cone-of-influence = mask");
    FittedCwt masked = fit(maskedRepresentation, data, SAMPLES);
    float[] whole = encode(masked, data, 3, 0, SAMPLES);
    double[] scales = maskedRepresentation.settings().scales(RATE);
    for (int s = 0; s < 8; s++) {
      double fold = Math.sqrt(2) * scales[s];
      for (int c = 0; c < SAMPLES; c++) {
        boolean inside = c < fold || c > SAMPLES - 1 - fold;
        float v = whole[(s * SAMPLES + c) * LEADS + 1];
        if (inside) {
          assertThat(v).as("scale %d column %d", s, c).isEqualTo(0f);
        } else {
          assertThat(v).as("scale %d column %d", s, c).isNotEqualTo(0f);
        }
      }
    }
    assertThat(encodeSignal(masked, data.signals().read(3), 0, SAMPLES)).as("a signal is masked alike")
        .containsExactly(whole);
  }

  @Test
  void previewsShowEveryLeadsScalogram() {
    EcgDataset data = dataset(signals(8));
    int window = 250;
    for (String layout : List.of("channels", "stacked")) {
      for (String spacing : List.of("log", "linear")) {
        FittedCwt fitted = fit(cwt("wavelet = pywt-morl, storage = float16, layout = " + layout + ", scales.spacing = "
            + spacing), data, window);
        float[] example = encode(fitted, data, 2, 0, window);
        HeatmapPreview preview = (HeatmapPreview) fitted.preview(example, 0);
        String what = layout + " layout, " + spacing + " scales";
        assertThat(preview.title()).as(what).startsWith("cwt " + fitted.shape() + ": ");
        assertThat(preview.panels()).as(what).extracting(Matrix::title).containsExactly("I", "II", "V1");
        for (int l = 0; l < LEADS; l++) {
          Matrix matrix = preview.panels().get(l);
          assertThat(matrix.rows()).isEqualTo(8);
          assertThat(matrix.columns()).isEqualTo(window);
          for (int s = 0; s < 8; s++) {
            for (int c = 0; c < window; c += 7) {
              float value = layout.equals("channels") ? example[(s * window + c) * LEADS + l]
                  : example[(l * 8 + s) * window + c];
              assertThat(matrix.value(s, c)).as("%s: lead %d scale %d column %d", what, l, s, c).isEqualTo(value);
            }
          }
        }
        assertThat(preview.columns() * preview.panelWidth()).as(what).isGreaterThanOrEqualTo(3 * 300);
        assertThat(preview.panelHeight()).as(what).isGreaterThanOrEqualTo(110);
        assertThat(preview.rowZeroAtBottom()).as("the highest frequency (row 0) on top").isFalse();
        assertThat(preview.valueLabel()).isEqualTo("log1p |W|, normalized");
        assertThat(preview.x().label()).isEqualTo("time in window (s)");
        assertThat(preview.x().ticks()).extracting(Tick::label).containsExactly("0.0", "0.5", "1.0", "1.5", "2.0");
        assertThat(preview.x().ticks().get(4).cell()).isCloseTo(200, within(1e-9));
        assertThat(preview.y().label()).isEqualTo("frequency (Hz)");
        assertThat(preview.y().ticks()).as(what).extracting(Tick::label)
            .containsExactlyInAnyOrder("1", "2", "5", "10", "20");
        Tick oneHertz = preview.y().ticks().stream().filter(t -> t.label().equals("1")).findFirst().orElseThrow();
        assertThat(oneHertz.cell()).as("%s: 1 Hz is the last row", what).isCloseTo(7, within(1e-6));
        if (spacing.equals("log")) {
          Tick tenHertz = preview.y().ticks().stream().filter(t -> t.label().equals("10")).findFirst().orElseThrow();
          assertThat(tenHertz.cell()).isCloseTo(7 * Math.log(3) / Math.log(30), within(1e-6));
        }
      }
    }
  }

  @Test
  void relevanceGoesToTheSamplesOfItsColumnAndLead() {
    EcgDataset data = dataset(signals(12));
    FittedCwt resized = fit(cwt("storage = float32, width = 50"), data);
    float[] relevance = new float[resized.shape().size()];
    relevance[(2 * 50 + 7) * LEADS + 1] = 1;            // scale 2, column 7 (samples 28-31), lead 1
    relevance[(5 * 50 + 7) * LEADS + 1] = 2;            // scale 5, the same column and lead
    float[] signal = resized.toSignal(relevance, WINDOW);
    assertThat(signal).hasSize(WINDOW * LEADS);
    for (int t = 0; t < WINDOW; t++) {
      for (int l = 0; l < LEADS; l++) {
        assertThat(signal[t * LEADS + l]).as("sample %d lead %d", t, l)
            .isEqualTo(l == 1 && t >= 28 && t < 32 ? 0.75f : 0f);
      }
    }

    FittedCwt stacked = fit(cwt("storage = float32, layout = stacked"), data);
    relevance = new float[stacked.shape().size()];
    relevance[(2 * 8 + 3) * WINDOW + 150] = 1;          // lead 2, scale 3, column 150
    signal = stacked.toSignal(relevance, WINDOW);
    for (int i = 0; i < signal.length; i++) {
      assertThat(signal[i]).as("value %d", i).isEqualTo(i == 150 * LEADS + 2 ? 1f : 0f);
    }
  }

  @Test
  void everyReferenceKeyIsReadAndBadSettingsAreReported() {
    Config defaults = ConfigFactory.parseResources("reference.conf")
        .getConfig("sinus.representation.cwt");
    ProblemCollector problems = new ProblemCollector();
    ComponentConfig block = new ComponentConfig("representation", defaults, problems);
    CwtRepresentation representation = (CwtRepresentation) new CwtRepresentation.Factory().create(block);
    assertThat(problems.problems()).isEmpty();
    assertThat(block.unreadKeys()).isEmpty();
    assertThat(representation.settings().wavelet()).isEqualTo(new Wavelet.Morlet(6));
    assertThat(representation.maxHzKey().path()).isEqualTo("representation.scales.max-hz");
    assertThat(representation.poolKey().path()).isEqualTo("representation.pool");

    ProblemCollector bad = new ProblemCollector();
    String badSettings = "value = real, log = log1p, wavelet = morlett, scales { min-hz = 30, max-hz = 3 }";
    new CwtRepresentation.Factory().create(new ComponentConfig("representation",
        ConfigFactory.parseString(badSettings).withFallback(defaults), bad));
    assertThat(ComponentConfig.messages(bad.problems())).anySatisfy(m -> assertThat(m).contains("representation.log"))
        .anySatisfy(m -> assertThat(m).contains("representation.wavelet").contains("morlet"))
        .anySatisfy(m -> assertThat(m).contains("representation.scales.max-hz"));

    // built like an experiment's block: the same problems, all at once
    assertThatThrownBy(() -> cwt(badSettings))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(p -> p.path())
            .contains("representation.log", "representation.wavelet", "representation.scales.max-hz"));
  }

  @Test
  void frequenciesAboveNyquistAreAConfigProblemOfMaxHz() throws IOException {
    EcgDataset data = dataset(signals(9));
    CwtRepresentation representation = cwt("scales.max-hz = 60");
    assertThatThrownBy(() -> representation.shape(FORMAT, WINDOW))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
          assertThat(p.path()).isEqualTo("representation.scales.max-hz");
          assertThat(p.location()).isNotBlank();
          assertThat(p.message()).contains("60.0 Hz").contains("Nyquist").contains("50.0 Hz");
        }));
    assertThatThrownBy(() -> fit(representation, data)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("representation.scales.max-hz");
    assertThat(cacheFiles()).as("nothing computed").isEmpty();
    assertThat(cwt("scales.max-hz = 50").shape(FORMAT, WINDOW)).as("Nyquist itself")
        .isEqualTo(new ExampleShape(8, WINDOW, LEADS));
  }

  @Test
  void aPoolLongerThanTheWindowIsAConfigProblemOfPool() throws IOException {
    EcgDataset data = dataset(signals(13));
    CwtRepresentation representation = cwt("pool = 300");
    assertThatThrownBy(() -> representation.shape(FORMAT, WINDOW))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
          assertThat(p.path()).isEqualTo("representation.pool");
          assertThat(p.message()).contains("300").contains("200-sample window");
        }));
    assertThatThrownBy(() -> fit(representation, data)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("representation.pool");
    assertThat(cacheFiles()).as("nothing computed").isEmpty();
    assertThat(cwt("pool = 200").shape(FORMAT, WINDOW)).isEqualTo(new ExampleShape(8, 1, LEADS));
  }
}
