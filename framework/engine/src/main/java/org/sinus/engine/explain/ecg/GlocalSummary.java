package org.sinus.engine.explain.ecg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ECG views of many explanations aggregated per class ("glocal"): for every class, over the
 * records explained for it, the mean and standard deviation of each lead's and each beat phase's
 * share of the positive relevance, as the ECG explanation literature recommends (average relevance
 * per class, lead and beat: Bender et al. 2022; Wagner, Mehari, Haverkamp and Strodthoff 2023).
 */
public final class GlocalSummary {
  private final Map<String, List<RelevanceViews>> byClass = new TreeMap<>();

  public void add(String className, RelevanceViews views) {
    byClass.computeIfAbsent(className, c -> new ArrayList<>()).add(views);
  }

  public boolean isEmpty() {
    return byClass.isEmpty();
  }

  /** Per class: records, and per lead and per phase the mean and sd of the share. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    byClass.forEach((className, views) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("records", views.size());
      entry.put("lead_share", spread(views, true));
      entry.put("phase_share", spread(views, false));
      json.put(className, entry);
    });
    return json;
  }

  /** Markdown: one table per class, leads and phases with mean ± sd of their share. */
  public String markdown() {
    StringBuilder md = new StringBuilder("# Relevance per class, lead and beat phase\n\n")
        .append("Share of the positive relevance, mean ± sd over the records explained for each class.\n");
    byClass.forEach((className, views) -> {
      md.append("\n## ").append(className).append(" (").append(views.size()).append(views.size() == 1 ? " record" : " records")
          .append(")\n\n| lead | share |\n|---|---|\n");
      spread(views, true).forEach((lead, ms) -> md.append("| ").append(lead).append(" | ").append(format(ms)).append(" |\n"));
      md.append("\n| beat phase | share |\n|---|---|\n");
      spread(views, false).forEach((phase, ms) -> md.append("| ").append(phase).append(" | ").append(format(ms))
          .append(" |\n"));
    });
    return md.toString();
  }

  private static String format(double[] meanSd) {
    return String.format(Locale.ROOT, "%.3f ± %.3f", meanSd[0], meanSd[1]);
  }

  private static Map<String, double[]> spread(List<RelevanceViews> views, boolean leads) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (RelevanceViews view : views) {
      (leads ? view.leadShare() : view.phaseShare())
          .forEach((name, share) -> values.computeIfAbsent(name, n -> new ArrayList<>()).add(share));
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    values.forEach((name, list) -> {
      double mean = list.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double variance = list.size() < 2 ? 0 : list.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (list.size() - 1);
      out.put(name, new double[] {mean, Math.sqrt(variance)});
    });
    return out;
  }
}
