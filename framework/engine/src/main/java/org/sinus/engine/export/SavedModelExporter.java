package org.sinus.engine.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.Json;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.run.ModelFormat;
import org.sinus.engine.run.RunDirectory;
import org.sinus.engine.run.RunModel;
import org.sinus.engine.util.FileTrees;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code sinus export}: writes a run's model as a TensorFlow SavedModel that anyone can load
 * without Sinus ({@code tf.saved_model.load} in Python, {@code SavedModelBundle.load} in Java),
 * with a model card and the preprocessing it needs. Only the inference network is exported.
 *
 * <p>Two signatures. {@value #WINDOWS} reads the windows of one or more records as the run's
 * representations made them ({@code input}, or {@code input_<name>} per input of a model of
 * several, {@code [windows, h, w, c]}) and {@code record_index} ({@code [windows]} int32: the record
 * each window belongs to, 0, 1, …), and returns {@code window_probabilities}
 * {@code [windows, classes]} and {@code probabilities} {@code [records, classes]} (each record's
 * windows combined as the evaluation combines them). {@value Signature#DEFAULT_KEY} reads whole
 * recordings ({@code signal} {@code [records, samples, leads]} at the model's rate and record
 * length) where every representation can be written as graph ops ({@link
 * org.sinus.api.representation.GraphEncodable}: the time representation without a band-pass
 * filter); otherwise it is the windows signature again, and the model card and
 * {@code preprocessing.json} say what the representations compute, with their fitted values.
 *
 * <p>The export is written to {@code <dir>.partial} and moved into place when complete.
 */
public final class SavedModelExporter {
  private static final Logger LOG = Logger.getLogger(SavedModelExporter.class.getName());
  /** The SavedModel's directory inside the export. */
  public static final String SAVED_MODEL = "saved_model";
  public static final String PREPROCESSING = "preprocessing.json";
  /** The signature over the representations' output, in every export. */
  public static final String WINDOWS = "windows";

  private SavedModelExporter() {}

  /**
   * Exports the run's model into {@code target}, which must not exist yet.
   *
   * @return {@code target}
   */
  public static Path export(RunModel model, Path target) {
    if (Files.exists(target)) {
      throw new SinusException(ExitCode.USAGE, target + " exists already: remove it or export elsewhere (--output)");
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try {
      FileTrees.delete(partial);
      Files.createDirectories(partial);
      boolean recordings = writeSavedModel(model, partial.resolve(SAVED_MODEL));
      Files.writeString(partial.resolve(PREPROCESSING), Json.pretty(preprocessing(model, recordings)));
      ModelCard card = ModelCard.of(model, recordings);
      Files.writeString(partial.resolve(ModelCard.MARKDOWN), card.toMarkdown());
      Files.writeString(partial.resolve(ModelCard.JSON), Json.pretty(card.toJson()));
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export " + model.run() + " to " + target + ": " + e.getMessage(), e);
    }
    LOG.info("exported " + model.run() + " to " + target);
    return target;
  }

  /** @return whether serving_default reads whole recordings */
  private static boolean writeSavedModel(RunModel model, Path directory) throws IOException {
    ModelFormat format = model.format();
    ExperimentSetup setup = model.setup();
    ServingGraph.RawFormat raw = new ServingGraph.RawFormat(format, model.inputs(format.format().samples()));
    try (ServingGraph serving = ServingGraph.build(setup.model(), model.graph().shapes(), format.classes().size(),
        format.multiLabel(), format.scoring().aggregate(), raw);
         Session session = new Session(serving.graph())) {
      session.restore(model.run().resolve(RunDirectory.MODEL).resolve("variables").toString());
      List<SessionFunction> functions = new ArrayList<>();
      functions.add(SessionFunction.create(windowsSignature(serving, WINDOWS), session));
      functions.add(SessionFunction.create(serving.raw()
          .map(path -> Signature.builder().key(Signature.DEFAULT_KEY)
              .input(ServingGraph.SIGNAL, path.signal())
              .output(ServingGraph.WINDOW_PROBABILITIES, path.windowProbabilities())
              .output(ServingGraph.PROBABILITIES, path.probabilities()).build())
          .orElseGet(() -> windowsSignature(serving, Signature.DEFAULT_KEY)), session));
      SavedModelBundle.exporter(directory.toString())
          .withFunctions(functions.toArray(SessionFunction[]::new))
          .export();
      LOG.info(serving.raw().isPresent() ? "serving_default reads whole recordings (signal); the windows signature "
          + "reads the representations' output" : "serving_default reads the representations' output (a "
          + "representation is not expressed in graph ops)");
      return serving.raw().isPresent();
    }
  }

  /** The signature over the windows as the representations make them. */
  private static Signature windowsSignature(ServingGraph serving, String key) {
    Signature.Builder signature = Signature.builder().key(key);
    for (Map.Entry<String, Placeholder<TFloat32>> input : serving.inputs().entrySet()) {
      signature.input(ServingGraph.inputName(input.getKey()), input.getValue());
    }
    signature.input(ServingGraph.RECORD_INDEX, serving.recordIndex());
    signature.output(ServingGraph.WINDOW_PROBABILITIES, serving.windowProbabilities());
    signature.output(ServingGraph.PROBABILITIES, serving.probabilities());
    return signature.build();
  }

  /** What turns a recording into the signature's inputs: the model's format and every representation's settings and fitted state. */
  static Map<String, Object> preprocessing(RunModel model, boolean inGraph) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("serving_default", inGraph ? "whole recordings [records, samples, leads] at the format's rate and "
        + "length, leads in its order; windows are cut and encoded in the graph" : "the windows' representations "
        + "(computed outside the graph as described by each input below) and record_index");
    json.put("format", model.format().toJson());
    Map<String, Object> inputs = new LinkedHashMap<>();
    model.setup().inputs().keySet().forEach(name -> {
      Map<String, Object> input = new LinkedHashMap<>();
      String block = model.setup().inputBlock(name);
      input.put("signature_input", ServingGraph.inputName(name));
      input.put("shape", model.graph().shapes().get(name).toString());
      input.put("representation", model.setup().experiment().config().getConfig(block).root().unwrapped());
      input.put("fitted_state", model.inputs(model.format().format().samples()).get(name).state());
      inputs.put(name, input);
    });
    json.put("inputs", inputs);
    return json;
  }
}
