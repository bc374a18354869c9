package org.sinus.plugins.wavelet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.cache.MappedValueFile;
import org.sinus.api.cache.ValueEncoding;
import org.sinus.api.data.DataContext;
import org.sinus.api.representation.RecordSet;
import org.sinus.api.util.ByteSizes;
import org.sinus.api.util.Parallel;

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
   * The cache file of {@code key}: reused if it verifies, else computed for every record of
   * {@code records} in parallel ({@code context.threads()} threads, progress on {@code context.progress()}).
   *
   * @param name the dataset's name, for the file name
   * @param mean signal standardization (one value, or one per lead)
   * @param scale signal standardization (one value, or one per lead)
   */
  public static Result open(RecordSet records, String name, ScalogramComputer computer, ValueEncoding format, String key,
                            double[] mean, double[] scale, DataContext context) {
    Path file = file(context.cacheDir(), name, format, key);
    long items = records.size();
    int itemValues = computer.itemValues();
    long began = System.nanoTime();
    try {
      MappedValueFile.Opened opened = MappedValueFile.open(file, key, format, items, itemValues);
      if (opened.cache().isPresent()) {
        double seconds = (System.nanoTime() - began) / 1e9;
        LOG.info(String.format(Locale.ROOT, "scalogram cache reused: %s (%s, %d records, checked in %.1f s)", file,
            ByteSizes.format(MappedValueFile.fileBytes(format, items, itemValues)), items, seconds));
        return new Result(opened.cache().get(), true, seconds, null);
      }
      String reason = opened.rejection().map(MappedValueFile.Rejection::reason).orElse("");
      LOG.info(String.format(Locale.ROOT, "building the scalogram cache %s (%s): %d records × %d values, %s, %d threads",
          file, reason, items, itemValues, ByteSizes.format(MappedValueFile.fileBytes(format, items, itemValues)), Math.max(1, context.threads())));
      MappedValueFile built = build(records, computer, format, key, mean, scale, context, file);
      double seconds = (System.nanoTime() - began) / 1e9;
      LOG.info(String.format(Locale.ROOT, "scalogram cache built in %.1f s (%.1f ms per record): %s", seconds,
          1000 * seconds / Math.max(1, items), file));
      return new Result(built, false, seconds, reason);
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot use the scalogram cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@code <cacheDir>/cwt/<dataset>-<key hash>.<f16|f32>}. */
  public static Path file(Path cacheDir, String dataset, ValueEncoding format, String key) {
    String safe = dataset.replaceAll("[^A-Za-z0-9._-]", "_");
    return cacheDir.resolve("cwt").resolve(safe + "-" + MappedValueFile.keyName(key) + "." + format.extension());
  }


  private static MappedValueFile build(RecordSet set, ScalogramComputer computer, ValueEncoding format, String key,
                                       double[] mean, double[] scale, DataContext context, Path file) throws IOException {
    int records = set.size();
    int signalValues = set.format().samples() * set.format().channels();
    record Buffers(float[] signal, float[] item) {}
    context.progress().start("computing scalograms", records);
    try (MappedValueFile.Writer writer = new MappedValueFile.Writer(file, key, format, records, computer.itemValues())) {
      Parallel.forEachIndex("sinus-cwt", context.threads(), records,
          () -> new Buffers(new float[signalValues], new float[computer.itemValues()]), (buffers, r) -> {
            set.read(r, buffers.signal());
            computer.compute(buffers.signal(), mean, scale, buffers.item(), 0);
            try {
              writer.write(r, buffers.item(), 0);
            } catch (IllegalArgumentException e) {
              throw new SinusException(ExitCode.DATA, "record " + set.index(r) + " of the dataset"
                  + ": its scalogram cannot be cached as " + format.id() + " (" + e.getMessage() + "); use "
                  + "representation.storage = \"float32\" or a log value", e);
            }
            context.progress().advance(1);
          });
      return writer.finish();
    } finally {
      context.progress().done();
    }
  }
}
