package org.sinus.plugins.wavelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.SinusException;
import org.sinus.api.config.ComponentConfig;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.Split;
import org.sinus.api.cache.ValueEncoding;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.RecordWindow;
import org.sinus.engine.train.ExampleEncoder;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;
import org.sinus.plugins.wavelet.CwtSettings.Layout;
import org.sinus.plugins.wavelet.CwtSettings.Log;
import org.sinus.plugins.wavelet.CwtSettings.Normalize;
import org.sinus.plugins.wavelet.CwtSettings.Standardize;
import org.sinus.plugins.wavelet.CwtSettings.Value;

class CwtRepresentationTest {
  static final int RECORDS = 20;
  static final int SAMPLES = 500;
  static final int LEADS = 3;
  static final int RATE = 100;

  @TempDir
  Path cacheDir;

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
    return new EcgDataset("tiny", "test data", RATE, List.of("I", "II", "V1"),
        new LabelSpace("t", List.of("A", "B"), true), records, new HeapSignalStore(signals, SAMPLES, LEADS), split,
        Map.of(), null);
  }

  static CwtSettings settings(ValueEncoding storage) {
    return new CwtSettings(new Wavelet.Morlet(6), 8, 1, 30, true, Standardize.GLOBAL, Value.MAGNITUDE, Log.LOG1P, 1, 0,
        false, Normalize.LEAD_SCALE, Layout.CHANNELS, storage);
  }

  DataContext context() {
    return new DataContext(cacheDir, 2, Progress.NONE);
  }

  CwtRepresentation fitted(CwtSettings settings, EcgDataset data) {
    CwtRepresentation representation = new CwtRepresentation(settings);
    representation.prepare(data, context());
    representation.fit(data, data.indices(Split.TRAIN), 200, context());
    return representation;
  }

  static float[] encode(CwtRepresentation representation, EcgDataset data, int record, int start, int length) {
    ExampleShape shape = representation.shape(ExampleEncoder.format(data), length);
    float[] out = new float[shape.size() + 3];
    representation.encode(new RecordWindow(record, data.signals().read(record), start, length), out, 3);
    return java.util.Arrays.copyOfRange(out, 3, out.length);
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
    CwtSettings settings = settings(ValueEncoding.FLOAT32);
    CwtRepresentation representation = fitted(settings, data);
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
    for (int record : new int[] {0, 9, 13}) {          // a training, a test and a validation record
      int start = 137;
      float[] example = encode(representation, data, record, start, 200);
      assertThat(example).hasSize(scales * 200 * LEADS);
      for (int s = 0; s < scales; s++) {
        for (int c = 0; c < 200; c++) {
          for (int l = 0; l < LEADS; l++) {
            double expected = (scalograms[record][s][l][start + c] - mean[s][l]) / std[s][l];
            assertThat((double) example[(s * 200 + c) * LEADS + l]).as("record %d scale %d column %d lead %d", record, s, c, l)
                .isCloseTo(expected, org.assertj.core.api.Assertions.within(2e-5 * Math.max(1, Math.abs(expected))));
          }
        }
      }
    }
  }

  @Test
  void theCacheIsReusedAcrossInstancesAndACorruptOneIsRebuilt() throws IOException {
    EcgDataset data = dataset(signals(2));
    CwtSettings settings = settings(ValueEncoding.FLOAT16);
    CwtRepresentation first = fitted(settings, data);
    assertThat(first.cacheResult().reused()).isFalse();
    float[] expected = encode(first, data, 5, 40, 200);

    CwtRepresentation second = fitted(settings, data);
    assertThat(second.cacheResult().reused()).isTrue();
    assertThat(second.cacheResult().file().file()).isEqualTo(first.cacheResult().file().file());
    assertThat(encode(second, data, 5, 40, 200)).containsExactly(expected);

    Path file = first.cacheResult().file().file();
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(raw.length() / 2);
      int b = raw.read();
      raw.seek(raw.length() / 2);
      raw.write(b ^ 0x40);
    }
    CwtRepresentation third = fitted(settings, data);
    assertThat(third.cacheResult().reused()).isFalse();
    assertThat(third.cacheResult().rejection()).contains("checksum");
    assertThat(encode(third, data, 5, 40, 200)).containsExactly(expected);
  }

  @Test
  void changedSignalsOrSettingsGetTheirOwnCache() {
    float[][] signals = signals(3);
    EcgDataset data = dataset(signals);
    CwtRepresentation original = fitted(settings(ValueEncoding.FLOAT16), data);
    float[][] changed = signals(3);
    changed[8][77] += 0.5f;                  // a validation record (fold 9): the standardization stays, the cache must not
    CwtRepresentation other = fitted(settings(ValueEncoding.FLOAT16), dataset(changed));
    assertThat(other.cacheResult().reused()).isFalse();
    assertThat(other.cacheResult().file().file()).isNotEqualTo(original.cacheResult().file().file());

    CwtSettings linear = new CwtSettings(new Wavelet.Morlet(6), 8, 1, 30, false, Standardize.GLOBAL, Value.MAGNITUDE,
        Log.LOG1P, 1, 0, false, Normalize.LEAD_SCALE, Layout.CHANNELS, ValueEncoding.FLOAT16);
    assertThat(fitted(linear, data).cacheResult().file().file()).isNotEqualTo(original.cacheResult().file().file());
  }

  @Test
  void statisticsAreFittedOnTheTrainingSplitOnly() {
    float[][] signals = signals(4);
    CwtRepresentation original = fitted(settings(ValueEncoding.FLOAT32), dataset(signals));
    float[][] changed = signals(4);
    for (int r : new int[] {8, 9, 18, 19}) {        // folds 9 and 10: validation and test
      for (int i = 0; i < changed[r].length; i++) {
        changed[r][i] = changed[r][i] * 3 + 1;
      }
    }
    CwtRepresentation other = fitted(settings(ValueEncoding.FLOAT32), dataset(changed));
    assertThat(Json.pretty(other.state().get("signal_mean"))).isEqualTo(Json.pretty(original.state().get("signal_mean")));
    assertThat(Json.pretty(other.state().get("std"))).isEqualTo(Json.pretty(original.state().get("std")));
    assertThat(Json.pretty(other.state().get("mean"))).isEqualTo(Json.pretty(original.state().get("mean")));
  }

  @Test
  void restoringTheStateReusesTheCacheAndEncodesTheSame() {
    EcgDataset data = dataset(signals(5));
    CwtSettings settings = settings(ValueEncoding.FLOAT16);
    CwtRepresentation trained = fitted(settings, data);
    String saved = Json.pretty(trained.state());
    CwtRepresentation restored = new CwtRepresentation(settings);
    restored.prepare(data, context());
    restored.restore(Json.parse(saved));
    assertThat(restored.cacheResult().reused()).isTrue();
    assertThat(encode(restored, data, 17, 300, 200)).containsExactly(encode(trained, data, 17, 300, 200));

    CwtSettings otherNormalization = new CwtSettings(new Wavelet.Morlet(6), 8, 1, 30, true, Standardize.GLOBAL,
        Value.MAGNITUDE, Log.LOG1P, 1, 0, false, Normalize.SCALE, Layout.CHANNELS, ValueEncoding.FLOAT16);
    CwtRepresentation mismatched = new CwtRepresentation(otherNormalization);
    mismatched.prepare(data, context());
    assertThatThrownBy(() -> mismatched.restore(Json.parse(saved))).isInstanceOf(SinusException.class)
        .hasMessageContaining("normalize = lead-scale");
  }

  @Test
  void normalizedTrainingScalogramsHaveZeroMeanAndUnitVariance() {
    EcgDataset data = dataset(signals(6));
    CwtSettings settings = settings(ValueEncoding.FLOAT32);
    CwtRepresentation representation = fitted(settings, data);
    int scales = settings.scaleCount();
    double[][] sum = new double[scales][LEADS];
    double[][] squares = new double[scales][LEADS];
    int[] train = data.indices(Split.TRAIN);
    for (int r : train) {
      float[] whole = encode(representation, data, r, 0, SAMPLES);
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
        assertThat(sum[s][l] / n).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(squares[s][l] / n).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-4));
      }
    }
  }

  @Test
  void stackedLayoutResizingPoolingAndConeOfInfluence() {
    EcgDataset data = dataset(signals(7));
    CwtRepresentation channels = fitted(settings(ValueEncoding.FLOAT32), data);
    CwtRepresentation stacked = fitted(new CwtSettings(new Wavelet.Morlet(6), 8, 1, 30, true, Standardize.GLOBAL,
        Value.MAGNITUDE, Log.LOG1P, 1, 0, false, Normalize.LEAD_SCALE, Layout.STACKED, ValueEncoding.FLOAT32), data);
    assertThat(stacked.cacheResult().reused()).as("the layout does not change cached values").isTrue();
    assertThat(stacked.shape(ExampleEncoder.format(data), 200)).isEqualTo(new ExampleShape(8 * LEADS, 200, 1));
    float[] a = encode(channels, data, 3, 100, 200);
    float[] b = encode(stacked, data, 3, 100, 200);
    for (int s = 0; s < 8; s++) {
      for (int c = 0; c < 200; c++) {
        for (int l = 0; l < LEADS; l++) {
          assertThat(b[(l * 8 + s) * 200 + c]).isEqualTo(a[(s * 200 + c) * LEADS + l]);
        }
      }
    }

    // width 50: every output column is the mean of 4 input columns
    CwtRepresentation resized = fitted(new CwtSettings(new Wavelet.Morlet(6), 8, 1, 30, true, Standardize.GLOBAL,
        Value.MAGNITUDE, Log.LOG1P, 1, 50, false, Normalize.LEAD_SCALE, Layout.CHANNELS, ValueEncoding.FLOAT32), data);
    assertThat(resized.shape(ExampleEncoder.format(data), 200)).isEqualTo(new ExampleShape(8, 50, LEADS));
    float[] small = encode(resized, data, 3, 100, 200);
    for (int s = 0; s < 8; s++) {
      for (int l = 0; l < LEADS; l++) {
        double mean = 0;
        for (int k = 0; k < 4; k++) {
          mean += a[(s * 200 + 4 * 7 + k) * LEADS + l] / 4.0;
        }
        assertThat((double) small[(s * 50 + 7) * LEADS + l]).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-5));
      }
    }

    // pool 2 before caching: the example has half the columns
    CwtRepresentation pooled = fitted(new CwtSettings(new Wavelet.Morlet(6), 8, 1, 30, true, Standardize.GLOBAL,
        Value.MAGNITUDE, Log.LOG1P, 2, 0, false, Normalize.NONE, Layout.CHANNELS, ValueEncoding.FLOAT32), data);
    CwtRepresentation unpooled = fitted(new CwtSettings(new Wavelet.Morlet(6), 8, 1, 30, true, Standardize.GLOBAL,
        Value.MAGNITUDE, Log.LOG1P, 1, 0, false, Normalize.NONE, Layout.CHANNELS, ValueEncoding.FLOAT32), data);
    float[] half = encode(pooled, data, 3, 100, 200);
    float[] full = encode(unpooled, data, 3, 100, 200);
    assertThat(half).hasSize(8 * 100 * LEADS);
    assertThat((double) half[(5 * 100 + 10) * LEADS + 2]).isCloseTo(
        (full[(5 * 200 + 20) * LEADS + 2] + full[(5 * 200 + 21) * LEADS + 2]) / 2.0, org.assertj.core.api.Assertions.within(1e-6));

    // cone of influence: the columns of the whole record closer to an edge than √2·s are 0
    CwtRepresentation masked = fitted(new CwtSettings(new Wavelet.Morlet(6), 8, 1, 30, true, Standardize.GLOBAL,
        Value.MAGNITUDE, Log.LOG1P, 1, 0, true, Normalize.LEAD_SCALE, Layout.CHANNELS, ValueEncoding.FLOAT32), data);
    float[] whole = encode(masked, data, 3, 0, SAMPLES);
    double[] scales = settings(ValueEncoding.FLOAT32).scales(RATE);
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
  }

  @Test
  void previewsShowEveryLead() {
    EcgDataset data = dataset(signals(8));
    for (Layout layout : Layout.values()) {
      for (boolean log : new boolean[] {true, false}) {
        CwtRepresentation representation = fitted(new CwtSettings(new Wavelet.PywtMorl(), 8, 1, 30, log,
            Standardize.GLOBAL, Value.MAGNITUDE, Log.LOG1P, 1, 0, false, Normalize.LEAD_SCALE, layout,
            ValueEncoding.FLOAT16), data);
        ExampleShape shape = representation.shape(ExampleEncoder.format(data), 250);
        BufferedImage image = representation.preview(encode(representation, data, 2, 0, 250), shape,
            ExampleEncoder.format(data), 250);
        assertThat(image.getWidth()).isGreaterThan(3 * 300);
        assertThat(image.getHeight()).isGreaterThan(110);
      }
    }
  }

  @Test
  void everyReferenceKeyIsReadAndBadSettingsAreReported() {
    com.typesafe.config.Config defaults = ConfigFactory.parseResources("reference.conf").getConfig("sinus.representation.cwt");
    ProblemCollector problems = new ProblemCollector();
    ComponentConfig block = new ComponentConfig("representation", defaults, problems);
    CwtRepresentation representation = (CwtRepresentation) new CwtRepresentation.Factory().create(block);
    assertThat(problems.problems()).isEmpty();
    assertThat(block.unreadKeys()).isEmpty();
    assertThat(representation.settings().wavelet()).isEqualTo(new Wavelet.Morlet(6));

    ProblemCollector bad = new ProblemCollector();
    new CwtRepresentation.Factory().create(new ComponentConfig("representation", ConfigFactory.parseString(
        "value = real, log = log1p, wavelet = morlett, scales { min-hz = 30, max-hz = 3 }").withFallback(defaults), bad));
    assertThat(ComponentConfig.messages(bad.problems())).anySatisfy(m -> assertThat(m).contains("representation.log"))
        .anySatisfy(m -> assertThat(m).contains("representation.wavelet").contains("morlet"))
        .anySatisfy(m -> assertThat(m).contains("representation.scales.max-hz"));
  }

  @Test
  void frequenciesAboveNyquistAreRefused() {
    EcgDataset data = dataset(signals(9));
    CwtRepresentation representation = new CwtRepresentation(new CwtSettings(new Wavelet.Morlet(6), 8, 1, 60, true,
        Standardize.GLOBAL, Value.MAGNITUDE, Log.LOG1P, 1, 0, false, Normalize.LEAD_SCALE, Layout.CHANNELS,
        ValueEncoding.FLOAT16));
    assertThatThrownBy(() -> representation.prepare(data, context())).isInstanceOf(SinusException.class)
        .hasMessageContaining("max-hz = 60.0").hasMessageContaining("Nyquist");
  }
}
