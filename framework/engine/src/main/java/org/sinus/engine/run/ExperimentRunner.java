package org.sinus.engine.run;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.representation.FitContext;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.data.DataReport;
import org.sinus.engine.eval.EvaluationReport;
import org.sinus.engine.eval.Evaluator;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.tensorboard.TensorBoardLog;
import org.sinus.engine.train.Checkpoints;
import org.sinus.engine.train.ExampleEncoder;
import org.sinus.engine.train.FittedInputs;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.Trainer;
import org.sinus.engine.train.TrainerState;
import org.sinus.engine.train.TrainingSession;
import org.sinus.engine.train.TrainingSettings;
import org.sinus.engine.util.FileTrees;

/**
 * Runs experiments end to end: creates the run directory, loads the data, fits the representation
 * on the training split, builds and trains the model, and evaluates it; resumes a killed run from
 * its last checkpoint; re-evaluates a finished run. This is what {@code sinus train} and
 * {@code sinus evaluate} call.
 */
public final class ExperimentRunner {
  private static final Logger LOG = Logger.getLogger(ExperimentRunner.class.getName());
  static final String REPRESENTATION_STATE = "representation-state.json";
  static final String DATA_REPORT = RunDirectory.DATA_REPORT;
  private static final String MODEL_INFO = TrainedRun.MODEL_INFO;
  private static final String VARIABLES = TrainedRun.VARIABLES;

  private final PluginRegistry registry;
  private final Progress progress;
  private final DataContext dataContext;
  private final Consumer<RunDirectory> afterRun;

  /**
   * A runner that hands each run directory to {@code afterRun} once it has trained or been evaluated
   * (or failed doing so), after its lock is released: {@code sinus train} and {@code sinus evaluate} write
   * the run's HTML report there. What {@code afterRun} throws is logged as a warning; it never hides the
   * run's own result or failure.
   */
  public ExperimentRunner(PluginRegistry registry, Progress progress, DataContext dataContext,
                          Consumer<RunDirectory> afterRun) {
    this.registry = registry;
    this.progress = progress;
    this.dataContext = dataContext;
    this.afterRun = afterRun;
  }

  /**
   * What a finished run produced.
   *
   * @param explainer the type of the experiment's explain block, which {@code sinus explain} uses
   */
  public record Result(RunDirectory run, TrainerState state, Map<Split, EvaluationReport> reports,
                       Optional<String> explainer) {}

  /** Trains an experiment in a new run directory under its {@code output.dir}. */
  public Result train(Experiment experiment) {
    return train(experiment, run -> { });
  }

  /**
   * Trains an experiment in a new run directory under its {@code output.dir}, telling {@code started} the
   * directory as soon as it holds the experiment (a sweep records it, to resume the run if it is killed).
   */
  public Result train(Experiment experiment, Consumer<RunDirectory> started) {
    ExperimentSetup setup = ExperimentSetup.create(experiment, registry);
    RunDirectory run = RunDirectory.create(setup.outputDir(), experiment.name());
    run.writeString(RunDirectory.EXPERIMENT, setup.experiment().render());
    started.accept(run);
    return thenAfterRun(run, () -> execute(setup, run, Optional.empty(), "run directory: " + run));
  }

  /** Continues a run whose process was killed, from its latest checkpoint; a finished run is only re-evaluated. */
  public Result resume(Path runDir, List<String> overrides) {
    RunDirectory run = RunDirectory.open(runDir);
    RunStatus status = RunStatus.of(run);
    if (status.state().equals(RunStatus.COMPLETED)) {
      throw new SinusException(ExitCode.RUN, run + " is complete; its model and evaluation stay as they are. "
          + "Evaluate it again with sinus evaluate " + run + ", or train a new run with sinus train "
          + run.resolve(RunDirectory.EXPERIMENT));
    }
    if (status.state().equals(RunStatus.RUNNING)) {
      throw new SinusException(ExitCode.RUN, run + " is being trained by another process (" + status.detail() + ")");
    }
    ExperimentSetup setup = RunSetup.of(run, registry, overrides, "train --resume");
    Optional<Checkpoints.Checkpoint> checkpoint = new Checkpoints(run.checkpoints()).latest();
    return thenAfterRun(run, () -> execute(setup, run, checkpoint, checkpoint.map(c -> "resuming " + run
        + " after epoch " + c.epoch()).orElse("no checkpoint in " + run + ": starting its training from the beginning")));
  }

