package org.sinus.engine.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.config.ConfigException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.data.Split;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Representation;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.train.FittedInputs;

/**
 * Makes the model's inputs ready: checks, before anything is fitted, that every representation
 * works with the data and that the model can read what they make; then fits every representation
 * on the training records, or restores what a run saved.
 */
public final class InputFitting {
  private InputFitting() {}

  /** What the representations are fitted with. */
  public static FitContext context(ExperimentSetup setup, EcgDataset data, DataContext dataContext) {
    SignalFormat format = DatasetRecords.formatOf(data);
    var scoring = setup.training().scoring(data.samplingRate(), data.samples());
    return new FitContext(format, scoring.windowSamples(), scoring.stride(), dataContext, data.name(),
        data.name() + "|" + data.source() + "|" + data.fingerprint());
  }

  /**
   * Every input's example shape; a representation that cannot work with the data, or a model that
   * cannot read the shapes, is a configuration error naming the blocks involved.
   */
  public static Map<String, ExampleShape> checkShapes(ExperimentSetup setup, FitContext context) {
    return checkShapes(setup, context.format(), context.dataName());
  }

  /** {@link #checkShapes(ExperimentSetup, FitContext)} for records of {@code format}, before they are loaded. */
  static Map<String, ExampleShape> checkShapes(ExperimentSetup setup, SignalFormat format, String dataName) {
    List<ConfigProblem> list = new ArrayList<>(setup.training().problemsWith(format));
    int window = setup.training().windowSamples(format.samplingRate(), format.samples());
    Map<String, ExampleShape> shapes = new LinkedHashMap<>();
    for (Map.Entry<String, Representation> input : setup.inputs().entrySet()) {
      try {
        shapes.put(input.getKey(), input.getValue().shape(format, window));
      } catch (ConfigException e) {
        list.addAll(e.problems());
      }
    }
    if (list.isEmpty()) {
      for (String problem : setup.model().checkInputs(shapes)) {
        list.add(new ConfigProblem("model", setup.location("model"), setup.type("model").orElse("the model") + " "
            + problem + describeInputs(setup, shapes)));
      }
    }
    if (!list.isEmpty()) {
      throw new ConfigException(list, "Invalid experiment configuration for the data of " + dataName + " ("
          + format.samplingRate() + " Hz, " + format.samples() + " samples, " + format.channels() + " leads)");
    }
    return shapes;
  }

  private static String describeInputs(ExperimentSetup setup, Map<String, ExampleShape> shapes) {
    List<String> parts = new ArrayList<>();
    shapes.forEach((name, shape) -> {
      String block = setup.inputBlock(name);
      parts.add(shape + " from " + block + " (" + setup.type(block).orElse("?") + ", " + setup.location(block) + ")");
    });
    return "; the input" + (parts.size() == 1 ? " is " : "s are ") + String.join(", ", parts);
  }

  /** Fits every input's representation on the training records only. */
  public static FittedInputs fit(ExperimentSetup setup, EcgDataset data, FitContext context) {
    return fit(setup, data, context, Map.of());
  }

  /**
   * Fits every input's representation on the training records only, except the inputs whose
   * state is given (the parts of a model that come from trained runs), which are restored.
   */
  static FittedInputs fit(ExperimentSetup setup, EcgDataset data, FitContext context, Map<String, Config> given) {
    checkShapes(setup, context);
    DatasetRecords training = DatasetRecords.of(data, Split.TRAIN);
    Map<String, FittedRepresentation> fitted = new LinkedHashMap<>();
    setup.inputs().forEach((name, representation) -> fitted.put(name, given.containsKey(name)
        ? representation.restore(given.get(name), context) : representation.fit(training, context)));
    return new FittedInputs(fitted);
  }

  /** Restores every input's representation from the state a run saved ({@link FittedInputs#state()}). */
  public static FittedInputs restore(ExperimentSetup setup, Config saved, FitContext context) {
    checkShapes(setup, context);
    Map<String, FittedRepresentation> fitted = new LinkedHashMap<>();
    for (Map.Entry<String, Representation> input : setup.inputs().entrySet()) {
      String path = ConfigUtil.quoteString(input.getKey());
      if (!saved.hasPath(path)) {
        throw new SinusException(ExitCode.RUN, "the saved representation state has no input '" + input.getKey()
            + "' (it has " + saved.root().keySet() + "): was it written by another version of the experiment?");
      }
      try {
        fitted.put(input.getKey(), input.getValue().restore(saved.getConfig(path), context));
      } catch (RuntimeException e) {
        if (e instanceof SinusException) {
          throw e;
        }
        throw new SinusException(ExitCode.RUN, "the saved state of input '" + input.getKey() + "' does not fit its "
            + "representation: " + e.getMessage(), e);
      }
    }
    return new FittedInputs(fitted);
  }
}
