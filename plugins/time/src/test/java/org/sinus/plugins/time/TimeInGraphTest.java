package org.sinus.plugins.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.Split;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.GraphEncodable;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.testkit.Fitting;
import org.sinus.testkit.TestComponents;
import org.sinus.testkit.TestDatasets;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The time representation written as graph ops (for exports that read whole recordings) encodes as encode does. */
class TimeInGraphTest {
  private static final TestComponents COMPONENTS = TestComponents.of(new TimePlugin());

  @TempDir
  Path cache;

  /** Four records of three leads with different offsets and scales per lead; all in training fold 1. */
  private static EcgDataset data() {
    SplittableRandom random = new SplittableRandom(3);
    float[][] signals = new float[4][300];
    for (float[] signal : signals) {
      for (int i = 0; i < signal.length; i++) {
        int lead = i % 3;
        signal[i] = (float) (lead * 2 - 1 + (lead + 1) * random.nextGaussian());
      }
    }
    List<RecordInfo> records = List.of(new RecordInfo("a", 1, new int[] {0}), new RecordInfo("b", 1, new int[] {0}),
        new RecordInfo("c", 1, new int[] {0}), new RecordInfo("d", 1, new int[] {0}));
    return new EcgDataset("t", "t", 100, List.of("I", "II", "III"), new LabelSpace("t", List.of("X"), true), records,
        new HeapSignalStore(signals, 100, 3),
        new FoldSplit(Map.of(Split.TRAIN, List.of(1), Split.VALIDATION, List.of(), Split.TEST, List.of())), Map.of(),
        null);
  }

  private FittedRepresentation fit(String settings) {
    Representation representation = COMPONENTS.build(Representation.POINT, "type = time, " + settings);
    return Fitting.fit(representation, data(), 40, TestDatasets.context(cache));
  }

  @Test
  void standardizationInGraphOpsEqualsEncodeForGlobalAndPerLeadStatistics() {
    for (String settings : List.of("standardize = global", "standardize = per-lead", "standardize = none")) {
      FittedRepresentation fitted = fit(settings);
      float[] signal = data().signals().read(2);
      int[] starts = {0, 25, 60};
      float[] expected = new float[starts.length * 40 * 3];
      float[] windows = new float[starts.length * 40 * 3];
      for (int w = 0; w < starts.length; w++) {
        fitted.encode(RecordWindow.of(signal, starts[w], 40), expected, w * 120);
        System.arraycopy(signal, starts[w] * 3, windows, w * 120, 120);
      }
      try (Graph graph = new Graph(); Session session = new Session(graph)) {
        Ops tf = Ops.create(graph);
        Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 40, 3)));
        Optional<Operand<TFloat32>> encoded = ((GraphEncodable) fitted).encodeInGraph(tf, input);
        assertThat(encoded).as(settings).isPresent();
        try (TFloat32 fed = TFloat32.tensorOf(Shape.of(starts.length, 40, 3), DataBuffers.of(windows));
             var result = session.runner().feed(input, fed).fetch(encoded.get()).run()) {
          TFloat32 out = (TFloat32) result.get(0);
          assertThat(out.shape().asArray()).as(settings).containsExactly(starts.length, 1, 40, 3);
          float[] actual = new float[expected.length];
          out.asRawTensor().data().asFloats().read(actual);
          for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s, value %d", settings, i).isCloseTo(expected[i], within(1e-5f));
          }
        }
      }
    }
  }

  @Test
  void aBandPassFilterOverTheWholeRecordIsNotWrittenAsGraphOps() {
    FittedRepresentation filtered = fit("standardize = global, band-pass { low-hz = 0.5, high-hz = 40 }");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 40, 3)));
      assertThat(((GraphEncodable) filtered).encodeInGraph(tf, input)).isEmpty();
    }
  }
}
