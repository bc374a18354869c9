package org.sinus.engine.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.ProblemCollector;
import org.sinus.engine.config.Experiment;
import org.sinus.engine.config.ExperimentLoader;
import org.sinus.engine.plugin.PluginRegistry;
import org.sinus.engine.run.ExperimentSetup;

/**
 * Turns a sweep file into its runs (each point × fold) and validates every one of them before anything
 * trains: each is loaded and set up as {@code sinus train} would, and all problems of all points are
 * reported together, each naming its point. Points that resolve to the same experiment (the same
 * hash) are one run.
 */
public final class SweepPlanner {
  private final PluginRegistry registry;

  public SweepPlanner(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param sweep the sweep
   * @param machineSettings machine-local overrides of the engine (threads) and where the runs go
   *     ({@code output.dir}); they are not part of a run's identity
   */
  public List<PlannedRun> plan(SweepFile sweep, List<String> machineSettings) {
    ProblemCollector problems = new ProblemCollector();
    Map<String, PlannedRun> runs = new LinkedHashMap<>();
    ExperimentLoader loader = new ExperimentLoader(registry);
    for (SweepPoint point : sweep.points()) {
      List<List<String>> foldSettings = new ArrayList<>();
      List<String> foldLabels = new ArrayList<>();
      if (sweep.crossValidation().enabled()) {
        sweep.crossValidation().rotations().forEach(fold -> {
          foldSettings.add(fold.settings());
          foldLabels.add(fold.label());
        });
      } else {
        foldSettings.add(List.of());
        foldLabels.add("");
      }
      for (int i = 0; i < foldSettings.size(); i++) {
        List<String> settings = new ArrayList<>(point.settings());
        settings.addAll(foldSettings.get(i));
        String label = foldLabels.get(i).isEmpty() ? point.label() : point.label() + ", " + foldLabels.get(i);
        List<String> overrides = new ArrayList<>(settings);
        overrides.addAll(machineSettings);
        try {
          Experiment experiment = loader.load(sweep.experimentOf(settings), SweepFile.overridesOf(overrides));
          String id = ExperimentHash.of(ExperimentSetup.create(experiment, registry));
          runs.putIfAbsent(id, new PlannedRun(id, label, settings, experiment));
        } catch (ConfigException e) {
          e.problems().forEach(p -> problems.add(new ConfigProblem(p.path(), inSweepFile(p.location(), point),
              p.message() + " [point " + label + "]")));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.problems(), "Invalid sweep " + sweep.file() + " (every point's experiment "
          + "was checked; nothing was run)");
    }
    return List.copyOf(runs.values());
  }

  /**
   * Where the sweep file sets an override, for a problem that the experiment loader located at the override
   * ({@code --set model.filter=8}); other locations (the experiment's own lines) stay as they are.
   */
  private static String inSweepFile(String location, SweepPoint point) {
    if (location.startsWith("--set ") && location.indexOf('=') > 0) {
      String key = location.substring("--set ".length(), location.indexOf('=')).trim();
      return point.locations().getOrDefault(key, location);
    }
    return location;
  }

  /** Where the runs of a sweep go: {@code <sweep directory>/runs}. */
  public static Path runsDirectory(SweepFile sweep) {
    return sweep.directory().resolve("runs");
  }
}
