package org.sinus.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.Split;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.model.Model;
import org.sinus.api.model.ModelInputs;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.plugin.ExtensionPoint;
import org.sinus.api.representation.ExampleShape;
import org.sinus.api.representation.FitContext;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.Representation;
import org.sinus.api.util.Progress;
import org.sinus.engine.data.DatasetRecords;
import org.sinus.engine.train.Checkpoints;
import org.sinus.engine.train.ExampleEncoder;
import org.sinus.engine.train.FittedInputs;
import org.sinus.engine.train.ModelGraph;
import org.sinus.engine.train.Trainer;
import org.sinus.engine.train.TrainerState;
import org.sinus.engine.run.InferenceThroughput;
import org.sinus.engine.run.TrainedRun;
import org.sinus.engine.train.TrainingSession;
import org.sinus.engine.train.TrainingSettings;
import org.sinus.engine.train.schedule.ConstantSchedule;
import org.sinus.engine.util.FileTrees;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sinus bench}: training and inference throughput of a model on random data of the right
 * shape, measured like ../shared/peers/torch_resnet1d_bench.py measures PyTorch (warm-up steps
 * excluded, one batch fed repeatedly), so the two can be run side by side. The {@code loop} mode
 * measures the whole training loop instead: background batch preparation from a dataset, crops,
 * the representation, AdamW with a fed schedule, and the per-epoch checkpoint.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure training steps/s and inference samples/s of a model on random data.",
        "Prints 'name: value unit' lines; the last line is the training throughput."})
final class BenchCommand extends SinusSubcommand {
  @Option(names = "--model", description = "Model type, with its reference.conf defaults (default: ${DEFAULT-VALUE}).")
  String model = "resnet1d";