  /** Does {@code work} on the run, then hands the run to {@link #afterRun}, whether the work succeeded or not. */
  private <T> T thenAfterRun(RunDirectory run, Supplier<T> work) {
    try {
      return work.get();
    } finally {
      try {
        afterRun.accept(run);
      } catch (RuntimeException e) {
        LOG.warning("after " + run + ": " + e.getMessage());
      }
    }
  }

  private Result execute(ExperimentSetup setup, RunDirectory run, Optional<Checkpoints.Checkpoint> checkpoint,
                         String startMessage) {
    Map<String, Object> status = new LinkedHashMap<>();
    try (RunLock lock = RunLock.acquire(run, "train");
         AutoCloseable log = RunLog.toFile(run.resolve(RunDirectory.LOG))) {
      LOG.info(startMessage);
      status.put("state", RunStatus.RUNNING);
      status.put("pid", ProcessHandle.current().pid());
      status.put("updated", OffsetDateTime.now().toString());
      run.writeJson(RunDirectory.STATUS, status);
      Map<String, Object> provenance = Provenance.of(setup, registry);
      try (EcgDataset data = loadData(setup, run)) {
        provenance.put("data", dataProvenance(setup, data));
        TrainingSettings training = setup.training();
        Map<String, Config> pretrainedStates = PretrainedRuns.checkData(setup, data,
            training.windowSamples(data.samplingRate(), data.samples()));
        FittedInputs inputs = prepareInputs(setup, data, run, checkpoint.isPresent(), pretrainedStates);
        ExampleEncoder encoder = new ExampleEncoder(data, inputs,
            training.windowSamples(data.samplingRate(), data.samples()));
        boolean bf16 = TrainingSession.useBf16(training.precision());
        try (ModelGraph graph = buildGraph(setup, data, inputs);
             TrainingSession session = new TrainingSession(graph, training.threads(), bf16)) {
          provenance.put("training", Map.of("precision", bf16 ? "bf16" : "fp32", "precision_setting",
              training.precision().id(), "parameters", graph.variables().parameterCount(),
              "example_shape", shapes(inputs), "window_samples", encoder.windowSamples()));
          if (!setup.model().pretrained().isEmpty()) {
            provenance.put("pretrained_parts", PretrainedRuns.provenance(setup));
          }
          checkSomethingToTrain(setup, graph);
          writeProvenance(run, provenance, checkpoint);
          LOG.info(String.format("model %s: %,d parameters, input %s, %s precision",
              setup.type("model").orElse("?"), graph.variables().parameterCount(), shapes(inputs),
              bf16 ? "bf16" : "fp32"));
          TrainerState start = new TrainerState();
          if (checkpoint.isPresent()) {
            session.restore(checkpoint.get().variables());
            start = checkpoint.get().state();
          } else {
            PretrainedRuns.loadWeights(setup, registry, session, data);
          }
          TrainerState state;
          Trainer trainer;
          try (TensorBoardLog tensorboard = TensorBoardLog.open(run.path(), start)) {
            trainer = new Trainer(training, encoder, new Checkpoints(run.checkpoints()), setup.experiment().seed(),
                progress, current -> {
                  TrainingCurves.write(run, current);
                  tensorboard.log(current);
                });
            state = trainer.train(session, start);
          }
          Optional<Map<String, Object>> fusion = FusionFitter.fit(setup.model(), session, trainer.predictor(), data,
              setup.experiment().seed());
          saveModel(run, session, state, training, encoder, inputs, fusion, ModelFormat.of(setup, data));
          Map<Split, EvaluationReport> reports = RunEvaluation.evaluate(run, data, encoder, trainer.predictor(), session,
              setup.evaluation(), setup.evaluation().splits());
          status.put("state", RunStatus.COMPLETED);
          status.put("updated", OffsetDateTime.now().toString());
          status.put("epochs", state.epoch());
          reports.forEach((split, report) -> status.put(split.id() + "_macro_auc",
              report.headline(Evaluator.MACRO_AUC).value().value()));
          run.writeJson(RunDirectory.STATUS, status);
          return new Result(run, state, reports, setup.type("explain"));
        }
      }
    } catch (RuntimeException e) {
      status.put("state", RunStatus.FAILED);
      status.put("updated", OffsetDateTime.now().toString());
      status.put("error", String.valueOf(e.getMessage()));
      run.writeJson(RunDirectory.STATUS, status);
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Re-evaluates the selected weights of a finished run on the given splits. */
  public Map<Split, EvaluationReport> evaluate(Path runDir, List<Split> splits, List<String> overrides) {
    RunDirectory run = RunDirectory.open(runDir);
    return thenAfterRun(run, () -> {
      try (RunLock lock = RunLock.acquire(run, "evaluate");
           TrainedRun trained = TrainedRun.open(runDir, registry, dataContext, overrides)) {
        RunEvaluation.keepEarlier(run);
        return RunEvaluation.evaluate(trained.run(), trained.data(), trained.encoder(), trained.predictor(),
            trained.session(), trained.setup().evaluation(), splits);
      }
    });
  }

  /** Where the runs' data and caches come from, with threads and progress. */
  public DataContext dataContext() {
    return dataContext;
  }

  private EcgDataset loadData(ExperimentSetup setup, RunDirectory run) {
    EcgDataset data = setup.dataset().load(dataContext);
    DataReport report = new DataReport(data);
    run.writeString(DATA_REPORT + ".md", report.markdown());
    run.writeString(DATA_REPORT + ".json", report.json());
    LOG.info(String.format("data: %s, %d records (train %d, validation %d, test %d), %d classes %s", data.name(),
        data.size(), data.indices(Split.TRAIN).length, data.indices(Split.VALIDATION).length,
        data.indices(Split.TEST).length, data.labels().size(), data.labels().classes()));
    return data;
  }

  /**
   * Writes a new run's provenance; a resumed run keeps the provenance it started with and gets one
   * more line in {@code resumes.jsonl} instead.
   */
  private static void writeProvenance(RunDirectory run, Map<String, Object> provenance,
                                      Optional<Checkpoints.Checkpoint> checkpoint) {
    if (checkpoint.isEmpty() || !Files.exists(run.resolve(RunDirectory.PROVENANCE))) {
      run.writeJson(RunDirectory.PROVENANCE, provenance);
      return;
    }
    String earlier = Files.exists(run.resolve(RunDirectory.RESUMES)) ? run.readString(RunDirectory.RESUMES) : "";
    run.writeString(RunDirectory.RESUMES,
        earlier + Json.line(Provenance.resumption(provenance, checkpoint.get().epoch())) + "\n");
  }

  private static Map<String, Object> dataProvenance(ExperimentSetup setup, EcgDataset data) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("source", data.source());
    map.put("fingerprint", data.fingerprint());
    map.put("records", data.size());
    for (Split split : Split.values()) {
      map.put(split.id() + "_records", data.indices(split).length);
    }
    map.put("classes", data.labels().classes());
    return map;
  }

  /**
   * Fails unless every epoch has something to train (a model whose parts all come from runs and
   * stay frozen is only fitted and evaluated: {@code training.epochs = 0}).
   */
  private static void checkSomethingToTrain(ExperimentSetup setup, ModelGraph graph) {
    if (setup.training().epochs() == 0 && graph.trainsIn(1)) {
      Set<String> scopes = new TreeSet<>();
      graph.trainedNames().forEach(name -> scopes.add(name.contains("/") ? name.substring(0, name.indexOf('/')) : name));
      throw new ConfigException(new ConfigProblem("training.epochs", setup.location("model"), "0 epochs leave the "
          + "model as it is, but its variables in " + scopes + " come from no trained run and would stay random: "
          + "give those parts a trained run (from-run) or train for some epochs"));
    }
    for (int epoch = 1; epoch <= setup.training().epochs(); epoch++) {
      if (!graph.trainsIn(epoch)) {
        throw new ConfigException(new ConfigProblem("training.epochs", setup.location("model"), "the model has "
            + "nothing to train in epoch " + epoch + " (every part comes from a trained run and stays frozen): set "
            + "training.epochs = 0 to fit and evaluate it as it is, or let its parts train"));
      }
    }
  }

  /** Fits the inputs' representations on the training split, or restores a saved fit. */
  private FittedInputs prepareInputs(ExperimentSetup setup, EcgDataset data, RunDirectory run, boolean restore,
                                     Map<String, Config> pretrainedStates) {
    FitContext context = InputFitting.context(setup, data, dataContext);
    Path state = run.resolve(REPRESENTATION_STATE);
    if (restore && Files.isRegularFile(state)) {
      FittedInputs inputs = InputFitting.restore(setup, Json.parse(run.readString(REPRESENTATION_STATE)), context);
      LOG.info("representation state restored from " + state);
      return inputs;
    }
    FittedInputs inputs = InputFitting.fit(setup, data, context, pretrainedStates);
    run.writeJson(REPRESENTATION_STATE, inputs.state());
    return inputs;
  }

  private static ModelGraph buildGraph(ExperimentSetup setup, EcgDataset data, FittedInputs inputs) {
    TrainingSettings.OptimizerSettings optimizer = setup.training().optimizer();
    return ModelGraph.build(setup.model(), inputs.shapes(), data.labels().size(), data.labels().multiLabel(),
        optimizer.beta2(), optimizer.epsilon(), optimizer.weightDecay(), setup.experiment().seed());
  }

  /** The example shape of a single input ({@code [1, 250, 12]}), or of each input by name. */
  static String shapes(FittedInputs inputs) {
    return inputs.count() == 1 ? inputs.shapes().values().iterator().next().toString() : inputs.shapes().toString();
  }

  private static void saveModel(RunDirectory run, TrainingSession session, TrainerState state,
                                TrainingSettings training, ExampleEncoder encoder, FittedInputs inputs,
                                Optional<Map<String, Object>> fusion, ModelFormat format) {
    Path model = run.resolve(RunDirectory.MODEL);
    Path partial = run.resolve("." + RunDirectory.MODEL + ".partial");
    try {
      FileTrees.delete(partial);
      Files.createDirectories(partial);
      session.save(partial.resolve(VARIABLES));
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("selected", training.select().name().toLowerCase(Locale.ROOT));
      info.put("epoch", training.select() == TrainingSettings.Selection.BEST && state.bestEpoch() > 0
          ? state.bestEpoch() : state.epoch());
      info.put("epochs_trained", state.epoch());
      info.put("stopped_early", state.stoppedEarly());
      info.put("classes", encoder.data().labels().classes());
      info.put("example_shape", shapes(inputs));
      info.put("window_samples", encoder.windowSamples());
      info.put("format", format.toJson());
      Files.writeString(partial.resolve(MODEL_INFO), Json.pretty(info));
      if (fusion.isPresent()) {
        Files.writeString(partial.resolve(FusionFitter.FUSION), Json.pretty(fusion.get()));
      }
      FileTrees.delete(model);
      Files.move(partial, model, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model in " + model + ": " + e.getMessage(), e);
    }
  }

}
