package org.sinus.plugins.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.sinus.api.data.Windows;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.preview.HeatmapPreview;
import org.sinus.api.preview.Matrix;
import org.sinus.api.preview.Preview;
import org.sinus.api.preview.Tick;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Previewable;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.representation.SignalProjection;
import org.sinus.api.util.Json;
import org.sinus.testkit.Fitting;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestDatasets;

/**
 * The {@code fft} representation's values against references (a naive DFT, {@code torch.stft},
 * {@code numpy.fft.rfft}), its layout, band limits, fitting on the training records, state,
 * threads, preview and config. What every representation promises is in
 * {@link FftRepresentationContractTest}.
 */
class FftRepresentationTest {
  /** FFT fits write no cache; the context's directory is never used. */
  static final DataContext CONTEXT = TestDatasets.context(Path.of("target", "sinus-cache"));
  static final List<String> TWELVE = TestDatasets.LEADS;

  // ---------------------------------------------------------------------------------------------
  // Shapes

  @Test
  void shapesOfTheStftAndOfTheWholeWindowSpectrum() {
    SignalFormat format = new SignalFormat(100, 1000, TWELVE);
    // the peer's STFT: 1 + 250 / 16 = 16 centred frames × 33 bins per lead
    assertThat(new FftRepresentation(FftSettings.peerStft()).shape(format, 250))
        .isEqualTo(new ExampleShape(1, 16, 396));
    // the plain spectrum: 501 bins × 12 leads
    assertThat(new FftRepresentation(FftSettings.plainMagnitude()).shape(format, 1000))
        .isEqualTo(new ExampleShape(1, 501, 12));
    // with phases: magnitude and phase per lead
    assertThat(new FftRepresentation(with(FftSettings.plainMagnitude(), true, 0, 0)).shape(format, 1000))
        .isEqualTo(new ExampleShape(1, 501, 24));
    // frames that are not centred: 1 + (250 − 64) / 16 = 12
    FftSettings uncentred = new FftSettings(false, 64, 16, false, Taper.HANN, true, 1e-3, false, 0, 0, false);
    assertThat(new FftRepresentation(uncentred).shape(format, 250)).isEqualTo(new ExampleShape(1, 12, 396));
  }

  @Test
  void theFittedShapeIsTheDeclaredShape() {
    EcgDataset data = dataset(4, 12, 1000, 1.0, 6);
    for (FftSettings settings : List.of(FftSettings.peerStft(), FftSettings.plainMagnitude(),
        with(FftSettings.plainMagnitude(), true, 0.5, 40))) {
      FftRepresentation representation = new FftRepresentation(settings);
      assertThat(Fitting.fit(representation, data, 250, CONTEXT).shape()).as("%s", settings)
          .isEqualTo(representation.shape(format(data), 250));
    }
  }

  @Test
  void windowsTooShortForTheFramesAreRejectedWithTheKey() {
    SignalFormat format = new SignalFormat(100, 1000, TWELVE);
    assertThatThrownBy(() -> new FftRepresentation(FftSettings.peerStft()).shape(format, 32))
        .isInstanceOf(ConfigException.class).hasMessageContaining("representation.frame-length: 64 needs windows");
    FftSettings uncentred = new FftSettings(false, 64, 16, false, Taper.HANN, true, 1e-3, false, 0, 0, false);
    assertThatThrownBy(() -> new FftRepresentation(uncentred).shape(format, 50))
        .hasMessageContaining("longer than the 50-sample window");
  }

  // ---------------------------------------------------------------------------------------------
  // Values

  /** x[t, lead] = sin(0.1·t·(lead + 1)) + 0.3·cos(0.37·t + lead), 250 × 2, time-major. */
  static float[] twoLeadSignal() {
    float[] x = new float[250 * 2];
    for (int t = 0; t < 250; t++) {
      for (int lead = 0; lead < 2; lead++) {
        x[t * 2 + lead] = (float) (Math.sin(0.1 * t * (lead + 1)) + 0.3 * Math.cos(0.37 * t + lead));
      }
    }
    return x;
  }

