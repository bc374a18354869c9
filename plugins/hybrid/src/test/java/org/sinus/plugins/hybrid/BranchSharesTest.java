package org.sinus.plugins.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.InputView;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.Representation;
import org.sinus.api.representation.SignalProjection;
import org.sinus.api.util.Json;
import org.sinus.engine.explain.PartShares;
import org.sinus.testkit.ExplainerFixture;
import org.sinus.testkit.RawSignal;
import org.sinus.testkit.TestModels;

/**
 * What an explanation of a late fusion says of its branches: each branch's own probability (the
 * same as the branch's model alone predicts), next to the fused probability that the fusion makes
 * of them; and each branch's share of the relevance on its own input.
 *
 * <p>Two branches of the same small model: {@code time} reads the raw signal, {@code fft} the
 * signal times −2 (so they predict differently); each branch's weights are those of a model of
 * that branch alone, as a fusion of trained branch runs has them.
 */
class BranchSharesTest {
  private static final int SAMPLES = 400;
  private static final int WINDOW = 100;

  @TempDir
  static Path cache;

  private static ExplainerFixture timeAlone;
  private static ExplainerFixture fftAlone;
  private static ExplainerFixture average;
  private static ExplainerFixture weighted;

  @BeforeAll
  static void fixtures() {
    timeAlone = ExplainerFixture.of(TestModels.small(), new RawSignal(), SAMPLES, 100, WINDOW, cache);
    fftAlone = ExplainerFixture.of(TestModels.small(), new Scaled(-2), SAMPLES, 100, WINDOW, cache);
    average = fusion(FusionMode.AVERAGE);
    weighted = fusion(FusionMode.WEIGHTED);
  }

  private static ExplainerFixture fusion(FusionMode mode) {
    List<Branch> branches = List.of(
        new Branch("time", "model.branches.time", new RawSignal(), TestModels.small(), Optional.of(Path.of("time-run"))),
        new Branch("fft", "model.branches.fft", new Scaled(-2), TestModels.small(), Optional.of(Path.of("fft-run"))));
    LateFusion model = new LateFusion(branches, mode, false, new WeightedFit(0.1, List.of(0.0), 2),
        new StackingFit(1, 2));
    ExplainerFixture fixture = ExplainerFixture.of(model, model.representations(), SAMPLES, 100, WINDOW, cache);
    fixture.loadPart("time", timeAlone);
    fixture.loadPart("fft", fftAlone);
    return fixture;
  }

  @AfterAll
  static void close() {
    for (ExplainerFixture fixture : new ExplainerFixture[] {timeAlone, fftAlone, average, weighted}) {
      if (fixture != null) {
        fixture.close();
      }
    }
  }

  /** The whole first test record, as the evaluation scores it (windows at half a window's stride, maximum). */
  private static ExplainTarget record(ExplainerFixture fixture, int label) {
    return fixture.target(fixture.context().scoring().starts(SAMPLES), label);
  }

  private static Examples windows(ExplainerFixture fixture, ExplainTarget target) {
    float[][] signals = new float[target.windows()][];
    Arrays.fill(signals, target.signal());
    return fixture.context().encode(signals, target.windowStarts());
  }

  /** Class {@code label}'s column of {@code rows × classes} probabilities. */
  private static double[] column(float[] probabilities, int classes, int label) {
    double[] out = new double[probabilities.length / classes];
    for (int i = 0; i < out.length; i++) {
      out[i] = probabilities[i * classes + label];
    }
    return out;
  }

  @Test
  void eachBranchPredictsAsItsModelAloneAndTheAverageFusesThem() {
    ExplainTarget target = record(average, 1);
    ModelHandle model = average.context().model();
    Examples examples = windows(average, target);
    Map<String, float[]> parts = model.predictParts(examples);
    assertThat(parts).containsOnlyKeys("time", "fft");
    assertThat(List.copyOf(parts.keySet())).containsExactly("time", "fft");

    float[] time = timeAlone.context().model().predict(windows(timeAlone, target));
    float[] fft = fftAlone.context().model().predict(windows(fftAlone, target));
    assertThat(parts.get("time")).containsExactly(time, within(1e-5f));
    assertThat(parts.get("fft")).containsExactly(fft, within(1e-5f));
    double largestDifference = 0;
    for (int i = 0; i < time.length; i++) {
      largestDifference = Math.max(largestDifference, Math.abs(time[i] - fft[i]));
    }
    assertThat(largestDifference).as("the branches read different inputs and predict differently").isGreaterThan(1e-3);

    float[] fused = model.predict(examples);
    for (int i = 0; i < fused.length; i++) {
      assertThat((double) fused[i]).as("the average of the branches' probabilities, value " + i)
          .isCloseTo((time[i] + fft[i]) / 2.0, within(1e-5));
    }
  }

