package org.sinus.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.util.Json;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.train.ExampleEncoder;
import org.sinus.engine.train.FittedInputs;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.SplitPredictor;
import org.sinus.engine.train.TrainingSession;
import org.sinus.engine.train.TrainingSettings;

/**
 * A finished run opened for using its model: the experiment as it was resolved, its data, the
 * representations restored from their saved state, and a session with the selected weights.
 * What {@code sinus evaluate} and {@code sinus explain} work on. Close it to free the data and the session.
 */
public final class TrainedRun implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TrainedRun.class.getName());
  static final String MODEL_INFO = "model.json";
  static final String VARIABLES = "variables";

  private final RunDirectory run;
  private final ExperimentSetup setup;
  private final EcgDataset data;
  private final FittedInputs inputs;
  private final ExampleEncoder encoder;
  private final ModelGraph graph;
  private final TrainingSession session;

  private TrainedRun(RunDirectory run, ExperimentSetup setup, EcgDataset data, FittedInputs inputs,
                     ExampleEncoder encoder, ModelGraph graph, TrainingSession session) {
    this.run = run;
    this.setup = setup;
    this.data = data;
    this.inputs = inputs;
    this.encoder = encoder;
    this.graph = graph;
    this.session = session;
  }

  /**
   * Opens the run in {@code runDir}; fails with exit code 5 if it has no trained model.
   *
   * @param overrides machine-local settings given anew on this machine ({@code dataset.path=...})
   */
  public static TrainedRun open(Path runDir, PluginRegistry registry, DataContext dataContext, List<String> overrides) {
    RunDirectory run = RunDirectory.open(runDir);
    RunModel.requireModel(run);
    ExperimentSetup setup = RunSetup.of(run, registry, overrides, "evaluate");
    EcgDataset data = setup.dataset().load(dataContext);
    ModelGraph graph = null;
    try {
      FittedInputs inputs = InputFitting.restore(setup,
          Json.parse(run.readString(ExperimentRunner.REPRESENTATION_STATE)), InputFitting.context(setup, data, dataContext));
      TrainingSettings training = setup.training();
      ExampleEncoder encoder = new ExampleEncoder(data, inputs, training.windowSamples(data.samplingRate(), data.samples()));
      graph = ModelGraph.buildForInference(setup.model(), inputs.shapes(), data.labels().size(),
          data.labels().multiLabel(), setup.experiment().seed());
      TrainingSession session = RunModel.session(setup, graph, run);
      return new TrainedRun(run, setup, data, inputs, encoder, graph, session);
    } catch (RuntimeException e) {
      if (graph != null) {
        graph.close();
      }
      data.close();
      throw e;
    }
  }

  public RunDirectory run() {
    return run;
  }

  public ExperimentSetup setup() {
    return setup;
  }

  public EcgDataset data() {
    return data;
  }

  public FittedInputs inputs() {
    return inputs;
  }

  public ExampleEncoder encoder() {
    return encoder;
  }

  public TrainingSession session() {
    return session;
  }

  /**
   * A second session of the same model with the weights it started from instead of the trained
   * ones (the model-randomisation check of explanations); the caller closes it.
   */
  public TrainingSession untrainedSession() {
    return new TrainingSession(graph, setup.training().threads(), session.bf16());
  }

  /** How records are scored from their windows, as in training and evaluation. */
  public RecordScoring scoring() {
    return setup.training().scoring(data.samplingRate(), data.samples());
  }

  /** Probabilities per record, scored over sliding windows as the evaluation does. */
  public SplitPredictor predictor() {
    return new SplitPredictor(encoder, scoring(), Math.max(256, setup.training().batchSize()));
  }

  @Override
  public void close() {
    session.close();
    graph.close();
    data.close();
  }
}
