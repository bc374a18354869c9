package org.sinus.io;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Reads a CSV recording: one line per lead ({@code leads × samples}, the layout of a NumPy
 * array), values separated by commas, optionally led by the lead's name
 * ({@code V1,0.012,0.015,…}). Either every line names its lead or none does. Blank lines and lines
 * starting with {@code #} are skipped. {@code nan} and {@code inf} are read as such (and refused
 * later, with the record named). The file holds no sampling rate.
 */
final class CsvRecordings {
  private CsvRecordings() {}

  static Recording read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new RecordingFormatException(file + ": not a text file (it is not UTF-8)", e);
    } catch (IOException e) {
      throw new RecordingFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
    List<String> names = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    Boolean named = null;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(",", -1);
      boolean hasName = !fields[0].isBlank() && !isNumber(fields[0].strip());
      if (named != null && named != hasName) {
        throw new RecordingFormatException(file + ":" + (n + 1) + ": " + (hasName ? "this line names its lead but "
            + "the first line does not" : "this line does not name its lead but the first line does")
            + ": either every line starts with a lead name or none does");
      }
      named = hasName;
      int first = hasName ? 1 : 0;
      if (fields.length - first < 1) {
        throw new RecordingFormatException(file + ":" + (n + 1) + ": lead " + fields[0].strip() + " has no values");
      }
      float[] values = new float[fields.length - first];
      for (int i = first; i < fields.length; i++) {
        values[i - first] = parse(file, n + 1, i + 1, fields[i].strip());
      }
      if (!rows.isEmpty() && values.length != rows.get(0).length) {
        throw new RecordingFormatException(file + ":" + (n + 1) + ": " + values.length + " values, but line "
            + lineNumbers.get(0) + " has " + rows.get(0).length + " (every lead needs the same number of samples)");
      }
      if (hasName) {
        names.add(fields[0].strip());
      }
      rows.add(values);
      lineNumbers.add(n + 1);
    }
    if (rows.isEmpty()) {
      throw new RecordingFormatException(file + ": no values (an empty CSV file)");
    }
    int channels = rows.size();
    int samples = rows.get(0).length;
    float[] signal = new float[channels * samples];
    for (int c = 0; c < channels; c++) {
      float[] row = rows.get(c);
      for (int t = 0; t < samples; t++) {
        signal[t * channels + c] = row[t];
      }
    }
    return new Recording(RecordingFiles.baseName(file), file, OptionalDouble.empty(), names, channels, signal);
  }

  private static boolean isNumber(String text) {
    try {
      parseValue(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static float parse(Path file, int line, int column, String text) {
    try {
      return parseValue(text);
    } catch (NumberFormatException e) {
      throw new RecordingFormatException(file + ":" + line + ": value " + column + " is '" + text + "', not a number");
    }
  }

  private static float parseValue(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "nan" -> Float.NaN;
      case "inf", "+inf", "infinity" -> Float.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Float.NEGATIVE_INFINITY;
      default -> Float.parseFloat(text);
    };
  }
}
