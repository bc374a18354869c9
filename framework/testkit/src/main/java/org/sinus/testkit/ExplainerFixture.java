package org.sinus.testkit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Representation;
import org.sinus.engine.explain.RunExplainerContext;
import org.sinus.engine.explain.SessionModelHandle;
import org.sinus.engine.train.FittedInputs;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.TrainingSession;

/**
 * A model with its initial (seeded, untrained) weights in a session, with the explainer context a
 * run would give an explainer: a random 12-lead dataset ({@link TestDatasets#random}, 20 records,
 * seed 3), a representation fitted on its training split, the model's one input, and records
 * scored over windows at half a window's stride with the maximum. For tests of explainers; close
 * it after use. A model of several inputs gets one representation for each
 * ({@link #of(Model, Map, int, int, int, Path)}).
 *
 * <pre>{@code
 * try (ExplainerFixture fixture = ExplainerFixture.of(TestModels.small(), cache)) {
 *   Explanation e = explainer.explain(fixture.context(), fixture.target(new int[] {100}, 1));
 * }
 * }</pre>
 */
public final class ExplainerFixture implements AutoCloseable {
  private final EcgDataset data;
  private final ModelGraph graph;
  private final TrainingSession session;
  private final RunExplainerContext context;

  private ExplainerFixture(Model model, Map<String, Representation> representations, int samples, int samplingRate,
                           int window, int batch, Path cache) {
    data = TestDatasets.random(20, samples, samplingRate, 3);
    Map<String, FittedRepresentation> fitted = new LinkedHashMap<>();
    representations.forEach((name, representation) -> fitted.put(name, Fitting.fit(representation, data, window,
        TestDatasets.context(cache))));
    FittedInputs inputs = new FittedInputs(fitted);
    RecordScoring scoring = new RecordScoring(window, window / 2, RecordScoring.Aggregate.MAX);
    graph = ModelGraph.build(model, inputs.shapes(), data.labels().size(), true, 0.99, 1e-8, 0, 1);
    try {
      session = new TrainingSession(graph, ModelChecks.THREADS, false);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    context = new RunExplainerContext(new SessionModelHandle(session, data.labels().classes(), batch), inputs, data,
        scoring);
  }

  /** {@code model} on the raw signal ({@link RawSignal}) of records of 400 samples at 100 Hz, windows of 100. */
  public static ExplainerFixture of(Model model, Path cache) {
    return of(model, new RawSignal(), 400, 100, 100, cache);
  }

  /**
   * {@code model} on {@code representation} of records of {@code samples} samples at
   * {@code samplingRate} Hz, windows of {@code window} samples.
   *
   * @param cache the representation's cache directory
   */
  public static ExplainerFixture of(Model model, Representation representation, int samples, int samplingRate,
                                    int window, Path cache) {
    return of(model, Map.of(ModelInputs.SINGLE, representation), samples, samplingRate, window, cache);
  }

  /**
   * A model of several inputs ({@link Model#representations()}, e.g. a fusion's branches): each
   * input made by its representation, in the map's order, of records of {@code samples} samples at
   * {@code samplingRate} Hz, windows of {@code window} samples.
   */
  public static ExplainerFixture of(Model model, Map<String, Representation> representations, int samples,
                                    int samplingRate, int window, Path cache) {
    return new ExplainerFixture(model, representations, samples, samplingRate, window, 64, cache);
  }

  /**
   * Sets the weights of the model's part built in {@code scope} (a part the model starts from a
   * trained run, {@link Model#pretrained()}) to those of {@code alone}'s model, as a run of that
   * model alone would give them.
   */
  public void loadPart(String scope, ExplainerFixture alone) {
    session.loadPart(scope, alone.session.variableValues());
  }

  /** Sets the model's fitted variables (e.g. a fusion's weights) by name. */
  public void assignFitted(Map<String, float[]> values) {
    session.assignFitted(values);
  }

  /**
   * As {@link #of(Model, Representation, int, int, int, Path)}, with the model handle sending at
   * most {@code batch} examples to the session at a time (64 above; {@code sinus explain} uses 256),
   * e.g. for benchmarks.
   */
  public static ExplainerFixture of(Model model, Representation representation, int samples, int samplingRate,
                                    int window, int batch, Path cache) {
    return new ExplainerFixture(model, Map.of(ModelInputs.SINGLE, representation), samples, samplingRate, window, batch,
        cache);
  }

  /** What the explainer may use. */
  public ExplainerContext context() {
    return context;
  }

  /** The dataset the context draws its background from. */
  public EcgDataset data() {
    return data;
  }

  /** Class {@code label} of the first test record, for the windows starting at {@code starts}; seed 5. */
  public ExplainTarget target(int[] starts, int label) {
    int record = data.indices(Split.TEST)[0];
    return new ExplainTarget(data.record(record).id(), data.signals().read(record), starts, label, 5);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
