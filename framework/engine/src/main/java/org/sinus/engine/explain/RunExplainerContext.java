package org.sinus.engine.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.data.Split;
import org.sinus.api.data.Windows;
import org.sinus.api.explain.Background;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.InputView;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordWindow;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.run.ModelFormat;
import org.sinus.engine.run.RunModel;
import org.sinus.engine.run.TrainedRun;
import org.sinus.engine.train.FittedInputs;
import org.sinus.engine.train.TrainingSession;

/**
 * The explainer context of a trained model: background records are drawn from the training split
 * of its dataset only.
 */
public final class RunExplainerContext implements ExplainerContext {
  private final ModelHandle model;
  private final FittedInputs inputs;
  private final RecordScoring scoring;
  private final SignalFormat format;
  private final BackgroundSource backgrounds;

  /** Where background examples come from: {@code count} windows of training records, drawn with {@code seed}. */
  @FunctionalInterface
  public interface BackgroundSource {
    Background draw(int count, long seed);
  }

  /** Model calls are sent to the session in batches of at most this many examples. */
  static final int BATCH = 256;

  /**
   * The context of a trained run whose model is {@code session}: the run's own weights
   * ({@link TrainedRun#session()}) or others of the same graph (e.g. its untrained ones).
   */
  public static RunExplainerContext of(TrainedRun trained, TrainingSession session) {
    EcgDataset data = trained.data();
    return new RunExplainerContext(new SessionModelHandle(session, data.labels().classes(), BATCH), trained.inputs(),
        data, trained.scoring());
  }

  /**
   * The context of a run's model for new recordings of {@code samples} samples (in the model's
   * format): background records come from the run's training data, loaded when an explainer first
   * asks for them.
   */
  public static RunExplainerContext of(RunModel model, int samples) {
    ModelFormat format = model.format();
    SignalFormat recordings = new SignalFormat(format.format().samplingRate(), samples, format.format().leads());
    return new RunExplainerContext(new SessionModelHandle(model.session(), format.classes(), BATCH),
        model.inputs(samples), recordings, format.scoring(), (count, seed) -> trainingBackground(
            model.inputs(format.format().samples()), model.trainingData(), format.scoring(), count, seed));
  }

  public RunExplainerContext(ModelHandle model, FittedInputs inputs, EcgDataset data, RecordScoring scoring) {
    this(model, inputs, DatasetRecords.formatOf(data), scoring,
        (count, seed) -> trainingBackground(inputs, data, scoring, count, seed));
  }

  /**
   * @param inputs the representations for records of {@code format}
   * @param format the records explained: their sampling rate, length and leads
   * @param backgrounds where background examples come from
   */
  public RunExplainerContext(ModelHandle model, FittedInputs inputs, SignalFormat format, RecordScoring scoring,
                             BackgroundSource backgrounds) {
    this.model = model;
    this.inputs = inputs;
    this.format = format;
    this.scoring = scoring;
    this.backgrounds = backgrounds;
  }

  @Override
  public ModelHandle model() {
    return model;
  }

  @Override
  public List<InputView> inputs() {
    List<InputView> views = new ArrayList<>();
    for (String name : inputs.names()) {
      views.add(new InputView(name, inputs.shapes().get(name), inputs.get(name)));
    }
    return views;
  }

  @Override
  public SignalFormat format() {
    return format;
  }

  @Override
  public RecordScoring scoring() {
    return scoring;
  }

  @Override
  public Examples encode(float[][] signals, int[] starts) {
    return encode(inputs, signals, null, starts, scoring.windowSamples());
  }

  /**
   * Encodes windows through every input's representation.
   *
   * @param indices the dataset index of each signal when it is an unchanged dataset record, or null
   */
  static Examples encode(FittedInputs inputs, float[][] signals, int[] indices, int[] starts, int windowSamples) {
    if (signals.length != starts.length) {
      throw new IllegalArgumentException(signals.length + " signals but " + starts.length + " window starts");
    }
    Map<String, ExampleShape> shapes = inputs.shapes();
    Examples examples = Examples.zeros(shapes, signals.length);
    for (String name : inputs.names()) {
      FittedRepresentation representation = inputs.get(name);
      float[] out = examples.values().get(name);
      int size = shapes.get(name).size();
      for (int i = 0; i < signals.length; i++) {
        int index = indices == null ? -1 : indices[i];
        representation.encode(new RecordWindow(index, signals[i], starts[i], windowSamples), out, i * size);
      }
    }
    return examples;
  }

  @Override
  public Background background(int count, long seed) {
    return backgrounds.draw(count, seed);
  }

  /**
   * {@code count} windows of training records of {@code data} (shuffled with {@code seed}), encoded
   * by {@code inputs} (the representations for the dataset's records).
   */
  public static Background trainingBackground(FittedInputs inputs, EcgDataset data, RecordScoring scoring, int count,
                                              long seed) {
    int[] train = data.indices(Split.TRAIN);
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = train.clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int n = Math.min(count, order.length);
    float[][] records = new float[n][];
    int[] indices = new int[n];
    int[] starts = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = order[i];
      records[i] = data.signals().read(order[i]);
      starts[i] = Windows.randomStart(random, data.samples(), scoring.windowSamples());
    }
    return new Background(records, starts, encode(inputs, records, indices, starts, scoring.windowSamples()));
  }
}
