package org.sinus.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.sinus.io.wfdb.WfdbHeader;
import org.sinus.io.wfdb.WfdbReader;
import org.sinus.io.wfdb.WfdbSignal;

/**
 * Finds and reads recordings in the formats Sinus reads, chosen by the file's extension: WFDB
 * records ({@code .hea} with their signal files; a {@code .dat} stands for its header), CSV
 * ({@code .csv}, leads × samples) and NumPy arrays ({@code .npy}, leads × samples).
 */
public final class RecordingFiles {
  /** The extensions of the files a directory is searched for. */
  public static final List<String> EXTENSIONS = List.of("hea", "csv", "npy");

  private RecordingFiles() {}

  /**
   * The recordings the inputs name: a file stands for itself (a {@code .dat} for its {@code .hea});
   * a directory for every {@code .hea}, {@code .csv} and {@code .npy} file under it, in name order.
   * A missing path is kept, so that reading it reports it with the others.
   */
  public static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile).filter(path -> EXTENSIONS.contains(extension(path))).sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new RecordingFormatException(input + ": cannot list the directory: " + e.getMessage(), e);
        }
      } else if (extension(input).equals("dat")) {
        files.add(input.resolveSibling(baseName(input) + ".hea"));
      } else {
        files.add(input);
      }
    }
    return files;
  }

  /** Reads one recording; a file that cannot be read fails with a message naming it. */
  public static Recording read(Path file) {
    if (!Files.exists(file)) {
      throw new RecordingFormatException(file + ": no such file");
    }
    if (!Files.isReadable(file)) {
      throw new RecordingFormatException(file + ": not readable");
    }
    return switch (extension(file)) {
      case "hea" -> readWfdb(file);
      case "csv" -> CsvRecordings.read(file);
      case "npy" -> NpyRecordings.read(file);
      default -> throw new RecordingFormatException(file + ": unknown format '." + extension(file) + "' (Sinus reads "
          + "WFDB .hea/.dat records, .csv and .npy arrays of leads × samples)");
    };
  }

  private static Recording readWfdb(Path header) {
    WfdbHeader parsed = WfdbHeader.read(header);
    float[] signal = new WfdbReader().readPhysical(parsed);
    List<String> names = parsed.signals().stream().map(WfdbSignal::description).toList();
    if (names.stream().anyMatch(String::isBlank)) {
      names = List.of();
    }
    return new Recording(parsed.recordName(), header, OptionalDouble.of(parsed.samplingFrequency()), names,
        parsed.signalCount(), signal);
  }

  /** The file name without its extension. */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
