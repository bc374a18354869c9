package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;

/**
 * {@code sinus explain --evaluate} on a small synthetic run: the faithfulness table of the chosen
 * explainers and of random attributions, in the run and, with {@code --doc}, in a document whose
 * section of that run it replaces.
 */
class ExplainerEvaluationTest {
  @TempDir
  Path temp;

  @Test
  void measuresEachExplainerAgainstRandomAttributionsAndUpdatesTheDocument() throws IOException {
    Path run = Experiments.trainSmallQuickstart(temp.resolve("runs"));
    Path doc = temp.resolve("explainability.md");
    Files.writeString(doc, "# Explainability\n\nIntro.\n");
    for (int time = 0; time < 2; time++) {
      Cli.Outcome evaluated = Cli.run("explain", run.toString(), "--evaluate", "--explainer", "gradient,occlusion",
          "--count", "4", "--deletion-steps", "5", "--set", "explain.occlusion.per-lead=false", "--doc", doc.toString(),
          "-q");
      assertThat(evaluated.exitCode()).as(evaluated.all()).isZero();
    }

    Path json;
    try (Stream<Path> dirs = Files.list(run.resolve("explanations"))) {
      json = dirs.filter(dir -> dir.getFileName().toString().startsWith("faithfulness-")).findFirst().orElseThrow()
          .resolve("faithfulness.json");
    }
    Config table = Json.parse(Files.readString(json));
    assertThat(table.getString("command")).contains("--evaluate --explainer gradient,occlusion --count 4");
    assertThat(table.getString("machine")).contains("cores");
    List<? extends Config> rows = table.getConfigList("explainers");
    assertThat(rows).extracting(row -> row.getString("explainer"))
        .containsExactly("gradient", "occlusion", "random attribution");
    for (Config row : rows) {
      assertThat(row.getInt("explanations")).isEqualTo(4);
      assertThat(row.getDouble("aopc_morf")).isBetween(-1.0, 1.0);
      assertThat(row.getDouble("aopc_lerf")).isBetween(-1.0, 1.0);
      assertThat(row.getDouble("aopc_random_order")).as("the same random orders for every explainer")
          .isEqualTo(rows.get(0).getDouble("aopc_random_order"));
    }
    Config random = rows.get(2);
    // the synthetic data knows where each class was put: uniform random relevance puts the region's
    // share of the record inside it, so the two columns must agree if the region and the relevance are aligned
    assertThat(random.getDouble("relevance_mass_in_region")).isCloseTo(random.getDouble("region_area"), within(0.03));
    assertThat(random.getIsNull("untrained_model_rank_correlation")).isTrue();
    assertThat(rows.get(0).getDouble("untrained_model_rank_correlation")).isBetween(0.0, 1.0);
    assertThat(rows.get(1).getDouble("stability_rank_correlation")).isBetween(-1.0, 1.0);

    String markdown = Files.readString(doc);
    String heading = "## Run " + run.getFileName() + " (synthetic, resnet1d)";
    assertThat(markdown).startsWith("# Explainability\n\nIntro.\n\n" + heading)
        .contains("| gradient | ").contains("| occlusion | ").contains("| random attribution | ");
    assertThat(markdown.split(java.util.regex.Pattern.quote(heading), -1)).as("one section per run, replaced")
        .hasSize(2);
  }
}
