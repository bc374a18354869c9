package org.sinus.plugins.wavelet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.cache.CacheBuilder;
import org.sinus.api.cache.CachePlan;
import org.sinus.api.cache.MappedValueFile;
import org.sinus.api.cache.ValueEncoding;
import org.sinus.api.data.DataContext;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.util.ByteSizes;

/**
 * The on-disk cache of the scalograms of a set of records (the training split, or the records of
 * another split before they are evaluated): one item per record, {@code [scales, columns, leads]}
 * values, memory-mapped (never on the heap). The file lives under {@code <cacheDir>/cwt/}, named
 * after a hash of its key; the key names the data (source, fingerprint, the records and a checksum
 * of every signal value) and every setting that changes a value (wavelet, scales, value, log,
 * pooling, storage, and the signal standardization). A file whose key, size, completion mark or
 * checksum is wrong is rebuilt, never used.
 */
public final class ScalogramCache {
  private static final Logger LOG = Logger.getLogger(ScalogramCache.class.getName());
  /** Bump when the computation changes in a way the settings do not show. */
  static final String VERSION = "sinus-cwt-cache-v1";

  private ScalogramCache() {}

  /** What {@link #open} found or built. */
  public record Result(MappedValueFile file, boolean reused, double seconds, String rejection) {}

  /**
   * The cache file of the scalograms of {@code records} under {@code key}, as a plan: each item is a
   * record's scalogram of its signal standardized with {@code mean} and {@code scale} (one value, or
   * one per lead).
   *
   * @param name the dataset's name, for the file name
   */
  public static CachePlan plan(RecordSet records, String name, ScalogramComputer computer, ValueEncoding format,
                               String key, double[] mean, double[] scale, Path cacheDir) {
    int signalValues = records.format().samples() * records.format().channels();
    return new CachePlan(file(cacheDir, name, format, key), key, format, records.size(), computer.itemValues(),
        () -> {
          float[] signal = new float[signalValues];
          return (item, out) -> {
            records.read(item, signal);
            computer.compute(signal, mean, scale, out, 0);
          };
        },
        "scalograms of " + records.size() + " " + name + " records",
        item -> "the scalogram of record " + records.index(item) + " of " + name,
        "use representation.storage = \"float32\" or a log value");
  }

  /**
   * The file of {@code plan}: reused if it verifies, else computed for every record in parallel
   * ({@code context.threads()} threads, progress on {@code context.progress()}).
   */
  public static Result open(CachePlan plan, DataContext context) {
    long began = System.nanoTime();
    String size = ByteSizes.format(plan.fileBytes());
    try {
      MappedValueFile.Opened opened = MappedValueFile.open(plan.file(), plan.key(), plan.encoding(), plan.items(),
          plan.itemValues());
      if (opened.cache().isPresent()) {
        double seconds = (System.nanoTime() - began) / 1e9;
        LOG.info(String.format(Locale.ROOT, "scalogram cache reused: %s (%s, %d records, checked in %.1f s)",
            plan.file(), size, plan.items(), seconds));
        return new Result(opened.cache().get(), true, seconds, null);
      }
      String reason = opened.rejection().map(MappedValueFile.Rejection::reason).orElse("");
      LOG.info(String.format(Locale.ROOT, "building the scalogram cache %s (%s): %d records × %d values, %s, %d threads",
          plan.file(), reason, plan.items(), plan.itemValues(), size, Math.max(1, context.threads())));
      MappedValueFile built = CacheBuilder.build(plan, context.threads(), context.progress());
      double seconds = (System.nanoTime() - began) / 1e9;
      LOG.info(String.format(Locale.ROOT, "scalogram cache built in %.1f s (%.1f ms per record): %s", seconds,
          1000 * seconds / Math.max(1, plan.items()), plan.file()));
      return new Result(built, false, seconds, reason);
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot use the scalogram cache " + plan.file() + ": " + e.getMessage(), e);
    }
  }

  /** {@code <cacheDir>/cwt/<dataset>-<key hash>.<f16|f32>}. */
  public static Path file(Path cacheDir, String dataset, ValueEncoding format, String key) {
    String safe = dataset.replaceAll("[^A-Za-z0-9._-]", "_");
    return cacheDir.resolve("cwt").resolve(safe + "-" + MappedValueFile.keyName(key) + "." + format.extension());
  }
}