  @Test
  void theRecordsBranchProbabilitiesAreAggregatedAsTheFusedOne() {
    int label = 2;
    ExplainTarget target = record(average, label);
    PartShares shares = PartShares.of(average.context(), target, gradientTimesInput(average, target)).orElseThrow();
    int classes = average.context().model().classes().size();
    double[] time = column(timeAlone.context().model().predict(windows(timeAlone, target)), classes, label);
    double[] fft = column(fftAlone.context().model().predict(windows(fftAlone, target)), classes, label);

    assertThat(shares.parts()).extracting(PartShares.Part::name).containsExactly("time", "fft");
    assertThat(shares.parts().get(0).windowProbabilities()).containsExactly(time, within(1e-5));
    assertThat(shares.parts().get(1).windowProbabilities()).containsExactly(fft, within(1e-5));
    assertThat(shares.parts().get(0).probability()).as("the maximum over the windows, as the evaluation")
        .isCloseTo(Arrays.stream(time).max().orElseThrow(), within(1e-5));
    assertThat(shares.parts().get(1).probability()).isCloseTo(Arrays.stream(fft).max().orElseThrow(), within(1e-5));
    double[] fused = shares.fusedWindows();
    assertThat(fused).hasSize(target.windows());
    for (int w = 0; w < fused.length; w++) {
      assertThat(fused[w]).isCloseTo((time[w] + fft[w]) / 2, within(1e-5));
    }
    assertThat(shares.fused()).isCloseTo(Arrays.stream(fused).max().orElseThrow(), within(1e-9));
    assertThat(shares.output()).contains("combined by their max");
  }

  @Test
  void aWeightedFusionWeighsTheBranchesByItsFittedWeights() {
    int classes = weighted.context().model().classes().size();
    float[] weights = new float[2 * classes];                                       // [branches, classes]
    for (int c = 0; c < classes; c++) {
      weights[c] = 0.8f;
      weights[classes + c] = 0.2f;
    }
    weighted.assignFitted(Map.of(LateFusion.WEIGHTS, weights));
    ExplainTarget target = weighted.target(new int[] {150}, 0);
    PartShares shares = PartShares.of(weighted.context(), target, gradientTimesInput(weighted, target)).orElseThrow();
    assertThat(shares.output()).contains("window at sample 150");
    assertThat(shares.fused()).isCloseTo(0.8 * shares.parts().get(0).probability()
        + 0.2 * shares.parts().get(1).probability(), within(1e-5));
    assertThat(shares.fused()).isNotCloseTo((shares.parts().get(0).probability()
        + shares.parts().get(1).probability()) / 2, within(1e-5));
  }

  @Test
  void theSharesOfAGradientExplanationAreEachBranchsOwnRelevanceAndSumToOne() {
    int label = 1;
    ExplainTarget target = average.target(new int[] {100}, label);
    PartShares shares = PartShares.of(average.context(), target, gradientTimesInput(average, target)).orElseThrow();
    assertThat(shares.sharesAvailable()).isTrue();
    assertThat(shares.notes()).isEmpty();
    assertThat(shares.parts().stream().mapToDouble(PartShares.Part::share).sum()).isCloseTo(1, within(1e-9));
    assertThat(shares.parts()).allSatisfy(part -> assertThat(part.share()).isBetween(0.0, 1.0));

    // the fused probability is the branches' mean: its gradient on a branch's input is half the branch's own
    double time = absoluteSum(gradientTimesInput(timeAlone, target));
    double fft = absoluteSum(gradientTimesInput(fftAlone, target));
    assertThat(shares.parts().get(0).absolute()).isCloseTo(time / 2, within(1e-4 * time));
    assertThat(shares.parts().get(1).absolute()).isCloseTo(fft / 2, within(1e-4 * fft));
    assertThat(shares.parts().get(0).share()).isCloseTo(time / (time + fft), within(1e-4));
    assertThat(shares.summary()).startsWith("B: fused ").contains("time ").contains("% of |relevance|, signed ")
        .contains(", fft ");
  }

