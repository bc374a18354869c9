package org.sinus.engine.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sinus.api.config.ComponentConfig;
import org.sinus.engine.config.Experiment;
import org.sinus.api.config.ProblemCollector;
import org.sinus.engine.config.TypedSlot;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.api.data.Dataset;
import org.sinus.engine.eval.EvaluationSettings;
import org.sinus.api.explain.Explainer;
import org.sinus.api.model.Model;
import org.sinus.api.plugin.ComponentFactory;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.api.representation.Representation;
import org.sinus.api.schedule.Schedule;
import org.sinus.engine.train.TrainingSettings;

/**
 * Every component of an experiment, built from its config before any work starts: the pre-flight
 * check. Building reads every setting of every block, so all bad values are reported together (as
 * one {@link org.sinus.api.config.ConfigException}) before data is loaded or a graph is built.
 */
public final class ExperimentSetup {
  private final Experiment experiment;
  private final Dataset dataset;
  private final Representation representation;
  private final Model model;
  private final Explainer explainer;
  private final TrainingSettings training;
  private final EvaluationSettings evaluation;
  private final Path outputDir;
  private final Map<String, ComponentConfig> blocks;

  private ExperimentSetup(Experiment experiment, Dataset dataset, Representation representation, Model model,
                          Explainer explainer, TrainingSettings training, EvaluationSettings evaluation,
                          Path outputDir, Map<String, ComponentConfig> blocks) {
    this.experiment = experiment;
    this.dataset = dataset;
    this.representation = representation;
    this.model = model;
    this.explainer = explainer;
    this.training = training;
    this.evaluation = evaluation;
    this.outputDir = outputDir;
    this.blocks = blocks;
  }

  /** Builds everything; throws a ConfigException listing every problem found. */
  public static ExperimentSetup create(Experiment experiment, PluginRegistry registry) {
    ProblemCollector problems = new ProblemCollector();
    Map<String, ComponentConfig> blocks = new LinkedHashMap<>();
    Map<String, Object> components = new LinkedHashMap<>();
    for (TypedSlot slot : ExperimentLoader.SLOTS) {
      Optional<String> type = experiment.type(slot.path());
      if (type.isEmpty()) {
        continue;
      }
      ComponentFactory<?> factory = registry.find(slot.point(), type.get()).orElseThrow();
      ComponentConfig block = experiment.block(slot.path(), problems);
      block.type();
      blocks.put(slot.path(), block);
      components.put(slot.path(), factory.create(block));
    }
    ComponentConfig trainingBlock = experiment.block("training", problems);
    blocks.put("training", trainingBlock);
    TrainingSettings training = TrainingSettings.read(trainingBlock, (Schedule) components.get("training.schedule"));
    ComponentConfig evaluationBlock = experiment.block("evaluation", problems);
    blocks.put("evaluation", evaluationBlock);
    EvaluationSettings evaluation = EvaluationSettings.read(evaluationBlock);
    ComponentConfig output = experiment.block("output", problems);
    blocks.put("output", output);
    Path outputDir = output.getPath("dir");
    problems.throwIfAny();
    return new ExperimentSetup(experiment, (Dataset) components.get("dataset"),
        (Representation) components.get("representation"), (Model) components.get("model"),
        (Explainer) components.get("explain"), training, evaluation, outputDir, blocks);
  }

  public Experiment experiment() {
    return experiment;
  }

  public Dataset dataset() {
    return dataset;
  }

  public Representation representation() {
    return representation;
  }

  public Model model() {
    return model;
  }

  public Optional<Explainer> explainer() {
    return Optional.ofNullable(explainer);
  }

  public TrainingSettings training() {
    return training;
  }

  public EvaluationSettings evaluation() {
    return evaluation;
  }

  public Path outputDir() {
    return outputDir;
  }

  /**
   * Keys that a block declares (defaults included) but whose component never read: a plugin bug,
   * since reference.conf then documents a setting that does nothing. Tests assert this is empty.
   */
  public List<String> unreadKeys() {
    List<String> unread = new ArrayList<>();
    blocks.forEach((path, block) -> block.unreadKeys().forEach(key -> unread.add(path + "." + key)));
    return unread;
  }
}
