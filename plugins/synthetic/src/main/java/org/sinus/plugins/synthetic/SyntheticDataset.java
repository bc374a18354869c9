package org.sinus.plugins.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.LabelSpace;
import org.sinus.api.data.RecordInfo;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.util.Parallel;
import org.sinus.api.util.Progress;
import org.sinus.plugins.synthetic.ecg.GeneratorSettings;
import org.sinus.plugins.synthetic.ecg.Leads;
import org.sinus.plugins.synthetic.ecg.RecordPlan;
import org.sinus.plugins.synthetic.ecg.RecordPlanner;
import org.sinus.plugins.synthetic.ecg.RecordSynthesizer;
import org.sinus.plugins.synthetic.ecg.Rng;
import org.sinus.plugins.synthetic.ecg.SyntheticClass;

/**
 * Synthetic 12-lead ECGs with PTB-XL's superdiagnostic classes, generated on the heap when loaded:
 * the quickstart's data, and a benchmark for explainers, since the region that defines each class
 * in each record is known exactly ({@link EcgDataset#regions()}).
 *
 * <p>Record {@code i} (id {@code syn-00001} for {@code i = 0}) is drawn from its own random streams
 * keyed by (seed, i), so the same settings give bit-identical data on any number of threads. Folds
 * 1..10 are dealt out evenly over a seeded shuffle of the records.
 *
 * <p>Example: {@code dataset { type = "synthetic", records = 2000, sampling-rate = 100 }} gives
 * 2,000 records of 10 s at 100 Hz in one to two seconds on two cores.
 */
public final class SyntheticDataset implements Dataset {
  /** The name of the labelling task: PTB-XL's, whose classes these are. */
  public static final String TASK = "superdiagnostic";

  private final SyntheticSettings settings;

  public SyntheticDataset(SyntheticSettings settings) {
    this.settings = settings;
  }

  public SyntheticSettings settings() {
    return settings;
  }

  @Override
  public EcgDataset load(DataContext context) {
    GeneratorSettings generator = settings.generator();
    int records = settings.records();
    checkHeap(records, generator.samples());
    RecordPlanner planner = new RecordPlanner(generator);
    RecordSynthesizer synthesizer = new RecordSynthesizer(generator);
    float[][] signals = new float[records][];
    int[][] labels = new int[records][];
    Progress progress = context.progress();
    progress.start("generating synthetic ECGs", records);
    Parallel.forEachIndex("sinus-synthetic", context.threads(), records, (state, i) -> {
      RecordPlan plan = planner.plan(i);
      signals[i] = synthesizer.render(plan);
      labels[i] = plan.labels();
      progress.advance(1);
    });
    progress.done();

    int[] folds = folds(records, generator.seed());
    List<RecordInfo> infos = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      infos.add(new RecordInfo(id(i), folds[i], labels[i]));
    }
    return new EcgDataset("synthetic", describe(), generator.samplingRate(), Leads.NAMES,
        new LabelSpace(TASK, SyntheticClass.NAMES, true), infos,
        new HeapSignalStore(signals, generator.samples(), Leads.COUNT), settings.split(), Map.of(),
        new SyntheticRegions(planner, records));
  }

  @Override
  public Optional<SignalFormat> format() {
    return Optional.of(new SignalFormat(settings.generator().samplingRate(), settings.generator().samples(), Leads.NAMES));
  }

  @Override
  public String describe() {
    return settings.describe();
  }

  /** The id of record {@code index}: {@code syn-00001} for index 0. */
  public static String id(int index) {
    return String.format(Locale.ROOT, "syn-%05d", index + 1);
  }

  /** Folds 1..10 dealt round-robin over a shuffle seeded by the dataset seed: fold sizes differ by at most one. */
  static int[] folds(int records, long seed) {
    int[] order = new int[records];
    for (int i = 0; i < records; i++) {
      order[i] = i;
    }
    Rng rng = Rng.of(seed, -1, Rng.Stream.FOLDS);
    for (int i = records - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] folds = new int[records];
    for (int position = 0; position < records; position++) {
      folds[order[position]] = position % SyntheticSettings.FOLDS + 1;
    }
    return folds;
  }

  private void checkHeap(int records, int samples) {
    long bytes = (long) records * samples * Leads.COUNT * Float.BYTES;
    long max = Runtime.getRuntime().maxMemory();
    if (bytes > max * 0.8) {
      throw new SinusException(ExitCode.DATA, String.format(Locale.ROOT,
          "the synthetic dataset (%d records × %d samples × 12 leads) needs %d MB of heap, but the JVM may use only %d MB;"
              + " lower dataset.records, dataset.duration or dataset.sampling-rate, or raise -Xmx",
          records, samples, bytes >> 20, max >> 20));
    }
  }
}
