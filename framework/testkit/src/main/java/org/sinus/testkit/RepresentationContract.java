package org.sinus.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.preview.HeatmapPreview;
import org.sinus.api.preview.Preview;
import org.sinus.api.preview.SignalPreview;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Previewable;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.representation.SignalProjection;
import org.sinus.api.util.Json;

/**
 * What every representation promises, as tests a plugin's test class inherits:
 *
 * <pre>{@code
 * class TimeRepresentationContractTest extends RepresentationContract {
 *   protected Representation representation() {
 *     return TestComponents.of(new TimePlugin()).build(Representation.POINT, "type = time");
 *   }
 * }
 * }</pre>
 *
 * <p>It encodes exactly the shape it declares, from several threads at once with the same
 * values, fits on the training records alone (other records may change without changing the
 * fit), its state round-trips through JSON, a signal that is not a dataset record encodes like
 * the record it equals, and its optional capabilities (preview, projection to the signal) keep
 * their promises. The data are {@link TestDatasets#random} records unless a test overrides
 * {@link #data()}.
 */
public abstract class RepresentationContract {
  @TempDir
  protected Path cache;

  /** The representation under test, built from its config as an experiment would. */
  protected abstract Representation representation();

  /** The records it is tested on: 40 records of 10 s at 100 Hz, 12 leads, by default. */
  protected EcgDataset data() {
    return TestDatasets.random(40, 1000, 100, 7);
  }

  /** Samples per window. */
  protected int windowSamples() {
    return 250;
  }

  /**
   * How far an example may differ when the same window is encoded from a signal rather than a
   * cached record (a cache of float16 values differs by their rounding); 0 by default.
   */
  protected double cacheTolerance() {
    return 0;
  }

  protected DataContext context() {
    return TestDatasets.context(cache);
  }

  private FittedRepresentation fitted(EcgDataset data) {
    return Fitting.fit(representation(), data, windowSamples(), context());
  }

  private float[] encode(FittedRepresentation fitted, EcgDataset data, int record, int start) {
    float[] out = new float[fitted.shape().size()];
    fitted.encode(new RecordWindow(record, data.signals().read(record), start, windowSamples()), out, 0);
    return out;
  }

  @Test
  public void encodesExactlyTheShapeItDeclares() {
    EcgDataset data = data();
    ExampleShape declared = representation().shape(Fitting.context(data, windowSamples(), context()).format(),
        windowSamples());
    FittedRepresentation fitted = fitted(data);
    assertThat(fitted.shape()).isEqualTo(declared);
    int size = declared.size();
    float[] out = new float[size + 20];
    Arrays.fill(out, Float.NaN);
    fitted.encode(new RecordWindow(0, data.signals().read(0), 0, windowSamples()), out, 10);
    for (int i = 0; i < 10; i++) {
      assertThat(out[i]).as("value before the offset").isNaN();
      assertThat(out[size + 10 + i]).as("value after the example").isNaN();
    }
    for (int i = 10; i < size + 10; i++) {
      assertThat(Float.isFinite(out[i])).as("example value %d of %s", i - 10, declared).isTrue();
    }
  }

