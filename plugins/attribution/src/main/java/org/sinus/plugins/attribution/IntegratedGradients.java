package org.sinus.plugins.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;

/**
 * Integrated gradients (Sundararajan et al. 2017): the relevance of input value {@code i} is
 * {@code (x_i − b_i) · ∫₀¹ ∂f(b + α (x − b)) / ∂x_i dα}, the gradient of the explained class's
 * output {@code f} averaged along the straight path from a baseline {@code b} to the example
 * {@code x}, in the input domain of each model input (all inputs move together). The integral is
 * a Gauss–Legendre quadrature of {@code steps} nodes on [0, 1] (as Captum's default), whose
 * gradients are taken in batches.
 *
 * <p>Baselines: zeros, the mean of background windows of the training split, or the background
 * windows themselves, whose integrated gradients are averaged (expected gradients with a
 * deterministic path, Erion et al. 2021). Completeness, {@code Σ relevance = f(x) − f(b)} (averaged
 * over baselines), is checked for every window: the gap is reported in the details and a note
 * says when it exceeds the tolerance, a sign that {@code steps} is too small. With SmoothGrad
 * ({@code smooth-samples > 0}) the integrated gradients of noisy copies of the example are
 * averaged, and completeness holds for the copies' mean output. A whole record's relevance weights
 * its windows as the evaluation's aggregation does ({@link RelevanceMaps}).
 *
 * @param output the explained output
 * @param steps quadrature nodes on the path
 * @param baseline "zeros", "mean" or "background"
 * @param baselineSamples background windows drawn for the "mean" and "background" baselines
 * @param tolerance largest completeness gap, relative to |f(x) − f(b)|, without a note
 * @param smoothSamples noisy copies of the example averaged (SmoothGrad); 0 = none
 * @param smoothNoise the noise's standard deviation, as a fraction of the example's value range
 */
public record IntegratedGradients(ModelHandle.Output output, int steps, String baseline, int baselineSamples,
                                  double tolerance, int smoothSamples, double smoothNoise) implements Explainer {
  public static final String TYPE = "integrated-gradients";

  /** Builds the explainer from {@code explain { type = "integrated-gradients", ... }}. */
  public static final class Factory implements ComponentFactory<Explainer> {
    @Override
    public String description() {
      return "integrated gradients from a baseline (zeros, background mean, or background windows averaged), "
          + "with a completeness check, optionally smoothed (SmoothGrad)";
    }

    @Override
    public Explainer create(ComponentConfig config) {
      return new IntegratedGradients(Attributions.output(config), config.getInt("steps", 1, 10_000),
          config.getChoice("baseline", List.of("zeros", "mean", "background")),
          config.getInt("baseline-samples", 1, 10_000), config.getDouble("completeness-tolerance", 0, 10),
          config.getInt("smooth-samples", 0, 10_000), config.getDouble("smooth-noise", 0, 10));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    ModelHandle model = context.model();
    int classes = model.classes().size();
    int windows = target.windows();
    Examples examples = Attributions.windows(context, target);
    double[] scores = RelevanceMaps.scores(model.predict(examples), classes, target.label(), windows);
    Examples baselines = baselines(context, examples, target.seed());
    double[] baselineOutputs = Attributions.column(model.predict(baselines, output), classes, target.label());
    Integration integration = new Integration(model, target.label(), Attributions.each(baselines), windows);
    Examples relevance = smoothSamples == 0 ? integration.apply(examples)
        : Noise.smoothed(examples, smoothSamples, smoothNoise, new SplittableRandom(target.seed()), integration);

    double[] change = new double[windows];
    for (int w = 0; w < windows; w++) {
      change[w] = integration.exampleOutputs[w] / integration.examples;
      for (double baselineOutput : baselineOutputs) {
        change[w] -= baselineOutput / baselineOutputs.length;
      }
    }
    Attributions.Completeness completeness = Attributions.Completeness.of(relevance, change, target.windowStarts());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("output", Attributions.name(output));
    details.put("quadrature", "gauss-legendre");
    details.put("steps", steps);
    details.put("baseline", baseline);
    details.put("baselines", baselines.count());
    details.put("smooth_samples", smoothSamples);
    details.put("gradient_evaluations", integration.evaluated);
    completeness.describe(details);
    List<String> notes = new ArrayList<>();
    if (completeness.largestRelativeGap() > tolerance) {
      notes.add(String.format(Locale.ROOT, "completeness: a window's relevance sums to f(x) − f(baseline) only up to "
              + "%.3g (%.1f%% of the change, tolerance %.1f%%): the path integral is coarse, raise steps (now %d)",
          completeness.largestGap(), 100 * completeness.largestRelativeGap(), 100 * tolerance, steps));
    }
    return RelevanceMaps.explanation(context, target, describe(), scores, Attributions.perWindow(relevance), details,
        notes);
  }

  /**
   * The integrated gradients of examples (one per window) from every baseline, averaged over the
   * baselines; it adds up the examples' outputs, for completeness.
   */
  private final class Integration implements UnaryOperator<Examples> {
    private final ModelHandle model;
    private final int label;
    private final List<float[][]> baselines;
    private final GaussLegendre rule = GaussLegendre.of(steps);
    /** Sum of the explained output of each window over the examples integrated. */
    private final double[] exampleOutputs;
    /** Examples of each window integrated (SmoothGrad's noisy copies). */
    private int examples;
    private long evaluated;

    Integration(ModelHandle model, int label, List<float[][]> baselines, int windows) {
      this.model = model;
      this.label = label;
      this.baselines = baselines;
      this.exampleOutputs = new double[windows];
    }

    @Override
    public Examples apply(Examples x) {
      double[] outputs = Attributions.column(model.predict(x, output), model.classes().size(), label);
      int windows = exampleOutputs.length;
      PathSums sums = new PathSums(model, x.shapes(), windows, label, output, (long) windows * baselines.size() * steps);
      for (int w = 0; w < windows; w++) {
        exampleOutputs[w] += outputs[w];
        float[][] end = Attributions.example(x, w);
        for (float[][] start : baselines) {
          for (int k = 0; k < steps; k++) {
            sums.add(w, start, end, rule.nodes()[k], rule.weights()[k] / baselines.size());
          }
        }
      }
      examples++;
      Examples relevance = sums.sums();
      evaluated += sums.evaluated();
      return relevance;
    }
  }

  /** The baselines, one example each: zeros, the background's mean, or background windows. */
  private Examples baselines(ExplainerContext context, Examples examples, long seed) {
    if (baseline.equals("zeros")) {
      return Examples.zeros(examples.shapes(), 1);
    }
    Examples background = context.background(baselineSamples, seed).examples();
    if (background.count() == 0) {
      throw new IllegalStateException("the training split has no records to draw the " + baseline + " baseline from");
    }
    return baseline.equals("mean") ? Attributions.mean(background) : background;
  }

  private String describe() {
    return TYPE + String.format(Locale.ROOT, " (of the %s, %s baseline%s, %d Gauss–Legendre steps%s)",
        Attributions.name(output), baseline, baseline.equals("zeros") ? "" : " of " + baselineSamples + " windows",
        steps, smoothSamples > 0 ? String.format(Locale.ROOT, ", SmoothGrad %d × %.2g", smoothSamples, smoothNoise)
            : "");
  }
}
