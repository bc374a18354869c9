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
 * Kernel SHAP (Lundberg & Lee 2017), model-agnostic: the Shapley values of features of the signal
 * (leads, segments, or segments of each lead) for the explained output, estimated by the weighted
 * least-squares fit of the outputs of coalitions ({@link Coalitions#shapley},
 * {@link ShapleyRegression}). A feature is absent when its samples are replaced
 * ({@link Absence}); perturbed signals go through every input's representation, so any
 * representation and multi-input model is explained in terms of the signal. The attributions sum
 * to f(x) − E[f(background)] exactly; with every coalition evaluated they are the exact Shapley
 * values.
 *
 * @param features the features attributed to
 * @param absence what absent features become
 * @param coalitions the coalitions evaluated, the empty and the full one included
 */
public record KernelShapExplainer(FeatureChoice features, Absence absence, int coalitions) implements Explainer {
  public static final String TYPE = "kernel-shap";

  /** Builds the explainer from {@code explain { type = "kernel-shap", ... }}. */
  public static final class Factory implements ComponentFactory<Explainer> {
    @Override
    public String description() {
      return "Kernel SHAP: Shapley values of leads or segments of the signal from sampled coalitions (model-agnostic)";
    }

    @Override
    public Explainer create(ComponentConfig config) {
      return new KernelShapExplainer(FeatureChoice.read(config),
          Absence.read(config, "background", List.of("sample", "mean", "zeros")),
          config.getInt("coalitions", 10, 1_000_000));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    Perturbation perturbation = Perturbation.of(context, target, features, absence);
    int m = perturbation.features().count();
    Coalitions.Weighted sample = Coalitions.shapley(m, coalitions, new SplittableRandom(target.seed()));
    boolean[][] masks = new boolean[sample.masks().length + 1][];
    masks[0] = new boolean[m];
    System.arraycopy(sample.masks(), 0, masks, 1, sample.masks().length);
    double[] outputs = perturbation.scorer().score(masks);
    double base = outputs[0];
    double full = perturbation.scorer().original();
    double[] rest = new double[sample.masks().length];
    System.arraycopy(outputs, 1, rest, 0, rest.length);
    ShapleyRegression.Solution solution = ShapleyRegression.solve(sample, rest, base, full, m);
    double sum = 0;
    for (double value : solution.values()) {
      sum += value;
    }
    int evaluated = masks.length + 1;
    List<String> notes = perturbation.notes(context, target);
    notes.add(sample.exhaustive() ? "all " + evaluated + " coalitions of the " + m + " features were "
        + "evaluated: these are the exact Shapley values"
        : String.format(Locale.ROOT, "%d coalitions of 2^%d were sampled in complementary pairs, sizes weighted by "
            + "the Shapley kernel: an estimate of the Shapley values", evaluated, m));
    notes.add("the Shapley values sum to f(x) − E[f(background)], the output minus that of every feature absent");
    if (solution.ridge() > 0) {
      notes.add("the coalitions did not determine every feature (too few for " + m + " features): a ridge of "
          + String.format(Locale.ROOT, "%.2g", solution.ridge()) + " was added; raise coalitions");
    }
    Map<String, Object> details = perturbation.details();
    details.put("feature_kind", features.describe());
    details.put("coalitions", evaluated);
    details.put("exact", sample.exhaustive());
    details.put("base_value", base);
    details.put("efficiency_gap", full - base - sum);
    return perturbation.ofFeatureValues(context, target, describe(), "Shapley value", solution.values(), notes,
        details);
  }

  private String describe() {
    return String.format(Locale.ROOT, "%s (%s, %d coalitions, background %s)", TYPE, features.describe(), coalitions,
        absence.kind().name().toLowerCase(Locale.ROOT));
  }
}
