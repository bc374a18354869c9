package org.sinus.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.train.CpuFeatures;
import org.tensorflow.TensorFlow;

/**
 * What a run needs to be understood and redone, as Tribuo's model provenance: the experiment and
 * its overrides, the seed, the selected types and where they came from, the data's fingerprint,
 * the versions of Sinus (with the commit it was built from), TensorFlow, Java and the machine
 * (floating-point results differ across platforms). Keys are constants; values are written to {@code provenance.json}.
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
  public static final String GIT_DIRTY = "git_dirty";
  /** The resource the build writes the commit into (see the framework's pom.xml). */
  static final String BUILD_GIT = "/org/sinus/engine/build-git.properties";

  private Provenance() {}

  public static Map<String, Object> of(ExperimentSetup setup, PluginRegistry registry) {
    Experiment experiment = setup.experiment();
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put(SINUS_VERSION, version());
    provenance.put(STARTED, OffsetDateTime.now().toString());
    provenance.put(EXPERIMENT_FILE, experiment.file().map(Path::toString).orElse(null));
    provenance.put(OVERRIDES, experiment.overrides());
    provenance.put(SEED, experiment.seed());
    Map<String, Object> components = new LinkedHashMap<>();
    setup.components().forEach((path, built) -> components.put(path, Map.of(
        "type", built.type(),
        "from", PluginRegistry.origin(built.factory()))));
    provenance.put(COMPONENTS, components);
    provenance.put(PLUGINS, registry.pluginNames());
    provenance.put(TENSORFLOW, TensorFlow.version());
    provenance.put(JAVA, System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    provenance.put(OS, System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    provenance.put(CPU, Map.of("model", CpuFeatures.modelName(), "cores", Runtime.getRuntime().availableProcessors(),
        "simd", CpuFeatures.simdFlags(), "onednn", CpuFeatures.oneDnnEnabled()));
    buildCommit().ifPresent(build -> {
      provenance.put(GIT_COMMIT, build.commit());
      provenance.put(GIT_DIRTY, build.dirty());
    });
    return provenance;
  }

  /** Sinus's version from the framework jar's manifest, or "development" when run from classes. */
  public static String version() {
    String version = Provenance.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /**
   * The commit this Sinus was built from and whether its tree had uncommitted changes, as the build
   * recorded them in {@value #BUILD_GIT}; empty when it was built outside a git checkout.
   */
  static Optional<BuildCommit> buildCommit() {
    try (InputStream in = Provenance.class.getResourceAsStream(BUILD_GIT)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      String commit = properties.getProperty("git.commit.id", "").strip();
      if (commit.isEmpty() || commit.startsWith("${")) {
        return Optional.empty();
      }
      return Optional.of(new BuildCommit(commit, Boolean.parseBoolean(properties.getProperty("git.dirty", "false"))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** A build's commit; {@code dirty} if the tree it was built from differed from that commit. */
  record BuildCommit(String commit, boolean dirty) {}

  /**
   * What to record when a killed run is resumed after {@code epoch}: the provenance of the resuming
   * process (versions, machine, data), so that a run finished by other code or on another machine
   * says so; the original {@code provenance.json} stays as it was.
   */
  public static Map<String, Object> resumption(Map<String, Object> current, int epoch) {
    Map<String, Object> resumption = new LinkedHashMap<>();
    resumption.put("after_epoch", epoch);
    current.forEach((key, value) -> resumption.put(STARTED.equals(key) ? "resumed" : key, value));
    return resumption;
  }
}
