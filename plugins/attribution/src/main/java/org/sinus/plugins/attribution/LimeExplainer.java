package org.sinus.plugins.attribution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;

/**
 * LIME (Ribeiro et al. 2016) over features of the signal: random coalitions
 * ({@link Coalitions#random}) are scored by the model, weighted by an exponential kernel
 * {@code exp(−d² / width²)} of their distance d from the explained signal (cosine or Hamming, on
 * the presence vectors), and a sparse linear surrogate is fitted to them ({@link LimeSurrogate}).
 * A feature's attribution is its coefficient: how much its presence adds to the output.
 *
 * @param features the features attributed to
 * @param absence what absent features become
 * @param samples perturbed samples, the unperturbed one included
 * @param distance {@code cosine} or {@code hamming}
 * @param kernelWidth the kernel's width
 * @param maxFeatures most features with a nonzero coefficient
 */
public record LimeExplainer(FeatureChoice features, Absence absence, int samples, String distance, double kernelWidth,
                            int maxFeatures) implements Explainer {
  public static final String TYPE = "lime";

  /** Builds the explainer from {@code explain { type = "lime", ... }}. */
  public static final class Factory implements ComponentFactory<Explainer> {
    @Override
    public String description() {
      return "LIME: a sparse linear surrogate (Tribuo's LARS-lasso) of the output in leads or segments present";
    }

    @Override
    public Explainer create(ComponentConfig config) {
      return new LimeExplainer(FeatureChoice.read(config),
          Absence.read(config, "background", List.of("sample", "mean", "zeros")),
          config.getInt("samples", 10, 1_000_000), config.getChoice("distance", List.of("cosine", "hamming")),
          config.getDouble("kernel-width", 1e-6, 1e6), config.getInt("max-features", 1, 100_000));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    Perturbation perturbation = Perturbation.of(context, target, features, absence);
    int m = perturbation.features().count();
    boolean[][] masks = Coalitions.random(m, samples, new SplittableRandom(target.seed()));
    double[] outputs = perturbation.scorer().score(masks);
    double[] weights = new double[masks.length];
    for (int i = 0; i < masks.length; i++) {
      double d = distance(masks[i]);
      weights[i] = Math.exp(-d * d / (kernelWidth * kernelWidth));
    }
    LimeSurrogate.Fit fit = LimeSurrogate.fit(masks, outputs, weights, maxFeatures);
    List<String> notes = perturbation.notes(context, target);
    notes.add(String.format(Locale.ROOT, "a linear surrogate of %d of the %d features fits the model's output on "
        + "%d perturbed samples with a weighted R² of %.3f%s", fit.selected(), m, masks.length, fit.r2(),
        fit.r2() < 0.5 ? ": the model is far from linear in these features here; read the attributions with care"
            : ""));
    Map<String, Object> details = perturbation.details();
    details.put("feature_kind", features.describe());
    details.put("samples", masks.length);
    details.put("r2", fit.r2());
    details.put("intercept", fit.intercept());
    details.put("selected", fit.selected());
    return perturbation.ofFeatureValues(context, target, describe(), "coefficient", fit.coefficients(), notes,
        details);
  }

  /** The distance of a coalition from the explained signal (every feature present). */
  private double distance(boolean[] present) {
    int kept = 0;
    for (boolean p : present) {
      kept += p ? 1 : 0;
    }
    return distance.equals("hamming") ? (present.length - kept) / (double) present.length
        : 1 - Math.sqrt(kept / (double) present.length);
  }

  private String describe() {
    return String.format(Locale.ROOT, "%s (%s, %d samples, %s kernel width %.3g, at most %d features)", TYPE,
        features.describe(), samples, distance, kernelWidth, maxFeatures);
  }
}
