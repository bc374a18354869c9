package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.cache.MappedValueFile;
import org.sinus.api.cache.ValueEncoding;
import org.sinus.testkit.PtbxlFixture;

class CliTest {
  @TempDir
  Path temp;

  @Test
  void validateAcceptsAShippedExperiment() {
    Cli.Outcome outcome = Cli.run("validate", Experiments.file("ptbxl-time-resnet1d.conf").toString());
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    assertThat(outcome.out()).contains("is valid").contains("model resnet1d");
  }

  @Test
  void misspeltKeyFailsWithFileLineAndSuggestion() throws IOException {
    Path file = temp.resolve("typo.conf");
    Files.writeString(file, Files.readString(Experiments.file("ptbxl-time-resnet1d.conf"))
        .replace("kernel-sizes = [5, 3]", "kernel-size = [5, 3]"));
    int line = lineOf(file, "kernel-size =");
    Cli.Outcome outcome = Cli.run("validate", file.toString());
    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.err()).contains(file + ":" + line + ": model.kernel-size: unknown key; did you mean 'kernel-sizes'?");
  }

  @Test
  void unknownTypeListsKnownTypesAndOverridesAreChecked() {
    Cli.Outcome outcome = Cli.run("validate", Experiments.file("ptbxl-time-resnet1d.conf").toString(),
        "--set", "model.type=resnet", "--set", "training.epoch=3");
    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.err())
        .contains("--set model.type=resnet: model.type: unknown model type 'resnet'")
        .contains("Known model types: ").contains("cnn1d").contains("resnet1d")
        .contains("--set training.epoch=3: training.epoch: unknown key; did you mean 'epochs'?");
  }

  @Test
  void outOfRangeValueFailsBeforeAnyWork() {
    Cli.Outcome outcome = Cli.run("validate", Experiments.file("ptbxl-time-resnet1d.conf").toString(),
        "--set", "training.batch-size=0");
    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.err()).contains("training.batch-size: 0 is out of range");
  }

  @Test
  void aModelThatCannotReadItsRepresentationIsAConfigurationErrorNamingBoth() throws IOException {
    Path file = temp.resolve("mismatch.conf");
    Files.writeString(file, """
        dataset { type = "synthetic", records = 40 }
        representation { type = "cwt", scales.count = 4 }
        model { type = "resnet1d" }
        output.dir = "%s"
        """.formatted(temp.resolve("runs")));
    Cli.Outcome outcome = Cli.run("train", file.toString(), "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(3);
    assertThat(outcome.err())
        .contains(file + ":3: model: resnet1d reads [1, time, channels]")
        .contains("but its input is [4, 250, 12]")
        .contains("from representation (cwt, " + file + ":2)")
        .doesNotContain("Exception");
  }

  @Test
  void settingsThatContradictTheDataFailInValidateWithTheDataFact() {
    Cli.Outcome outcome = Cli.run("validate", Experiments.file("quickstart.conf").toString(),
        "--set", "representation.band-pass.high-hz=80", "--set", "training.crop.length=20s");
    assertThat(outcome.exitCode()).as(outcome.all()).isEqualTo(3);
    assertThat(outcome.err())
        .contains("for the data of synthetic (100 Hz, 1000 samples, 12 leads) (2 problems)")
        .contains("--set training.crop.length=20s: training.crop.length: 20 s is longer than the records: the records are "
            + "10 s long (1000 samples at 100 Hz)")
        .contains("--set representation.band-pass.high-hz=80: representation.band-pass.high-hz: 80.0 Hz is not below the "
            + "Nyquist frequency of the data, 50.0 Hz")
        .doesNotContain("Exception");
  }

  @Test
  void pluginsListsEveryTypeWithItsKeys() {
    Cli.Outcome outcome = Cli.run("plugins");
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.out()).as("the framework's own keys")
        .contains("experiment settings").contains("  training {").contains("    epochs = 50")
        .contains("  evaluation {").contains("      resamples = 1000").contains("  output {")
        .contains("# run directories are created under this directory");
    assertThat(outcome.out())
        .contains("dataset types").contains("  ptbxl").contains("  synthetic")
        .contains("representation types").contains("  time")
        .contains("model types").contains("  resnet1d").contains("  cnn1d")
        .contains("kernel-sizes").contains("schedule types").contains("one-cycle");
  }

  @Test
  void cacheListsAndCleansWhatRunsLeaveBehind() throws IOException {
    Path dir = temp.resolve("cache");
    Path cache = dir.resolve("ptbxl/signals-100hz-0123.f32");
    try (MappedValueFile.Writer writer = new MappedValueFile.Writer(cache, "key", ValueEncoding.FLOAT32, 2, 4)) {
      writer.write(0, new float[4], 0);
      writer.write(1, new float[4], 0);
      writer.finish();
    }
    // an interrupted build of a process that is gone
    Files.createDirectories(dir.resolve("cwt"));
    Path leftover = Files.writeString(dir.resolve("cwt/x.f16.tmp-2147483646"), "partial");

    Cli.Outcome list = Cli.run("cache", "list", "--dir", dir.toString());
    assertThat(list.exitCode()).as(list.all()).isZero();
    assertThat(list.out()).contains("complete").contains("ptbxl/signals-100hz-0123.f32")
        .contains("abandoned build").contains("2 files");

    Cli.Outcome dryRun = Cli.run("cache", "clean", "--dir", dir.toString(), "--all", "--dry-run");
    assertThat(dryRun.out()).contains("would delete 2 files");
    assertThat(cache).exists();
    assertThat(Cli.run("cache", "clean", "--dir", dir.toString()).out()).contains("deleted 1 files");
    assertThat(leftover).doesNotExist();
    assertThat(cache).exists();
    assertThat(Cli.run("cache", "clean", "--dir", dir.toString(), "--all").out()).contains("deleted 1 files");
    assertThat(cache).doesNotExist();
    assertThat(Cli.run("cache", "clean", "--dir", dir.toString(), "--unused-days", "-1").exitCode()).isEqualTo(2);
    assertThat(Cli.run("cache").exitCode()).isEqualTo(2);
  }

  @Test
  void missingFileAndBadCommandLineHaveTheirExitCodes() {
    assertThat(Cli.run("validate", temp.resolve("nope.conf").toString()).exitCode()).isEqualTo(3);
    assertThat(Cli.run("validate").exitCode()).isEqualTo(2);
    assertThat(Cli.run("no-such-command").exitCode()).isEqualTo(2);
    assertThat(Cli.run("--help").exitCode()).isZero();
  }

  @Test
  void dataReportPrintsTheSuperdiagnosticCountsOfPtbxl() {
    Path data = PtbxlFixture.require();
    Cli.Outcome outcome = Cli.run("data", "report", Experiments.file("ptbxl-time-resnet1d.conf").toString(),
        "--set", "dataset.path=\"" + data + "\"", "--out", temp.toString(), "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    assertThat(outcome.out())
        .contains("| train [1, 2, 3, 4, 5, 6, 7, 8] | 1490 | 322 | 160 | 268 | 805 | 347 |")
        .contains("| validation [9] | 234 | 49 | 31 | 55 | 111 | 70 |")
        .contains("| test [10] | 252 | 41 | 26 | 49 | 139 | 53 |")
        .contains("| no superdiagnostic statement | 23 |");
    assertThat(temp.resolve("data-report.md")).exists();
    assertThat(temp.resolve("data-report.json")).exists();
  }

  @Test
  void dataShowDrawsTheRecordAndItsRepresentation() {
    Path data = PtbxlFixture.require();
    Cli.Outcome outcome = Cli.run("data", "show", Experiments.file("ptbxl-time-resnet1d.conf").toString(), "9",
        "--set", "dataset.path=\"" + data + "\"", "--set", "output.dir=\"" + temp.resolve("runs") + "\"",
        "--start", "2.5", "-q");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    Path drawn = temp.resolve("inspect/ptbxl-time-resnet1d-records");
    assertThat(drawn.resolve("9-ecg.png")).exists();
    assertThat(drawn.resolve("9-time.png")).exists();
    assertThat(temp.resolve("runs")).as("inspection output stays out of the run directories").doesNotExist();
    Cli.Outcome missing = Cli.run("data", "show", Experiments.file("ptbxl-time-resnet1d.conf").toString(), "17",
        "--set", "dataset.path=\"" + data + "\"", "--out", temp.toString(), "-q");
    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err()).contains("record '17' is not in ptbxl");
  }

  private static int lineOf(Path file, String text) throws IOException {
    var lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }
}
