package org.sinus.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.data.DataContext;
import org.sinus.api.util.ByteSizes;
import org.sinus.engine.cache.CacheInventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sinus cache}: list and clean the signal and representation caches. */
@Command(name = "cache", mixinStandardHelpOptions = true,
    description = {"List or clean the caches Sinus builds (PTB-XL signals, scalograms) in the cache directory: "
        + "-Dsinus.cache.dir, else $SINUS_CACHE, else ~/.cache/sinus.",
        "A cache is named after a hash of what it holds, so files of earlier data or settings stay until cleaned."},
    subcommands = {CacheCommand.ListCaches.class, CacheCommand.CleanCaches.class})
final class CacheCommand implements Runnable {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a cache command is required: list or clean");
  }

  /** Options of both subcommands. */
  abstract static class CacheSubcommand extends SinusSubcommand {
    @Option(names = "--dir", paramLabel = "<dir>", description = "The cache directory (default: ${DEFAULT-VALUE}).")
    Path dir = DataContext.defaultCacheDir();

    List<CacheInventory.Entry> scan() {
      try {
        return CacheInventory.scan(dir);
      } catch (IOException e) {
        throw new SinusException(ExitCode.FAILURE, "cannot list the cache directory " + dir + ": " + e.getMessage(), e);
      }
    }

    void print(List<CacheInventory.Entry> entries) {
      for (CacheInventory.Entry entry : entries) {
        System.out.printf(Locale.ROOT, "%-16s %10s  %s UTC  %s%n", entry.status().label(), ByteSizes.format(entry.bytes()),
            TIME.format(entry.lastUsed()), dir.relativize(entry.file()));
      }
    }


    static long total(List<CacheInventory.Entry> entries) {
      return entries.stream().mapToLong(CacheInventory.Entry::bytes).sum();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the cache files: state, size, last use (UTC) and path, largest first.")
  static final class ListCaches extends CacheSubcommand {
    @Override
    public Integer call() {
      List<CacheInventory.Entry> entries = scan();
      if (entries.isEmpty()) {
        System.out.println("no cache files in " + dir);
        return 0;
      }
      print(entries);
      System.out.println(entries.size() + " files, " + ByteSizes.format(total(entries)) + " in " + dir);
      return 0;
    }
  }

  @Command(name = "clean", mixinStandardHelpOptions = true,
      description = {"Delete incomplete cache files and the leftovers of interrupted builds; with --unused-days or "
          + "--all, complete caches too. A build that is running is never touched; the next run that needs a "
          + "deleted cache builds it again."})
  static final class CleanCaches extends CacheSubcommand {
    @Option(names = "--unused-days", paramLabel = "<days>",
        description = "Also delete complete caches not used for this many days.")
    Integer unusedDays;

    @Option(names = "--all", description = "Also delete every complete cache.")
    boolean all;

    @Option(names = "--dry-run", description = "Only list what would be deleted.")
    boolean dryRun;

    @Override
    public Integer call() {
      if (unusedDays != null && unusedDays < 0) {
        throw new ParameterException(spec.commandLine(), "--unused-days must be 0 or more, got " + unusedDays);
      }
      List<CacheInventory.Entry> removable = CacheInventory.removable(scan(), all,
          unusedDays == null ? null : Duration.ofDays(unusedDays), Instant.now());
      if (removable.isEmpty()) {
        System.out.println("nothing to delete in " + dir);
        return 0;
      }
      print(removable);
      if (dryRun) {
        System.out.println("would delete " + removable.size() + " files, " + ByteSizes.format(total(removable)) + " (dry run)");
        return 0;
      }
      for (CacheInventory.Entry entry : removable) {
        try {
          Files.deleteIfExists(entry.file());
        } catch (IOException e) {
          throw new SinusException(ExitCode.FAILURE, "cannot delete " + entry.file() + ": " + e.getMessage(), e);
        }
      }
      System.out.println("deleted " + removable.size() + " files, " + ByteSizes.format(total(removable)));
      return 0;
    }

    @Spec
    CommandSpec spec;
  }
}