  /**
   * Against torch.stft(x, 64, hop_length=16, window=torch.hann_window(64), center=True,
   * pad_mode="reflect") of {@link #twoLeadSignal}, log(|S| + 1e-3) and torch.angle(S), computed once
   * with torch 1.13 (float32) by a ten-line script and hard-coded here.
   */
  @Test
  void stftMatchesTorchStftWithCentredReflectPaddedFrames() {
    FftSettings stft = new FftSettings(false, 64, 16, true, Taper.HANN, true, 1e-3, true, 0, 0, false);
    FittedFft fitted = fitted(stft, 100, 2, 250);
    assertThat(fitted.shape()).isEqualTo(new FftRepresentation(stft)
        .shape(new SignalFormat(100, 250, List.of("a", "b")), 250));
    float[] out = new float[fitted.shape().size()];
    fitted.encode(RecordWindow.of(twoLeadSignal(), 0, 250), out, 0);
    SpectrumLayout layout = fitted.layout();
    assertThat(layout.frames()).isEqualTo(16);
    assertThat(layout.bins()).isEqualTo(33);
    // {lead, bin, frame, log(|S| + 1e-3)}
    double[][] logMagnitudes = {
        {0, 0, 0, 3.019423723220825}, {0, 3, 0, -0.012224705889821053}, {1, 5, 7, 0.48592984676361084},
        {1, 32, 15, -2.1569290161132812}, {0, 10, 15, -0.9422040581703186}, {1, 0, 8, -2.3256163597106934},
        {0, 6, 4, -2.122394561767578}};
    for (double[] r : logMagnitudes) {
      assertThat((double) out[layout.position((int) r[2], (int) r[0], 0, (int) r[1])])
          .as("lead %d, bin %d, frame %d", (int) r[0], (int) r[1], (int) r[2]).isCloseTo(r[3], within(2e-4));
    }
    // {lead, bin, frame, angle(S)} where the bin is far from zero
    double[][] phases = {{1, 5, 7, 1.6046749353408813}, {0, 10, 15, -2.4873850345611572}, {0, 6, 4, 1.684949517250061}};
    for (double[] r : phases) {
      assertThat((double) out[layout.position((int) r[2], (int) r[0], 1, (int) r[1])]).isCloseTo(r[3], within(1e-3));
    }
  }

  /** Against numpy.abs(numpy.fft.rfft(x[:, 1])) of {@link #twoLeadSignal}, hard-coded. */
  @Test
  void plainMagnitudeMatchesNumpyRfft() {
    FittedFft fitted = fitted(FftSettings.plainMagnitude(), 100, 2, 250);
    assertThat(fitted.shape()).isEqualTo(new ExampleShape(1, 126, 2));
    float[] out = new float[126 * 2];
    fitted.encode(RecordWindow.of(twoLeadSignal(), 0, 250), out, 0);
    double[][] reference = {{0, 0.9426910191555335}, {4, 1.290922013055246}, {40, 0.3560659969145077},
        {125, 0.14320465133061572}};
    for (double[] r : reference) {
      assertThat((double) out[(int) r[0] * 2 + 1]).as("bin %d", (int) r[0]).isCloseTo(r[1], within(2e-5));
    }
  }

  /** Even (mixed radix), odd (its last bin is packed apart) and prime above 211 (Bluestein) windows. */
  @ParameterizedTest(name = "{0} samples")
  @ValueSource(ints = {1000, 999, 257})
  void linearMagnitudeOfEveryLeadMatchesANaiveDft(int samples) {
    int leads = 12;
    int bins = samples / 2 + 1;
    float[] record = RealFftTest.gaussian(samples * leads, 21);
    FittedFft fitted = fitted(FftSettings.plainMagnitude(), 100, leads, samples);
    float[] out = new float[bins * leads];
    fitted.encode(RecordWindow.of(record, 0, samples), out, 0);
    for (int lead = 0; lead < leads; lead++) {
      float[] x = new float[samples];
      for (int t = 0; t < samples; t++) {
        x[t] = record[t * leads + lead];
      }
      double[][] dft = RealFftTest.naiveDft(x);
      double error = 0;
      double largest = 0;
      for (int k = 0; k < bins; k++) {
        double magnitude = Math.hypot(dft[0][k], dft[1][k]);
        error = Math.max(error, Math.abs(out[k * leads + lead] - magnitude));
        largest = Math.max(largest, magnitude);
      }
      assertThat(error / largest).as("lead %d", lead).isLessThan(1e-6);
    }
  }

