package org.sinus.e2e.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;

/**
 * Times integrated gradients on whole PTB-XL-shaped records: 1000 samples × 12 leads at 100 Hz,
 * explained over the evaluation's 7 sliding windows of 250 samples (stride 125), by a
 * {@code resnet1d} of the default size (473k parameters) with its initial random weights, on the
 * raw signal. One record is explained to warm up, then {@code --records} records (the same test
 * record, as the cost does not depend on the values) are timed; it prints seconds per record and
 * milliseconds per gradient (one example's forward and backward pass). The setup is
 * {@link ExplainerBench}'s; {@link ExplainerSpeedBenchmark} also times the bare gradients.
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
 * {@code --records 3}, {@code --batch 64} (examples per session call).
 */
public final class IntegratedGradientsBenchmark {
  private IntegratedGradientsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ExplainerBench.options(args, Map.of("explainer", "type = integrated-gradients",
        "model", "type = resnet1d", "records", "3", "batch", "64"));
    int records = Integer.parseInt(options.get("records"));
    try (ExplainerBench bench = new ExplainerBench(options.get("model"), Integer.parseInt(options.get("batch")))) {
      Explainer explainer = bench.explainer(options.get("explainer"));
      int[] starts = bench.recordStarts();
      ExplainTarget target = bench.target(starts, 0);
      Explanation warmUp = explainer.explain(bench.context(), target);
      System.out.printf(Locale.ROOT, "%s%nmodel %s, %d windows %s of %d samples, details %s%n", warmUp.method(),
          options.get("model"), starts.length, Arrays.toString(starts), ExplainerBench.WINDOW,
          ExplainerBench.summary(warmUp));
      long began = System.nanoTime();
      for (int r = 0; r < records; r++) {
        explainer.explain(bench.context(), target);
      }
      double seconds = (System.nanoTime() - began) / 1e9 / records;
      Object evaluations = warmUp.details().get("gradient_evaluations");
      System.out.printf(Locale.ROOT, "%.2f s per record (%d records timed)%s%n", seconds, records,
          evaluations instanceof Number n ? String.format(Locale.ROOT, ", %.2f ms per gradient of one window (%d)",
              1000 * seconds / n.doubleValue(), n.longValue()) : "");
    }
  }
}