  @Test
  void theSharesWeighTheRecordsWindowsAsTheEvaluationScoresIt() {
    ExplainTarget target = record(average, 0);
    int windows = target.windows();
    double[] fused = PartShares.of(average.context(), target, gradientTimesInput(average, target)).orElseThrow()
        .fusedWindows();
    int best = 0;
    for (int w = 1; w < windows; w++) {
      best = fused[w] > fused[best] ? w : best;
    }
    // every window but the highest-scoring one puts all relevance on time; that one puts 1 on each time value, −3 on fft's
    Map<String, float[][]> inputs = new LinkedHashMap<>();
    Map<String, ExampleShape> shapes = average.context().inputs().stream()
        .collect(Collectors.toMap(InputView::name, InputView::shape));
    float[][] time = new float[windows][shapes.get("time").size()];
    float[][] fft = new float[windows][shapes.get("fft").size()];
    for (int w = 0; w < windows; w++) {
      Arrays.fill(time[w], 1);
      Arrays.fill(fft[w], w == best ? -3 : 0);
    }
    inputs.put("time", time);
    inputs.put("fft", fft);
    Explanation crafted = new Explanation("crafted", 0, fused[best], target.windowStarts(), inputs, null, List.of(),
        Map.of());
    PartShares shares = PartShares.of(average.context(), target, crafted).orElseThrow();
    double timeMass = shapes.get("time").size();
    double fftMass = 3.0 * shapes.get("fft").size();
    assertThat(shares.parts().get(0).share()).isCloseTo(timeMass / (timeMass + fftMass), within(1e-9));
    assertThat(shares.parts().get(1).share()).isCloseTo(fftMass / (timeMass + fftMass), within(1e-9));
    assertThat(shares.parts().get(1).signed()).isCloseTo(-fftMass, within(1e-6));
    assertThat(shares.parts().get(0).signed()).isCloseTo(timeMass, within(1e-6));
  }

  @Test
  void anExplanationWithoutRelevanceOfEachInputGivesNoSharesAndSaysWhy() {
    ExplainTarget target = average.target(new int[] {0}, 1);
    Explanation explanation = gradientTimesInput(average, target);
    Map<String, Object> details = new LinkedHashMap<>(explanation.details());
    details.put(Explanation.NO_INPUT_SHARES, "this method perturbs the signal that every input is computed from");
    Explanation perturbation = new Explanation("perturbation", 1, explanation.score(), target.windowStarts(),
        explanation.inputs(), null, List.of(), details);
    PartShares shares = PartShares.of(average.context(), target, perturbation).orElseThrow();
    assertThat(shares.sharesAvailable()).isFalse();
    assertThat(shares.parts()).allSatisfy(part -> {
      assertThat(part.share()).isNaN();
      assertThat(part.probability()).isBetween(0.0, 1.0);
    });
    assertThat(shares.notes()).singleElement().asString()
        .isEqualTo("the parts' shares of the explanation are not available: this method perturbs the signal that every "
            + "input is computed from");
    assertThat(shares.summary()).endsWith("; shares of the relevance not available");
    assertThat(PartShares.markdown(List.of(shares))).contains("| time | fft |").doesNotContain("%");

    Explanation zeros = new Explanation("nothing", 1, explanation.score(), target.windowStarts(), Map.of(
        "time", new float[1][shapeSize(average, "time")], "fft", new float[1][shapeSize(average, "fft")]), null,
        List.of(), Map.of());
    assertThat(PartShares.of(average.context(), target, zeros).orElseThrow().notes()).singleElement().asString()
        .contains("no relevance to the inputs of the parts");
  }