  /**
   * Parseval through the representation: Σ x² = (1/n)·(|X₀|² + 2·Σ|X_k|² + |X_{n/2}|²) for the
   * linear magnitudes of every lead of an unframed, untapered window.
   */
  @Test
  void linearMagnitudesKeepTheEnergyOfEveryLead() {
    int samples = 1000;
    int leads = 12;
    float[] record = RealFftTest.gaussian(samples * leads, 33);
    FittedFft fitted = fitted(FftSettings.plainMagnitude(), 100, leads, samples);
    float[] out = new float[fitted.shape().size()];
    fitted.encode(RecordWindow.of(record, 0, samples), out, 0);
    for (int lead = 0; lead < leads; lead++) {
      double energy = 0;
      for (int t = 0; t < samples; t++) {
        energy += (double) record[t * leads + lead] * record[t * leads + lead];
      }
      double spectral = 0;
      for (int k = 0; k <= samples / 2; k++) {
        double m = out[k * leads + lead];
        spectral += (k == 0 || 2 * k == samples ? 1 : 2) * m * m;
      }
      // the magnitudes are floats
      assertThat(Math.abs(spectral / samples - energy) / energy).as("lead %d", lead).isLessThan(1e-6);
    }
  }

  @Test
  void aWindowInsideTheRecordIsTransformedAlone() {
    // the 250 samples from 500 on of a 1000-sample record equal a record of just those samples
    int leads = 3;
    float[] record = RealFftTest.gaussian(1000 * leads, 4);
    float[] part = Arrays.copyOfRange(record, 500 * leads, 750 * leads);
    FitContext context = context(100, leads, 1000, 250);
    int slots = SpectrumLayout.of(FftSettings.peerStft(), 100, leads, 250).slots();
    FittedRepresentation fitted = new FftRepresentation(FftSettings.peerStft())
        .restore(Json.parse(Json.pretty(unitStatistics(slots, 250))), context);
    float[] a = new float[fitted.shape().size()];
    float[] b = new float[a.length];
    fitted.encode(RecordWindow.of(record, 500, 250), a, 0);
    fitted.encode(RecordWindow.of(part, 0, 250), b, 0);
    assertThat(a).containsExactly(b);
    // a dataset record (index ≥ 0) and the same signal from elsewhere (index −1) encode alike
    float[] c = new float[a.length];
    fitted.encode(new RecordWindow(7, record, 500, 250), c, 0);
    assertThat(c).containsExactly(a);
  }

  @Test
  void aPureSinusoidPeaksInItsBinInEveryFrame() {
    // 12.5 Hz at 100 Hz: bin 8 of a 64-point frame (1.5625 Hz apart); lead 1 is twice as loud
    int leads = 2;
    float[] record = new float[250 * leads];
    for (int t = 0; t < 250; t++) {
      record[t * leads] = (float) Math.sin(2 * Math.PI * 12.5 * t / 100);
      record[t * leads + 1] = (float) (2 * Math.cos(2 * Math.PI * 12.5 * t / 100));
    }
    FftSettings stft = new FftSettings(false, 64, 16, true, Taper.HANN, false, 1e-3, false, 0, 0, false);
    FittedFft fitted = fitted(stft, 100, leads, 250);
    SpectrumLayout layout = fitted.layout();
    float[] out = new float[layout.shape().size()];
    fitted.encode(RecordWindow.of(record, 0, 250), out, 0);
    // frames 2 .. 13 lie inside the window; the outer ones also hold reflected samples
    for (int frame = 2; frame <= 13; frame++) {
      for (int lead = 0; lead < leads; lead++) {
        int peak = 0;
        for (int bin = 1; bin < layout.bins(); bin++) {
          if (out[layout.position(frame, lead, 0, bin)] > out[layout.position(frame, lead, 0, peak)]) {
            peak = bin;
          }
        }
        assertThat(peak).as("frame %d, lead %d", frame, lead).isEqualTo(8);
      }
      // a Hann-tapered sinusoid of amplitude A, whole periods in the frame, has |X_8| = A · 64 / 4
      assertThat((double) out[layout.position(frame, 0, 0, 8)]).isCloseTo(16.0, within(1e-3));
      assertThat((double) out[layout.position(frame, 1, 0, 8)]).isCloseTo(32.0, within(1e-3));
    }
  }

