package org.sinus.plugins.ptbxl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.cache.MappedValueFile;
import org.sinus.api.cache.ValueEncoding;
import org.sinus.api.data.DataContext;
import org.sinus.api.data.Dataset;
import org.sinus.api.data.EcgDataset;
import org.sinus.api.data.HeapSignalStore;
import org.sinus.api.data.MappedSignalStore;
import org.sinus.api.data.SignalFormat;
import org.sinus.api.data.SignalStore;
import org.sinus.api.util.Parallel;
import org.sinus.io.wfdb.WfdbHeader;
import org.sinus.io.wfdb.WfdbReader;

/**
 * PTB-XL in PhysioNet's layout. Loading reads the metadata ({@link PtbxlMetadata}) and then every
 * record's WFDB files, in parallel, verifying sizes, initial values and checksums. The signals stay
 * on the heap when they are small next to the heap (100 Hz: 1.05 GB for all 21,799 records) or go
 * to a memory-mapped cache file under the cache directory otherwise (500 Hz: 5.2 GB); the cache is
 * keyed by the records' files, sizes and modification times and rebuilt when any differ.
 */
final class PtbxlDataset implements Dataset {
  private static final Logger LOG = Logger.getLogger(PtbxlDataset.class.getName());
  static final List<String> LEADS = List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6");

  private final PtbxlSettings settings;

