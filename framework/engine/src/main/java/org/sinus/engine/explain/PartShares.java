package org.sinus.engine.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.InputView;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.explain.RecordScoring;

/**
 * The parts of a model made of parts (a late fusion's branches, {@link ModelHandle#predictParts})
 * in one explanation:
 *
 * <ul>
 *   <li>each part's own probability of the explained class next to the model's (fused)
 *       probability, on the explained windows, combined over them as the evaluation scores a
 *       record ({@link RecordScoring#score});
 *   <li>each part's share of the explanation: of the absolute relevance on the inputs of the parts
 *       (a part reads the input of its own name), the fraction on each part's input, and the
 *       signed sum there; windows are weighted as the record's relevance weighs them
 *       ({@link RecordScoring#windowWeights}: only the highest-scoring window under the maximum,
 *       each equally under the mean). Not given, with a note why, when the explanation says its
 *       inputs' relevance cannot be compared ({@link Explanation#NO_INPUT_SHARES}, e.g. a
 *       perturbation of the signal), or has none on the parts' inputs.
 * </ul>
 *
 * @param record the explained record's id
 * @param className the explained class
 * @param output what the probabilities are, in words
 * @param fused the model's probability of the class
 * @param fusedWindows the model's probability of the class on each explained window
 * @param parts each part, in the model's order
 * @param sharesAvailable whether the parts' shares of the relevance are given
 * @param notes why shares are not given, and what they leave out
 */
