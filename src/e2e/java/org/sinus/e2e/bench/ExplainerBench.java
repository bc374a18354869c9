package org.sinus.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.explain.Background;
import org.sinus.api.explain.Examples;
import org.sinus.api.explain.ExplainTarget;
import org.sinus.api.explain.Explainer;
import org.sinus.api.explain.ExplainerContext;
import org.sinus.api.explain.Explanation;
import org.sinus.api.explain.FeatureMapGradients;
import org.sinus.api.explain.InputView;
import org.sinus.api.explain.ModelHandle;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.Model;
import org.sinus.plugins.attribution.AttributionPlugin;
import org.sinus.plugins.time.TimePlugin;
import org.sinus.testkit.ExplainerFixture;
import org.sinus.testkit.RawSignal;
import org.sinus.testkit.TestComponents;

/**
 * What the explainer benchmarks share: a model with its initial random weights (the cost of a
 * model evaluation does not depend on them) on the raw signal of PTB-XL-shaped records, 1000
 * samples × 12 leads at 100 Hz, scored over the evaluation's 7 sliding windows of 250 samples
 * (stride 125), with an explainer context whose model handle counts every call an explainer makes
 * ({@link #calls()}), so that the same calls can be replayed bare ({@link #bare}) and the
 * explainer's overhead over its model evaluations measured. Close it after use.
 */
final class ExplainerBench implements AutoCloseable {
  /** Samples of a record, its sampling rate and samples of a window. */
  static final int RECORD = 1000;
  static final int RATE = 100;
  static final int WINDOW = 250;

  private final TestComponents components = TestComponents.of(new TimePlugin(), new AttributionPlugin());
  private final Path cache;
  private final ExplainerFixture fixture;
  private final ModelHandle handle;
  private final List<Call> calls = new ArrayList<>();
  private boolean keepExamples;
  private final ExplainerContext context;
  private final ExplainerContext instant;

  /**
   * One call an explainer made: what it asked for, of how many examples, and (while
   * {@link #keepExamples} is on) a copy of those examples.
   */
  record Call(Kind kind, int count, ModelHandle.Output output, int[] labels, String layer, Examples examples) {}

  /** What a call asked the model for. */
  enum Kind { PREDICT, GRADIENTS, FEATURE_MAP_GRADIENTS }

  ExplainerBench(String modelBlock, int batch) throws IOException {
    Model model = components.build(Model.POINT, modelBlock);
    cache = Files.createTempDirectory("sinus-explainer-bench");
    fixture = ExplainerFixture.of(model, new RawSignal(), RECORD, RATE, WINDOW, batch, cache);
    handle = fixture.context().model();
    context = new CountingContext(fixture.context(), new CountingHandle(false));
    instant = new CountingContext(fixture.context(), new CountingHandle(true));
  }

