package org.sinus.api.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.Parallel;
import org.sinus.api.util.Progress;

/**
 * Builds the file of a {@link CachePlan}: whole, on a few threads ({@link #build}), or as parts of
 * item ranges that may be computed on different machines ({@link #buildPart}) and then joined
 * ({@link #assemble}). Every file, part or whole, is written to a temporary name and moved into
 * place only when complete, so a build that is killed leaves no file a run would take for
 * complete; a part that is already complete is reused.
 */
public final class CacheBuilder {
  private CacheBuilder() {}

  /** A range {@code [from, to)} of a plan's items. */
  public record Range(int from, int to) {
    public Range {
      if (from < 0 || to <= from) {
        throw new IllegalArgumentException("empty item range [" + from + ", " + to + ")");
      }
    }

    public int size() {
      return to - from;
    }
  }

  /** {@code items} cut into consecutive ranges of {@code perRange} items (the last one may be shorter). */
  public static List<Range> ranges(int items, int perRange) {
    if (perRange < 1) {
      throw new IllegalArgumentException("items per range must be at least 1, got " + perRange);
    }
    List<Range> ranges = new ArrayList<>();
    for (int from = 0; from < items; from += perRange) {
      ranges.add(new Range(from, Math.min(items, from + perRange)));
    }
    return ranges;
  }

  /** The plan's complete file if it is there and verifies, else empty. */
  public static Optional<MappedValueFile> existing(CachePlan plan) {
    try {
      return MappedValueFile.open(plan.file(), plan.key(), plan.encoding(), plan.items(), plan.itemValues()).cache();
    } catch (IOException e) {
      throw failure(plan, "cannot read " + plan.file(), e);
    }
  }

  /**
   * Whether the plan's file is there, marked complete by its header and of the planned size: enough to leave it
   * unbuilt ahead of a run, which verifies its checksum when it opens it (and rebuilds a corrupt one), without
   * reading its data twice.
   */
  public static boolean isBuilt(CachePlan plan) {
    try {
      if (!Files.isRegularFile(plan.file()) || Files.size(plan.file()) != plan.fileBytes()) {
        return false;
      }
      MappedValueFile.Header header = MappedValueFile.header(plan.file());
      return header.state() == MappedValueFile.State.COMPLETE && header.encoding().equals(Optional.of(plan.encoding()))
          && header.items() == plan.items() && header.itemValues() == plan.itemValues();
    } catch (IOException e) {
      throw failure(plan, "cannot read " + plan.file(), e);
    }
  }

  /** Computes every item on {@code threads} threads into the plan's file, reporting items on {@code progress}. */
  public static MappedValueFile build(CachePlan plan, int threads, Progress progress) {
    try {
      return write(plan, plan.file(), plan.key(), new Range(0, plan.items()), threads, progress);
    } catch (IOException e) {
      throw failure(plan, "cannot write " + plan.file(), e);
    }
  }

  /**
   * Computes the items of {@code range} into their part file ({@link #partFile}) on {@code threads} threads,
   * unless a complete part is there already; returns the part file.
   */
  public static Path buildPart(CachePlan plan, Range range, int threads) {
    Path part = partFile(plan, range);
    try {
      if (openPart(plan, range).isPresent()) {
        return part;
      }
      write(plan, part, partKey(plan, range), range, threads, Progress.NONE).close();
      return part;
    } catch (IOException e) {
      throw failure(plan, "cannot write the part " + part, e);
    }
  }

  /**
   * Joins the complete parts of {@code ranges} (which must cover every item, in order) into the plan's
   * file, moved into place when complete; then deletes the parts.
   */
  public static MappedValueFile assemble(CachePlan plan, List<Range> ranges) {
    int next = 0;
    for (Range range : ranges) {
      if (range.from() != next) {
        throw new IllegalArgumentException("the ranges do not cover items " + next + " to " + range.from());
      }
      next = range.to();
    }
    if (next != plan.items()) {
      throw new IllegalArgumentException("the ranges end at item " + next + " of " + plan.items());
    }
    MappedValueFile assembled;
    try (MappedValueFile.Writer writer = new MappedValueFile.Writer(plan.file(), plan.key(), plan.encoding(),
        plan.items(), plan.itemValues())) {
      float[] item = new float[plan.itemValues()];
      for (Range range : ranges) {
        try (MappedValueFile part = openPart(plan, range).orElseThrow(() -> failure(plan, "the part "
            + partFile(plan, range) + " is missing or incomplete", null))) {
          for (int i = range.from(); i < range.to(); i++) {
            part.read(i - range.from(), item, 0);
            writer.write(i, item, 0);
          }
        }
      }
      assembled = writer.finish();
    } catch (IOException e) {
      throw failure(plan, "cannot assemble " + plan.file() + " from its parts", e);
    }
    deleteParts(plan);
    return assembled;
  }

  /** {@code <file>.parts/<from>-<to>.part}. */
  public static Path partFile(CachePlan plan, Range range) {
    return partDirectory(plan).resolve(range.from() + "-" + range.to() + ".part");
  }

  private static Path partDirectory(CachePlan plan) {
    return plan.file().resolveSibling(plan.file().getFileName() + ".parts");
  }

  private static String partKey(CachePlan plan, Range range) {
    return plan.key() + "|items=" + range.from() + "-" + range.to();
  }

  private static Optional<MappedValueFile> openPart(CachePlan plan, Range range) throws IOException {
    return MappedValueFile.open(partFile(plan, range), partKey(plan, range), plan.encoding(), range.size(),
        plan.itemValues()).cache();
  }

  private static void deleteParts(CachePlan plan) {
    Path directory = partDirectory(plan);
    try (Stream<Path> parts = Files.list(directory)) {
      for (Path part : parts.toList()) {
        Files.deleteIfExists(part);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // the parts are only left over: sinus cache clean removes them
    }
  }

  private static MappedValueFile write(CachePlan plan, Path file, String key, Range range, int threads,
                                       Progress progress) throws IOException {
    try (MappedValueFile.Writer writer = new MappedValueFile.Writer(file, key, plan.encoding(), range.size(),
        plan.itemValues())) {
      record Scratch(CachePlan.ItemComputer computer, float[] item) {}
      progress.start("computing " + plan.description(), range.size());
      try {
        Parallel.forEachIndex("sinus-cache", threads, range.size(),
            () -> new Scratch(plan.computers().get(), new float[plan.itemValues()]), (scratch, i) -> {
              int item = range.from() + i;
              scratch.computer().compute(item, scratch.item());
              try {
                writer.write(i, scratch.item(), 0);
              } catch (IllegalArgumentException e) {
                throw new SinusException(ExitCode.DATA, plan.itemNames().apply(item) + " ("
                    + plan.description() + ") cannot be cached as " + plan.encoding().id() + " (" + e.getMessage() + "); "
                    + plan.whenUnrepresentable(), e);
              }
              progress.advance(1);
            });
      } finally {
        progress.done();
      }
      return writer.finish();
    }
  }

  private static SinusException failure(CachePlan plan, String what, Exception cause) {
    return new SinusException(ExitCode.FAILURE, what + " (" + plan.description() + ")"
        + (cause == null ? "" : ": " + cause.getMessage()), cause);
  }
}
