package org.sinus.api.cache;

import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * One per-record cache file as a representation would build it: where it goes, the key it is
 * checked against, how many items of how many values it holds and how to compute any item. With a
 * plan the file can be built ahead of the run that needs it, whole or in ranges of items on other
 * machines that see the same file system ({@link CacheBuilder}); the run then finds it complete and
 * reuses it.
 *
 * @param file the cache file
 * @param key what its values depend on (checked by {@link MappedValueFile#open})
 * @param encoding how the values are stored
 * @param items the number of items (one per record)
 * @param itemValues values per item
 * @param computers a new computer for each thread that computes items
 * @param description what the file holds, for logs and errors, e.g. {@code scalograms of 1490 ptbxl records}
 * @param itemNames names an item in errors, e.g. {@code record 17 of ptbxl}
 * @param whenUnrepresentable what to change when a value does not fit the encoding (e.g. {@code use float32})
 */
public record CachePlan(Path file, String key, ValueEncoding encoding, int items, int itemValues,
                        Supplier<ItemComputer> computers, String description, IntFunction<String> itemNames,
                        String whenUnrepresentable) {

  /** Computes items; used by one thread at a time, so it may keep scratch buffers. */
  @FunctionalInterface
  public interface ItemComputer {
    /** Writes the {@code itemValues} values of item {@code item} into {@code out[0, itemValues)}. */
    void compute(int item, float[] out);
  }

  /** The size of the complete file in bytes. */
  public long fileBytes() {
    return MappedValueFile.fileBytes(encoding, items, itemValues);
  }
}
