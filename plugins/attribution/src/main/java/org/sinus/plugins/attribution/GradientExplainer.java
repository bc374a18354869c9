package org.sinus.plugins.attribution;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;

/**
 * The gradient of the explained class's output with respect to every input value (saliency,
 * Simonyan et al. 2014), optionally multiplied by the input (gradient × input) and averaged over
 * noisy copies of the example (SmoothGrad, Smilkov et al. 2017). Relevance in each
 * representation's own domain, mapped to leads × time through the representations that can
 * ({@link RelevanceMaps}); a whole record's relevance weights its windows as the evaluation's
 * aggregation does.
 *
 * @param output the differentiated output
 * @param timesInput whether the gradient is multiplied by the input
 * @param smoothSamples noisy copies averaged; 0 = none
 * @param smoothNoise the noise's standard deviation, as a fraction of the example's value range
 */
public record GradientExplainer(ModelHandle.Output output, boolean timesInput, int smoothSamples, double smoothNoise)
    implements Explainer {
  public static final String TYPE = "gradient";

  /** Builds the explainer from {@code explain { type = "gradient", ... }}. */
  public static final class Factory implements ComponentFactory<Explainer> {
    @Override
    public String description() {
      return "gradient of the class output (saliency), optionally times the input and smoothed (SmoothGrad)";
    }

    @Override
    public Explainer create(ComponentConfig config) {
      return new GradientExplainer(
          ModelHandle.Output.valueOf(config.getChoice("output", List.of("probability", "logit")).toUpperCase(Locale.ROOT)),
          config.getBoolean("times-input"), config.getInt("smooth-samples", 0, 10_000),
          config.getDouble("smooth-noise", 0, 10));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    int windows = target.windows();
    float[][] signals = new float[windows][];
    Arrays.fill(signals, target.signal());
    Examples examples = context.encode(signals, target.windowStarts());
    int[] labels = new int[windows];
    Arrays.fill(labels, target.label());
    double[] scores = RelevanceMaps.scores(context.model().predict(examples), context.model().classes().size(),
        target.label(), windows);
    Examples gradients = smoothSamples == 0 ? context.model().gradients(examples, labels, output)
        : smoothGradients(context.model(), examples, labels, new SplittableRandom(target.seed()));
    Map<String, float[][]> relevance = new LinkedHashMap<>();
    for (String input : examples.shapes().keySet()) {
      int size = examples.shapes().get(input).size();
      float[] gradient = gradients.values().get(input);
      float[] values = examples.values().get(input);
      float[][] perWindow = new float[windows][size];
      for (int w = 0; w < windows; w++) {
        for (int i = 0; i < size; i++) {
          float g = gradient[w * size + i];
          perWindow[w][i] = timesInput ? g * values[w * size + i] : g;
        }
      }
      relevance.put(input, perWindow);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("output", output.name().toLowerCase(Locale.ROOT));
    details.put("smooth_samples", smoothSamples);
    return RelevanceMaps.explanation(context, target, describe(), scores, relevance, details);
  }

  private Examples smoothGradients(ModelHandle model, Examples examples, int[] labels, SplittableRandom random) {
    Map<String, float[]> sums = new LinkedHashMap<>();
    examples.values().forEach((name, values) -> sums.put(name, new float[values.length]));
    for (int sample = 0; sample < smoothSamples; sample++) {
      Map<String, float[]> noisy = new LinkedHashMap<>();
      for (Map.Entry<String, float[]> input : examples.values().entrySet()) {
        float[] values = input.getValue();
        int size = examples.shapes().get(input.getKey()).size();
        float[] copy = new float[values.length];
        for (int e = 0; e < examples.count(); e++) {
          float min = Float.POSITIVE_INFINITY;
          float max = Float.NEGATIVE_INFINITY;
          for (int i = e * size; i < (e + 1) * size; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
          }
          double sigma = smoothNoise * (max - min);
          for (int i = e * size; i < (e + 1) * size; i++) {
            copy[i] = (float) (values[i] + sigma * Gaussian.next(random));
          }
        }
        noisy.put(input.getKey(), copy);
      }
      Examples gradient = model.gradients(new Examples(noisy, examples.shapes(), examples.count()), labels, output);
      gradient.values().forEach((name, values) -> {
        float[] sum = sums.get(name);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += values[i] / smoothSamples;
        }
      });
    }
    return new Examples(sums, examples.shapes(), examples.count());
  }

  private String describe() {
    return TYPE + " (" + (timesInput ? "times input, " : "") + "of the " + output.name().toLowerCase(Locale.ROOT)
        + (smoothSamples > 0 ? String.format(Locale.ROOT, ", SmoothGrad %d × %.2g", smoothSamples, smoothNoise) : "")
        + ")";
  }
}
