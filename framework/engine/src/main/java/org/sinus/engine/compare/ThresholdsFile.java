package org.sinus.engine.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.Json;
import org.sinus.engine.eval.Thresholds;

/**
 * Reads the decision thresholds a run's evaluation wrote to {@code evaluation/thresholds.json}
 * ({@code {"source": …, "tuned_on": "validation" | "none", "thresholds": {"<class>": value, …}}}), so that
 * a comparison scores F1 with each run's own thresholds.
 */
public final class ThresholdsFile {
  /** The file's name in a run's {@code evaluation/} directory. */
  public static final String NAME = "thresholds.json";

  private ThresholdsFile() {}

  /**
   * The thresholds in {@code file} for {@code classes}, in that order.
   *
   * @throws SinusException (run) naming the file if it cannot be read or does not hold one threshold per class
   */
  public static Thresholds read(Path file, List<String> classes) {
    Config json;
    try {
      json = Json.parse(Files.readString(file));
    } catch (IOException | ConfigException e) {
      throw new SinusException(ExitCode.RUN, "cannot read " + file + ": " + e.getMessage(), e);
    }
    if (!json.hasPath("thresholds")) {
      throw new SinusException(ExitCode.RUN, file + " has no \"thresholds\" object");
    }
    ConfigObject values = json.getObject("thresholds");
    if (!values.keySet().equals(Set.copyOf(classes))) {
      throw new SinusException(ExitCode.RUN, file + " has thresholds for " + new TreeSet<>(values.keySet())
          + " but the predictions have classes " + classes);
    }
    double[] thresholds = new double[classes.size()];
    for (int k = 0; k < classes.size(); k++) {
      ConfigValue value = values.get(classes.get(k));
      if (!(value.unwrapped() instanceof Number number)) {
        throw new SinusException(ExitCode.RUN, file + ": the threshold of class " + classes.get(k) + " is "
            + value.render() + ", not a number");
      }
      thresholds[k] = number.doubleValue();
    }
    String tunedOn = json.hasPath("tuned_on") ? json.getString("tuned_on") : "none";
    return new Thresholds(classes, thresholds, tunedOn.equals("none") ? null : tunedOn, List.of(), List.of());
  }
}
