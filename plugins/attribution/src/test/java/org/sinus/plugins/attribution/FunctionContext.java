package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.explain.Background;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.InputView;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.representation.SignalProjection;

/**
 * An explainer context without TensorFlow, for exact checks: 12-lead records of {@value #SAMPLES}
 * samples at {@value #RATE} Hz, windows of {@value #WINDOW} samples read as they are, and a model
 * that is a Java function of the window (the probability of class 1; class 0 gets the rest).
 * Background records are the given ones, in order.
 */
final class FunctionContext implements ExplainerContext {
  static final int RATE = 100;
  static final int SAMPLES = 400;
  static final int WINDOW = 100;
  static final int LEADS = 12;
  static final SignalFormat FORMAT = new SignalFormat(RATE, SAMPLES,
      List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"));
  private static final ExampleShape SHAPE = new ExampleShape(1, WINDOW, LEADS);

  /** The model: the probability of class 1 for a window, {@code WINDOW × LEADS} values time-major. */
  @FunctionalInterface
  interface WindowFunction {
    double probability(float[] window);
  }

  private final WindowFunction function;
  private final float[][] background;
  private final RecordScoring scoring;
  private long predicted;

  FunctionContext(WindowFunction function, float[][] background, RecordScoring.Aggregate aggregate) {
    this.function = function;
    this.background = background.clone();
    this.scoring = new RecordScoring(WINDOW, WINDOW / 2, aggregate);
  }

  /** A record of random values, reproducible from its seed. */
  static float[] record(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] signal = new float[SAMPLES * LEADS];
    for (int i = 0; i < signal.length; i++) {
      signal[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return signal;
  }

  /** Records of seeds {@code first, first + 1, ...}. */
  static float[][] records(int count, long first) {
    float[][] records = new float[count][];
    for (int i = 0; i < count; i++) {
      records[i] = record(first + i);
    }
    return records;
  }

  /** The mean of one lead over samples {@code [from, to)} of a window. */
  static double mean(float[] window, int lead, int from, int to) {
    double sum = 0;
    for (int t = from; t < to; t++) {
      sum += window[t * LEADS + lead];
    }
    return sum / (to - from);
  }

  /** The window of {@code signal} that starts at {@code start}. */
  static float[] window(float[] signal, int start) {
    return Arrays.copyOfRange(signal, start * LEADS, (start + WINDOW) * LEADS);
  }

  /** The model's output for a target as the explainers define it: the window's, or the record's score. */
  double output(float[] signal, int[] starts) {
    double[] scores = new double[starts.length];
    for (int w = 0; w < starts.length; w++) {
      scores[w] = (float) function.probability(window(signal, starts[w]));
    }
    return scoring.score(scores);
  }

  /** A target of class 1 with seed 7. */
  static ExplainTarget target(float[] signal, int... starts) {
    return new ExplainTarget("test", signal, starts, 1, 7);
  }

  /** The record's sliding windows. */
  int[] recordStarts() {
    return scoring.starts(SAMPLES);
  }

  /** Windows the model was asked for. */
  long predicted() {
    return predicted;
  }

  @Override
  public ModelHandle model() {
    return new ModelHandle() {
      @Override
      public List<String> classes() {
        return List.of("other", "target");
      }

      @Override
      public float[] predict(Examples examples) {
        float[] values = examples.values().get(ModelInputs.SINGLE);
        float[] out = new float[examples.count() * 2];
        for (int e = 0; e < examples.count(); e++) {
          double p = function.probability(Arrays.copyOfRange(values, e * SHAPE.size(), (e + 1) * SHAPE.size()));
          out[2 * e] = (float) (1 - p);
          out[2 * e + 1] = (float) p;
        }
        predicted += examples.count();
        return out;
      }

      @Override
      public Examples gradients(Examples examples, int[] labels, Output output) {
        throw new UnsupportedOperationException("a function model has no gradients");
      }
    };
  }

  @Override
  public List<InputView> inputs() {
    return List.of(new InputView(ModelInputs.SINGLE, SHAPE, new Raw()));
  }

  @Override
  public SignalFormat format() {
    return FORMAT;
  }

  @Override
  public RecordScoring scoring() {
    return scoring;
  }

  @Override
  public Examples encode(float[][] signals, int[] starts) {
    Examples examples = Examples.zeros(Map.of(ModelInputs.SINGLE, SHAPE), signals.length);
    Raw raw = new Raw();
    for (int i = 0; i < signals.length; i++) {
      raw.encode(RecordWindow.of(signals[i], starts[i], WINDOW), examples.values().get(ModelInputs.SINGLE),
          i * SHAPE.size());
    }
    return examples;
  }

  @Override
  public Background background(int count, long seed) {
    int n = Math.min(count, background.length);
    float[][] records = Arrays.copyOf(background, n);
    int[] starts = new int[n];
    return new Background(records, starts, encode(records, starts));
  }

  /** The window's samples as they are. */
  private static final class Raw implements FittedRepresentation, SignalProjection {
    @Override
    public ExampleShape shape() {
      return SHAPE;
    }

    @Override
    public void encode(RecordWindow window, float[] out, int offset) {
      System.arraycopy(window.signal(), window.start() * LEADS, out, offset, window.length() * LEADS);
    }

    @Override
    public Map<String, Object> state() {
      return Map.of();
    }

    @Override
    public float[] toSignal(float[] relevance, int windowSamples) {
      return relevance.clone();
    }
  }

  /** Coalitions' outputs computed here, independently of the explainers: v(S) for every subset S of the leads. */
  static final class LeadGame {
    private final FunctionContext context;
    private final float[] signal;
    private final int[] starts;
    private final int from;
    private final int to;

    LeadGame(FunctionContext context, float[] signal, int[] starts) {
      this.context = context;
      this.signal = signal;
      this.starts = starts.clone();
      this.from = Arrays.stream(starts).min().orElseThrow();
      this.to = Arrays.stream(starts).max().orElseThrow() + WINDOW;
    }

    /**
     * The output with the leads of {@code present} (bit l = lead l) kept and the others taken from
     * each background record over the span, averaged.
     */
    double value(int present, float[][] replacements) {
      double sum = 0;
      for (float[] replacement : replacements) {
        float[] perturbed = signal.clone();
        for (int t = from; t < to; t++) {
          for (int lead = 0; lead < LEADS; lead++) {
            if ((present & (1 << lead)) == 0) {
              perturbed[t * LEADS + lead] = replacement[t * LEADS + lead];
            }
          }
        }
        sum += context.output(perturbed, starts);
      }
      return sum / replacements.length;
    }

    /** The exact Shapley values of the 12 leads, by enumeration of all 4,096 coalitions. */
    double[] shapley(float[][] replacements) {
      double[] values = new double[1 << LEADS];
      for (int s = 0; s < values.length; s++) {
        values[s] = value(s, replacements);
      }
      double[] factorial = new double[LEADS + 1];
      factorial[0] = 1;
      for (int i = 1; i <= LEADS; i++) {
        factorial[i] = factorial[i - 1] * i;
      }
      double[] phi = new double[LEADS];
      for (int lead = 0; lead < LEADS; lead++) {
        for (int s = 0; s < values.length; s++) {
          if ((s & (1 << lead)) == 0) {
            int size = Integer.bitCount(s);
            double weight = factorial[size] * factorial[LEADS - size - 1] / factorial[LEADS];
            phi[lead] += weight * (values[s | (1 << lead)] - values[s]);
          }
        }
      }
      return phi;
    }
  }

  /** The leads' attributions of an explanation, read from its details in lead order. */
  @SuppressWarnings("unchecked")
  static double[] attributions(Explanation explanation) {
    List<Map<String, Object>> report = (List<Map<String, Object>>) explanation.details().get("attributions");
    List<Double> values = new ArrayList<>();
    report.forEach(entry -> values.add((Double) entry.get("value")));
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