  @Test
  void bandLimitsKeepTheBinsBetweenTheirFrequencies() {
    int leads = 2;
    float[] record = RealFftTest.gaussian(1000 * leads, 8);
    FittedFft all = fitted(FftSettings.plainMagnitude(), 100, leads, 1000);
    FittedFft band = fitted(with(FftSettings.plainMagnitude(), false, 0.5, 40), 100, leads, 1000);
    SpectrumLayout layout = band.layout();
    // 0.1 Hz bins: 0.5 Hz is bin 5, 40 Hz is bin 400
    assertThat(layout.firstBin()).isEqualTo(5);
    assertThat(layout.bins()).isEqualTo(396);
    assertThat(layout.frequency(0, 100)).isEqualTo(0.5);
    assertThat(layout.frequency(395, 100)).isCloseTo(40.0, within(1e-9));
    assertThat(band.shape()).isEqualTo(new ExampleShape(1, 396, leads));
    float[] full = new float[501 * leads];
    float[] limited = new float[396 * leads];
    all.encode(RecordWindow.of(record, 0, 1000), full, 0);
    band.encode(RecordWindow.of(record, 0, 1000), limited, 0);
    for (int i = 0; i < 396; i++) {
      for (int lead = 0; lead < leads; lead++) {
        assertThat(limited[i * leads + lead]).isEqualTo(full[(i + 5) * leads + lead]);
      }
    }
    // the STFT's 1.5625 Hz bins between 0.5 and 50 Hz are 1 .. 32: the DC bin goes
    FittedFft stft = fitted(with(FftSettings.peerStft(), false, 0.5, 50), 100, 12, 250);
    assertThat(stft.layout().firstBin()).isEqualTo(1);
    assertThat(stft.layout().bins()).isEqualTo(32);
    assertThat(new FftRepresentation(with(FftSettings.peerStft(), false, 0.5, 50))
        .shape(new SignalFormat(100, 1000, TWELVE), 250)).isEqualTo(new ExampleShape(1, 16, 384));
    assertThat(stft.shape()).isEqualTo(new ExampleShape(1, 16, 384));
    // a band between two bins keeps nothing, and says so
    FftRepresentation none = new FftRepresentation(with(FftSettings.peerStft(), false, 0.2, 1.0));
    assertThatThrownBy(() -> none.shape(new SignalFormat(100, 1000, TWELVE), 250))
        .hasMessageContaining("representation.band").hasMessageContaining("keeps no frequency bin");
  }

  @Test
  void tapersArePeriodic() {
    float[] hann = Taper.HANN.coefficients(64);
    assertThat(hann[0]).isEqualTo(0f);
    assertThat((double) hann[32]).isCloseTo(1.0, within(1e-7));
    assertThat((double) hann[16]).isCloseTo(0.5, within(1e-7));
    assertThat((double) Taper.HAMMING.coefficients(64)[0]).isCloseTo(0.08, within(1e-7));
    assertThat(Taper.NONE.coefficients(5)).containsOnly(1f);
  }

  @Test
  void reflectionMirrorsWithoutRepeatingTheEnds() {
    // numpy.pad(range(5), 3, mode="reflect") = 3 2 1 | 0 1 2 3 4 | 3 2 1
    int[] padded = IntStream.range(-3, 8).map(t -> FittedFft.reflect(t, 5)).toArray();
    assertThat(padded).containsExactly(3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1);
  }

  // ---------------------------------------------------------------------------------------------
  // Fitting, state, threads

  @Test
  void statisticsAreFittedOnTheTrainingRecordsOnly() {
    EcgDataset data = dataset(12, 3, 1000, 1.0, 1);
    FftRepresentation representation = new FftRepresentation(FftSettings.peerStft());
    FittedFft fitted = (FittedFft) Fitting.fit(representation, data, 250, CONTEXT);
    Map<String, Object> state = fitted.state();

    // the same training records with test records a hundred times louder: the same statistics
    EcgDataset louder = dataset(12, 3, 1000, 100.0, 1);
    FittedRepresentation again = Fitting.fit(new FftRepresentation(FftSettings.peerStft()), louder, 250, CONTEXT);
    assertThat(Json.pretty(again.state())).isEqualTo(Json.pretty(state));
    assertThat((double[]) state.get("feature_mean")).hasSize(3 * 33);
    assertThat((double[]) state.get("feature_std")).hasSize(3 * 33);
    // and other training records give other statistics (the check above can fail)
    EcgDataset otherTraining = dataset(12, 3, 1000, 1.0, 2);
    assertThat(Json.pretty(Fitting.fit(representation, otherTraining, 250, CONTEXT).state()))
        .isNotEqualTo(Json.pretty(state));

    // over the fitted windows (half-window stride), every feature has mean 0 and deviation 1
    SpectrumLayout layout = fitted.layout();
    int[] starts = Windows.slidingStarts(1000, 250, 125);
    double[] sum = new double[layout.slots()];
    double[] squares = new double[layout.slots()];
    float[] out = new float[layout.shape().size()];
    int count = 0;
    for (int index : data.indices(Split.TRAIN)) {
      for (int start : starts) {
        fitted.encode(new RecordWindow(index, data.signals().read(index), start, 250), out, 0);
        for (int frame = 0; frame < layout.frames(); frame++) {
          for (int lead = 0; lead < 3; lead++) {
            for (int bin = 0; bin < layout.bins(); bin++) {
              double v = out[layout.position(frame, lead, 0, bin)];
              sum[layout.slot(lead, 0, bin)] += v;
              squares[layout.slot(lead, 0, bin)] += v * v;
            }
          }
          count++;
        }
      }
    }
    for (int slot = 0; slot < layout.slots(); slot++) {
      double mean = sum[slot] / count;
      assertThat(mean).as("slot %d", slot).isCloseTo(0.0, within(1e-4));
      assertThat(Math.sqrt(squares[slot] / count - mean * mean)).as("slot %d", slot).isCloseTo(1.0, within(1e-3));
    }
  }

