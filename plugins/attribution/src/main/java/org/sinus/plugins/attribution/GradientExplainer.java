package org.sinus.plugins.attribution;

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
          Attributions.output(config),
          config.getBoolean("times-input"), config.getInt("smooth-samples", 0, 10_000),
          config.getDouble("smooth-noise", 0, 10));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    ModelHandle model = context.model();
    Examples examples = Attributions.windows(context, target);
    int[] labels = Attributions.labels(target.windows(), target.label());
    double[] scores = RelevanceMaps.scores(model.predict(examples), model.classes().size(), target.label(),
        target.windows());
    Examples gradients = smoothSamples == 0 ? model.gradients(examples, labels, output)
        : Noise.smoothed(examples, smoothSamples, smoothNoise, new SplittableRandom(target.seed()),
            x -> model.gradients(x, labels, output));
    Examples relevance = timesInput ? product(examples, gradients) : gradients;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("output", Attributions.name(output));
    details.put("smooth_samples", smoothSamples);
    return RelevanceMaps.explanation(context, target, describe(), scores, Attributions.perWindow(relevance), details,
        List.of());
  }

  /** The gradients times the examples' values. */
  private static Examples product(Examples examples, Examples gradients) {
    Map<String, float[]> products = new LinkedHashMap<>();
    gradients.values().forEach((input, gradient) -> {
      float[] values = examples.values().get(input);
      float[] product = new float[gradient.length];
      for (int i = 0; i < product.length; i++) {
        product[i] = gradient[i] * values[i];
      }
      products.put(input, product);
    });
    return new Examples(products, gradients.shapes(), gradients.count());
  }

  private String describe() {
    return TYPE + " (" + (timesInput ? "times input, " : "") + "of the " + output.name().toLowerCase(Locale.ROOT)
        + (smoothSamples > 0 ? String.format(Locale.ROOT, ", SmoothGrad %d × %.2g", smoothSamples, smoothNoise) : "")
        + ")";
  }
}
