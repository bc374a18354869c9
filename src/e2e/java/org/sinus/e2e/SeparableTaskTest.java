package org.sinus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinus.api.util.Json;
import org.sinus.e2e.leak.DataAudit;

/**
 * The whole pipeline learns: on a synthetic task that a working pipeline cannot miss
 * ({@code experiments/separable.conf}) the test macro AUC is far above what the same run reaches
 * when its training labels belong to other records. A pipeline that feeds a record with another's
 * targets, crops the wrong samples or evaluates other weights lands near the second, so the floor
 * between them decides, with a wide margin on either side.
 */
class SeparableTaskTest {
  @TempDir
  Path temp;

  @Test
  void theRightLabelsAreLearnedAndWrongOnesAreNot() throws IOException {
    Config right = train("right", "[]");
    Config wrong = train("wrong", "[train]");
    double rightAuc = right.getDouble("headlines.macro_auc.value");
    double wrongAuc = wrong.getDouble("headlines.macro_auc.value");
    assertThat(rightAuc).as("test macro AUC with the right labels").isGreaterThan(0.95);
    assertThat(wrongAuc).as("test macro AUC with the training labels of other records").isLessThan(0.7);
    for (Config perClass : right.getConfigList("classes")) {
      assertThat(perClass.getDouble("auc")).as(perClass.getString("name")).isGreaterThan(0.9);
    }
  }

  private Config train(String name, String rotatedLabels) throws IOException {
    Path experiment = temp.resolve("separable.conf");
    if (!Files.exists(experiment)) {
      try (InputStream in = SeparableTaskTest.class.getResourceAsStream("/experiments/separable.conf")) {
        Files.copy(in, experiment);
      }
    }
    Path runs = temp.resolve(name);
    DataAudit.start(name, runs);
    Cli.Outcome outcome = Cli.run("train", experiment.toString(), "-q", "--set", "dataset.audit=" + name,
        "--set", "dataset.runs=\"" + runs + "\"", "--set", "dataset.rotate-labels=" + rotatedLabels,
        "--set", "output.dir=\"" + runs + "\"");
    assertThat(outcome.exitCode()).as(outcome.all()).isZero();
    try (Stream<Path> list = Files.list(runs)) {
      return Json.parse(Files.readString(list.findFirst().orElseThrow().resolve("evaluation/test.json")));
    }
  }
}