  @Option(names = "--batch", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch = 128;

  @Option(names = "--steps", description = "Timed steps (default: ${DEFAULT-VALUE}).")
  int steps = 30;

  @Option(names = "--warmup", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
  int warmup = 5;

  @Option(names = "--length", description = "Samples per example (default: ${DEFAULT-VALUE}: 2.5 s at 100 Hz).")
  int length = 250;

  @Option(names = "--leads", description = "Channels (default: ${DEFAULT-VALUE}).")
  int leads = 12;

  @Option(names = "--height", description = "Height of the model's input in train/infer modes, e.g. the scales of "
      + "a scalogram: the input is [height, length, leads] (default: ${DEFAULT-VALUE}).")
  int height = 1;

  @Option(names = {"-s", "--set"}, paramLabel = "block.key=value",
      description = "Override a setting of the model or representation, e.g. --set model.filters=64 "
          + "--set representation.frame-length=0 (HOCON values; repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--classes", description = "Outputs (default: ${DEFAULT-VALUE}).")
  int classes = 5;

  @Option(names = "--mode", description = "train, infer, both, loop, representation or run (default: ${DEFAULT-VALUE}).")
  String mode = "both";

  @Option(names = "--run", paramLabel = "<run-dir>", description = "Run mode: time a trained run end to end, from raw "
      + "test records to probabilities (--records records, after --warmup untimed ones, --batch records at a time).")
  Path run;

  @Option(names = "--representation", description = "Representation type of the loop and representation modes, "
      + "with its reference.conf defaults (default: ${DEFAULT-VALUE}).")
  String representationType = "time";

  @Option(names = "--records", description = "Records per timing round in representation mode (default: ${DEFAULT-VALUE}).")
  int records = 200;

  @Option(names = "--threads", description = "TensorFlow intra-op threads; 0 = TensorFlow's default (default: ${DEFAULT-VALUE}).")
  int threads = 0;

  @Option(names = "--precision", description = "fp32, bf16 or auto (default: ${DEFAULT-VALUE}).")
  String precision = "fp32";

  @Option(names = "--seed", description = "Seed of weights and data (default: ${DEFAULT-VALUE}).")
  long seed = 0;

  @Override
  public Integer call() throws Exception {
    if (!List.of("train", "infer", "both", "loop", "representation", "run").contains(mode)) {
      throw new SinusException(ExitCode.USAGE, "--mode must be train, infer, both, loop, representation or run, not "
          + mode);
    }
    if (mode.equals("run")) {
      return timeRun();
    }
    if (mode.equals("representation")) {
      representation();
      return 0;
    }
    Model network = build(Model.POINT, model);
    boolean bf16 = TrainingSession.useBf16(TrainingSettings.Precision.valueOf(precision.toUpperCase(Locale.ROOT)));
    TrainingSettings.Threads tfThreads = new TrainingSettings.Threads(threads, threads == 0 ? 0 : 1, 1);
    ExampleShape shape = new ExampleShape(height, length, leads);
    String name = "sinus_" + model;
    System.out.printf("# sinus bench: model %s, batch %d, input %s, %s, TensorFlow threads %s%n", model, batch, shape,
        bf16 ? "bf16" : "fp32", threads == 0 ? "default" : threads);
    if (mode.equals("loop")) {
      System.out.printf("%s_loop_b%d: %.3f steps/s%n", name, batch, loop(network, bf16, tfThreads));
      return 0;
    }
    try (ModelGraph graph = ModelGraph.build(network, shape, classes, true, 0.99, 1e-8, 0.01, seed);
         TrainingSession session = new TrainingSession(graph, tfThreads, bf16)) {
      System.out.printf("%s_params: %d%n", name, graph.variables().parameterCount());
      SplittableRandom random = new SplittableRandom(seed);
      float[] x = new float[batch * shape.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) gaussian(random);
      }
      float[] y = new float[batch * classes];
      for (int i = 0; i < y.length; i++) {
        y[i] = random.nextBoolean() ? 1 : 0;
      }
      try (TFloat32 inputs = tensor(x, shape.batched(batch)); TFloat32 targets = tensor(y, new long[] {batch, classes})) {
        if (!mode.equals("train")) {
          for (int i = 0; i < warmup; i++) {
            session.predict(List.of(inputs), batch);
          }
          long began = System.nanoTime();
          for (int i = 0; i < steps; i++) {
            session.predict(List.of(inputs), batch);
          }
          double seconds = (System.nanoTime() - began) / 1e9;
          System.out.printf("%s_infer_b%d_ms_per_batch: %.1f ms%n", name, batch, 1000 * seconds / steps);
          System.out.printf("%s_infer_b%d: %.1f samples/s%n", name, batch, steps * batch / seconds);
        }
        if (!mode.equals("infer")) {
          long step = 1;
          for (int i = 0; i < warmup; i++) {
            session.trainStep(List.of(inputs), targets, 1e-3, 0.9, 0.99, step++, seed);
          }
          long began = System.nanoTime();
          for (int i = 0; i < steps; i++) {
            session.trainStep(List.of(inputs), targets, 1e-3, 0.9, 0.99, step++, seed);
          }
          double seconds = (System.nanoTime() - began) / 1e9;
          System.out.printf("%s_train_b%d_samples_s: %.1f samples/s%n", name, batch, steps * batch / seconds);
          System.out.printf("%s_train_b%d_ms_per_step: %.1f ms%n", name, batch, 1000 * seconds / steps);
          System.out.printf("%s_train_b%d: %.3f steps/s%n", name, batch, steps / seconds);
        }
      }
    }
    return 0;
  }

  /**
   * Steps/s of the real training loop over random 10 s records (4 × length samples): crops, the
   * {@code time} representation, background batches, AdamW, a checkpoint per epoch. The first epoch
   * is the warm-up; the second, of {@code steps} steps, is timed, checkpoint included.
   */
  private double loop(Model network, boolean bf16, TrainingSettings.Threads tfThreads) throws Exception {
    EcgDataset data = randomDataset(steps * batch, length * 4);
    ExampleEncoder encoder = fittedEncoder(data, length);
    TrainingSettings settings = new TrainingSettings(2, batch, true, length / 100.0, length / 200.0,
        RecordScoring.Aggregate.MAX, new TrainingSettings.OptimizerSettings(0.9, 0.99, 1e-8, 0.01),
        new ConstantSchedule(1e-3), 0, "val.macro_auc", TrainingSettings.Selection.LAST, 1, tfThreads,
        TrainingSettings.Precision.FP32, 2, new ConfigKey("training.crop.length", "sinus bench"),
        new ConfigKey("training.crop.test-stride", "sinus bench"));
    Path checkpoints = Files.createTempDirectory("sinus-bench");
    try (ModelGraph graph = ModelGraph.build(network, encoder.inputs().shapes(), classes, true, 0.99, 1e-8, 0.01, seed);
         TrainingSession session = new TrainingSession(graph, tfThreads, bf16)) {
      TrainerState state = new Trainer(settings, encoder, new Checkpoints(checkpoints), seed, Progress.NONE, s -> { })
          .train(session, new TrainerState());
      double seconds = state.history().get(1).seconds();
      System.out.printf("sinus_%s_loop_epoch1_s: %.2f s (warm-up)%n", model, state.history().get(0).seconds());
      System.out.printf("sinus_%s_loop_epoch2_s: %.2f s for %d steps%n", model, seconds, steps);
      return steps / seconds;
    } finally {
      FileTrees.delete(checkpoints);
    }
  }

  /** End-to-end inference of a trained run: raw record → representations → model → probabilities. */
  private int timeRun() {
    if (run == null) {
      throw new SinusException(ExitCode.USAGE, "--mode run needs --run <run-dir>");
    }
    try (TrainedRun trained = TrainedRun.open(run, registry(), dataContext(), List.of())) {
      InferenceThroughput.Result result = InferenceThroughput.measure(trained, records, warmup, batch);
      String name = "sinus_" + trained.setup().experiment().name();
      System.out.printf("# sinus bench --mode run: %s, %d test records (%d windows each) after %d untimed, %d records "
          + "per batch%n", trained.run(), result.records(), result.windows(), warmup, batch);
      System.out.printf("%s_read_ms_per_record: %.3f ms%n", name, result.readMillis());
      result.representationMillis().forEach((input, ms) ->
          System.out.printf("%s_representation_%s_ms_per_record: %.3f ms%n", name, input, ms));
      System.out.printf("%s_model_ms_per_record: %.3f ms%n", name, result.modelMillis());
      System.out.printf("%s_end_to_end: %.1f records/s%n", name, result.recordsPerSecond());
    }
    return 0;
  }

  /**
   * Encoding speed of a representation: whole random records of {@code --length} samples ×
   * {@code --leads}, one thread, after {@code --warmup} rounds: the mean and the best of {@code --steps} rounds.
   */
  private void representation() {
    EcgDataset data = randomDataset(records, length);
    ExampleEncoder encoder = fittedEncoder(data, length);
    float[][] out = encoder.allocate(1);
    double best = Double.MAX_VALUE;
    long measuredNanos = 0;
    for (int round = 0; round < warmup + steps; round++) {
      long began = System.nanoTime();
      for (int r = 0; r < records; r++) {
        encoder.encode(r, 0, out, 0);
      }
      long nanos = System.nanoTime() - began;
      if (round >= warmup) {
        best = Math.min(best, nanos / 1e3 / records);
        measuredNanos += nanos;
      }
    }
    // the mean is the peers' statistic (cwt_bench.py times a loop over records); the best round shows
    // the speed without the interruptions of a shared machine
    System.out.printf("# representation %s of %d × %d samples -> %s, one thread, %d rounds of %d records%n",
        representationType, leads, length, encoder.inputs().shapes().get(ModelInputs.SINGLE), steps, records);
    System.out.printf("sinus_%s_encode_best_round: %.1f us/record%n", representationType, best);
    System.out.printf("sinus_%s_encode: %.1f us/record%n", representationType, measuredNanos / 1e3 / ((long) steps * records));
  }

  /** An encoder of the {@code --representation}, fitted on every record of {@code data}, for windows of {@code window} samples. */
  private ExampleEncoder fittedEncoder(EcgDataset data, int window) {
    Representation representation = build(Representation.POINT, representationType);
    FitContext context = new FitContext(DatasetRecords.formatOf(data), window, Math.max(1, window / 2), dataContext(),
        data.name(), data.name() + "|" + data.source() + "|" + data.fingerprint());
    FittedRepresentation fitted = representation.fit(DatasetRecords.of(data, Split.TRAIN), context);
    return new ExampleEncoder(data, new FittedInputs(Map.of(ModelInputs.SINGLE, fitted)), window);
  }

  /** Random Gaussian records of {@code samples} × leads, all in fold 1 (the training split). */
  private EcgDataset randomDataset(int count, int samples) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] signals = new float[count][samples * leads];
    List<RecordInfo> infos = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      for (int i = 0; i < signals[r].length; i++) {
        signals[r][i] = (float) gaussian(random);
      }
      infos.add(new RecordInfo(Integer.toString(r), 1, new int[] {random.nextInt(classes)}));
    }
    List<String> names = IntStream.range(0, leads).mapToObj(i -> "L" + i).toList();
    List<String> classNames = IntStream.range(0, classes).mapToObj(i -> "C" + i).toList();
    return new EcgDataset("bench", "random", 100, names, new LabelSpace("bench", classNames, true), infos,
        new HeapSignalStore(signals, samples, leads),
        new FoldSplit(Map.of(Split.TRAIN, List.of(1), Split.VALIDATION, List.of(), Split.TEST, List.of())),
        Map.of(), null);
  }

  private <T> T build(ExtensionPoint<T> point, String type) {
    var factory = registry().find(point, type).orElseThrow(() -> new SinusException(ExitCode.USAGE,
        "unknown " + point.id() + " type '" + type + "'; known: " + registry().types(point)));
    ProblemCollector problems = new ProblemCollector();
    Config config = registry().defaults(point, type);
    String block = point.id();
    for (String override : overrides) {
      int equals = override.indexOf('=');
      if (equals <= 0 || !override.startsWith(block + ".") && !override.startsWith("model.")
          && !override.startsWith("representation.")) {
        throw new SinusException(ExitCode.USAGE, "--set " + override + ": write model.key=value or representation.key=value");
      }
      if (override.startsWith(block + ".")) {
        String key = override.substring(block.length() + 1, equals).strip();
        if (!config.hasPathOrNull(key)) {
          throw new SinusException(ExitCode.USAGE, "--set " + override + ": " + type + " has no key '" + key
              + "'; its keys: " + new TreeSet<>(config.root().keySet()));
        }
        config = ConfigFactory.parseString(key + " = " + override.substring(equals + 1),
            ConfigParseOptions.defaults().setOriginDescription("--set " + override)).withFallback(config);
      }
    }
    T component = factory.create(new ComponentConfig(block, config.resolve(), problems));
    problems.throwIfAny();
    return component;
  }

  private static TFloat32 tensor(float[] values, long[] shape) {
    TFloat32 tensor = TFloat32.tensorOf(Shape.of(shape));
    tensor.asRawTensor().data().asFloats().write(values);
    return tensor;
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

}
