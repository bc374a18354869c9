package org.sinus.e2e.plugin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.explain.Background;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;

/**
 * A test explainer that needs background records as SHAP and LIME do: the relevance of a value is
 * its difference from the mean of the background, in the signal and in every input. It lets the
 * leak tests follow where an explainer's background comes from.
 *
 * @param backgroundSize how many background windows to draw
 */
public record BackgroundDifference(int backgroundSize) implements Explainer {
  public static final String TYPE = "background-difference";

  public static final class Factory implements ComponentFactory<Explainer> {
    @Override
    public String description() {
      return "test explainer: difference from the mean of background records of the training split";
    }

    @Override
    public Explainer create(ComponentConfig config) {
      return new BackgroundDifference(config.getInt("background", 1, 10_000));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    Background background = context.background(backgroundSize, target.seed());
    int values = target.signal().length;
    float[] signal = target.signal().clone();
    for (float[] record : background.records()) {
      for (int v = 0; v < values; v++) {
        signal[v] -= record[v] / background.records().length;
      }
    }
    float[][] windows = new float[target.windows()][];
    Arrays.fill(windows, target.signal());
    Examples explained = context.encode(windows, target.windowStarts());
    Map<String, float[][]> inputs = new LinkedHashMap<>();
    for (String input : explained.shapes().keySet()) {
      int size = explained.shapes().get(input).size();
      float[] mean = new float[size];
      for (int b = 0; b < background.examples().count(); b++) {
        float[] example = background.examples().example(input, b);
        for (int v = 0; v < size; v++) {
          mean[v] += example[v] / background.examples().count();
        }
      }
      float[][] relevance = new float[target.windows()][];
      for (int w = 0; w < target.windows(); w++) {
        relevance[w] = explained.example(input, w);
        for (int v = 0; v < size; v++) {
          relevance[w][v] -= mean[v];
        }
      }
      inputs.put(input, relevance);
    }
    float[] probabilities = context.model().predict(explained);
    int classes = probabilities.length / target.windows();
    double[] windowScores = new double[target.windows()];
    for (int w = 0; w < target.windows(); w++) {
      windowScores[w] = probabilities[w * classes + target.label()];
    }
    double score = context.scoring().score(windowScores);
    return new Explanation(TYPE, target.label(), score, target.windowStarts(), inputs, signal,
        List.of("test explainer"), Map.of("background", background.records().length));
  }
}
