package org.sinus.engine.run;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.util.Json;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.train.FittedInputs;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.TrainingSession;
import org.sinus.engine.train.TrainingSettings;

/**
 * A finished run's model opened for use on new recordings, without its training data: the
 * experiment as it was resolved, the model's {@link ModelFormat}, the representations restored from
 * their saved state and a session with the selected weights. What {@code sinus predict} and
 * {@code sinus export} work on. Close it to free the session.
 */
public final class RunModel implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RunModel.class.getName());

  private final RunDirectory run;
  private final ExperimentSetup setup;
  private final ModelFormat format;
  private final Config representationState;
  private final DataContext dataContext;
  private final ModelGraph graph;
  private final TrainingSession session;
  private final Map<Integer, FittedInputs> inputsByLength = new HashMap<>();
  private EcgDataset trainingData;

  private RunModel(RunDirectory run, ExperimentSetup setup, ModelFormat format, Config representationState,
                   DataContext dataContext, FittedInputs inputs, ModelGraph graph, TrainingSession session) {
    this.run = run;
    this.setup = setup;
    this.format = format;
    this.representationState = representationState;
    this.dataContext = dataContext;
    this.graph = graph;
    this.session = session;
    inputsByLength.put(format.format().samples(), inputs);
  }

  /**
   * Opens the model of the run in {@code runDir}; fails with exit code 5 if it has none. A run
   * whose {@code model.json} predates the recorded format has its data loaded once to learn it.
   *
   * @param overrides machine-local settings given anew on this machine ({@code dataset.path=...})
   */
  public static RunModel open(Path runDir, PluginRegistry registry, DataContext dataContext, List<String> overrides) {
    RunDirectory run = RunDirectory.open(runDir);
    requireModel(run);
    ExperimentSetup setup = RunSetup.of(run, registry, overrides, "predict");
    Config info = Json.parse(run.readString(RunDirectory.MODEL + "/" + TrainedRun.MODEL_INFO));
    ModelFormat format;
    if (info.hasPath("format")) {
      format = ModelFormat.fromJson(info.getConfig("format"));
    } else {
      LOG.info(run + " was trained before model.json recorded the model's format: reading it from the run's data");
      try (EcgDataset data = setup.dataset().load(dataContext)) {
        format = ModelFormat.of(setup, data);
      }
    }
    Config state = Json.parse(run.readString(ExperimentRunner.REPRESENTATION_STATE));
    FittedInputs inputs = InputFitting.restore(setup, state, format.fitContext(format.format().samples(), dataContext));
    ModelGraph graph = ModelGraph.buildForInference(setup.model(), inputs.shapes(), format.classes().size(),
        format.multiLabel(), setup.experiment().seed());
    try {
      TrainingSession session = session(setup, graph, run);
      return new RunModel(run, setup, format, state, dataContext, inputs, graph, session);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Fails with exit code 5 unless the run saved a trained model. */
  static void requireModel(RunDirectory run) {
    if (!Files.exists(run.resolve(RunDirectory.MODEL).resolve(TrainedRun.MODEL_INFO))) {
      throw new SinusException(ExitCode.RUN, run + " has no trained model (" + RunDirectory.MODEL + "/"
          + TrainedRun.MODEL_INFO + " is missing): did its training finish? Resume it with sinus train --resume " + run);
    }
  }

  /** A session of {@code graph} with the weights the run selected, at the run's precision. */
  static TrainingSession session(ExperimentSetup setup, ModelGraph graph, RunDirectory run) {
    TrainingSettings training = setup.training();
    TrainingSession session = new TrainingSession(graph, training.threads(), TrainingSession.useBf16(training.precision()));
    Path variables = run.resolve(RunDirectory.MODEL).resolve(TrainedRun.VARIABLES);
    try {
      session.restore(variables);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
    LOG.fine("opened " + run + ": model restored from " + variables);
    return session;
  }

  public RunDirectory run() {
    return run;
  }

  public ExperimentSetup setup() {
    return setup;
  }

  public ModelFormat format() {
    return format;
  }

  public ModelGraph graph() {
    return graph;
  }

  public TrainingSession session() {
    return session;
  }

  /**
   * The model's inputs for records of {@code samples} samples (at the model's rate, in its leads):
   * its representations restored from the run's saved state for that length.
   *
   * @throws IllegalArgumentException if the model cannot read records of that length (shorter than
   *     its window, or another length than its training records where it reads them whole)
   */
  public synchronized FittedInputs inputs(int samples) {
    if (samples < format.scoring().windowSamples()) {
      throw new IllegalArgumentException("records of " + samples + " samples are shorter than the model's window of "
          + format.scoring().windowSamples());
    }
    if (!format.anyLength() && samples != format.format().samples()) {
      throw new IllegalArgumentException("the model reads whole records of " + format.format().samples()
          + " samples, not " + samples);
    }
    return inputsByLength.computeIfAbsent(samples,
        length -> InputFitting.restore(setup, representationState, format.fitContext(length, dataContext)));
  }

  /**
   * The run's dataset, loaded on first use (from where this machine has it, e.g. {@code $SINUS_PTBXL}):
   * only explainers that draw background records from the training split need it.
   *
   * @throws SinusException naming what is missing if the data cannot be loaded here
   */
  public synchronized EcgDataset trainingData() {
    if (trainingData == null) {
      try {
        trainingData = setup.dataset().load(dataContext);
      } catch (SinusException e) {
        throw new SinusException(e.exitCode(), "the run's training data is needed (background records of the "
            + "explainer) but cannot be loaded here: " + e.getMessage(), e);
      }
    }
    return trainingData;
  }

  @Override
  public synchronized void close() {
    session.close();
    graph.close();
    if (trainingData != null) {
      trainingData.close();
    }
  }
}
