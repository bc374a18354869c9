package org.sinus.engine.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sinus.api.cache.MappedValueFile;

/**
 * The cache files under a cache directory ({@code *.f32}, {@code *.f16}, the parts of files built in
 * ranges of records, {@code <file>.parts/<from>-<to>.part}, and the temporary files of builds,
 * {@code *.tmp-<pid>}), for listing and cleaning. Other files are neither listed nor ever
 * deleted.
 */
public final class CacheInventory {
  private static final Pattern TEMPORARY = Pattern.compile(".*\\.tmp-(\\d+)$");

  /** What a cache file is. */
  public enum Status {
    /** Complete; verified again (checksum) whenever it is opened. */
    COMPLETE("complete"),
    /** A complete part of a file built in ranges (a sweep's Spark job), joined into the file when all are there. */
    PART("part"),
    /** Its header lacks the completion mark: never used, rebuilt on next use. */
    INCOMPLETE("incomplete"),
    /** The temporary file of a build whose process still runs. */
    BUILDING("being built"),
    /** The temporary file of a build whose process is gone. */
    ABANDONED("abandoned build");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One cache file; {@code lastUsed} is its modification time, which each reuse sets to now. */
  public record Entry(Path file, long bytes, Instant lastUsed, Status status) {}

  private CacheInventory() {}

  /** The cache files under {@code dir}, largest first; none if it does not exist. */
  public static List<Entry> scan(Path dir) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return entries;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        Status status;
        Matcher temporary = TEMPORARY.matcher(name);
        if (temporary.matches()) {
          boolean running = ProcessHandle.of(Long.parseLong(temporary.group(1))).map(ProcessHandle::isAlive)
              .orElse(false);
          status = running ? Status.BUILDING : Status.ABANDONED;
        } else if (name.endsWith(".f32") || name.endsWith(".f16") || isPart(file)) {
          MappedValueFile.State state = MappedValueFile.header(file).state();
          if (state == MappedValueFile.State.NOT_A_CACHE) {
            continue;
          }
          status = state != MappedValueFile.State.COMPLETE ? Status.INCOMPLETE
              : isPart(file) ? Status.PART : Status.COMPLETE;
        } else {
          continue;
        }
        entries.add(new Entry(file, Files.size(file), Files.getLastModifiedTime(file).toInstant(), status));
      }
    }
    entries.sort(Comparator.comparingLong(Entry::bytes).reversed());
    return entries;
  }

  /**
   * The entries a clean removes: always incomplete files and abandoned builds; complete caches
   * too if {@code all}, or if unused for longer than {@code unusedFor} (when given); never a
   * build that is running.
   */
  public static List<Entry> removable(List<Entry> entries, boolean all, Duration unusedFor, Instant now) {
    return entries.stream().filter(entry -> switch (entry.status()) {
      case INCOMPLETE, ABANDONED -> true;
      case BUILDING -> false;
      case COMPLETE, PART -> all || (unusedFor != null && entry.lastUsed().isBefore(now.minus(unusedFor)));
    }).toList();
  }

  private static boolean isPart(Path file) {
    Path parent = file.getParent();
    return file.getFileName().toString().endsWith(".part") && parent != null
        && parent.getFileName().toString().endsWith(".parts");
  }
}
