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
 * Gradient SHAP (Lundberg &amp; Lee 2017; as Captum's {@code GradientShap}): expected gradients
 * with random baselines. Each of {@code samples} draws takes a baseline {@code b} at random from
 * background windows of the training split, a point {@code α} uniform in [0, 1] and optionally
 * Gaussian noise {@code ε} of standard deviation {@code stdevs} on the example, and adds
 * {@code (x + ε − b) ⊙ ∇f(b + α (x + ε − b)) / samples} to the relevance. In expectation it is the
 * integrated gradients averaged over the background: the relevance sums to {@code f(x) − E[f(b)]}
 * up to sampling error (the details give both), and for a model linear in its input it equals
 * {@code (x − E[b]) ⊙ w}. Draws are seeded by the target's seed.
 *
 * @param output the explained output
 * @param samples random (baseline, point, noise) draws per window
 * @param baselineSamples background windows the baselines are drawn from
 * @param stdevs standard deviation of the noise added to the example, in the input's own units; 0 = none
 */
public record GradientShap(ModelHandle.Output output, int samples, int baselineSamples, double stdevs)
    implements Explainer {
  public static final String TYPE = "gradient-shap";

  /** Builds the explainer from {@code explain { type = "gradient-shap", ... }}. */
  public static final class Factory implements ComponentFactory<Explainer> {
    @Override
    public String description() {
      return "gradient SHAP: expected gradients at random points between the example and random background "
          + "baselines, optionally with noise";
    }

    @Override
    public Explainer create(ComponentConfig config) {
      return new GradientShap(Attributions.output(config), config.getInt("samples", 1, 100_000),
          config.getInt("baseline-samples", 1, 10_000), config.getDouble("stdevs", 0, 1e6));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    ModelHandle model = context.model();
    int classes = model.classes().size();
    int windows = target.windows();
    Examples examples = Attributions.windows(context, target);
    double[] scores = RelevanceMaps.scores(model.predict(examples), classes, target.label(), windows);
    Examples background = context.background(baselineSamples, target.seed()).examples();
    if (background.count() == 0) {
      throw new IllegalStateException("the training split has no records to draw baselines from");
    }
    List<float[][]> baselines = Attributions.each(background);
    SplittableRandom random = new SplittableRandom(target.seed());
    PathSums sums = new PathSums(model, examples.shapes(), windows, target.label(), output, (long) windows * samples);
    for (int w = 0; w < windows; w++) {
      float[][] example = Attributions.example(examples, w);
      for (int s = 0; s < samples; s++) {
        float[][] baseline = baselines.get(random.nextInt(baselines.size()));
        double alpha = random.nextDouble();
        float[][] end = example;
        if (stdevs > 0) {
          end = new float[example.length][];
          for (int n = 0; n < example.length; n++) {
            end[n] = new float[example[n].length];
            Noise.add(example[n], end[n], 0, example[n].length, stdevs, random);
          }
        }
        sums.add(w, baseline, end, alpha, 1.0 / samples);
      }
    }
    Examples relevance = sums.sums();

    double[] exampleOutputs = Attributions.column(model.predict(examples, output), classes, target.label());
    double[] baselineOutputs = Attributions.column(model.predict(background, output), classes, target.label());
    double expectedBaseline = 0;
    for (double v : baselineOutputs) {
      expectedBaseline += v / baselineOutputs.length;
    }
    double[] change = new double[windows];
    for (int w = 0; w < windows; w++) {
      change[w] = exampleOutputs[w] - expectedBaseline;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("output", Attributions.name(output));
    details.put("samples", samples);
    details.put("baselines", baselines.size());
    details.put("stdevs", stdevs);
    Attributions.Completeness.of(relevance, change, target.windowStarts()).describe(details);
    return RelevanceMaps.explanation(context, target, describe(), scores, Attributions.perWindow(relevance), details,
        List.of("gradient SHAP is a sampling estimate: a window's relevance sums to f(x) − E[f(baseline)] only in "
            + "expectation (see details.completeness)"));
  }

  private String describe() {
    return TYPE + String.format(Locale.ROOT, " (of the %s, %d samples, baselines from %d background windows%s)",
        Attributions.name(output), samples, baselineSamples,
        stdevs > 0 ? String.format(Locale.ROOT, ", noise σ = %.3g", stdevs) : "");
  }
}
