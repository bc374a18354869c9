package org.sinus.engine.compare;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.ExperimentSetup;
import org.sinus.engine.run.RunDirectory;

/**
 * What a run is a run of: its experiment's name, its seed, and every other setting of the experiment it
 * recorded, except the machine-local ones (data locations, threads, caches), which say where it ran rather
 * than what was run. Runs with the same name and the same settings are seeds of one experiment.
 *
 * @param name the experiment's {@code name}
 * @param seed the experiment's {@code seed}
 * @param settings every other setting, by dotted path, with its value (lists as lists); kept sorted by path
 */
public record RunExperiment(String name, long seed, Map<String, Object> settings) {
  public RunExperiment {
    settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
  }

  /**
   * The experiment of a run directory, read from its {@code experiment.conf} as {@code sinus evaluate} reads
   * it (the plugins tell which keys are machine-local).
   *
   * @throws org.sinus.api.SinusException if the directory is no run, or its experiment no longer loads
   */
  public static RunExperiment read(Path directory, PluginRegistry registry) {
    RunDirectory run = RunDirectory.open(directory);
    Experiment experiment = new ExperimentLoader(registry).load(run.resolve(RunDirectory.EXPERIMENT), List.of());
    ExperimentSetup setup = ExperimentSetup.create(experiment, registry);
    Config config = setup.experiment().config().withoutPath("name").withoutPath("seed");
    for (String key : setup.machineLocalKeys()) {
      config = config.withoutPath(key);
    }
    SortedMap<String, Object> settings = new TreeMap<>();
    config.entrySet().forEach(entry -> settings.put(entry.getKey(), entry.getValue().unwrapped()));
    return new RunExperiment(experiment.name(), experiment.seed(), settings);
  }

  /** Whether {@code other} is a run of the same experiment: the same name and settings (any seed). */
  public boolean sameExperiment(RunExperiment other) {
    return name.equals(other.name) && settings.equals(other.settings);
  }

  /** The settings whose values differ between the two runs (set in one only, or set differently). */
  public List<String> differingSettings(RunExperiment other) {
    List<String> differing = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(settings.keySet());
    keys.addAll(other.settings.keySet());
    for (String key : keys) {
      if (!Objects.equals(settings.get(key), other.settings.get(key))) {
        differing.add(key);
      }
    }
    return differing;
  }
}