  @Test
  void signalStandardizationUsesAllTrainingValues() {
    EcgDataset data = dataset(4, 2, 500, 50.0, 2);
    FittedRepresentation fitted = Fitting.fit(new FftRepresentation(FftSettings.peerStft()), data, 250, CONTEXT);
    double sum = 0;
    double squares = 0;
    long n = 0;
    for (int index : data.indices(Split.TRAIN)) {
      for (float v : data.signals().read(index)) {
        sum += v;
        squares += (double) v * v;
        n++;
      }
    }
    double mean = sum / n;
    assertThat((double) fitted.state().get("signal_mean")).isCloseTo(mean, within(1e-9));
    assertThat((double) fitted.state().get("signal_std")).isCloseTo(Math.sqrt(squares / n - mean * mean), within(1e-9));
  }

  @Test
  void withoutStandardizationNothingIsFitted() {
    EcgDataset data = dataset(4, 2, 1000, 1.0, 9);
    Map<String, Object> state = Fitting.fit(new FftRepresentation(FftSettings.plainMagnitude()), data, 1000, CONTEXT)
        .state();
    assertThat(state.get("window_samples")).isEqualTo(1000);
    assertThat((double) state.get("signal_mean")).isZero();
    assertThat((double) state.get("signal_std")).isEqualTo(1.0);
    assertThat((double[]) state.get("feature_mean")).isEmpty();
    assertThat((double[]) state.get("feature_std")).isEmpty();
  }

  @Test
  void restoredStateEncodesExactlyAsTheFittedOne() {
    EcgDataset data = dataset(6, 12, 1000, 1.0, 3);
    FftSettings settings = new FftSettings(true, 64, 16, true, Taper.HAMMING, true, 1e-3, true, 0.5, 45, true);
    FftRepresentation representation = new FftRepresentation(settings);
    FittedRepresentation fitted = Fitting.fit(representation, data, 250, CONTEXT);
    FitContext context = Fitting.context(data, 250, CONTEXT);
    FittedRepresentation restored = representation.restore(Json.parse(Json.pretty(fitted.state())), context);
    assertThat(Json.pretty(restored.state())).isEqualTo(Json.pretty(fitted.state()));
    assertThat(restored.shape()).isEqualTo(fitted.shape()).isEqualTo(representation.shape(format(data), 250));
    int size = fitted.shape().size();
    float[] a = new float[size];
    float[] b = new float[size];
    float[] signal = data.signals().read(5);
    fitted.encode(new RecordWindow(5, signal, 300, 250), a, 0);
    restored.encode(new RecordWindow(5, signal, 300, 250), b, 0);
    assertThat(b).containsExactly(a);
  }

  /**
   * A fitted representation has no unfitted state to misuse (what "not fitted" guarded before);
   * what can still go wrong is a state or a window that does not match the experiment.
   */
  @Test
  void mismatchedStatesAndWindowsAreRejected() {
    EcgDataset data = dataset(4, 12, 1000, 1.0, 3);
    FftRepresentation representation = new FftRepresentation(FftSettings.peerStft());
    FittedRepresentation fitted = Fitting.fit(representation, data, 250, CONTEXT);
    // a state saved for other windows
    assertThatThrownBy(() -> representation.restore(Json.parse(Json.pretty(fitted.state())),
        Fitting.context(data, 500, CONTEXT))).hasMessageContaining("250-sample windows")
        .hasMessageContaining("500");
    // a state with statistics for another number of leads or bins
    assertThatThrownBy(() -> representation.restore(Json.parse(Json.pretty(unitStatistics(3 * 33, 250))),
        Fitting.context(data, 250, CONTEXT))).hasMessageContaining("99 feature statistics")
        .hasMessageContaining("396");
    // a window of another length
    float[] out = new float[fitted.shape().size()];
    assertThatThrownBy(() -> fitted.encode(new RecordWindow(0, data.signals().read(0), 0, 200), out, 0))
        .hasMessageContaining("250-sample windows, not 200");
  }

