package org.sinus.e2e.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;
import org.sinus.api.model.Model;
import org.sinus.plugins.attribution.AttributionPlugin;
import org.sinus.plugins.time.TimePlugin;
import org.sinus.testkit.ExplainerFixture;
import org.sinus.testkit.RawSignal;
import org.sinus.testkit.TestComponents;

/**
 * Times integrated gradients on whole PTB-XL-shaped records: 1000 samples × 12 leads at 100 Hz,
 * explained over the evaluation's 7 sliding windows of 250 samples (stride 125), by a
 * {@code resnet1d} of the default size (473k parameters) with its initial random weights, on the
 * raw signal. One record is explained to warm up, then {@code --records} records (the same test
 * record, as the cost does not depend on the values) are timed; it prints seconds per record and
 * milliseconds per gradient (one example's forward and backward pass).
 *
 * <p>It lives in the test sources of the distribution (a benchmark is no part of it, and it needs
 * two plugins); run it from the test class path, from the repository root:
 *
 * <pre>
 * mvn -B -o -q -pl src -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests
 * cp="src/target/test-classes:$(cat src/target/classpath.txt)"
 * TF_CPP_MIN_LOG_LEVEL=2 TF_ENABLE_ONEDNN_OPTS=1 java -Xmx4g -cp "$cp" org.sinus.e2e.bench.IntegratedGradientsBenchmark
 * </pre>
 *
 * <p>Options: {@code --explainer "<hocon>"} (default {@code type = integrated-gradients}, 50
 * steps from zeros), {@code --model "<hocon>"} (default {@code type = resnet1d}),
 * {@code --records 3}.
 */
public final class IntegratedGradientsBenchmark {
  private IntegratedGradientsBenchmark() {}

  public static void main(String[] args) throws Exception {
    String explainerBlock = "type = integrated-gradients";
    String modelBlock = "type = resnet1d";
    int records = 3;
    for (int i = 0; i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--explainer" -> explainerBlock = value;
        case "--model" -> modelBlock = value;
        case "--records" -> records = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the class javadoc");
      }
    }
    TestComponents components = TestComponents.of(new TimePlugin(), new AttributionPlugin());
    Model model = components.build(Model.POINT, modelBlock);
    Explainer explainer = components.build(Explainer.POINT, explainerBlock);
    Path cache = Files.createTempDirectory("sinus-ig-bench");
    try (ExplainerFixture fixture = ExplainerFixture.of(model, new RawSignal(), 1000, 100, 250, cache)) {
      int[] starts = fixture.context().scoring().starts(1000);
      ExplainTarget target = fixture.target(starts, 0);
      Explanation warmUp = explainer.explain(fixture.context(), target);
      System.out.printf(Locale.ROOT, "%s%nmodel %s, %d windows %s of 250 samples, details %s%n", warmUp.method(),
          modelBlock, starts.length, Arrays.toString(starts), summary(warmUp));
      long began = System.nanoTime();
      for (int r = 0; r < records; r++) {
        explainer.explain(fixture.context(), target);
      }
      double seconds = (System.nanoTime() - began) / 1e9 / records;
      Object evaluations = warmUp.details().get("gradient_evaluations");
      System.out.printf(Locale.ROOT, "%.2f s per record (%d records timed)%s%n", seconds, records,
          evaluations instanceof Number n ? String.format(Locale.ROOT, ", %.2f ms per gradient of one window (%d)",
              1000 * seconds / n.doubleValue(), n.longValue()) : "");
    }
  }

  private static String summary(Explanation explanation) {
    StringBuilder out = new StringBuilder();
    explanation.details().forEach((key, value) -> {
      if (!key.equals("completeness")) {
        out.append(key).append('=').append(value).append(' ');
      }
    });
    return out.toString().trim();
  }
}
