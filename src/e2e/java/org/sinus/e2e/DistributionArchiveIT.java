package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive a user installs ({@code target/sinus-<version>.tar.gz}), unpacked into an empty
 * directory and run with only a Java runtime (see {@link UnpackedDistribution}): the quickstart
 * trains from the unpacked folder with the TensorFlow native library of the bundled jar, an
 * experiment with an include loads from another directory, {@code --help} and {@code --version}
 * start without TensorFlow's natives or the injector, and every bundled jar has its licence listed.
 */
class DistributionArchiveIT {
  /** A loose bound, so that a loaded CI machine does not fail the build; the measured time is in src/docs/benchmarks.md. */
  private static final long HELP_MILLIS_BOUND = 5_000;

  @TempDir
  static Path temp;

  private static UnpackedDistribution sinus;
  /** The files of the unpacked folder before any command ran (training adds runs/). */
  private static List<String> unpacked;

  @BeforeAll
  static void unpack() throws Exception {
    sinus = UnpackedDistribution.unpack(UnpackedDistribution.archive(), temp);
    unpacked = sinus.files();
  }

  private static String launcher() {
    return sinus.root().resolve("bin/sinus").toString();
  }

  @Test
  void theQuickstartTrainsFromTheUnpackedFolderWithTheNativeLibraryOfTheBundledJar() throws Exception {
    UnpackedDistribution.Outcome trained = sinus.run(sinus.root(), "-Xmx1g", launcher(), "train",
        "experiments/quickstart.conf", "-q", "--set", "dataset.records=200", "--set", "training.epochs=1",
        "--set", "training.batch-size=32", "--set", "model.filters=16");
    assertThat(trained.exitCode()).as(trained.out() + trained.err()).isZero();
    assertThat(trained.out()).contains("test: macro AUC");
    try (Stream<Path> runs = Files.list(sinus.root().resolve("runs"))) {
      Path run = runs.findFirst().orElseThrow();
      assertThat(run.getFileName().toString()).startsWith("quickstart-");
      assertThat(run.resolve("evaluation/test.md")).isRegularFile();
      assertThat(run.resolve("evaluation/validation.json")).isRegularFile();
    }

    List<String> libraries = sinus.libraries();
    String nativeJar = libraries.stream().filter(jar -> jar.matches("tensorflow-core-native-.+-linux-.+\\.jar"))
        .findFirst().orElseThrow(() -> new AssertionError("no TensorFlow native jar in lib/: " + libraries));
    Path extracted = sinus.home().resolve(".javacpp/cache").resolve(nativeJar);
    try (Stream<Path> files = Files.walk(extracted)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("what JavaCPP extracted from lib/%s into the empty home", nativeJar)
          .contains("libjnitensorflow.so", "libtensorflow_cc.so.2");
    }
  }

  @Test
  void anExperimentWithAnIncludeLoadsFromAnotherDirectory() throws Exception {
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Path experiment = sinus.root().resolve("experiments/ptbxl-time-cnn1d.conf");
    assertThat(Files.readString(experiment)).contains("include \"ptbxl-time-resnet1d.conf\"");

    UnpackedDistribution.Outcome validated = sinus.run(elsewhere, "-Xmx1g", launcher(), "validate",
        experiment.toString(), "-q");
    assertThat(validated.exitCode()).as(validated.out() + validated.err()).isZero();
    assertThat(validated.out()).contains("is valid: experiment 'ptbxl-time-cnn1d'");
  }

  @Test
  void helpAndVersionStartWithoutTensorFlowsNativesOrTheInjector() throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UnpackedDistribution.Outcome help = sinus.run(temp, "", launcher(), "--help");
      assertThat(help.exitCode()).isZero();
      assertThat(help.err()).isEmpty();
      assertThat(help.out()).startsWith("Usage: sinus");
      millis.add(help.millis());
    }
    assertThat(Collections.min(millis)).as("the fastest of three `sinus --help`, in ms: %s", millis)
        .isLessThan(HELP_MILLIS_BOUND);

    for (String option : List.of("--help", "--version")) {
      Path classes = temp.resolve("classes" + option + ".log");
      UnpackedDistribution.Outcome outcome = sinus.run(temp, "-Xlog:class+load=info:file=" + classes, launcher(), option);
      assertThat(outcome.exitCode()).isZero();
      List<String> loaded = Files.readAllLines(classes).stream()
          .map(line -> line.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", "").split(" ")[0]).toList();
      assertThat(loaded).as("classes loaded by sinus %s", option).contains("org.sinus.cli.Main")
          .doesNotContain("com.google.inject.Guice", "org.bytedeco.javacpp.Loader",
              "org.tensorflow.internal.c_api.global.tensorflow");
    }
    String version = sinus.run(temp, "", launcher(), "--version").out();
    assertThat(version).startsWith("Sinus " + sinus.root().getFileName().toString().substring("sinus-".length()) + " ");
  }

  @Test
  void theLauncherWorksThroughASymbolicLink() throws Exception {
    Path bin = Files.createDirectories(temp.resolve("home-bin"));
    Path link = Files.createSymbolicLink(bin.resolve("sinus"), sinus.root().resolve("bin/sinus"));
    UnpackedDistribution.Outcome version = sinus.run(temp, "", link.toString(), "--version");
    assertThat(version.exitCode()).as(version.out() + version.err()).isZero();
    assertThat(version.out()).startsWith("Sinus ");
  }

  @Test
  void everyBundledLibraryHasItsLicenceListedAndEveryListedLibraryIsBundled() throws Exception {
    Path notices = sinus.root().resolve("THIRD-PARTY.txt");
    assertThat(notices).isRegularFile();
    List<String[]> entries = Arrays.stream(Files.readString(notices).split("\n\n"))
        .map(String::strip).map(block -> block.split("\n")).filter(lines -> lines[0].endsWith(".jar")).toList();
    List<String> listed = entries.stream().map(lines -> lines[0]).toList();
    for (String[] entry : entries) {
      assertThat(Arrays.stream(entry).map(String::strip).filter(line -> line.startsWith("licence: ")))
          .as("the licences listed for %s", entry[0]).isNotEmpty().noneMatch(line -> line.contains("Unknown"));
    }
    List<String> thirdParty = sinus.libraries().stream().filter(jar -> !jar.startsWith("sinus-")).toList();
    assertThat(thirdParty).as("the bundled libraries").hasSizeGreaterThan(10).allSatisfy(jar ->
        assertThat(listed).as("the THIRD-PARTY.txt entry of lib/%s", jar).anyMatch(entry -> jar.equals(entry)
            || jar.startsWith(entry.substring(0, entry.length() - ".jar".length()) + "-")));
    assertThat(listed).as("THIRD-PARTY.txt lists only jars of lib/").allMatch(thirdParty::contains);
  }

  @Test
  void theZipHoldsWhatTheTarballHolds() throws Exception {
    Path zip = UnpackedDistribution.archive().resolveSibling(
        UnpackedDistribution.archive().getFileName().toString().replaceFirst("\\.tar\\.gz$", ".zip"));
    List<String> zipped;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      zipped = file.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).sorted().toList();
    }
    assertThat(zipped).isEqualTo(unpacked).contains(sinus.root().getFileName() + "/bin/sinus",
        sinus.root().getFileName() + "/experiments/quickstart.conf", sinus.root().getFileName() + "/README.md",
        sinus.root().getFileName() + "/docs/benchmarks.md", sinus.root().getFileName() + "/THIRD-PARTY.txt");
  }
}