  @Test
  void encodingFromSeveralThreadsGivesTheSingleThreadedResult() throws Exception {
    EcgDataset data = dataset(16, 12, 1000, 1.0, 4);
    FittedRepresentation fitted = Fitting.fit(new FftRepresentation(FftSettings.peerStft()), data, 250, CONTEXT);
    int size = fitted.shape().size();
    float[][] expected = new float[data.size()][size];
    for (int r = 0; r < data.size(); r++) {
      fitted.encode(new RecordWindow(r, data.signals().read(r), r * 40, 250), expected[r], 0);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        futures.add(pool.submit(() -> {
          int mismatches = 0;
          float[] out = new float[size + 7];
          for (int round = 0; round < 100; round++) {
            int r = (round * 5 + offset * 3) % data.size();
            fitted.encode(new RecordWindow(r, data.signals().read(r), r * 40, 250), out, 7);
            mismatches += Arrays.equals(out, 7, size + 7, expected[r], 0, size) ? 0 : 1;
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

  // ---------------------------------------------------------------------------------------------
  // Preview and capabilities

  @Test
  void theStftPreviewIsOneSpectrogramPerLead() {
    EcgDataset data = dataset(4, 12, 1000, 1.0, 5);
    FittedFft fitted = (FittedFft) Fitting.fit(new FftRepresentation(FftSettings.peerStft()), data, 250, CONTEXT);
    float[] example = new float[fitted.shape().size()];
    fitted.encode(new RecordWindow(0, data.signals().read(0), 100, 250), example, 0);
    Preview preview = ((Previewable) fitted).preview(example, 1.0);
    assertThat(preview).isInstanceOf(HeatmapPreview.class);
    HeatmapPreview heatmap = (HeatmapPreview) preview;
    assertThat(heatmap.title()).isEqualTo("fft representation [1, 16, 396]: STFT 64/16 hann, centred");
    assertThat(heatmap.valueLabel()).isEqualTo("log(|X| + ε), standardized");
    assertThat(heatmap.columns()).isEqualTo(3);
    assertThat(heatmap.rowZeroAtBottom()).isTrue();
    // one 33-bin × 16-frame spectrogram per lead, titled with its lead, drawn large enough that
    // every bin and frame keeps pixels of its own (none is averaged into its neighbours)
    assertThat(heatmap.panels()).extracting(Matrix::title).containsExactlyElementsOf(TWELVE);
    assertThat(heatmap.panelWidth()).isGreaterThanOrEqualTo(16);
    assertThat(heatmap.panelHeight()).isGreaterThanOrEqualTo(33);
    SpectrumLayout layout = fitted.layout();
    for (int lead = 0; lead < 12; lead++) {
      Matrix panel = heatmap.panels().get(lead);
      assertThat(panel.rows()).isEqualTo(33);
      assertThat(panel.columns()).isEqualTo(16);
      for (int bin = 0; bin < 33; bin++) {
        for (int frame = 0; frame < 16; frame++) {
          assertThat(panel.value(bin, frame)).as("lead %d, bin %d, frame %d", lead, bin, frame)
              .isEqualTo(example[layout.position(frame, lead, 0, bin)]);
        }
      }
    }
    assertThat(distinct(heatmap)).as("distinct values drawn").isGreaterThan(50);
    // time across: frame centres 0 .. 2.4 s of the window; frequency up: bins 0 .. 50 Hz
    assertThat(heatmap.x().label()).isEqualTo("time in the window (s)");
    assertThat(heatmap.x().ticks()).extracting(Tick::label).containsExactly("0.0", "0.5", "1.0", "1.5", "2.0");
    assertThat(heatmap.x().ticks().get(1).cell()).isCloseTo(0.5 / 2.4 * 15, within(1e-9));
    assertThat(heatmap.y().label()).isEqualTo("frequency (Hz)");
    assertThat(heatmap.y().ticks()).extracting(Tick::label).containsExactly("0", "10", "20", "30", "40", "50");
    assertThat(heatmap.y().ticks().get(5).cell()).isCloseTo(32, within(1e-9));
  }

  @Test
  void theWholeWindowPreviewIsOneMatrixOfLeadsByFrequency() {
    EcgDataset data = dataset(4, 12, 1000, 1.0, 5);
    FftSettings settings = with(FftSettings.plainMagnitude(), true, 0.5, 40);
    FittedFft fitted = (FittedFft) Fitting.fit(new FftRepresentation(settings), data, 250, CONTEXT);
    float[] example = new float[fitted.shape().size()];
    fitted.encode(new RecordWindow(0, data.signals().read(0), 100, 250), example, 0);
    HeatmapPreview heatmap = (HeatmapPreview) ((Previewable) fitted).preview(example, 1.0);
    // 0.4 Hz bins of a 250-sample window: 0.8 .. 40 Hz is bins 2 .. 100
    assertThat(fitted.shape()).isEqualTo(new ExampleShape(1, 99, 24));
    assertThat(heatmap.title())
        .isEqualTo("fft representation [1, 99, 24]: FFT of the window, none taper, 0.5–40.0 Hz (magnitude shown)");
    assertThat(heatmap.valueLabel()).isEqualTo("|X|");
    assertThat(heatmap.rowZeroAtBottom()).isFalse();
    assertThat(heatmap.panels()).hasSize(1);
    Matrix matrix = heatmap.panels().get(0);
    assertThat(matrix.rows()).isEqualTo(12);
    assertThat(matrix.columns()).isEqualTo(99);
    SpectrumLayout layout = fitted.layout();
    for (int lead = 0; lead < 12; lead++) {
      for (int bin = 0; bin < 99; bin++) {
        // magnitudes only: the phases are not drawn
        assertThat(matrix.value(lead, bin)).isEqualTo(example[layout.position(0, lead, 0, bin)]).isNotNegative();
      }
    }
    assertThat(distinct(heatmap)).as("distinct values drawn").isGreaterThan(50);
    assertThat(heatmap.y().label()).isEqualTo("lead");
    assertThat(heatmap.y().ticks()).extracting(Tick::label).containsExactlyElementsOf(TWELVE);
    assertThat(heatmap.y().ticks()).extracting(Tick::cell).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0,
        8.0, 9.0, 10.0, 11.0);
    assertThat(heatmap.x().label()).isEqualTo("frequency (Hz)");
    assertThat(heatmap.x().ticks()).extracting(Tick::label)
        .containsExactly("5", "10", "15", "20", "25", "30", "35", "40");
    // 10 Hz is bin 25, kept bin 23
    assertThat(heatmap.x().ticks().get(1).cell()).isCloseTo(23, within(1e-9));
  }

  @Test
  void spectraHaveNoProjectionOntoTheSignal() {
    EcgDataset data = dataset(4, 12, 1000, 1.0, 5);
    assertThat(Fitting.fit(new FftRepresentation(FftSettings.peerStft()), data, 250, CONTEXT))
        .isNotInstanceOf(SignalProjection.class);
  }

  private static int distinct(HeatmapPreview heatmap) {
    Set<Float> values = new HashSet<>();
    for (Matrix panel : heatmap.panels()) {
      for (float v : panel.values()) {
        values.add(v);
      }
    }
    return values.size();
  }

  // ---------------------------------------------------------------------------------------------
  // Config

  @Test
  void theFactoryReadsEveryDefaultKeyAndBuildsThePeersStft() {
    ProblemCollector problems = new ProblemCollector();
    ComponentConfig config = new ComponentConfig("representation",
        ConfigFactory.parseResources("reference.conf").getConfig("sinus.representation.fft"), problems);
    FftRepresentation representation = (FftRepresentation) new FftRepresentation.Factory().create(config);
    assertThat(problems.problems()).isEmpty();
    assertThat(config.unreadKeys()).isEmpty();
    assertThat(representation.settings()).isEqualTo(FftSettings.peerStft());
  }

  @Test
  void thePluginBuildsTheRepresentationFromAnExperimentBlock() {
    TestComponents components = TestComponents.of(new FftPlugin());
    Representation peer = components.build(Representation.POINT, "type = fft");
    assertThat(((FftRepresentation) peer).settings()).isEqualTo(FftSettings.peerStft());
    Representation whole = components.build(Representation.POINT, "type = fft, frame-length = 0, hop = 1, "
        + "center = false, taper = none, magnitude = linear, phase = true, signal-standardize = none, "
        + "normalize = none, band { low-hz = 0.5, high-hz = 40 }");
    assertThat(((FftRepresentation) whole).settings()).isEqualTo(with(FftSettings.plainMagnitude(), true, 0.5, 40));
    assertThatThrownBy(() -> components.build(Representation.POINT, "type = fft, tapper = hann"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("tapper");
  }

  @Test
  void badValuesAreReportedWithTheirKeys() {
    ProblemCollector problems = new ProblemCollector();
    var raw = ConfigFactory.parseString("taper = \"hanning\", magnitude = \"log\", log-epsilon = 0, hop = 0, "
            + "band { low-hz = 40, high-hz = 0.5 }")
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("sinus.representation.fft"));
    new FftRepresentation.Factory().create(new ComponentConfig("representation", raw, problems));
    List<String> messages = ComponentConfig.messages(problems.problems());
    assertThat(messages).anyMatch(m -> m.contains("representation.taper") && m.contains("hann"));
    assertThat(messages).anyMatch(m -> m.contains("representation.log-epsilon"));
    assertThat(messages).anyMatch(m -> m.contains("representation.hop"));
    assertThat(messages).anyMatch(m -> m.contains("representation.band.low-hz") && m.contains("below high-hz"));
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures

  static FftSettings with(FftSettings s, boolean phase, double lowHz, double highHz) {
    return new FftSettings(s.standardizeSignal(), s.frameLength(), s.hop(), s.center(), s.taper(), s.logMagnitude(),
        s.logEpsilon(), phase, lowHz, highHz, s.normalize());
  }

  /**
   * The representation fitted on one random training record of {@code samples} samples, for
   * windows as long as the record: for settings that fit nothing (no standardization) an exact
   * transform of any window.
   */
  static FittedFft fitted(FftSettings settings, int rate, int leads, int samples) {
    EcgDataset data = dataset(1, leads, samples, 1.0, 0, rate);
    return (FittedFft) Fitting.fit(new FftRepresentation(settings), data, samples, CONTEXT);
  }

  /** What a run gives the representation for records of {@code samples} samples of {@code leads} leads. */
  static FitContext context(int rate, int leads, int samples, int windowSamples) {
    return Fitting.context(dataset(1, leads, samples, 1.0, 0, rate), windowSamples, CONTEXT);
  }

  /** A saved state of zero means and unit deviations: features as computed. */
  static Map<String, Object> unitStatistics(int slots, int window) {
    double[] ones = new double[slots];
    Arrays.fill(ones, 1);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("window_samples", window);
    state.put("signal_mean", 0.0);
    state.put("signal_std", 1.0);
    state.put("feature_mean", new double[slots]);
    state.put("feature_std", ones);
    return state;
  }

  static SignalFormat format(EcgDataset data) {
    return new SignalFormat(data.samplingRate(), data.samples(), data.leads());
  }

  static EcgDataset dataset(int records, int leads, int samples, double testScale, long seed) {
    return dataset(records, leads, samples, testScale, seed, 100);
  }

  /**
   * Random records at {@code rate} Hz: even ones in fold 1 (training), odd ones in fold 10 (test),
   * the test ones scaled by {@code testScale}; the training records depend on the seed only.
   */
  static EcgDataset dataset(int records, int leads, int samples, double testScale, long seed, int rate) {
    float[][] signals = new float[records][];
    List<RecordInfo> infos = new ArrayList<>();
    for (int r = 0; r < records; r++) {
      signals[r] = RealFftTest.gaussian(samples * leads, seed * 1000 + r);
      boolean train = r % 2 == 0;
      if (!train) {
        for (int i = 0; i < signals[r].length; i++) {
          signals[r][i] *= (float) testScale;
        }
      }
      infos.add(new RecordInfo("r" + r, train ? 1 : 10, new int[] {0}));
    }
    List<String> names = IntStream.range(0, leads).mapToObj(i -> leads == 12 ? TWELVE.get(i) : "L" + i).toList();
    return new EcgDataset("test", "random", rate, names, new LabelSpace("test", List.of("A"), true), infos,
        new HeapSignalStore(signals, samples, leads),
        new FoldSplit(Map.of(Split.TRAIN, List.of(1), Split.VALIDATION, List.of(9), Split.TEST, List.of(10))),
        Map.of(), null);
  }
}
