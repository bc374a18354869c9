package org.sinus.engine.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.Dataset;
import org.sinus.api.explain.Explainer;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.representation.Representation;
import org.sinus.engine.config.ComponentBlocks;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.eval.EvaluationSettings;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.train.TrainingSettings;

/**
 * Every component of an experiment, built from its config before any work starts: the pre-flight
 * check. Building reads every setting of every block, nested components included, so all bad
 * values are reported together (as one {@link org.sinus.api.config.ConfigException}) before data
 * is loaded or a graph is built.
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
  private final ComponentBlocks components;
  private final List<ComponentConfig> blocks;
  private final Map<String, Object> machineLocal;

  private ExperimentSetup(Experiment experiment, Dataset dataset, Representation representation, Model model,
                          Explainer explainer, TrainingSettings training, EvaluationSettings evaluation,
                          Path outputDir, ComponentBlocks components, List<ComponentConfig> blocks,
                          Map<String, Object> machineLocal) {
    this.experiment = experiment;
    this.dataset = dataset;
    this.representation = representation;
    this.model = model;
    this.explainer = explainer;
    this.training = training;
    this.evaluation = evaluation;
    this.outputDir = outputDir;
    this.components = components;
    this.blocks = blocks;
    this.machineLocal = machineLocal;
  }

  /** The machine-local keys of every block (full dotted paths) with their values, paths absolute. */
  private static Map<String, Object> machineLocal(ComponentBlocks components, List<ComponentConfig> plainBlocks) {
    Map<String, Object> values = new LinkedHashMap<>();
    components.built().forEach((path, built) ->
        built.block().machineLocalValues().forEach((key, value) -> values.put(path + "." + key, value)));
    plainBlocks.forEach(block -> block.machineLocalValues().forEach((key, value) -> values.put(block.path() + "." + key,
        value)));
    return values;
  }

  /**
   * The keys that may be given anew when a run is resumed or evaluated elsewhere (data locations,
   * threads, where caches are kept): the rest would change the experiment.
   */
  public Set<String> machineLocalKeys() {
    return new TreeSet<>(machineLocal.keySet());
  }

  /** Builds everything; throws a ConfigException listing every problem found. */
  public static ExperimentSetup create(Experiment experiment, PluginRegistry registry) {
    ProblemCollector problems = new ProblemCollector();
    ComponentBlocks components = new ComponentBlocks(registry, problems);
    ComponentConfig root = components.root(experiment);
    Dataset dataset = root.component("dataset", Dataset.POINT);
    Optional<Representation> representation = root.optionalComponent("representation", Representation.POINT);
    Model model = root.component("model", Model.POINT);
    Optional<Explainer> explainer = root.optionalComponent("explain", Explainer.POINT);
    if (model != null && problems.isEmpty()) {
      if (model.representations().isEmpty() && representation.isEmpty()) {
        root.problem("representation", "missing block; add representation { type = \"...\" }, the input of the "
            + "model. Known representation types: " + String.join(", ", registry.types(Representation.POINT)) + ".");
      } else if (!model.representations().isEmpty() && representation.isPresent()) {
        root.problem("representation", "the " + components.built().get("model").type() + " model (" 
            + components.built().get("model").block().location("type") + ") brings its own representations "
            + model.representations().keySet() + "; remove this block");
      }
    }
    ComponentConfig trainingBlock = root.child("training");
    TrainingSettings training = TrainingSettings.read(trainingBlock);
    ComponentConfig evaluationBlock = root.child("evaluation");
    EvaluationSettings evaluation = EvaluationSettings.read(evaluationBlock);
    ComponentConfig output = root.child("output");
    Path outputDir = output.getPath("dir");
    problems.throwIfAny();
    components.reportUnreadUserKeys();
    problems.throwIfAny();
    List<ComponentConfig> plainBlocks = List.of(trainingBlock, evaluationBlock, output);
    Experiment resolved = experiment.withConfig(components.resolved(experiment.config()));
    Map<String, Object> machineLocal = machineLocal(components, plainBlocks);
    Set<String> fromDefaults = new TreeSet<>();
    machineLocal.keySet().forEach(key -> {
      if (resolved.config().hasPath(key) && ComponentBlocks.fromDefaults(resolved.config().getValue(key).origin())) {
        fromDefaults.add(key);
      }
    });
    ExperimentSetup setup = new ExperimentSetup(resolved.forRun(machineLocal, fromDefaults), dataset,
        representation.orElse(null), model, explainer.orElse(null), training, evaluation, outputDir, components,
        plainBlocks, machineLocal);
    PretrainedRuns.checkSettings(setup);
    // settings that contradict the data fail now when the dataset's settings tell its format
    dataset.format().ifPresent(format -> InputFitting.checkShapes(setup, format,
        setup.type("dataset").orElse("the dataset")));
    return setup;
  }

  /** The experiment with every default of every typed block, nested ones included, written out. */
  public Experiment experiment() {
    return experiment;
  }

  public Dataset dataset() {
    return dataset;
  }

  /**
   * The model's inputs with the representations that make them, in the model's order: the one
   * input {@value ModelInputs#SINGLE} made by the experiment's {@code representation} block, or
   * the model's own ({@link Model#representations()}).
   */
  public Map<String, Representation> inputs() {
    if (!model.representations().isEmpty()) {
      return model.representations();
    }
    return Map.of(ModelInputs.SINGLE, representation);
  }

  /** Where the representation of an input was configured, for messages: its block path. */
  public String inputBlock(String input) {
    return model.representations().isEmpty() ? "representation" : components.built().keySet().stream()
        .filter(path -> path.startsWith("model.") && path.endsWith("." + input + ".representation"))
        .findFirst().orElse("model");
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
   * Where inspection commands ({@code sinus data show/report}) write by default: {@code inspect/}
   * beside {@link #outputDir()}, so their files never mix with run directories.
   */
  public Path inspectionDir(String what) {
    Path runs = outputDir.toAbsolutePath().normalize();
    Path parent = runs.getParent() != null ? runs.getParent() : runs;
    return parent.resolve("inspect").resolve(experiment.name() + "-" + what);
  }

  /** The type selected at each typed block's path, nested blocks included, with the factory's origin. */
  public Map<String, ComponentBlocks.Built> components() {
    return components.built();
  }

  /** The selected type of a typed block, e.g. {@code type("model")} is {@code "resnet1d"}. */
  public Optional<String> type(String path) {
    return Optional.ofNullable(components.built().get(path)).map(ComponentBlocks.Built::type);
  }

  /** Where a block was written ({@code file:line} of its {@code type}), for messages that name it. */
  public String location(String path) {
    ComponentBlocks.Built block = components.built().get(path);
    return block == null ? path : block.block().location("type");
  }

  /**
   * Keys that a block declares (defaults included) but whose component never read: a plugin bug,
   * since reference.conf then documents a setting that does nothing. Tests assert this is empty.
   */
  public List<String> unreadKeys() {
    List<String> unread = new ArrayList<>();
    Map<String, ComponentConfig> all = new LinkedHashMap<>();
    components.built().forEach((path, built) -> all.put(path, built.block()));
    blocks.forEach(block -> all.put(block.path(), block));
    all.forEach((path, block) -> block.unreadKeys().forEach(key -> unread.add(path + "." + key)));
    return unread;
  }
}
