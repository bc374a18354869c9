package org.sinus.plugins.attribution;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ComponentFactory;

/**
 * Occlusion (Zeiler & Fergus 2014): a patch of {@code window} seconds slides over the explained
 * span every {@code stride} seconds, on each lead or on all leads, and is replaced by a baseline;
 * a patch's effect is the drop of the explained output, and a sample's relevance the mean drop of
 * the patches that cover it. All patches are scored in batches.
 *
 * @param windowSeconds the patch length
 * @param strideSeconds seconds between patch starts
 * @param perLead patches of one lead (else of all leads)
 * @param baseline what an occluded patch becomes
 * @param windowKey where {@code window} was set, for a patch shorter than one sample
 */
public record OcclusionExplainer(double windowSeconds, double strideSeconds, boolean perLead, Absence baseline,
                                 ConfigKey windowKey) implements Explainer {
  public static final String TYPE = "occlusion";

  /** Builds the explainer from {@code explain { type = "occlusion", ... }}. */
  public static final class Factory implements ComponentFactory<Explainer> {
    @Override
    public String description() {
      return "occlusion: drop of the class output when a sliding patch of the signal is replaced by a baseline";
    }

    @Override
    public Explainer create(ComponentConfig config) {
      double window = config.getSeconds("window", 0.001, 3600);
      double stride = config.getSeconds("stride", 0.001, 3600);
      if (stride > window) {
        config.problem("stride", String.format(Locale.ROOT, "a stride of %.4g s is longer than the window of %.4g s: "
            + "the samples between patches would never be occluded", stride, window));
      }
      return new OcclusionExplainer(window, stride, config.getBoolean("per-lead"),
          Absence.read(config, "baseline", List.of("zeros", "mean")), config.key("window"));
    }
  }

  @Override
  public Explanation explain(ExplainerContext context, ExplainTarget target) {
    int rate = context.format().samplingRate();
    int length = (int) Math.round(windowSeconds * rate);
    if (length < 1) {
      throw windowKey.problem(String.format(Locale.ROOT, "a patch of %.4g s is shorter than one sample at %d Hz",
          windowSeconds, rate));
    }
    int stride = Math.max(1, (int) Math.round(strideSeconds * rate));
    Span span = Span.of(target, context.scoring().windowSamples());
    Features patches = Features.slide(span.from(), span.to(), length, stride, perLead, context.format().channels());
    Perturbation perturbation = Perturbation.of(context, target, patches, baseline);
    int m = patches.count();
    boolean[][] masks = new boolean[m][m];
    for (int k = 0; k < m; k++) {
      Arrays.fill(masks[k], true);
      masks[k][k] = false;
    }
    double[] outputs = perturbation.scorer().score(masks);
    double full = perturbation.scorer().original();
    double[] drops = new double[m];
    int largest = 0;
    for (int k = 0; k < m; k++) {
      drops[k] = full - outputs[k];
      largest = Math.abs(drops[k]) > Math.abs(drops[largest]) ? k : largest;
    }
    List<String> notes = perturbation.notes(context, target);
    notes.add("a sample's relevance is the mean drop of the output over the patches (of " + m + ") that cover it "
        + "(a drop is positive where occluding lowers the output)");
    Map<String, Object> details = perturbation.details();
    details.put("largest_drop", drops[largest]);
    details.put("largest_drop_patch", patches.name(largest, context.format()));
    float[] signal = patches.coverageMean(drops, context.format().samples());
    return RelevanceMaps.ofSignal(context, target, describe(), full, signal, notes, details);
  }

  private String describe() {
    return String.format(Locale.ROOT, "%s (%.3g s patches every %.3g s, %s, baseline %s)", TYPE, windowSeconds,
        strideSeconds, perLead ? "per lead" : "all leads", baseline.kind().name().toLowerCase(Locale.ROOT));
  }
}
