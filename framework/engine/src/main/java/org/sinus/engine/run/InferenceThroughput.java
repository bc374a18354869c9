package org.sinus.engine.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.Split;
import org.sinus.api.explain.RecordScoring;
import org.sinus.api.representation.FittedRepresentation;
import org.sinus.api.representation.RecordWindow;
import org.sinus.engine.train.FittedInputs;

/**
 * How fast a trained run turns raw records into probabilities, end to end: the record's signal
 * read, every input's representation computed from it (as for a new recording: no cache), the
 * model run on the record's sliding windows in batches, the windows aggregated. Times each part.
 */
public final class InferenceThroughput {
  private InferenceThroughput() {}

  /**
   * @param records records timed (after {@code warmup} untimed ones)
   * @param readMillis milliseconds per record reading its signal
   * @param representationMillis milliseconds per record computing each input, by input name
   * @param modelMillis milliseconds per record in the model (all its windows)
   */
  public record Result(int records, int windows, double readMillis, Map<String, Double> representationMillis,
                       double modelMillis) {
    public double totalMillis() {
      return readMillis + representationMillis.values().stream().mapToDouble(Double::doubleValue).sum() + modelMillis;
    }

    public double recordsPerSecond() {
      return 1000 / totalMillis();
    }
  }

  /** Times {@code records} test records of the run (cycling if the split is smaller), {@code batchRecords} at a time. */
  public static Result measure(TrainedRun run, int records, int warmup, int batchRecords) {
    if (run.data().indices(Split.TEST).length == 0) {
      throw new IllegalStateException("the run's data has no test records to time");
    }
    Timer timer = new Timer(run, batchRecords);
    for (int first = 0; first < warmup; first += batchRecords) {
      timer.batch(first, Math.min(batchRecords, warmup - first));
    }
    timer.reset();
    for (int first = 0; first < records; first += batchRecords) {
      timer.batch(warmup + first, Math.min(batchRecords, records - first));
    }
    return timer.result();
  }

  /** Accumulates the time of each part over batches of records. */
  private static final class Timer {
    private final TrainedRun run;
    private final EcgDataset data;
    private final int[] test;
    private final int[] starts;
    private final List<String> names;
    private final List<FittedRepresentation> representations;
    private final float[][] examples;
    private final float[] signal;
    private long[] representationNanos;
    private long readNanos;
    private long modelNanos;
    private int timed;

    Timer(TrainedRun run, int batchRecords) {
      this.run = run;
      this.data = run.data();
      this.test = data.indices(Split.TEST);
      RecordScoring scoring = run.scoring();
      this.starts = scoring.starts(data.samples());
      FittedInputs inputs = run.inputs();
      this.names = inputs.names();
      this.representations = inputs.representations();
      this.examples = run.encoder().allocate(batchRecords * starts.length);
      this.signal = new float[data.samples() * data.leads().size()];
      reset();
    }

    void reset() {
      representationNanos = new long[names.size()];
      readNanos = 0;
      modelNanos = 0;
      timed = 0;
    }

    /** Records {@code first .. first + count − 1} of the test split (cycling), end to end. */
    void batch(int first, int count) {
      for (int r = 0; r < count; r++) {
        long began = System.nanoTime();
        data.signals().read(test[(first + r) % test.length], signal, 0);
        readNanos += System.nanoTime() - began;
        for (int k = 0; k < representations.size(); k++) {
          long encoding = System.nanoTime();
          for (int w = 0; w < starts.length; w++) {
            // index −1: a new recording, computed from its signal rather than read from a cache
            representations.get(k).encode(new RecordWindow(-1, signal, starts[w], run.encoder().windowSamples()),
                examples[k], (r * starts.length + w) * run.encoder().size(k));
          }
          representationNanos[k] += System.nanoTime() - encoding;
        }
      }
      long began = System.nanoTime();
      run.session().predict(examples, count * starts.length);
      modelNanos += System.nanoTime() - began;
      timed += count;
    }

    Result result() {
      Map<String, Double> perInput = new LinkedHashMap<>();
      for (int k = 0; k < names.size(); k++) {
        perInput.put(names.get(k), representationNanos[k] / 1e6 / timed);
      }
      return new Result(timed, starts.length, readNanos / 1e6 / timed, perInput, modelNanos / 1e6 / timed);
    }
  }
}
