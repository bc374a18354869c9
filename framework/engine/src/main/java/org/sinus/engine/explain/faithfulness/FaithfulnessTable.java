package org.sinus.engine.explain.faithfulness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows of an {@link ExplainerEvaluation} as Markdown (with what each column means) and as JSON. */
public final class FaithfulnessTable {
  private FaithfulnessTable() {}

  /** A {@code ## heading} section: {@code about} (e.g. how and where it was measured), the settings, the table, notes. */
  public static String markdown(String heading, String about, List<ExplainerEvaluation.Row> rows,
                                ExplainerEvaluation.Settings settings) {
    StringBuilder md = new StringBuilder("## ").append(heading).append("\n\n").append(about).append("\n\n")
        .append(String.format(Locale.ROOT, "%d test records, each explained for its predicted class; deletion "
            + "features: one lead over %.2f s, flattened in %d steps.%n%n", settings.records(), settings.segmentSeconds(),
            settings.steps()))
        .append("| explainer | s per explanation | AOPC MoRF ↑ | AOPC LeRF ↓ | AOPC random order | |ρ| with untrained model ↓ "
            + "| stability ρ ↑ | relevance mass in region ↑ | pointing game ↑ | region area |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (ExplainerEvaluation.Row row : rows) {
      md.append("| ").append(row.explainer()).append(" | ").append(number(row.secondsPerExplanation(), 3))
          .append(" | ").append(number(row.aopcMorf(), 4)).append(" | ").append(number(row.aopcLerf(), 4))
          .append(" | ").append(number(row.aopcRandomOrder(), 4)).append(" | ").append(number(row.randomisedCorrelation(), 3))
          .append(" | ").append(number(row.stability(), 3)).append(" | ").append(number(row.localisationMass(), 3))
          .append(" | ").append(number(row.pointingGame(), 3)).append(" | ").append(number(row.regionArea(), 3))
          .append(" |\n");
    }
    List<String> notes = new ArrayList<>();
    rows.forEach(row -> row.notes().forEach(note -> notes.add(row.explainer() + ": " + note)));
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  public static List<Map<String, Object>> json(List<ExplainerEvaluation.Row> rows) {
    List<Map<String, Object>> json = new ArrayList<>();
    for (ExplainerEvaluation.Row row : rows) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("explainer", row.explainer());
      entry.put("explanations", row.explanations());
      entry.put("seconds_per_explanation", finite(row.secondsPerExplanation()));
      entry.put("aopc_morf", finite(row.aopcMorf()));
      entry.put("aopc_lerf", finite(row.aopcLerf()));
      entry.put("aopc_random_order", finite(row.aopcRandomOrder()));
      entry.put("untrained_model_rank_correlation", finite(row.randomisedCorrelation()));
      entry.put("stability_rank_correlation", finite(row.stability()));
      entry.put("relevance_mass_in_region", finite(row.localisationMass()));
      entry.put("pointing_game", finite(row.pointingGame()));
      entry.put("region_area", finite(row.regionArea()));
      entry.put("notes", row.notes());
      json.add(entry);
    }
    return json;
  }

  private static Object finite(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static String number(double value, int decimals) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
