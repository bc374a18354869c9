package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;
import org.sinus.engine.predict.SignalResampler;
import org.sinus.io.Recording;
import org.sinus.io.RecordingFiles;
import org.sinus.testkit.PtbxlFixture;
import org.sinus.testkit.RequiresPtbxl;

/**
 * {@code sinus predict} and {@code sinus export} on a model trained on the real PTB-XL records: the
 * WFDB files of the PhysioNet release are read as they are, at 100 Hz and at 500 Hz (resampled to
 * the model's 100 Hz), and the SavedModel gives predict's probabilities.
 */
@RequiresPtbxl
class PtbxlPredictExportTest {
  /** Records scored at both rates. */
  static final int RECORDS = 12;

  @TempDir
  static Path temp;

  private static Path run;
  private static Path at100;
  private static Path at500;

  @BeforeAll
  static void trainOnPtbxlAndPickRecords() throws IOException {
    Path ptbxl = PtbxlFixture.require();
    Cli.Outcome trained = Cli.run("train", Experiments.file("ptbxl-time-resnet1d.conf").toString(), "-q",
        "--set", "dataset.path=\"" + ptbxl + "\"", "--set", "training.epochs=1", "--set", "model.filters=16",
        "--set", "model.head-units=[16]", "--set", "evaluation.bootstrap.resamples=100",
        "--set", "output.dir=\"" + temp.resolve("runs") + "\"");
    assertThat(trained.exitCode()).as(trained.all()).isZero();
    try (Stream<Path> runs = Files.list(temp.resolve("runs"))) {
      run = runs.findFirst().orElseThrow();
    }
    at100 = Files.createDirectories(temp.resolve("at100"));
    at500 = Files.createDirectories(temp.resolve("at500"));
    List<Path> headers;
    try (Stream<Path> files = Files.list(ptbxl.resolve("records100/00000"))) {
      headers = files.filter(f -> f.toString().endsWith(".hea")).sorted().limit(RECORDS).toList();
    }
    for (Path header : headers) {
      String id = header.getFileName().toString().replace("_lr.hea", "");
      link(header, at100);
      link(header.resolveSibling(id + "_lr.dat"), at100);
      Path high = ptbxl.resolve("records500/00000");
      link(high.resolve(id + "_hr.hea"), at500);
      link(high.resolve(id + "_hr.dat"), at500);
    }
  }

  /** The shared file, seen from {@code dir} (a link: the data is never copied). */
  private static void link(Path file, Path dir) throws IOException {
    Files.createSymbolicLink(dir.resolve(file.getFileName()), file.toAbsolutePath());
  }

  @Test
  void recordsAt500HzResampledScoreLikeTheirPhysioNet100HzVersions() throws IOException {
    Map<String, double[]> low = predict(at100, "low");
    Map<String, double[]> high = predict(at500, "high");
    assertThat(low).hasSize(RECORDS);
    assertThat(high).hasSize(RECORDS);
    double largest = 0;
    double sum = 0;
    int count = 0;
    for (Map.Entry<String, double[]> entry : low.entrySet()) {
      double[] other = high.get(entry.getKey().replace("_lr", "_hr"));
      for (int k = 0; k < other.length; k++) {
        double difference = Math.abs(entry.getValue()[k] - other[k]);
        largest = Math.max(largest, difference);
        sum += difference;
        count++;
      }
    }
    // PhysioNet's 100 Hz files are not a plain decimation of the 500 Hz ones (see below), so the
    // probabilities agree closely but not exactly
    // measured 2026-12-02 with a one-epoch model: mean 0.014, largest 0.109 (record 2, whose PhysioNet
    // versions differ by up to 3 mV at the start)
    assertThat(sum / count).as("mean |difference| of probabilities").isLessThan(0.03);
    assertThat(largest).as("largest |difference| of probabilities").isLessThan(0.2);
  }

  @Test
  void resampling500HzRecordsComesAsCloseToPhysioNets100HzFilesAsScipyDoes() {
    // scipy.signal.decimate / resample_poly / resample of records 1–3 give an RMS difference of
    // 0.009–0.021 mV from the 100 Hz files away from the first and last 0.5 s
    for (int r = 1; r <= 3; r++) {
      String id = String.format("%05d", r);
      Recording low = RecordingFiles.read(PtbxlFixture.require().resolve("records100/00000/" + id + "_lr.hea"));
      Recording high = RecordingFiles.read(PtbxlFixture.require().resolve("records500/00000/" + id + "_hr.hea"));
      float[] resampled = SignalResampler.resample(high.signal(), 12, 500, 100);
      assertThat(resampled).hasSameSizeAs(low.signal());
      double squares = 0;
      int n = 0;
      for (int i = 50 * 12; i < resampled.length - 50 * 12; i++) {
        squares += Math.pow(resampled[i] - low.signal()[i], 2);
        n++;
      }
      assertThat(Math.sqrt(squares / n)).as("record %s: RMS difference in mV", id).isLessThan(0.025);
    }
  }

  private static Map<String, double[]> predict(Path recordings, String name) throws IOException {
    Path out = temp.resolve("predictions-" + name);
    Cli.Outcome outcome = Cli.run("predict", run.toString(), recordings.toString(), "-o", out.toString(), "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    Config json = Json.parse(Files.readString(out.resolve("predictions.json")));
    List<String> classes = json.getStringList("model.classes");
    Map<String, double[]> byRecord = new HashMap<>();
    for (Config record : json.getConfigList("records")) {
      double[] p = new double[classes.size()];
      for (int k = 0; k < p.length; k++) {
        p[k] = record.getDouble("probabilities.\"" + classes.get(k) + "\"");
      }
      byRecord.put(record.getString("record"), p);
    }
    return byRecord;
  }

  @Test
  void theSavedModelGivesTheProbabilitiesOfPredictOnPtbxlRecords() throws Exception {
    // standardization only: serving_default reads whole recordings, windows cut and standardized in the graph
    PredictExportTest.assertRoundTrip(run, "ptbxl", at100, temp, true);
  }
}
