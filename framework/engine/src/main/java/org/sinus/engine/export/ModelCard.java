package org.sinus.engine.export;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sinus.api.util.Json;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.run.ModelFormat;
import org.sinus.engine.run.Provenance;
import org.sinus.engine.run.RunDirectory;
import org.sinus.engine.run.RunModel;

/**
 * The model card of an exported model (after Mitchell et al., "Model Cards for Model Reporting"):
 * what it was trained on and for, how, how well (metrics with confidence intervals on the
 * validation and test splits, decision thresholds), where it comes from (provenance), how to
 * feed it, and what it must not be used for. Everything is read from the run directory; nothing
 * is estimated anew. Written as JSON and Markdown.
 */
final class ModelCard {
  static final String MARKDOWN = "model-card.md";
  static final String JSON = "model-card.json";

  private final Map<String, Object> card;

  private ModelCard(Map<String, Object> card) {
    this.card = card;
  }

  /** @param servesRecordings whether serving_default reads whole recordings */
  static ModelCard of(RunModel model, boolean servesRecordings) {
    RunDirectory run = model.run();
    ExperimentSetup setup = model.setup();
    ModelFormat format = model.format();
    Config experiment = setup.experiment().config();
    Config provenance = Json.parse(run.readString(RunDirectory.PROVENANCE));
    Config modelInfo = Json.parse(run.readString(RunDirectory.MODEL + "/model.json"));
    Map<String, Object> card = new LinkedHashMap<>();

    Map<String, Object> about = new LinkedHashMap<>();
    about.put("name", setup.experiment().name());
    about.put("description", experiment.hasPath("description") ? experiment.getString("description") : "");
    about.put("model_type", setup.type("model").orElse("?"));
    about.put("parameters", model.graph().variables().parameterCount());
    Map<String, Object> inputs = new LinkedHashMap<>();
    setup.inputs().keySet().forEach(name -> inputs.put(ServingGraph.inputName(name), Map.of(
        "representation", setup.type(setup.inputBlock(name)).orElse("?"),
        "shape", model.graph().shapes().get(name).toString())));
    about.put("inputs", inputs);
    about.put("run", run.path().toAbsolutePath().normalize().toString());
    about.put("exported", OffsetDateTime.now().toString());
    card.put("model", about);

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dataset_type", setup.type("dataset").orElse("?"));
    copy(provenance, "data", data, "source", "fingerprint", "records", "train_records", "validation_records",
        "test_records");
    data.put("classes", format.classes());
    data.put("multi_label", format.multiLabel());
    data.put("sampling_rate", format.format().samplingRate());
    data.put("record_seconds", format.format().samples() / (double) format.format().samplingRate());
    data.put("leads", format.format().leads());
    if (experiment.hasPath("dataset.split")) {
      data.put("split", experiment.getConfig("dataset.split").root().unwrapped());
    }
    card.put("data", data);

    Map<String, Object> training = new LinkedHashMap<>();
    training.put("settings", experiment.getConfig("training").root().unwrapped());
    training.put("seed", setup.experiment().seed());
    copy(modelInfo, "", training, "selected", "epoch", "epochs_trained", "stopped_early");
    if (provenance.hasPath("training")) {
      training.put("precision", provenance.getConfig("training").root().unwrapped().get("precision"));
    }
    card.put("training", training);

    Map<String, Object> scoring = new LinkedHashMap<>();
    scoring.put("window_seconds", format.windowSeconds());
    scoring.put("stride_seconds", format.scoring().stride() / (double) format.format().samplingRate());
    scoring.put("aggregate", format.scoring().aggregate().name().toLowerCase(Locale.ROOT));
    card.put("scoring", scoring);

    Map<String, Object> evaluation = new LinkedHashMap<>();
    for (String split : List.of("validation", "test")) {
      Path file = run.evaluation().resolve(split + ".json");
      if (Files.isRegularFile(file)) {
        evaluation.put(split, splitMetrics(Json.parse(run.readString(RunDirectory.EVALUATION + "/" + split + ".json"))));
      }
    }
    card.put("evaluation", evaluation);
    Path thresholds = run.evaluation().resolve("thresholds.json");
    card.put("thresholds", Files.isRegularFile(thresholds)
        ? Json.parse(run.readString(RunDirectory.EVALUATION + "/thresholds.json")).root().unwrapped()
        : Map.of("source", "none: the run was not evaluated; use 0.5"));

    Map<String, Object> origin = new LinkedHashMap<>();
    for (String key : List.of(Provenance.SINUS_VERSION, Provenance.GIT_COMMIT, Provenance.GIT_DIRTY,
        Provenance.TENSORFLOW, Provenance.JAVA, Provenance.OS, Provenance.CPU, Provenance.STARTED,
        Provenance.EXPERIMENT_FILE, Provenance.OVERRIDES, Provenance.COMPONENTS)) {
      if (provenance.hasPath(key)) {
        origin.put(key, provenance.getValue(key).unwrapped());
      }
    }
    card.put("provenance", origin);
    card.put("intended_use", intendedUse());
    card.put("limitations", limitations(setup, format, evaluation));
    card.put("how_to_use", howToUse(format, inputs.keySet(), servesRecordings));
    return new ModelCard(card);
  }