  /** Parses {@code --name value} pairs over {@code defaults}; an unknown name is refused. */
  static Map<String, String> options(String[] args, Map<String, String> defaults) {
    Map<String, String> options = new LinkedHashMap<>(defaults);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!options.containsKey(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "; options "
            + defaults.keySet() + ", see the class javadoc");
      }
      options.put(name, args[i + 1]);
    }
    return options;
  }

  Explainer explainer(String block) {
    return components.build(Explainer.POINT, block);
  }

  /** The context an explainer is given; its model handle records every call. */
  ExplainerContext context() {
    return context;
  }

  /**
   * The same context with a model that costs nothing: every output and gradient is zero, returned
   * at once (the calls are still recorded). An explainer given it spends its time on its own work,
   * everything but the model evaluations.
   */
  ExplainerContext instantContext() {
    return instant;
  }

  /** The starts of a record's sliding windows. */
  int[] recordStarts() {
    return context.scoring().starts(RECORD);
  }

  /** Class {@code label} of the fixture's test record, for the windows starting at {@code starts}. */
  ExplainTarget target(int[] starts, int label) {
    return fixture.target(starts, label);
  }

  /** The calls recorded since the last {@link #clearCalls()}. */
  List<Call> calls() {
    return List.copyOf(calls);
  }

  void clearCalls() {
    calls.clear();
  }

  /** Whether the calls recorded from now on keep a copy of their examples, for {@link #bare}. */
  void keepExamples(boolean keep) {
    keepExamples = keep;
  }

  /** Examples the calls asked the model about, in all (one model evaluation each). */
  static long evaluations(List<Call> calls, Kind kind) {
    return calls.stream().filter(c -> c.kind() == kind).mapToLong(Call::count).sum();
  }

  /** The calls' sizes, e.g. {@code predict 7, gradients 350}, runs of equal calls as {@code 8 × predict 256}. */
  static String describe(List<Call> calls) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < calls.size(); ) {
      int j = i;
      while (j < calls.size() && calls.get(j).kind() == calls.get(i).kind()
          && calls.get(j).count() == calls.get(i).count()) {
        j++;
      }
      String call = calls.get(i).kind().name().toLowerCase(Locale.ROOT) + " " + calls.get(i).count();
      parts.add(j - i == 1 ? call : (j - i) + " × " + call);
      i = j;
    }
    return String.join(", ", parts);
  }

  /**
   * The same calls as {@code recorded} (with their examples: recorded while {@link #keepExamples}
   * was on), made again on the bare model handle: the same examples in calls of the same sizes.
   */
  Runnable bare(List<Call> recorded) {
    List<Runnable> replays = new ArrayList<>();
    for (Call call : recorded) {
      Examples examples = call.examples();
      if (examples == null) {
        throw new IllegalArgumentException("a call was recorded without its examples: keep them to replay it");
      }
      replays.add(switch (call.kind()) {
        case PREDICT -> () -> handle.predict(examples, call.output());
        case GRADIENTS -> () -> handle.gradients(examples, call.labels(), call.output());
        case FEATURE_MAP_GRADIENTS -> () -> handle.featureMapGradients(examples, call.labels(), call.output(),
            call.layer());
      });
    }
    return () -> replays.forEach(Runnable::run);
  }

  /** A copy of {@code examples} if they are to be kept, else null. */
  private Examples kept(Examples examples) {
    if (!keepExamples) {
      return null;
    }
    Map<String, float[]> values = new LinkedHashMap<>();
    examples.values().forEach((input, all) -> values.put(input, all.clone()));
    return new Examples(values, examples.shapes(), examples.count());
  }

  /** Seconds {@code task} takes. */
  static double seconds(Runnable task) {
    return time(task).wall();
  }

  /**
   * Wall-clock seconds a task took and CPU seconds the process spent meanwhile (all its threads:
   * TensorFlow's, the explainer's, and the JVM's own).
   */
  record Timing(double wall, double cpu) {}

  static Timing time(Runnable task) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long began = System.nanoTime();
    task.run();
    return new Timing((System.nanoTime() - began) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** An explanation's details but the long ones (completeness per window, attributions per feature). */
  static String summary(Explanation explanation) {
    StringBuilder out = new StringBuilder();
    explanation.details().forEach((key, value) -> {
      if (!key.equals("completeness") && !key.equals("attributions")) {
        out.append(key).append('=').append(value).append(' ');
      }
    });
    return out.toString().trim();
  }

  @Override
  public void close() {
    fixture.close();
    try (Stream<Path> files = Files.walk(cache)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's model handle, recording every call; an instant one answers zeros, not asking the model. */
  private final class CountingHandle implements ModelHandle {
    private final boolean instant;

    CountingHandle(boolean instant) {
      this.instant = instant;
    }

    @Override
    public List<String> classes() {
      return handle.classes();
    }

    @Override
    public float[] predict(Examples examples) {
      return predict(examples, Output.PROBABILITY);
    }

    @Override
    public float[] predict(Examples examples, Output output) {
      calls.add(new Call(Kind.PREDICT, examples.count(), output, null, null, kept(examples)));
      return instant ? new float[examples.count() * classes().size()] : handle.predict(examples, output);
    }

    @Override
    public Examples gradients(Examples examples, int[] labels, Output output) {
      calls.add(new Call(Kind.GRADIENTS, examples.count(), output, labels.clone(), null, kept(examples)));
      return instant ? Examples.zeros(examples.shapes(), examples.count())
          : handle.gradients(examples, labels, output);
    }

    @Override
    public List<String> featureMaps() {
      return handle.featureMaps();
    }

    @Override
    public FeatureMapGradients featureMapGradients(Examples examples, int[] labels, Output output, String layer) {
      if (instant) {
        throw new UnsupportedOperationException("an instant model has no feature maps");
      }
      calls.add(new Call(Kind.FEATURE_MAP_GRADIENTS, examples.count(), output, labels.clone(), layer,
          kept(examples)));
      return handle.featureMapGradients(examples, labels, output, layer);
    }
  }

  /** A context that gives {@code model} instead of its own handle. */
  private record CountingContext(ExplainerContext context, ModelHandle model) implements ExplainerContext {
    @Override
    public List<InputView> inputs() {
      return context.inputs();
    }

    @Override
    public SignalFormat format() {
      return context.format();
    }

    @Override
    public RecordScoring scoring() {
      return context.scoring();
    }

    @Override
    public Examples encode(float[][] signals, int[] starts) {
      return context.encode(signals, starts);
    }

    @Override
    public Background background(int count, long seed) {
      return context.background(count, seed);
    }
  }
}
