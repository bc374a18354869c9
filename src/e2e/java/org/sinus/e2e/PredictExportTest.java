package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.data.DataContext;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordWindow;
import org.sinus.api.util.Json;
import org.sinus.api.util.Progress;
import org.sinus.cli.CompositionRoot;
import org.sinus.engine.run.RunModel;
import org.sinus.engine.train.FittedInputs;
import org.sinus.io.Recording;
import org.sinus.io.RecordingFiles;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * {@code sinus predict} scores new recordings with a trained run and reports each bad one on one line;
 * {@code sinus export} writes a SavedModel that, loaded back with TensorFlow Java, gives the same
 * probabilities as {@code sinus predict}, for a model of one input and for a late-fusion hybrid of two.
 */
class PredictExportTest {
  private static final List<String> LEADS = List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4",
      "V5", "V6");

  @TempDir
  static Path temp;

  private static Path quickstart;
  private static Path hybrid;
  private static Path recordings;

  @BeforeAll
  static void trainAndWriteRecordings() throws IOException {
    quickstart = Experiments.trainSmallQuickstart(Files.createDirectories(temp.resolve("runs")));
    Path hybridRuns = temp.resolve("hybrid-runs");
    Cli.Outcome trained = Cli.run("train", Experiments.file("quickstart-hybrid.conf").toString(), "-q",
        "--set", "dataset.records=200", "--set", "training.epochs=1", "--set", "training.batch-size=32",
        "--set", "output.dir=\"" + hybridRuns + "\"");
    assertThat(trained.exitCode()).as(trained.all()).isZero();
    try (Stream<Path> list = Files.list(hybridRuns)) {
      hybrid = list.findFirst().orElseThrow();
    }
    recordings = Files.createDirectories(temp.resolve("recordings"));
    npy(recordings.resolve("ten-seconds.npy"), ecgLike(1000, 100, 1));
    npy(recordings.resolve("twelve-seconds.npy"), ecgLike(1200, 100, 2));
    csv(recordings.resolve("named.csv"), ecgLike(1000, 100, 3));
  }

  /** A 12-lead signal of {@code samples} at {@code rate}: beats every 0.8 s, a lead-dependent gain, noise; [leads][samples]. */
  static float[][] ecgLike(int samples, double rate, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] leads = new float[12][samples];
    for (int c = 0; c < 12; c++) {
      double gain = 0.5 + 0.1 * c;
      for (int t = 0; t < samples; t++) {
        double phase = (t / rate) % 0.8;
        double beat = Math.exp(-Math.pow((phase - 0.3) / 0.02, 2)) + 0.2 * Math.exp(-Math.pow((phase - 0.55) / 0.06, 2));
        leads[c][t] = (float) (gain * beat + 0.02 * random.nextGaussian());
      }
    }
    return leads;
  }

  /** Writes {@code leads × samples} float32 as numpy.save does. */
  static void npy(Path file, float[][] leads) throws IOException {
    int samples = leads[0].length;
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + leads.length + ", " + samples + "), }";
    String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
    ByteBuffer out = ByteBuffer.allocate(10 + header.length() + 4 * leads.length * samples).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (float[] lead : leads) {
      for (float v : lead) {
        out.putFloat(v);
      }
    }
    Files.write(file, out.array());
  }

  /** Writes the leads as CSV lines named by lead, in reverse order (V6 first). */
  static void csv(Path file, float[][] leads) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int c = leads.length - 1; c >= 0; c--) {
      text.append(LEADS.get(c));
      for (float v : leads[c]) {
        text.append(',').append(v);
      }
      text.append('\n');
    }
    Files.writeString(file, text);
  }

  /** A WFDB record (format 16, gain 1000/mV, with each signal's initial value and checksum) of {@code leads} at {@code rate}. */
  static Path wfdb(Path dir, String name, float[][] leads, int rate) throws IOException {
    int samples = leads[0].length;
    StringBuilder header = new StringBuilder(name + " 12 " + rate + " " + samples + "\n");
    ByteBuffer data = ByteBuffer.allocate(2 * 12 * samples).order(ByteOrder.LITTLE_ENDIAN);
    for (int t = 0; t < samples; t++) {
      for (int c = 0; c < 12; c++) {
        data.putShort(digital(leads[c][t]));
      }
    }
    for (int c = 0; c < 12; c++) {
      int checksum = 0;
      for (float v : leads[c]) {
        checksum += digital(v);
      }
      header.append(name).append(".dat 16 1000/mV 16 0 ").append(digital(leads[c][0])).append(' ')
          .append((short) checksum).append(" 0 ").append(LEADS.get(c)).append('\n');
    }
    Files.write(dir.resolve(name + ".dat"), data.array());
    return Files.writeString(dir.resolve(name + ".hea"), header.toString());
  }

  private static short digital(float millivolts) {
    return (short) Math.round(millivolts * 1000);
  }

  @Test
  void eachBadRecordingGetsOneLineAndTheOthersAreScored() throws IOException {
    Path inputs = Files.createDirectories(temp.resolve("mixed"));
    npy(inputs.resolve("good.npy"), ecgLike(1000, 100, 4));
    wfdb(inputs, "at500", ecgLike(5000, 500, 5), 500);
    float[][] withNan = ecgLike(1000, 100, 6);
    withNan[2][17] = Float.NaN;
    npy(inputs.resolve("nan.npy"), withNan);
    npy(inputs.resolve("short.npy"), ecgLike(150, 100, 7));
    float[][] elevenLeads = new float[11][];
    System.arraycopy(ecgLike(1000, 100, 8), 0, elevenLeads, 0, 11);
    npy(inputs.resolve("eleven.npy"), elevenLeads);
    byte[] whole = Files.readAllBytes(inputs.resolve("good.npy"));
    Files.write(inputs.resolve("truncated.npy"), Arrays.copyOf(whole, whole.length - 40));
    Files.writeString(inputs.resolve("text.npy"), "leads,samples\n");
    wfdb(inputs, "nodata", ecgLike(1000, 100, 9), 100);
    Files.delete(inputs.resolve("nodata.dat"));
    Path unknown = Files.writeString(temp.resolve("record.edf"), "0");

    Path out = temp.resolve("mixed-out");
    Cli.Outcome outcome = Cli.run("predict", quickstart.toString(), inputs.toString(), unknown.toString(),
        "-o", out.toString());
    assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(4);
    List<String> errors = outcome.err().lines().filter(line -> line.startsWith("error: ")).toList();
    assertThat(errors).as(outcome.all()).hasSize(7);
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("error: " + inputs.resolve("nan.npy") + ": sample 17 "
        + "of lead III is NaN"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("error: " + inputs.resolve("short.npy") + ": too short"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("error: " + inputs.resolve("eleven.npy") + ": 11 leads"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("error: " + inputs.resolve("truncated.npy")
        + ": truncated"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("error: " + inputs.resolve("text.npy")
        + ": not a NumPy .npy file"));
    assertThat(errors).anySatisfy(e -> assertThat(e).isEqualTo("error: " + inputs.resolve("nodata.hea") + ": "
        + inputs.resolve("nodata.dat") + ": signal file does not exist"));
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("error: " + unknown + ": unknown format '.edf'"));
    assertThat(outcome.err()).contains("notice: resampled from 500 Hz to the model's 100 Hz: 1 recording (at500)");

    List<String> csv = Files.readAllLines(out.resolve("predictions.csv"));
    assertThat(csv.get(0)).isEqualTo("record,file,p_CD,p_HYP,p_MI,p_NORM,p_STTC,label_CD,label_HYP,label_MI,label_NORM,"
        + "label_STTC,labels,error");
    assertThat(csv).hasSize(1 + 2 + 7);
    assertThat(csv.get(1)).startsWith("at500,").endsWith(",");
    assertThat(csv.get(2)).startsWith("good,").endsWith(",");
    Config json = Json.parse(Files.readString(out.resolve("predictions.json")));
    assertThat(json.getConfigList("records")).hasSize(2);
    assertThat(json.getConfigList("failed")).hasSize(7);
    assertThat(json.getString("thresholds_source")).contains("validation");
    assertThat(outcome.out()).contains("2 recordings scored, 7 failed");
  }

  @Test
  void predictExplainsTheMostProbableClassOfTheFirstRecordingsWithBackgroundFromTheTrainingData() throws IOException {
    Path out = temp.resolve("explained");
    // gradient-shap draws its baselines from the training records: the run's data is loaded for them
    Cli.Outcome outcome = Cli.run("predict", quickstart.toString(), recordings.toString(), "-o", out.toString(),
        "--explain", "gradient-shap", "--explain-max", "2", "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    Config predictions = Json.parse(Files.readString(out.resolve("predictions.json")));
    List<? extends Config> records = predictions.getConfigList("records");
    assertThat(records).hasSize(3);
    List<String> classes = predictions.getStringList("model.classes");
    for (Config record : records.subList(0, 2)) {
      String top = classes.stream().max((a, b) -> Double.compare(record.getDouble("probabilities." + a),
          record.getDouble("probabilities." + b))).orElseThrow();
      Path file = out.resolve("explanations").resolve(record.getString("record") + "-" + top + ".json");
      assertThat(file).as(outcome.all()).isRegularFile();
      Config explanation = Json.parse(Files.readString(file));
      assertThat(explanation.getString("method")).startsWith("gradient-shap").contains("background windows");
      int samples = record.getString("record").equals("twelve-seconds") ? 1200 : 1000;
      assertThat(explanation.getDoubleList("signal_relevance")).hasSize(12 * samples);
    }
    try (Stream<Path> files = Files.list(out.resolve("explanations"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".json") && !f.endsWith("summary.json"))).hasSize(2);
    }
    assertThat(out.resolve("explanations/report.html")).isRegularFile();
    assertThat(predictions.getString("explanations")).isEqualTo(out.resolve("explanations").toString());
  }

  @Test
  void theSavedModelOfASingleInputModelGivesTheProbabilitiesOfPredict() throws Exception {
    // the quickstart's time representation band-passes whole records: not expressed in graph ops
    assertRoundTrip(quickstart, "quickstart", recordings, temp, false);
  }

  @Test
  void theSavedModelOfAHybridOfTwoInputsGivesTheProbabilitiesOfPredict() throws Exception {
    assertRoundTrip(hybrid, "hybrid", recordings, temp, false);
  }

  /**
   * Predicts {@code recordings} with {@code run}, exports it, feeds the SavedModel (loaded with
   * TensorFlow Java) the windows the run's representations make and asserts the same probabilities;
   * checks the model card against the run's evaluation.
   */
  static void assertRoundTrip(Path run, String name, Path recordings, Path temp, boolean servesRecordings)
      throws Exception {
    Path predictions = temp.resolve(name + "-predictions");
    Cli.Outcome predicted = Cli.run("predict", run.toString(), recordings.toString(), "-o", predictions.toString(),
        "-q");
    assertThat(predicted.exitCode()).as(predicted.all()).isZero();
    Path export = temp.resolve(name + "-export");
    Cli.Outcome exported = Cli.run("export", run.toString(), "-o", export.toString(), "-q");
    assertThat(exported.exitCode()).as(exported.all()).isZero();
    assertThat(export.resolve("saved_model/saved_model.pb")).isRegularFile();

    Config json = Json.parse(Files.readString(predictions.resolve("predictions.json")));
    List<String> classes = json.getStringList("model.classes");
    List<Path> files = RecordingFiles.expand(List.of(recordings));
    Map<String, float[]> expected = new HashMap<>();
    for (Config record : json.getConfigList("records")) {
      float[] p = new float[classes.size()];
      for (int k = 0; k < p.length; k++) {
        p[k] = (float) record.getDouble("probabilities.\"" + classes.get(k) + "\"");
      }
      expected.put(record.getString("file"), p);
    }
    assertThat(expected).hasSize(files.size());

    // the windows of every recording, encoded by the run's own representations
    Map<String, List<float[]>> windows = new LinkedHashMap<>();
    List<Integer> recordIndex = new ArrayList<>();
    Map<String, ExampleShape> shapes;
    try (RunModel model = RunModel.open(run, CompositionRoot.load(),
        new DataContext(temp.resolve("cache"), 1, Progress.NONE), List.of())) {
      shapes = model.graph().shapes();
      shapes.keySet().forEach(input -> windows.put(input, new ArrayList<>()));
      for (int r = 0; r < files.size(); r++) {
        Recording recording = RecordingFiles.read(files.get(r));
        float[] signal = reorderedToModel(recording);
        FittedInputs inputs = model.inputs(recording.samples());
        for (int start : model.format().scoring().starts(recording.samples())) {
          for (String input : shapes.keySet()) {
            FittedRepresentation representation = inputs.get(input);
            float[] example = new float[shapes.get(input).size()];
            representation.encode(RecordWindow.of(signal, start, model.format().scoring().windowSamples()), example, 0);
            windows.get(input).add(example);
          }
          recordIndex.add(r);
        }
      }
    }
    Map<String, Tensor> feed = new LinkedHashMap<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(export.resolve("saved_model").toString(), "serve")) {
      for (String input : shapes.keySet()) {
        List<float[]> examples = windows.get(input);
        int size = shapes.get(input).size();
        float[] values = new float[examples.size() * size];
        for (int i = 0; i < examples.size(); i++) {
          System.arraycopy(examples.get(i), 0, values, i * size, size);
        }
        String key = shapes.size() == 1 ? "input" : "input_" + input;
        feed.put(key, TFloat32.tensorOf(Shape.of(shapes.get(input).batched(examples.size())), DataBuffers.of(values)));
      }
      feed.put("record_index", TInt32.vectorOf(recordIndex.stream().mapToInt(Integer::intValue).toArray()));
      try (Result result = bundle.function("windows").call(feed)) {
        TFloat32 probabilities = (TFloat32) result.get("probabilities").orElseThrow();
        assertThat(probabilities.shape().asArray()).containsExactly(files.size(), classes.size());
        for (int r = 0; r < files.size(); r++) {
          float[] want = expected.get(files.get(r).toString());
          for (int k = 0; k < classes.size(); k++) {
            assertThat(probabilities.getFloat(r, k)).as("%s, record %s, class %s", name, files.get(r), classes.get(k))
                .isCloseTo(want[k], within(1e-5f));
          }
        }
      }
      assertRecordingsSignature(bundle, files, expected, classes.size(), servesRecordings);
    } finally {
      feed.values().forEach(Tensor::close);
    }
    String card = Files.readString(export.resolve("model-card.md"));
    Config report = Json.parse(Files.readString(run.resolve("evaluation/test.json")));
    assertThat(card).contains("## Intended use", "## Limitations", "## Provenance")
        .contains(String.format(Locale.ROOT, "| macro_auc | %.4f |", report.getDouble("headlines.macro_auc.value")))
        .contains(String.join(", ", classes));
    Config cardJson = Json.parse(Files.readString(export.resolve("model-card.json")));
    assertThat(cardJson.getDouble("evaluation.test.headlines.macro_auc.ci_lower"))
        .isEqualTo(report.getDouble("headlines.macro_auc.ci_lower"));
    assertThat(cardJson.getString("thresholds.tuned_on")).isEqualTo("validation");
  }

  /**
   * serving_default reads whole recordings (of the model's 10 s) where the representations are graph
   * ops, and is the windows signature otherwise.
   */
  private static void assertRecordingsSignature(SavedModelBundle bundle, List<Path> files, Map<String, float[]> expected,
                                                int classes, boolean servesRecordings) {
    Signature serving = bundle.function("serving_default").signature();
    if (!servesRecordings) {
      assertThat(serving.inputNames()).contains("record_index").doesNotContain("signal");
      return;
    }
    assertThat(serving.inputNames()).containsExactly("signal");
    List<Path> whole = files.stream().filter(f -> RecordingFiles.read(f).samples() == 1000).toList();
    assertThat(whole).isNotEmpty();
    float[] values = new float[whole.size() * 1000 * 12];
    for (int r = 0; r < whole.size(); r++) {
      System.arraycopy(reorderedToModel(RecordingFiles.read(whole.get(r))), 0, values, r * 12000, 12000);
    }
    try (TFloat32 signal = TFloat32.tensorOf(Shape.of(whole.size(), 1000, 12), DataBuffers.of(values));
         Result result = bundle.function("serving_default").call(Map.of("signal", signal))) {
      TFloat32 probabilities = (TFloat32) result.get("probabilities").orElseThrow();
      for (int r = 0; r < whole.size(); r++) {
        for (int k = 0; k < classes; k++) {
          assertThat(probabilities.getFloat(r, k)).as("whole recording %s, class %d", whole.get(r), k)
              .isCloseTo(expected.get(whole.get(r).toString())[k], within(1e-5f));
        }
      }
    }
  }

  /** The recording's signal with its leads in the model's order (the CSV names them in reverse). */
  private static float[] reorderedToModel(Recording recording) {
    if (recording.channelNames().isEmpty()) {
      return recording.signal();
    }
    float[] out = new float[recording.signal().length];
    for (int t = 0; t < recording.samples(); t++) {
      for (int c = 0; c < 12; c++) {
        out[t * 12 + c] = recording.signal()[t * 12 + recording.channelNames().indexOf(LEADS.get(c))];
      }
    }
    return out;
  }
}
