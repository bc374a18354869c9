package org.sinus.framework.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sinus.framework.config.Experiment;
import org.sinus.framework.config.ExperimentLoader;
import org.sinus.framework.config.TypedSlot;
import org.sinus.framework.plugin.PluginRegistry;
import org.sinus.framework.train.CpuFeatures;
import org.tensorflow.TensorFlow;

/**
 * What a run needs to be understood and redone, as Tribuo's model provenance: the experiment and
 * its overrides, the seed, the selected types and where they came from, the data's fingerprint,
 * and the versions of Sinus, TensorFlow, Java and the machine (floating-point results differ across
 * platforms). Keys are constants; values are written to {@code provenance.json}.
 */
public final class Provenance {
  public static final String SINUS_VERSION = "sinus_version";
  public static final String STARTED = "started";
  public static final String EXPERIMENT_FILE = "experiment_file";
  public static final String OVERRIDES = "overrides";
  public static final String SEED = "seed";
  public static final String COMPONENTS = "components";
  public static final String PLUGINS = "plugins";
  public static final String TENSORFLOW = "tensorflow_version";
  public static final String JAVA = "java";
  public static final String OS = "os";
  public static final String CPU = "cpu";
  public static final String GIT_COMMIT = "git_commit";

  private Provenance() {}

  public static Map<String, Object> of(Experiment experiment, PluginRegistry registry) {
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put(SINUS_VERSION, version());
    provenance.put(STARTED, OffsetDateTime.now().toString());
    provenance.put(EXPERIMENT_FILE, experiment.file().map(Path::toString).orElse(null));
    provenance.put(OVERRIDES, experiment.overrides());
    provenance.put(SEED, experiment.seed());
    Map<String, Object> components = new LinkedHashMap<>();
    for (TypedSlot slot : ExperimentLoader.SLOTS) {
      experiment.type(slot.path()).ifPresent(type -> components.put(slot.path(), Map.of(
          "type", type,
          "from", registry.find(slot.point(), type).map(PluginRegistry::origin).orElse("?"))));
    }
    provenance.put(COMPONENTS, components);
    provenance.put(PLUGINS, registry.pluginNames());
    provenance.put(TENSORFLOW, TensorFlow.version());
    provenance.put(JAVA, System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    provenance.put(OS, System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    provenance.put(CPU, Map.of("model", CpuFeatures.modelName(), "cores", Runtime.getRuntime().availableProcessors(),
        "simd", CpuFeatures.simdFlags(), "onednn", CpuFeatures.oneDnnEnabled()));
    gitCommit().ifPresent(commit -> provenance.put(GIT_COMMIT, commit));
    return provenance;
  }

  /** Sinus's version from the framework jar's manifest, or "development" when run from classes. */
  public static String version() {
    String version = Provenance.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /** The commit of the Sinus checkout the run started in, when it started in one. */
  static java.util.Optional<String> gitCommit() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path head = dir.resolve(".git/HEAD");
      if (Files.isRegularFile(head)) {
        try {
          String ref = Files.readString(head).strip();
          if (!ref.startsWith("ref: ")) {
            return java.util.Optional.of(ref);
          }
          Path refFile = dir.resolve(".git").resolve(ref.substring(5));
          if (Files.isRegularFile(refFile)) {
            return java.util.Optional.of(Files.readString(refFile).strip());
          }
          Path packed = dir.resolve(".git/packed-refs");
          if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed)) {
              if (line.endsWith(" " + ref.substring(5))) {
                return java.util.Optional.of(line.substring(0, line.indexOf(' ')));
              }
            }
          }
        } catch (IOException e) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
      }
      dir = dir.getParent();
    }
    return java.util.Optional.empty();
  }
}
