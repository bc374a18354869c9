package org.sinus.e2e.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.Explanation;

/**
 * The cost of explainers against the cost of their model evaluations (issue 14), in one JVM: for
 * each measurement the explainer explains its target once to warm up, then once more with the
 * model handle recording every call it makes with a copy of its examples (the model evaluations
 * are counted, not computed); then, {@code --repetitions} times (5), alternating, the explainer is
 * timed on the target, and so are those calls made again bare on the same handle: the same
 * examples in calls of the same sizes. It prints the medians, the overhead
 * {@code (explainer − bare) / bare} of the medians and the median of the repetitions' own
 * overheads (less sensitive to a load that drifts between repetitions), and, to see where an
 * overhead comes from, the time of the explainer given a model that answers zeros at once: its own
 * work (perturbing, encoding, the regression). The CPU time the process spent is printed too,
 * which a shared machine inflates less than the wall time.
 *
 * <p>Measurements ({@code --measure}, comma-separated):
 * <ul>
 *   <li>{@code shap-window}: {@code --shap} (Kernel SHAP, 2000 coalitions, background mean: one
 *       model evaluation per coalition) on one 2.5 s window (the record's middle window, samples
 *       375–625); aim under 2 s and overhead within 20%;
 *   <li>{@code shap-record}: the same on the whole record, scored over its 7 windows; aim overhead
 *       within 20%;
 *   <li>{@code ig-record}: {@code --ig} (integrated gradients, 50 steps from zeros) on the whole
 *       record; aim under 1 s.
 * </ul>
 * The model is {@code --model} (default {@code resnet1d} of the default size) with its initial
 * random weights, on the raw signal of records of 1000 samples × 12 leads at 100 Hz
 * ({@link ExplainerBench}); the model handle sends at most {@code --batch} (256, as
 * {@code sinus explain}) examples to the session at a time. Run it from the test class path, from
 * the repository root:
 *
 * <pre>
 * mvn -B -o -q -pl src -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests
 * cp="src/target/test-classes:$(cat src/target/classpath.txt)"
 * TF_CPP_MIN_LOG_LEVEL=2 TF_ENABLE_ONEDNN_OPTS=1 java -Xmx4g -cp "$cp" org.sinus.e2e.bench.ExplainerSpeedBenchmark
 * </pre>
 */
public final class ExplainerSpeedBenchmark {
  private ExplainerSpeedBenchmark() {}

  /** A measurement's medians. */
  private record Result(String name, double seconds, double bare, double paired, double own, double cpu,
                        double bareCpu, long predictions, long gradients, String aim) {
    double overhead() {
      return (seconds - bare) / bare;
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ExplainerBench.options(args, Map.of(
        "model", "type = resnet1d",
        "shap", "type = kernel-shap, coalitions = 2000, background = mean",
        "ig", "type = integrated-gradients, steps = 50",
        "measure", "shap-window,shap-record,ig-record",
        "repetitions", "5",
        "batch", "256"));
    int repetitions = Integer.parseInt(options.get("repetitions"));
    System.out.printf(Locale.ROOT, "%s, load average %s, %d processors, model %s, model handle batch %s%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS), load(), Runtime.getRuntime().availableProcessors(),
        options.get("model"), options.get("batch"));
    try (ExplainerBench bench = new ExplainerBench(options.get("model"), Integer.parseInt(options.get("batch")))) {
      int[] starts = bench.recordStarts();
      List<String> measure = Arrays.asList(options.get("measure").split(","));
      List<Result> results = new ArrayList<>();
      for (String name : measure) {
        results.add(switch (name.trim()) {
          case "shap-window" -> measure(bench, "kernel-shap, one window", bench.explainer(options.get("shap")),
              bench.target(new int[] {starts[starts.length / 2]}, 0), repetitions, "< 2 s, overhead ≤ 20%");
          case "shap-record" -> measure(bench, "kernel-shap, record (" + starts.length + " windows)",
              bench.explainer(options.get("shap")), bench.target(starts, 0), repetitions, "overhead ≤ 20%");
          case "ig-record" -> measure(bench, "integrated gradients, record (" + starts.length + " windows)",
              bench.explainer(options.get("ig")), bench.target(starts, 0), repetitions, "< 1 s");
          default -> throw new IllegalArgumentException("unknown measurement " + name);
        });
      }
      System.out.printf(Locale.ROOT, "%n| measurement | explainer s | model evaluations | bare s | overhead "
          + "| paired overhead | own work s | explainer CPU s | bare CPU s | aim |%n"
          + "|---|---|---|---|---|---|---|---|---|---|%n");
      for (Result r : results) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %s | %.2f | %+.1f%% | %+.1f%% | %.2f | %.2f | %.2f | %s |%n",
            r.name(), r.seconds(), r.gradients() > 0 ? r.gradients() + " gradients + " + r.predictions()
                + " predictions" : r.predictions() + " predictions", r.bare(), 100 * r.overhead(), 100 * r.paired(),
            r.own(), r.cpu(), r.bareCpu(), r.aim());
      }
      System.out.printf(Locale.ROOT, "%s, load average %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), load());
    }
  }

