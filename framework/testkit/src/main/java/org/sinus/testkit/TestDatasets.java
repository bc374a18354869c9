package org.sinus.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.Split;
import org.sinus.api.util.Progress;

/**
 * Small in-memory datasets for plugin tests: records of several leads whose signals are sums of
 * sinusoids (1–40 Hz, random amplitude and phase per record and lead) plus noise, so that spectra
 * and scalograms have content; folds cycle through 1–10 (train 1–8, validation 9, test 10).
 */
public final class TestDatasets {
  /** The twelve standard leads. */
  public static final List<String> LEADS = List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6");
  /** PTB-XL's recommended split: folds 1–8, 9 and 10. */
  public static final FoldSplit SPLIT = new FoldSplit(Map.of(Split.TRAIN, List.of(1, 2, 3, 4, 5, 6, 7, 8),
      Split.VALIDATION, List.of(9), Split.TEST, List.of(10)));

  private TestDatasets() {}

  /**
   * {@code records} records of {@code samples} samples of 12 leads at {@code samplingRate} Hz,
   * three multi-label classes A, B, C drawn at random, seeded.
   */
  public static EcgDataset random(int records, int samples, int samplingRate, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] signals = new float[records][];
    List<RecordInfo> infos = new ArrayList<>();
    for (int r = 0; r < records; r++) {
      signals[r] = signal(samples, LEADS.size(), samplingRate, random);
      int[] labels = IntStream.range(0, 3).filter(c -> random.nextInt(3) == 0).toArray();
      infos.add(new RecordInfo(String.format("rec-%03d", r + 1), r % 10 + 1, labels));
    }
    return of("test", signals, samples, samplingRate, infos);
  }

  /** A dataset of the given signals (each {@code samples × 12} values, time-major) and records. */
  public static EcgDataset of(String name, float[][] signals, int samples, int samplingRate, List<RecordInfo> records) {
    return new EcgDataset(name, name + " (test data)", samplingRate, LEADS, new LabelSpace("test", List.of("A", "B", "C"),
        true), records, new HeapSignalStore(signals, samples, LEADS.size()), SPLIT, Map.of(), null);
  }

  /**
   * The same dataset with every record outside the training split replaced by other random
   * signals and labels: what a representation fitted on the training records must not notice.
   */
  public static EcgDataset withOtherNonTrainingRecords(EcgDataset data, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] signals = new float[data.size()][];
    List<RecordInfo> records = new ArrayList<>();
    for (int r = 0; r < data.size(); r++) {
      RecordInfo record = data.record(r);
      boolean training = data.split().splitOf(record.fold()).orElse(null) == Split.TRAIN;
      if (training) {
        signals[r] = data.signals().read(r);
        records.add(record);
      } else {
        float[] other = signal(data.samples(), data.leads().size(), data.samplingRate(), random);
        for (int i = 0; i < other.length; i++) {
          other[i] = other[i] * 5 + 3;
        }
        signals[r] = other;
        records.add(new RecordInfo(record.id(), record.fold(), new int[] {random.nextInt(3)}));
      }
    }
    return of(data.name() + "-altered", signals, data.samples(), data.samplingRate(), records);
  }

  /** A data context with its cache under {@code cacheDir}, one thread, no progress output. */
  public static DataContext context(Path cacheDir) {
    return new DataContext(cacheDir, 1, Progress.NONE);
  }

  private static float[] signal(int samples, int leads, int rate, SplittableRandom random) {
    float[] signal = new float[samples * leads];
    for (int lead = 0; lead < leads; lead++) {
      for (int component = 0; component < 3; component++) {
        double hertz = 1 + random.nextDouble() * Math.min(39, rate / 2.0 - 2);
        double amplitude = 0.05 + random.nextDouble() * 0.5;
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int t = 0; t < samples; t++) {
          signal[t * leads + lead] += (float) (amplitude * Math.sin(2 * Math.PI * hertz * t / rate + phase));
        }
      }
      for (int t = 0; t < samples; t++) {
        signal[t * leads + lead] += (float) (0.02 * (random.nextDouble() - 0.5));
      }
    }
    return signal;
  }
}
