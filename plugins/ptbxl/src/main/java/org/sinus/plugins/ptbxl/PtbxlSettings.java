package org.sinus.plugins.ptbxl;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.sinus.api.data.FoldSplit;
import org.sinus.api.plugin.ComponentConfig;

/**
 * The {@code dataset} block of a PTB-XL experiment.
 *
 * @param path the PhysioNet release directory (with {@code ptbxl_database.csv})
 * @param pathOrigin where {@code path} was set ({@code file:line}), for error messages
 * @param samplingRate 100 ({@code records100}) or 500 ({@code records500})
 * @param task the label task
 * @param split folds of train, validation and test
 * @param minSamples classes with at most this many records are left out (the benchmark's 0 keeps all)
 * @param excludeIds ecg_ids left out of the experiment
 * @param storage where signals live: heap, mmap (a memory-mapped cache file) or auto
 * @param threads threads reading WFDB files; 0 = all cores
 * @param badRecords what to do with records that cannot be read
 */
public record PtbxlSettings(Path path, String pathOrigin, int samplingRate, LabelTask task, FoldSplit split,
                            int minSamples, Set<String> excludeIds, Storage storage, int threads, BadRecords badRecords) {

  /** Where the signals are kept once read. */
  public enum Storage { AUTO, HEAP, MMAP }

  /** What to do with records whose files cannot be read. */
  public enum BadRecords {
    /** fail when a model is trained or evaluated, skip when the data is only inspected */
    AUTO,
    /** fail, listing every record that cannot be read */
    FAIL,
    /** leave them out, and list them in the data report */
    SKIP
  }

  static PtbxlSettings read(ComponentConfig config) {
    Path path = config.getPath("path");
    String origin = config.location("path");
    int rate = config.getInt("sampling-rate", 100, 500);
    if (rate != 100 && rate != 500) {
      config.problem("sampling-rate", rate + " Hz is not in PTB-XL; use 100 (records100) or 500 (records500)");
    }
    String task = config.getChoice("task", LabelTask.ids());
    FoldSplit split = FoldSplit.read(config.child("split"));
    int minSamples = config.getInt("min-samples", 0, 1_000_000);
    Set<String> exclude = new TreeSet<>(config.getStringList("exclude-ids"));
    String storage = config.getChoice("storage", List.of("auto", "heap", "mmap"));
    int threads = config.getInt("threads", 0, 256);
    String badRecords = config.getChoice("bad-records", List.of("auto", "fail", "skip"));
    config.markMachineLocal("storage");
    config.markMachineLocal("threads");
    return new PtbxlSettings(path, origin, rate, LabelTask.parse(task), split, minSamples, exclude,
        Storage.valueOf(storage.toUpperCase(Locale.ROOT)), threads, BadRecords.valueOf(badRecords.toUpperCase(Locale.ROOT)));
  }
}