  private static Result measure(ExplainerBench bench, String name, Explainer explainer, ExplainTarget target,
                                int repetitions, String aim) {
    bench.clearCalls();
    double first = ExplainerBench.seconds(() -> explainer.explain(bench.context(), target));
    List<String> firstCalls = sizes(bench.calls());
    bench.clearCalls();
    bench.keepExamples(true);
    Explanation explanation = explainer.explain(bench.context(), target);
    bench.keepExamples(false);
    List<ExplainerBench.Call> calls = bench.calls();
    if (!sizes(calls).equals(firstCalls)) {
      throw new IllegalStateException("the explainer's calls differ between two explanations of the same target");
    }
    Runnable bare = bench.bare(calls);
    bare.run();
    long predictions = ExplainerBench.evaluations(calls, ExplainerBench.Kind.PREDICT);
    long gradients = ExplainerBench.evaluations(calls, ExplainerBench.Kind.GRADIENTS)
        + ExplainerBench.evaluations(calls, ExplainerBench.Kind.FEATURE_MAP_GRADIENTS);
    System.out.printf(Locale.ROOT, "%n%s: %s%n  %s%n  calls: %s%n  first (cold) explanation %.2f s%n", name,
        explanation.method(), ExplainerBench.summary(explanation), ExplainerBench.describe(calls), first);
    double[] explained = new double[repetitions];
    double[] bareSeconds = new double[repetitions];
    double[] own = new double[repetitions];
    double[] paired = new double[repetitions];
    double[] cpu = new double[repetitions];
    double[] bareCpu = new double[repetitions];
    for (int r = 0; r < 3; r++) {
      explainer.explain(bench.instantContext(), target);
    }
    for (int r = 0; r < repetitions; r++) {
      bench.clearCalls();
      ExplainerBench.Timing timing = ExplainerBench.time(() -> explainer.explain(bench.context(), target));
      explained[r] = timing.wall();
      cpu[r] = timing.cpu();
      timing = ExplainerBench.time(bare);
      bareSeconds[r] = timing.wall();
      bareCpu[r] = timing.cpu();
      own[r] = ExplainerBench.seconds(() -> explainer.explain(bench.instantContext(), target));
      paired[r] = (explained[r] - bareSeconds[r]) / bareSeconds[r];
      System.out.printf(Locale.ROOT, "  repetition %d: explainer %.3f s (CPU %.3f s), bare %.3f s (CPU %.3f s), "
          + "explainer with an instant model %.3f s (load %s)%n", r + 1, explained[r], cpu[r], bareSeconds[r],
          bareCpu[r], own[r], load());
    }
    Result result = new Result(name, ExplainerBench.median(explained), ExplainerBench.median(bareSeconds),
        ExplainerBench.median(paired), ExplainerBench.median(own), ExplainerBench.median(cpu),
        ExplainerBench.median(bareCpu), predictions, gradients, aim);
    System.out.printf(Locale.ROOT, "  median explainer %.3f s, bare %.3f s (%.3f ms per evaluation), overhead "
        + "%+.1f%% (median of the repetitions' overheads %+.1f%%); the explainer's own work (instant model) %.3f s%n",
        result.seconds(), result.bare(), 1000 * result.bare() / (predictions + gradients), 100 * result.overhead(),
        100 * result.paired(), result.own());
    System.out.printf(Locale.ROOT, "  median CPU time of the process: explainer %.3f s, bare %.3f s (%.3f ms per "
        + "evaluation)%n", result.cpu(), result.bareCpu(), 1000 * result.bareCpu() / (predictions + gradients));
    return result;
  }

  private static List<String> sizes(List<ExplainerBench.Call> calls) {
    return calls.stream().map(c -> c.kind() + " " + c.count()).toList();
  }

  private static String load() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}