  @Test
  public void encodesTheSameValuesFromSeveralThreads() throws Exception {
    EcgDataset data = data();
    FittedRepresentation fitted = fitted(data);
    int[] starts = {0, windowSamples() / 3, data.samples() - windowSamples()};
    List<float[]> expected = new ArrayList<>();
    for (int r = 0; r < data.size(); r++) {
      expected.add(encode(fitted, data, r, starts[r % starts.length]));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (int r = 0; r < data.size(); r++) {
          int record = r;
          results.add(pool.submit(() -> encode(fitted, data, record, starts[record % starts.length])));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        float[] values = results.get(i).get();
        if (!Arrays.equals(values, expected.get(i % data.size()))) {
          assertThat(values).as("record %d encoded concurrently", i % data.size())
              .containsExactly(expected.get(i % data.size()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void fitsOnTheTrainingRecordsAlone() {
    EcgDataset data = data();
    EcgDataset altered = TestDatasets.withOtherNonTrainingRecords(data, 99);
    FittedRepresentation fitted = fitted(data);
    FittedRepresentation refitted = fitted(altered);
    assertThat(Json.pretty(refitted.state())).as("state fitted where only non-training records differ")
        .isEqualTo(Json.pretty(fitted.state()));
    int train = data.indices(Split.TRAIN)[0];
    assertThat(encode(refitted, altered, train, 0)).containsExactly(encode(fitted, data, train, 0));
  }

  @Test
  public void stateRoundTripsThroughJson() {
    EcgDataset data = data();
    FittedRepresentation fitted = fitted(data);
    FitContext context = Fitting.context(data, windowSamples(), context());
    FittedRepresentation restored = representation().restore(Json.parse(Json.pretty(fitted.state())), context);
    assertThat(Json.pretty(restored.state())).isEqualTo(Json.pretty(fitted.state()));
    assertThat(restored.shape()).isEqualTo(fitted.shape());
    restored.precompute(Fitting.allRecords(data));
    fitted.precompute(Fitting.allRecords(data));
    for (int record : new int[] {data.indices(Split.TRAIN)[1], data.indices(Split.TEST)[0]}) {
      assertThat(encode(restored, data, record, 17)).containsExactly(encode(fitted, data, record, 17));
    }
  }

  @Test
  public void encodesAnySignalLikeTheRecordItEquals() {
    EcgDataset data = data();
    FittedRepresentation fitted = fitted(data);
    fitted.precompute(Fitting.records(data, Split.TEST));
    for (int record : new int[] {data.indices(Split.TRAIN)[2], data.indices(Split.TEST)[1]}) {
      float[] signal = data.signals().read(record);
      float[] fromRecord = encode(fitted, data, record, 40);
      float[] fromSignal = new float[fitted.shape().size()];
      fitted.encode(RecordWindow.of(signal.clone(), 40, windowSamples()), fromSignal, 0);
      for (int i = 0; i < fromRecord.length; i++) {
        assertThat((double) fromSignal[i]).as("value %d of record %d", i, record)
            .isCloseTo(fromRecord[i], within(cacheTolerance() * Math.max(1, Math.abs(fromRecord[i]))));
      }
    }
  }

  @Test
  public void previewsDescribeTheExample() {
    EcgDataset data = data();
    FittedRepresentation fitted = fitted(data);
    if (!(fitted instanceof Previewable previewable)) {
      return;
    }
    Preview preview = previewable.preview(encode(fitted, data, 0, 0), 0);
    assertThat(preview.title()).isNotBlank();
    if (preview instanceof SignalPreview signals) {
      assertThat(signals.values()).hasSize(fitted.shape().size());
      assertThat(signals.leads()).hasSize(data.leads().size());
    } else {
      HeatmapPreview heatmaps = (HeatmapPreview) preview;
      int cells = heatmaps.panels().stream().mapToInt(m -> m.rows() * m.columns()).sum();
      assertThat(cells).as("cells drawn").isPositive().isLessThanOrEqualTo(fitted.shape().size());
    }
  }

  @Test
  public void projectsRelevanceOntoEverySampleOfTheWindow() {
    EcgDataset data = data();
    FittedRepresentation fitted = fitted(data);
    if (!(fitted instanceof SignalProjection projection)) {
      return;
    }
    float[] relevance = new float[fitted.shape().size()];
    Arrays.fill(relevance, 1f);
    float[] signal = projection.toSignal(relevance, windowSamples());
    assertThat(signal).hasSize(windowSamples() * data.leads().size());
    double total = 0;
    for (float v : signal) {
      assertThat(v).as("every sample and lead gets relevance").isPositive();
      total += v;
    }
    assertThat(total).as("relevance is shared, not created").isCloseTo(relevance.length, within(1e-3 * relevance.length));
  }
}