public record PartShares(String record, String className, String output, double fused, double[] fusedWindows,
                         List<Part> parts, boolean sharesAvailable, List<String> notes) {
  public PartShares {
    fusedWindows = fusedWindows.clone();
    parts = List.copyOf(parts);
    notes = List.copyOf(notes);
  }

  /**
   * One part.
   *
   * @param name the part's name (a fusion's branch name), also the name of the input it reads
   * @param probability the part's probability of the class, its windows combined as the model's
   * @param windowProbabilities the part's probability of the class on each explained window
   * @param share the fraction of the absolute relevance on the parts' inputs that is on this part's
   *     input (the parts' shares sum to 1); NaN when shares are not available
   * @param absolute the absolute relevance on this part's input (windows weighted); NaN when not available
   * @param signed the relevance on this part's input summed with its signs (windows weighted): for an
   *     attribution that is complete (integrated gradients), the part's contribution to the explained
   *     output's change from the baseline; NaN when not available
   */
  public record Part(String name, double probability, double[] windowProbabilities, double share, double absolute,
                     double signed) {
    public Part {
      windowProbabilities = windowProbabilities.clone();
    }
  }

  /**
   * The parts of {@code explanation} of {@code target}, or empty when the model is not made of
   * parts (then nothing about parts is written).
   */
  public static Optional<PartShares> of(ExplainerContext context, ExplainTarget target, Explanation explanation) {
    ModelHandle model = context.model();
    int windows = target.windows();
    int[] starts = target.windowStarts();
    float[][] signals = new float[windows][];
    Arrays.fill(signals, target.signal());
    Examples examples = context.encode(signals, starts);
    Map<String, float[]> partProbabilities = model.predictParts(examples);
    if (partProbabilities.isEmpty()) {
      return Optional.empty();
    }
    int classes = model.classes().size();
    int label = explanation.label();
    RecordScoring scoring = context.scoring();
    double[] fusedWindows = column(model.predict(examples), classes, label, windows);
    double fused = combine(scoring, fusedWindows);
    double[] weights = windows == 1 ? new double[] {1} : scoring.windowWeights(fusedWindows);

    List<String> notes = new ArrayList<>();
    String unavailable = unavailable(explanation, partProbabilities.keySet().stream().toList(), windows);
    Map<String, double[]> sums = new LinkedHashMap<>();                                  // part → {absolute, signed}
    double total = 0;
    if (unavailable == null) {
      for (String part : partProbabilities.keySet()) {
        double[] sum = weightedSums(explanation.inputs().get(part), weights);
        sums.put(part, sum);
        total += sum[0];
      }
      if (!(total > 0) || !Double.isFinite(total)) {
        unavailable = "the explanation gives no relevance to the inputs of the parts (" + total + ")";
      }
    }
    if (unavailable != null) {
      notes.add("the parts' shares of the explanation are not available: " + unavailable);
    } else {
      List<String> others = context.inputs().stream().map(InputView::name)
          .filter(input -> !partProbabilities.containsKey(input)).toList();
      if (!others.isEmpty()) {
        notes.add("input" + (others.size() == 1 ? " " : "s ") + others + " belong" + (others.size() == 1 ? "s" : "")
            + " to no part: " + (others.size() == 1 ? "its" : "their") + " relevance is left out of the parts' shares");
      }
    }
    List<Part> parts = new ArrayList<>();
    for (Map.Entry<String, float[]> entry : partProbabilities.entrySet()) {
      double[] perWindow = column(entry.getValue(), classes, label, windows);
      double[] sum = sums.get(entry.getKey());
      boolean shared = unavailable == null;
      parts.add(new Part(entry.getKey(), combine(scoring, perWindow), perWindow, shared ? sum[0] / total : Double.NaN,
          shared ? sum[0] : Double.NaN, shared ? sum[1] : Double.NaN));
    }
    String className = model.classes().get(label);
    String output = windows == 1
        ? "the probability of " + className + " on the window at sample " + starts[0]
        : "the record's probability of " + className + ": its " + windows + " windows' probabilities combined by their "
            + scoring.aggregate().name().toLowerCase(Locale.ROOT) + ", as the evaluation scores a record";
    return Optional.of(new PartShares(target.recordId(), className, output, fused, fusedWindows, parts,
        unavailable == null, notes));
  }

  /** Why the explanation gives no shares of these parts, or null if it does. */
  private static String unavailable(Explanation explanation, List<String> parts, int windows) {
    Object reason = explanation.details().get(Explanation.NO_INPUT_SHARES);
    if (reason != null) {
      return String.valueOf(reason);
    }
    List<String> missing = parts.stream().filter(part -> !explanation.inputs().containsKey(part)).toList();
    if (!missing.isEmpty()) {
      return "the explanation has no relevance of the input" + (missing.size() == 1 ? " " : "s ") + missing
          + " (a part reads the input of its own name; the explanation has relevance of " + explanation.inputs().keySet()
          + ")";
    }
    for (String part : parts) {
      if (explanation.inputs().get(part).length != windows) {
        return "the explanation has relevance of " + explanation.inputs().get(part).length + " windows of input '"
            + part + "', for " + windows + " explained windows";
      }
    }
    return null;
  }

  /** {absolute, signed} relevance over every window's values, window {@code w} weighted by {@code weights[w]}. */
  private static double[] weightedSums(float[][] relevance, double[] weights) {
    double absolute = 0;
    double signed = 0;
    for (int w = 0; w < relevance.length; w++) {
      if (weights[w] == 0) {
        continue;
      }
      double windowAbsolute = 0;
      double windowSigned = 0;
      for (float value : relevance[w]) {
        windowAbsolute += Math.abs(value);
        windowSigned += value;
      }
      absolute += weights[w] * windowAbsolute;
      signed += weights[w] * windowSigned;
    }
    return new double[] {absolute, signed};
  }

  private static double[] column(float[] probabilities, int classes, int label, int rows) {
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = probabilities[i * classes + label];
    }
    return out;
  }

  private static double combine(RecordScoring scoring, double[] windowScores) {
    return windowScores.length == 1 ? windowScores[0] : scoring.score(windowScores);
  }

  @Override
  public double[] fusedWindows() {
    return fusedWindows.clone();
  }

  /**
   * One line: the fused probability, then each part's with its share of the relevance, e.g.
   * {@code MI: fused 0.712; time 0.804 (64% of |relevance|, signed +0.213), fft 0.623 (36%, signed -0.0310)}.
   */
  public String summary() {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: fused %.3f; ", className, fused));
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      line.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f", part.name(), part.probability()));
      if (sharesAvailable) {
        line.append(String.format(Locale.ROOT, i == 0 ? " (%.0f%% of |relevance|, signed %+.3g)" : " (%.0f%%, signed %+.3g)",
            100 * part.share(), part.signed()));
      }
    }
    if (!sharesAvailable) {
      line.append("; shares of the relevance not available");
    }
    return line.toString();
  }

  /** As the explanation's JSON holds it. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("summary", summary());
    json.put("output", output);
    json.put("fused_probability", fused);
    json.put("fused_window_probabilities", fusedWindows);
    json.put("shares_available", sharesAvailable);
    Map<String, Object> byName = new LinkedHashMap<>();
    for (Part part : parts) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("probability", part.probability());
      entry.put("window_probabilities", part.windowProbabilities());
      entry.put("relevance_share", part.share());
      entry.put("absolute_relevance", part.absolute());
      entry.put("signed_relevance", part.signed());
      byName.put(part.name(), entry);
    }
    json.put("parts", byName);
    json.put("notes", notes);
    return json;
  }

  /** What the explanations' summary.json holds of the parts: per explained record and class, {@link #toJson()}. */
  public static List<Map<String, Object>> toJson(List<PartShares> explained) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (PartShares shares : explained) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("record", shares.record());
      entry.put("class", shares.className());
      entry.putAll(shares.toJson());
      json.add(entry);
    }
    return json;
  }

  /**
   * Markdown of many explanations' parts: one row per record and class, the fused probability and
   * each part's probability with its share of the relevance.
   */
  public static String markdown(List<PartShares> explained) {
    if (explained.isEmpty()) {
      return "";
    }
    List<String> names = explained.get(0).parts().stream().map(Part::name).toList();
    StringBuilder md = new StringBuilder("# The model's parts\n\n")
        .append("Each part's (branch's) own probability of the class on the explained windows, combined as the ")
        .append("evaluation scores a record, next to the model's fused probability; and the part's share of the ")
        .append("absolute relevance on the parts' inputs, with the signed sum in brackets (no share where the ")
        .append("explanation gives none, see its notes).\n\n| record | class | fused |");
    names.forEach(name -> md.append(' ').append(name).append(" |"));
    md.append("\n|---|---|---|").append("---|".repeat(names.size())).append('\n');
    for (PartShares shares : explained) {
      md.append("| ").append(shares.record()).append(" | ").append(shares.className()).append(" | ")
          .append(String.format(Locale.ROOT, "%.3f", shares.fused())).append(" |");
      for (String name : names) {
        Part part = shares.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        if (part == null) {
          md.append(" – |");
        } else if (shares.sharesAvailable()) {
          md.append(String.format(Locale.ROOT, " %.3f · %.0f%% (%+.3g) |", part.probability(), 100 * part.share(),
              part.signed()));
        } else {
          md.append(String.format(Locale.ROOT, " %.3f |", part.probability()));
        }
      }
      md.append('\n');
    }
    return md.toString();
  }
}
