package org.sinus.e2e.leak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sinus.api.data.Split;

/**
 * What an {@link AuditedDataset} saw: every signal read, by split, and every read of a test-fold
 * record made before the run it belongs to had fixed its decision thresholds (the last choice
 * made from data; the file {@code evaluation/thresholds.json} exists from then on). Those early
 * reads are leaks, whatever code made them: each is kept with the Sinus frames of its call stack.
 * Audits are found by name, the {@code audit} key of the dataset block, so a test can start one and
 * read it after a command ran in the same JVM.
 */
public final class DataAudit {
  private static final Map<String, DataAudit> AUDITS = new ConcurrentHashMap<>();

  private final Path runs;
  private final Map<Split, Set<Integer>> reads = new EnumMap<>(Split.class);
  private final List<String> leaks = new ArrayList<>();

  private DataAudit(Path runs) {
    this.runs = runs;
    for (Split split : Split.values()) {
      reads.put(split, new TreeSet<>());
    }
  }

  /**
   * Starts (or restarts) the audit {@code name} of runs under {@code runs}: only one run may live
   * there, so that its thresholds file marks the end of its choices.
   */
  public static DataAudit start(String name, Path runs) {
    DataAudit audit = new DataAudit(runs);
    AUDITS.put(name, audit);
    return audit;
  }

  public static DataAudit named(String name) {
    DataAudit audit = AUDITS.get(name);
    if (audit == null) {
      throw new IllegalStateException("no data audit named '" + name + "' was started; call DataAudit.start first");
    }
    return audit;
  }

  synchronized void signalRead(Split split, int index) {
    reads.get(split).add(index);
    if (split == Split.TEST && !thresholdsFixed()) {
      leaks.add("test record " + index + " read before the thresholds were fixed, by " + sinusFrames());
    }
  }

  /** The records of {@code split} whose signal was read. */
  public synchronized Set<Integer> reads(Split split) {
    return Set.copyOf(reads.get(split));
  }

  public synchronized List<String> leaks() {
    return List.copyOf(leaks);
  }

  private boolean thresholdsFixed() {
    if (!Files.isDirectory(runs)) {
      return false;
    }
    try (Stream<Path> list = Files.list(runs)) {
      return list.anyMatch(run -> Files.isRegularFile(run.resolve("evaluation/thresholds.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sinusFrames() {
    return Arrays.stream(new Throwable().getStackTrace())
        .filter(frame -> frame.getClassName().startsWith("org.sinus.") && !frame.getClassName().startsWith("org.sinus.e2e"))
        .limit(6).map(frame -> frame.getClassName().replace("org.sinus.", "") + "." + frame.getMethodName()
            + ":" + frame.getLineNumber())
        .collect(Collectors.joining(" < "));
  }
}