  @Test
  void aModelNotMadeOfPartsHasNone() {
    ExplainTarget target = timeAlone.target(new int[] {0}, 1);
    assertThat(PartShares.of(timeAlone.context(), target, gradientTimesInput(timeAlone, target))).isEmpty();
    assertThat(timeAlone.context().model().predictParts(windows(timeAlone, target))).isEmpty();
  }

  @Test
  void theJsonAndMarkdownNameTheBranches() {
    ExplainTarget target = average.target(new int[] {0}, 1);
    PartShares shares = PartShares.of(average.context(), target, gradientTimesInput(average, target)).orElseThrow();
    Config json = Json.parse(Json.pretty(shares.toJson()));
    assertThat(json.getDouble("parts.time.relevance_share") + json.getDouble("parts.fft.relevance_share"))
        .isCloseTo(1, within(1e-9));
    assertThat(json.getDouble("fused_probability")).isCloseTo(shares.fused(), within(1e-12));
    assertThat(json.getBoolean("shares_available")).isTrue();
    String markdown = PartShares.markdown(List.of(shares));
    assertThat(markdown).contains("| record | class | fused | time | fft |")
        .containsPattern("\\| " + Pattern.quote(target.recordId()) + " \\| B \\| 0\\.\\d{3} \\| 0\\.\\d{3} · \\d+% \\([+-][0-9.e-]+\\) \\|");
  }

  private static int shapeSize(ExplainerFixture fixture, String input) {
    return fixture.context().inputs().stream().filter(view -> view.name().equals(input)).findFirst().orElseThrow()
        .shape().size();
  }

  private static double absoluteSum(Explanation explanation) {
    double sum = 0;
    for (float[][] windows : explanation.inputs().values()) {
      for (float[] window : windows) {
        for (float value : window) {
          sum += Math.abs(value);
        }
      }
    }
    return sum;
  }

  /** Gradient × input of the class's probability on every window and input: each input's relevance its own. */
  private static Explanation gradientTimesInput(ExplainerFixture fixture, ExplainTarget target) {
    ExplainerContext context = fixture.context();
    Examples examples = windows(fixture, target);
    int[] labels = new int[target.windows()];
    Arrays.fill(labels, target.label());
    Examples gradients = context.model().gradients(examples, labels, ModelHandle.Output.PROBABILITY);
    Map<String, float[][]> relevance = new LinkedHashMap<>();
    for (String input : examples.shapes().keySet()) {
      float[][] perWindow = new float[target.windows()][];
      for (int w = 0; w < target.windows(); w++) {
        float[] x = examples.example(input, w);
        float[] g = gradients.example(input, w);
        for (int i = 0; i < x.length; i++) {
          x[i] *= g[i];
        }
        perWindow[w] = x;
      }
      relevance.put(input, perWindow);
    }
    return new Explanation("gradient × input", target.label(), 0, target.windowStarts(), relevance, null, List.of(),
        Map.of());
  }

  /** The window's samples times {@code scale}, {@code [1, window, leads]}. */
  private record Scaled(float scale) implements Representation {
    @Override
    public ExampleShape shape(SignalFormat format, int windowSamples) {
      return new ExampleShape(1, windowSamples, format.channels());
    }

    @Override
    public FittedRepresentation fit(RecordSet training, FitContext context) {
      return new Fitted(shape(context.format(), context.windowSamples()), scale);
    }

    @Override
    public FittedRepresentation restore(Config state, FitContext context) {
      return fit(null, context);
    }
  }

  private record Fitted(ExampleShape shape, float scale) implements FittedRepresentation, SignalProjection {
    @Override
    public void encode(RecordWindow window, float[] out, int offset) {
      int values = window.length() * shape.channels();
      for (int i = 0; i < values; i++) {
        out[offset + i] = scale * window.signal()[window.start() * shape.channels() + i];
      }
    }

    @Override
    public Map<String, Object> state() {
      return Map.of("scale", scale);
    }

    @Override
    public float[] toSignal(float[] relevance, int windowSamples) {
      float[] out = relevance.clone();
      for (int i = 0; i < out.length; i++) {
        out[i] *= scale;
      }
      return out;
    }
  }
}