  PtbxlDataset(PtbxlSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<SignalFormat> format() {
    return Optional.of(new SignalFormat(settings.samplingRate(), settings.samplingRate() * 10, LEADS));
  }

  @Override
  public String describe() {
    return "PTB-XL at " + settings.path() + ", " + settings.samplingRate() + " Hz, task " + settings.task().id()
        + ", min-samples " + settings.minSamples() + (settings.excludeIds().isEmpty() ? "" : ", excluding " + settings.excludeIds());
  }

  @Override
  public EcgDataset load(DataContext context) {
    return load(PtbxlMetadata.read(settings), context);
  }

  /**
   * Loads the records of {@code metadata}. When records cannot be read, every fault is collected;
   * then the load fails with all of them (bad-records = fail, and by default when a model is
   * trained or evaluated), or leaves those records out and loads the others (bad-records = skip,
   * and by default when the data is only inspected).
   */
  private EcgDataset load(PtbxlMetadata metadata, DataContext context) {
    try {
      return loadAll(metadata, context);
    } catch (BadRecords bad) {
      boolean skip = settings.badRecords() == PtbxlSettings.BadRecords.SKIP
          || settings.badRecords() == PtbxlSettings.BadRecords.AUTO && context.use() == DataContext.Use.INSPECTION;
      if (!skip) {
        throw new SinusException(ExitCode.DATA, bad.report() + System.lineSeparator() + "  Leave them out with "
            + "dataset.exclude-ids = " + bad.ids() + " or dataset.bad-records = \"skip\"; the sinus data commands "
            + "skip them by default.");
      }
      LOG.warning(bad.report() + System.lineSeparator() + "  They are left out (dataset.bad-records = "
          + settings.badRecords().name().toLowerCase(Locale.ROOT) + ", " + context.use().name()
              .toLowerCase(Locale.ROOT) + "); the data report lists them.");
      return loadAll(metadata.without(bad.indices(), "unreadable signal file (left out by dataset.bad-records)"), context);
    }
  }

  private EcgDataset loadAll(PtbxlMetadata metadata, DataContext context) {
    int samples = settings.samplingRate() * 10;
    int channels = LEADS.size();
    int records = metadata.records().size();
    long bytes = (long) records * samples * channels * Float.BYTES;
    boolean mapped = switch (settings.storage()) {
      case HEAP -> false;
      case MMAP -> true;
      case AUTO -> bytes > Runtime.getRuntime().maxMemory() / 4;
    };
    int threads = settings.threads() > 0 ? settings.threads() : context.threads();
    SignalStore signals = mapped ? mappedSignals(metadata, samples, context, threads)
        : heapSignals(metadata, samples, context, threads);
    LOG.info(String.format("PTB-XL: %d records at %d Hz (%s), %s", records, settings.samplingRate(),
        mapped ? "memory-mapped cache" : String.format("%.0f MB on the heap", bytes / 1e6),
        PtbxlMetadata.summary(metadata.dropped()).equals("none") ? "none dropped"
            : "dropped: " + PtbxlMetadata.summary(metadata.dropped())));
    return new EcgDataset("ptbxl", describe(), settings.samplingRate(), LEADS, metadata.labels(), metadata.records(),
        signals, settings.split(), metadata.dropped(), null);
  }

  private SignalStore heapSignals(PtbxlMetadata metadata, int samples, DataContext context, int threads) {
    float[][] signals = new float[metadata.records().size()][];
    readAll(metadata, samples, context, threads, "reading PTB-XL", (index, values) -> signals[index] = values.clone());
    return new HeapSignalStore(signals, samples, LEADS.size());
  }

  private SignalStore mappedSignals(PtbxlMetadata metadata, int samples, DataContext context, int threads) {
    String key = cacheKey(metadata);
    Path file = context.cacheDir().resolve("ptbxl").resolve("signals-" + settings.samplingRate() + "hz-"
        + MappedValueFile.keyName(key) + ".f32");
    int items = metadata.records().size();
    int itemFloats = samples * LEADS.size();
    try {
      MappedValueFile.Opened opened = MappedValueFile.open(file, key, ValueEncoding.FLOAT32, items, itemFloats);
      if (opened.cache().isPresent()) {
        LOG.info("PTB-XL signal cache reused: " + file);
        return new MappedSignalStore(opened.cache().get(), samples, LEADS.size());
      }
      LOG.info("building the PTB-XL signal cache " + file + " (" + opened.rejection().map(r -> r.reason()).orElse("") + ")");
      try (MappedValueFile.Writer writer = new MappedValueFile.Writer(file, key, ValueEncoding.FLOAT32, items, itemFloats)) {
        readAll(metadata, samples, context, threads, "caching PTB-XL", (index, values) -> {
          try {
            writer.write(index, values, 0);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        return new MappedSignalStore(writer.finish(), samples, LEADS.size());
      }
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot use the signal cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** Files, sizes and modification times of every record: a change to any of them rebuilds the cache. */
  private String cacheKey(PtbxlMetadata metadata) {
    StringBuilder key = new StringBuilder("ptbxl-signals-v1|").append(settings.samplingRate());
    try {
      for (Path base : metadata.recordFiles()) {
        Path dat = base.resolveSibling(base.getFileName() + ".dat");
        key.append('|').append(base).append(':').append(Files.size(dat)).append(':')
            .append(Files.getLastModifiedTime(dat).toMillis());
      }
    } catch (IOException e) {
      throw new SinusException(ExitCode.DATA, "cannot read a PTB-XL signal file: " + e.getMessage(), e);
    }
    return key.toString();
  }

  private interface RecordSink {
    void accept(int index, float[] values);
  }

  /** Reads every record's signals in parallel; checks the layout PTB-XL promises. */
  /** Records that could not be read: each with what went wrong, in record order. */
  static final class BadRecords extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 10;
    private final transient List<Fault> faults;

    BadRecords(List<Fault> faults) {
      super(faults.size() + " PTB-XL records cannot be read", null, false, false);
      this.faults = faults.stream().sorted(Comparator.comparingInt(Fault::index)).toList();
    }

    Set<Integer> indices() {
      return faults.stream().map(Fault::index).collect(Collectors.toSet());
    }

    List<String> ids() {
      return faults.stream().map(Fault::id).toList();
    }

    /** One line per fault (the first few), sorted by record, with the count of the rest. */
    String report() {
      StringBuilder text = new StringBuilder(faults.size() == 1 ? "1 PTB-XL record cannot be read:"
          : faults.size() + " PTB-XL records cannot be read:");
      faults.stream().limit(SHOWN).forEach(f -> text.append(System.lineSeparator()).append("  ecg_id ").append(f.id())
          .append(": ").append(f.message()));
      if (faults.size() > SHOWN) {
        text.append(System.lineSeparator()).append("  ... and ").append(faults.size() - SHOWN).append(" more");
      }
      return text.toString();
    }
  }

  /** What went wrong with one record. */
  record Fault(int index, String id, String message) {}

  /** Reads every record's signals in parallel, checks the layout PTB-XL promises, and collects every fault. */
  private void readAll(PtbxlMetadata metadata, int samples, DataContext context, int threads, String task,
                       RecordSink sink) {
    int records = metadata.records().size();
    Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    context.progress().start(task, records);
    record Reading(WfdbReader reader, float[] values) {}
    try {
      Parallel.forEachIndex("sinus-ptbxl", threads, records,
          () -> new Reading(new WfdbReader(), new float[samples * LEADS.size()]), (reading, i) -> {
            Path base = metadata.recordFiles().get(i);
            try {
              WfdbHeader header = WfdbHeader.read(base.resolveSibling(base.getFileName() + ".hea"));
              check(header, samples, metadata.records().get(i).id());
              reading.reader().readPhysical(header, reading.values(), 0);
            } catch (SinusException | UncheckedIOException e) {
              faults.add(new Fault(i, metadata.records().get(i).id(), e.getMessage()));
              context.progress().advance(1);
              return;
            }
            sink.accept(i, reading.values());
            context.progress().advance(1);
          });
    } finally {
      context.progress().done();
    }
    if (!faults.isEmpty()) {
      throw new BadRecords(List.copyOf(faults));
    }
  }

  private void check(WfdbHeader header, int samples, String id) {
    if (header.signalCount() != LEADS.size()) {
      throw new SinusException(ExitCode.DATA, header.file() + ": ecg_id " + id + " has " + header.signalCount()
          + " signals, PTB-XL records have 12");
    }
    if (Math.round(header.samplingFrequency()) != settings.samplingRate()) {
      throw new SinusException(ExitCode.DATA, header.file() + ": ecg_id " + id + " is sampled at "
          + header.samplingFrequency() + " Hz, expected " + settings.samplingRate());
    }
    if (header.samplesPerSignal() != samples) {
      throw new SinusException(ExitCode.DATA, header.file() + ": ecg_id " + id + " has " + header.samplesPerSignal()
          + " samples per lead, expected " + samples + " (10 s)");
    }
    for (int s = 0; s < LEADS.size(); s++) {
      if (!header.signal(s).description().equalsIgnoreCase(LEADS.get(s))) {
        throw new SinusException(ExitCode.DATA, header.file() + ": ecg_id " + id + ": signal " + s + " is '"
            + header.signal(s).description() + "', expected lead " + LEADS.get(s));
      }
    }
  }
}
