package org.sinus.engine.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.Origins;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.model.PretrainedPart;
import org.sinus.api.util.Json;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.TrainingSession;
import org.sinus.engine.train.TrainingSettings;

/**
 * The trained runs that parts of a model start from ({@link PretrainedPart}): a run is refused
 * unless it is complete, its blocks are configured as this experiment's, and it was trained on
 * the same records, folds, labels and classes with windows of the same length. Then each part's
 * representation state and weights come from its run.
 */
final class PretrainedRuns {
  private PretrainedRuns() {}

  /**
   * What can be checked from the settings alone (for {@code sinus validate}): every run exists,
   * holds a model, and configures the part's blocks as this experiment does.
   */
  static void checkSettings(ExperimentSetup setup) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (PretrainedPart part : setup.model().pretrained()) {
      RunDirectory run;
      try {
        run = RunDirectory.open(part.run());
      } catch (RuntimeException e) {
        problems.add(problem(setup, part, "no run directory at " + part.run()));
        continue;
      }
      if (!Files.isRegularFile(run.resolve(RunDirectory.MODEL).resolve(TrainedRun.MODEL_INFO))) {
        problems.add(problem(setup, part, run + " has no trained model (did its training finish?)"));
        continue;
      }
      Config theirs = ConfigFactory.parseString(run.readString(RunDirectory.EXPERIMENT)).resolve();
      Config ours = setup.experiment().config();
      part.blocks().forEach((runBlock, ourBlock) -> {
        List<String> differences = differences(theirs.hasPath(runBlock) ? theirs.getConfig(runBlock) : ConfigFactory.empty(),
            ours.hasPath(ourBlock) ? ours.getConfig(ourBlock) : ConfigFactory.empty());
        if (!differences.isEmpty()) {
          problems.add(problem(setup, part, ourBlock + " must be configured as the run's " + runBlock + " block, but "
              + String.join("; ", differences)));
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems, "Invalid experiment configuration: parts from trained runs");
    }
  }

  /**
   * What needs the data: every run was trained on these records, folds, labels and classes, with
   * windows of {@code windowSamples}; returns each part input's representation state.
   */
  static Map<String, Config> checkData(ExperimentSetup setup, EcgDataset data, int windowSamples) {
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, Config> states = new LinkedHashMap<>();
    for (PretrainedPart part : setup.model().pretrained()) {
      RunDirectory run = RunDirectory.open(part.run());
      Config provenance = Json.parse(run.readString(RunDirectory.PROVENANCE));
      Config model = Json.parse(run.readString(RunDirectory.MODEL + "/" + TrainedRun.MODEL_INFO));
      List<String> mismatches = new ArrayList<>();
      compare(mismatches, "classes", provenance.getStringList("data.classes"), data.labels().classes());
      compare(mismatches, "data fingerprint (record ids, folds, labels)", provenance.getString("data.fingerprint"),
          data.fingerprint());
      for (Split split : Split.values()) {
        compare(mismatches, split.id() + " records", provenance.getInt("data." + split.id() + "_records"),
            data.indices(split).length);
      }
      compare(mismatches, "window samples", model.getInt("window_samples"), windowSamples);
      if (!mismatches.isEmpty()) {
        problems.add(problem(setup, part, run + " was trained on other data: " + String.join("; ", mismatches)));
        continue;
      }
      Config state = Json.parse(run.readString(ExperimentRunner.REPRESENTATION_STATE));
      String key = state.hasPath(ConfigUtil.quoteString(part.input())) ? part.input()
          : state.root().size() == 1 ? state.root().keySet().iterator().next() : null;
      if (key == null) {
        problems.add(problem(setup, part, run + " has no representation state for input '" + part.input()
            + "' (it has " + state.root().keySet() + ")"));
        continue;
      }
      states.put(part.input(), state.getConfig(ConfigUtil.quoteString(key)));
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems, "Invalid experiment configuration: parts from trained runs");
    }
    return states;
  }

  /**
   * Loads every part's weights from its run into the session: the run's model is built alone, as
   * its run built it, restored from the run's {@code model/}, and its variables' values copied into
   * the part's scope.
   */
  static void loadWeights(ExperimentSetup setup, PluginRegistry registry, TrainingSession session, EcgDataset data) {
    for (PretrainedPart part : setup.model().pretrained()) {
      RunDirectory run = RunDirectory.open(part.run());
      ExperimentSetup theirs = RunSetup.of(run, registry, List.of(), "train");
      if (!theirs.model().representations().isEmpty()) {
        throw new ConfigException(List.of(problem(setup, part, run + " is a model of several inputs; a part must come "
            + "from a run of one representation and one model")), "Invalid experiment configuration");
      }
      TrainingSettings.OptimizerSettings optimizer = theirs.training().optimizer();
      try (ModelGraph alone = ModelGraph.build(theirs.model(), session.graph().shapes().get(part.input()),
          data.labels().size(), data.labels().multiLabel(), optimizer.beta2(), optimizer.epsilon(),
          optimizer.weightDecay(), theirs.experiment().seed());
           TrainingSession trained = new TrainingSession(alone, theirs.training().threads(), false)) {
        trained.restore(run.resolve(RunDirectory.MODEL).resolve(TrainedRun.VARIABLES));
        session.loadPart(part.scope(), trained.variableValues());
      }
    }
  }

  /** Which runs the parts came from, with the commit each was built from, for the provenance. */
  static List<Map<String, Object>> provenance(ExperimentSetup setup) {
    List<Map<String, Object>> parts = new ArrayList<>();
    for (PretrainedPart part : setup.model().pretrained()) {
      RunDirectory run = RunDirectory.open(part.run());
      Config provenance = Json.parse(run.readString(RunDirectory.PROVENANCE));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("scope", part.scope());
      entry.put("input", part.input());
      entry.put("run", run.path().toString());
      entry.put("frozen_epochs", part.frozenEpochs() == PretrainedPart.ALWAYS ? "always" : part.frozenEpochs());
      for (String key : List.of("sinus.git_commit", "sinus.version", "seed", "data.fingerprint")) {
        if (provenance.hasPath(key)) {
          entry.put(key.replace('.', '_'), provenance.getAnyRef(key));
        }
      }
      parts.add(entry);
    }
    return parts;
  }

  private static void compare(List<String> mismatches, String what, Object theirs, Object ours) {
    if (!Objects.equals(theirs, ours)) {
      mismatches.add(what + " " + theirs + " in the run, " + ours + " here");
    }
  }

  /** The keys whose values differ between two blocks, as {@code key: a in the run, b here}. */
  static List<String> differences(Config theirs, Config ours) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>();
    theirs.entrySet().forEach(entry -> keys.add(entry.getKey()));
    ours.entrySet().forEach(entry -> keys.add(entry.getKey()));
    for (String key : keys) {
      Object a = theirs.hasPath(key) ? theirs.getValue(key).unwrapped() : null;
      Object b = ours.hasPath(key) ? ours.getValue(key).unwrapped() : null;
      if (!Objects.equals(a, b)) {
        differences.add(key + ": " + render(a) + " in the run, " + render(b) + " here");
      }
    }
    return differences;
  }

  private static String render(Object value) {
    return value == null ? "(not set)" : value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  private static ConfigProblem problem(ExperimentSetup setup, PretrainedPart part, String message) {
    Config config = setup.experiment().config();
    String location = config.hasPath(part.key()) ? Origins.describe(config.getValue(part.key()).origin())
        : setup.location("model");
    return new ConfigProblem(part.key(), location, message);
  }
}
