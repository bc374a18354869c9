package org.sinus.api.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A loaded dataset: record metadata and labels, the signals, and the split of records into train,
 * validation and test. What datasets drop while loading (records without a label in the task,
 * missing files, ...) is kept, reason by reason, for the data report.
 */
public final class EcgDataset implements AutoCloseable {
  private final String name;
  private final String source;
  private final int samplingRate;
  private final List<String> leads;
  private final LabelSpace labels;
  private final List<RecordInfo> records;
  private final SignalStore signals;
  private final FoldSplit split;
  private final Map<Split, int[]> indices;
  private final Map<String, List<String>> dropped;
  private final Map<String, Integer> byId = new HashMap<>();
  private final ClassRegions regions;

  public EcgDataset(String name, String source, int samplingRate, List<String> leads, LabelSpace labels,
                    List<RecordInfo> records, SignalStore signals, FoldSplit split,
                    Map<String, List<String>> dropped, ClassRegions regions) {
    if (signals.records() != records.size()) {
      throw new IllegalArgumentException(records.size() + " records but " + signals.records() + " signals");
    }
    if (signals.channels() != leads.size()) {
      throw new IllegalArgumentException(leads.size() + " leads but signals have " + signals.channels() + " channels");
    }
    this.name = name;
    this.source = source;
    this.samplingRate = samplingRate;
    this.leads = List.copyOf(leads);
    this.labels = labels;
    this.records = List.copyOf(records);
    this.signals = signals;
    this.split = split;
    this.indices = split.assign(records);
    this.dropped = Collections.unmodifiableMap(new LinkedHashMap<>(dropped));
    this.regions = regions;
    for (int i = 0; i < records.size(); i++) {
      byId.put(records.get(i).id(), i);
    }
  }

  public String name() {
    return name;
  }

  /** What the dataset was read from, as {@link Dataset#describe()} says. */
  public String source() {
    return source;
  }

  /** Samples per second of every record. */
  public int samplingRate() {
    return samplingRate;
  }

  public List<String> leads() {
    return leads;
  }

  /** Samples per lead of every record. */
  public int samples() {
    return signals.samples();
  }

  public LabelSpace labels() {
    return labels;
  }

  public List<RecordInfo> records() {
    return records;
  }

  public RecordInfo record(int index) {
    return records.get(index);
  }

  public int size() {
    return records.size();
  }

  public SignalStore signals() {
    return signals;
  }

  public FoldSplit split() {
    return split;
  }

  /** Indices of the records of one split, ascending. */
  public int[] indices(Split part) {
    return indices.get(part).clone();
  }

  public OptionalInt indexOf(String id) {
    Integer index = byId.get(id);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** Records left out while loading, by reason, with their ids. */
  public Map<String, List<String>> dropped() {
    return dropped;
  }

  public Optional<ClassRegions> regions() {
    return Optional.ofNullable(regions);
  }

  /**
   * SHA-256 over record ids, folds and labels, and the class names: two runs with equal
   * fingerprints used the same records and labels.
   */
  public String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.join(",", labels.classes()).getBytes(StandardCharsets.UTF_8));
      for (RecordInfo record : records) {
        digest.update((record.id() + ":" + record.fold() + ":" + Arrays.toString(record.labels()) + ";")
            .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    signals.close();
  }
}