  Map<String, Object> toJson() {
    return card;
  }

  private static Map<String, Object> splitMetrics(Config report) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("records", report.getInt("records"));
    metrics.put("headlines", report.getConfig("headlines").root().unwrapped());
    List<Object> classes = new ArrayList<>();
    for (Config perClass : report.getConfigList("classes")) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String key : List.of("name", "positives", "auc", "average_precision", "threshold", "precision", "recall",
          "f1")) {
        if (perClass.hasPath(key)) {
          row.put(key, perClass.getValue(key).unwrapped());
        }
      }
      classes.add(row);
    }
    metrics.put("classes", classes);
    return metrics;
  }

  private static void copy(Config from, String path, Map<String, Object> to, String... keys) {
    Config source = path.isEmpty() ? from : from.hasPath(path) ? from.getConfig(path) : null;
    if (source == null) {
      return;
    }
    for (String key : keys) {
      if (source.hasPath(key)) {
        to.put(key, source.getValue(key).unwrapped());
      }
    }
  }

  private static List<String> intendedUse() {
    return List.of(
        "Research on classifying multichannel physiological signals: comparing methods, reproducing results, "
            + "studying explanations.",
        "Not a medical device and not validated for diagnosis, triage or any decision about a patient.");
  }

  private static List<String> limitations(ExperimentSetup setup, ModelFormat format, Map<String, Object> evaluation) {
    List<String> limits = new ArrayList<>();
    String dataset = setup.type("dataset").orElse("?");
    if (dataset.equals("synthetic")) {
      limits.add("Trained on Sinus's synthetic ECGs (simulated beats with localized changes per class): its outputs "
          + "on real recordings mean nothing.");
    } else if (dataset.equals("ptbxl")) {
      limits.add("Trained on PTB-XL records (one institution's 12-lead ECGs recorded 1989–1996, labels from "
          + "cardiologists' reports); how it performs on other populations, devices, recording conditions and "
          + "label definitions is unknown.");
    }
    limits.add(String.format(Locale.ROOT, "It reads %d leads in this order: %s, at %d Hz. Recordings at another rate "
            + "are resampled by sinus predict; the model itself has only seen %d Hz data.",
        format.format().channels(), String.join(", ", format.format().leads()), format.format().samplingRate(),
        format.format().samplingRate()));
    if (evaluation.get("test") instanceof Map<?, ?> test) {
      limits.add("The test metrics come from " + test.get("records") + " records; their intervals are bootstrap "
          + "intervals over those records and do not cover other data.");
    } else {
      limits.add("The run was not evaluated on a test split: the card has no test metrics.");
    }
    limits.add("The probabilities are not calibrated; the labels use per-class thresholds tuned for F1 on the "
        + "validation split (see thresholds).");
    return limits;
  }

  private static Map<String, Object> howToUse(ModelFormat format, Set<String> inputs, boolean servesRecordings) {
    Map<String, Object> use = new LinkedHashMap<>();
    String aggregate = format.scoring().aggregate().name().toLowerCase(Locale.ROOT);
    String windowsInputs = new ArrayList<>(inputs) + " float32 [windows, h, w, c] (what the representations make of "
        + "each window, see preprocessing.json) and record_index int32 [windows] (the record of each window, 0, 1, ...)";
    String windowsOutputs = "window_probabilities float32 [windows, classes]; probabilities float32 [records, classes] "
        + "(each record's windows combined by " + aggregate + ")";
    Map<String, Object> signatures = new LinkedHashMap<>();
    if (servesRecordings) {
      signatures.put("serving_default", Map.of(
          "inputs", "signal float32 [records, " + format.format().samples() + ", " + format.format().channels()
              + "]: whole recordings of " + format.format().samples() / (double) format.format().samplingRate()
              + " s at " + format.format().samplingRate() + " Hz, leads in the model's order, in mV",
          "outputs", "window_probabilities float32 [records, windows, classes]; probabilities float32 [records, "
              + "classes] (windows of " + format.windowSeconds() + " s cut and standardized in the graph, combined by "
              + aggregate + ")"));
    }
    signatures.put(servesRecordings ? SavedModelExporter.WINDOWS : "serving_default (also as windows)",
        Map.of("inputs", windowsInputs, "outputs", windowsOutputs));
    use.put("signatures", signatures);
    String feed = String.join(", ", inputs.stream().map(name -> name + "=windows_" + name).toList());
    use.put("python", servesRecordings
        ? "import tensorflow as tf\n"
            + "model = tf.saved_model.load(\"saved_model\")\n"
            + "serve = model.signatures[\"serving_default\"]\n"
            + "out = serve(signal=tf.constant(recordings, tf.float32))   # [records, " + format.format().samples()
            + ", " + format.format().channels() + "], mV\n"
            + "probabilities = out[\"probabilities\"].numpy()   # [records, classes]"
        : "import tensorflow as tf\n"
            + "model = tf.saved_model.load(\"saved_model\")\n"
            + "serve = model.signatures[\"serving_default\"]\n"
            + "out = serve(" + feed + ", record_index=tf.constant(record_of_each_window, tf.int32))\n"
            + "probabilities = out[\"probabilities\"].numpy()   # [records, classes]");
    use.put("java", "try (SavedModelBundle model = SavedModelBundle.load(\"saved_model\", \"serve\");\n"
        + "     Result out = model.function(\"serving_default\").call(Map.of(" + (servesRecordings
        ? "\"signal\", recordings" : inputs.stream().map(name -> "\"" + name + "\", windows").findFirst().orElse("")
        + ", \"record_index\", recordIndex") + "))) {\n"
        + "  TFloat32 probabilities = (TFloat32) out.get(\"probabilities\").get();\n"
        + "}");
    use.put("sinus", "sinus predict <run-dir> <recordings> does all of it, preprocessing included, for recordings "
        + "of any length and rate");
    return use;
  }

  String toMarkdown() {
    StringBuilder md = new StringBuilder();
    Map<?, ?> model = (Map<?, ?>) card.get("model");
    Map<?, ?> data = (Map<?, ?>) card.get("data");
    Map<?, ?> training = (Map<?, ?>) card.get("training");
    Map<?, ?> scoring = (Map<?, ?>) card.get("scoring");
    md.append("# Model card: ").append(model.get("name")).append("\n\n");
    md.append(model.get("description")).append("\n\n");
    md.append("## Model\n\n");
    md.append("- type: `").append(model.get("model_type")).append("`, ")
        .append(String.format(Locale.ROOT, "%,d", ((Number) model.get("parameters")).longValue()))
        .append(" trainable parameters\n");
    ((Map<?, ?>) model.get("inputs")).forEach((name, input) -> md.append("- input `").append(name).append("`: ")
        .append(((Map<?, ?>) input).get("representation")).append(" representation, example shape ")
        .append(((Map<?, ?>) input).get("shape")).append('\n'));
    md.append("- run: `").append(model.get("run")).append("`\n");
    md.append("- exported: ").append(model.get("exported")).append("\n\n");

    md.append("## Data and task\n\n");
    md.append("- dataset: `").append(data.get("dataset_type")).append("` — ").append(data.get("source")).append('\n');
    md.append("- fingerprint: ").append(data.get("fingerprint")).append('\n');
    md.append("- records: ").append(data.get("records")).append(" (train ").append(data.get("train_records"))
        .append(", validation ").append(data.get("validation_records")).append(", test ")
        .append(data.get("test_records")).append(")\n");
    if (data.containsKey("split")) {
      md.append("- split (folds): ").append(data.get("split")).append('\n');
    }
    md.append("- classes (").append(Boolean.TRUE.equals(data.get("multi_label")) ? "multi-label" : "one per record")
        .append("): ").append(String.join(", ", strings(data.get("classes")))).append('\n');
    md.append("- input: ").append(data.get("leads") instanceof List<?> leads ? leads.size() : "?").append(" leads (")
        .append(String.join(", ", strings(data.get("leads")))).append(") at ").append(data.get("sampling_rate"))
        .append(" Hz, records of ").append(data.get("record_seconds")).append(" s\n\n");

    md.append("## Training\n\n");
    md.append("- seed ").append(training.get("seed")).append("; weights of epoch ").append(training.get("epoch"))
        .append(" (").append(training.get("selected")).append(") of ").append(training.get("epochs_trained"))
        .append(" trained").append(Boolean.TRUE.equals(training.get("stopped_early")) ? ", stopped early" : "")
        .append("; precision ").append(training.get("precision")).append('\n');
    md.append("- records are scored from sliding windows of ").append(scoring.get("window_seconds"))
        .append(" s every ").append(scoring.get("stride_seconds")).append(" s, combined by ")
        .append(scoring.get("aggregate")).append('\n');
    md.append("- settings (from the run's resolved experiment):\n\n```\n")
        .append(Json.pretty(training.get("settings"))).append("\n```\n\n");

    md.append("## Metrics\n\n");
    Map<?, ?> evaluation = (Map<?, ?>) card.get("evaluation");
    if (evaluation.isEmpty()) {
      md.append("The run was not evaluated.\n\n");
    }
    evaluation.forEach((split, value) -> appendSplit(md, String.valueOf(split), (Map<?, ?>) value));
    Map<?, ?> thresholds = (Map<?, ?>) card.get("thresholds");
    md.append("Decision thresholds: ").append(thresholds.get("source")).append(thresholds.get("thresholds")
        instanceof Map<?, ?> values ? " — " + values : "").append("\n\n");

    md.append("## Intended use\n\n");
    strings(card.get("intended_use")).forEach(line -> md.append("- ").append(line).append('\n'));
    md.append("\n## Limitations\n\n");
    strings(card.get("limitations")).forEach(line -> md.append("- ").append(line).append('\n'));

    Map<?, ?> use = (Map<?, ?>) card.get("how_to_use");
    md.append("\n## How to use\n\n");
    ((Map<?, ?>) use.get("signatures")).forEach((key, value) -> md.append("- signature `").append(key)
        .append("`: inputs ").append(((Map<?, ?>) value).get("inputs")).append("; outputs ")
        .append(((Map<?, ?>) value).get("outputs")).append('\n'));
    md.append('\n');
    md.append("The preprocessing (representations with their fitted values) is in `preprocessing.json`; ")
        .append(use.get("sinus")).append(".\n\nPython (TensorFlow 2):\n\n```python\n").append(use.get("python"))
        .append("\n```\n\nJava (TensorFlow Java 1.1):\n\n```java\n").append(use.get("java")).append("\n```\n\n");

    md.append("## Provenance\n\n");
    ((Map<?, ?>) card.get("provenance")).forEach((key, value) -> md.append("- ").append(key).append(": ")
        .append(value instanceof Map<?, ?> || value instanceof List<?> ? Json.line(value) : value).append('\n'));
    return md.toString();
  }

  private static void appendSplit(StringBuilder md, String split, Map<?, ?> metrics) {
    md.append("### ").append(split).append(" (").append(metrics.get("records")).append(" records)\n\n");
    md.append("| metric | value | 95% CI |\n|---|---:|---|\n");
    ((Map<?, ?>) metrics.get("headlines")).forEach((name, value) -> {
      Map<?, ?> v = (Map<?, ?>) value;
      md.append("| ").append(name).append(" | ").append(number(v.get("value"))).append(" | ")
          .append(v.containsKey("ci_lower") ? "[" + number(v.get("ci_lower")) + ", " + number(v.get("ci_upper")) + "]"
              : "").append(" |\n");
    });
    md.append("\n| class | positives | AUC | AP | threshold | F1 |\n|---|---:|---:|---:|---:|---:|\n");
    for (Object row : (List<?>) metrics.get("classes")) {
      Map<?, ?> r = (Map<?, ?>) row;
      md.append("| ").append(r.get("name")).append(" | ").append(r.get("positives")).append(" | ")
          .append(number(r.get("auc"))).append(" | ").append(number(r.get("average_precision"))).append(" | ")
          .append(number(r.get("threshold"))).append(" | ").append(number(r.get("f1"))).append(" |\n");
    }
    md.append('\n');
  }

  private static String number(Object value) {
    return value instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : String.valueOf(value);
  }

  private static List<String> strings(Object list) {
    return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }
}
