package org.sinus.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.data.Windows;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.plugin.ComponentConfig;
import org.sinus.api.schedule.Schedule;

/**
 * The {@code training} block of an experiment, read and validated eagerly.
 *
 * @param epochs passes over the training split (0: no training; a model whose parts all come from
 *     trained runs is then only fitted and evaluated)
 * @param batchSize examples per step
 * @param dropLast whether the last incomplete batch of an epoch is skipped
 * @param cropSeconds length of training windows in seconds; 0 = whole records
 * @param testStrideSeconds stride of the sliding windows at validation and test
 * @param aggregate how window probabilities become a record's probability
 * @param optimizer Adam's settings
 * @param schedule the learning-rate schedule (a typed block, {@code training.schedule})
 * @param earlyStoppingPatience epochs without improvement before stopping; 0 = off
 * @param earlyStoppingMetric {@code val.macro_auc} or {@code val.loss}
 * @param select which weights are evaluated at the end
 * @param validateEvery validate every this many epochs (and always after the last)
 * @param threads TensorFlow and loader threads
 * @param precision numeric precision of training and inference
 * @param prefetch batches prepared ahead
 * @param cropKey where {@code crop.length} was set (checked against the records once they are loaded)
 * @param strideKey where {@code crop.test-stride} was set
 */
public record TrainingSettings(int epochs, int batchSize, boolean dropLast, double cropSeconds, double testStrideSeconds,
                               RecordScoring.Aggregate aggregate, OptimizerSettings optimizer, Schedule schedule,
                               int earlyStoppingPatience, String earlyStoppingMetric, Selection select,
                               int validateEvery, Threads threads, Precision precision, int prefetch,
                               ConfigKey cropKey, ConfigKey strideKey) {

  /** Which weights the final evaluation uses. */
  public enum Selection { LAST, BEST }

  /** Training precision. */
  public enum Precision {
    FP32, BF16, AUTO;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Adam with decoupled weight decay. */
  public record OptimizerSettings(double beta1, double beta2, double epsilon, double weightDecay) {}

  /** Thread settings; 0 means TensorFlow's default. */
  public record Threads(int intraOp, int interOp, int loader) {}

  /** Samples per window (the training crop) for records of {@code recordSamples} at {@code samplingRate}. */
  public int windowSamples(int samplingRate, int recordSamples) {
    return Windows.samples(cropSeconds, samplingRate, recordSamples);
  }

  /** How validation and test records are scored from their sliding windows. */
  public RecordScoring scoring(int samplingRate, int recordSamples) {
    return new RecordScoring(windowSamples(samplingRate, recordSamples),
        Windows.samples(testStrideSeconds, samplingRate, recordSamples), aggregate);
  }

  /**
   * What these settings cannot do with records of {@code format}: a crop longer than the records
   * (it would silently become the whole record), a crop or stride shorter than one sample.
   */
  public List<ConfigProblem> problemsWith(SignalFormat format) {
    List<ConfigProblem> problems = new ArrayList<>();
    double recordSeconds = format.samples() / (double) format.samplingRate();
    String records = String.format(Locale.ROOT, "the records are %s s long (%d samples at %d Hz)",
        seconds(recordSeconds), format.samples(), format.samplingRate());
    if (cropSeconds > 0 && Math.round(cropSeconds * format.samplingRate()) > format.samples()) {
      problems.add(new ConfigProblem(cropKey.path(), cropKey.location(), seconds(cropSeconds) + " s is longer than "
          + "the records: " + records + "; use at most " + seconds(recordSeconds) + "s, or 0s for whole records"));
    } else if (cropSeconds > 0 && Math.round(cropSeconds * format.samplingRate()) < 1) {
      problems.add(new ConfigProblem(cropKey.path(), cropKey.location(), seconds(cropSeconds) + " s is less than one "
          + "sample at " + format.samplingRate() + " Hz"));
    }
    if (Math.round(testStrideSeconds * format.samplingRate()) < 1) {
      problems.add(new ConfigProblem(strideKey.path(), strideKey.location(), seconds(testStrideSeconds) + " s is less "
          + "than one sample at " + format.samplingRate() + " Hz"));
    }
    return problems;
  }

  private static String seconds(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  public static TrainingSettings read(ComponentConfig training) {
    ComponentConfig crop = training.child("crop");
    ComponentConfig optimizer = training.child("optimizer");
    optimizer.getChoice("type", List.of("adam"));
    ComponentConfig early = training.child("early-stopping");
    ComponentConfig threads = training.child("threads");
    Schedule schedule = training.component("schedule", Schedule.POINT);
    for (String key : List.of("intra-op", "inter-op", "loader")) {
      threads.markMachineLocal(key);
    }
    training.markMachineLocal("prefetch");
    return new TrainingSettings(
        training.getInt("epochs", 0, 100_000),
        training.getInt("batch-size", 1, 1_000_000),
        training.getBoolean("drop-last"),
        crop.getSeconds("length", 0, 3600),
        crop.getSeconds("test-stride", 0.001, 3600),
        RecordScoring.Aggregate.valueOf(crop.getChoice("aggregate", List.of("max", "mean")).toUpperCase(Locale.ROOT)),
        new OptimizerSettings(
            optimizer.getDouble("beta1", 0, 0.99999),
            optimizer.getDouble("beta2", 0, 0.99999999),
            optimizer.getDouble("epsilon", 0, 1),
            optimizer.getDouble("weight-decay", 0, 1)),
        schedule,
        early.getInt("patience", 0, 100_000),
        early.getChoice("metric", List.of("val.macro_auc", "val.loss")),
        Selection.valueOf(training.getChoice("select", List.of("last", "best")).toUpperCase(Locale.ROOT)),
        training.getInt("validate-every", 1, 100_000),
        new Threads(threads.getInt("intra-op", 0, 1024), threads.getInt("inter-op", 0, 1024),
            threads.getInt("loader", 1, 64)),
        Precision.valueOf(training.getChoice("precision", List.of("fp32", "bf16", "auto")).toUpperCase(Locale.ROOT)),
        training.getInt("prefetch", 1, 64),
        crop.key("length"), crop.key("test-stride"));
  }
}
