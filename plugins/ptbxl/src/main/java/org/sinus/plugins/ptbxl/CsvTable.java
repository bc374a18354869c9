package org.sinus.plugins.ptbxl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;

/**
 * A CSV file with a header row (RFC 4180: quoted fields may hold commas, doubled quotes and line
 * breaks), as PhysioNet's metadata tables are written. Errors name the file and the line.
 */
public final class CsvTable {
  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private final List<String[]> rows;
  private final List<Integer> rowLines;

  private CsvTable(Path file, List<String> header, List<String[]> rows, List<Integer> rowLines) {
    this.file = file;
    this.header = List.copyOf(header);
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i), i);
    }
    this.rows = rows;
    this.rowLines = rowLines;
  }

  public static CsvTable read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SinusException(ExitCode.DATA, file + ": cannot read: " + e.getMessage(), e);
    }
    List<String[]> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (!fields.isEmpty() || field.length() > 0 || fieldStarted) {
          fields.add(field.toString());
          records.add(fields.toArray(String[]::new));
          lines.add(recordLine);
        }
        fields.clear();
        field.setLength(0);
        fieldStarted = false;
        line++;
        recordLine = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new SinusException(ExitCode.DATA, file + ":" + recordLine + ": unterminated quoted field (file truncated?)");
    }
    if (!fields.isEmpty() || field.length() > 0) {
      fields.add(field.toString());
      records.add(fields.toArray(String[]::new));
      lines.add(recordLine);
    }
    if (records.isEmpty()) {
      throw new SinusException(ExitCode.DATA, file + ": empty file, expected a header row");
    }
    List<String> header = List.of(records.get(0));
    for (int r = 1; r < records.size(); r++) {
      if (records.get(r).length != header.size()) {
        throw new SinusException(ExitCode.DATA, file + ":" + lines.get(r) + ": " + records.get(r).length
            + " fields, the header has " + header.size() + " (file truncated or corrupt?)");
      }
    }
    return new CsvTable(file, header, records.subList(1, records.size()), lines.subList(1, lines.size()));
  }

  public Path file() {
    return file;
  }

  public List<String> header() {
    return header;
  }

  public int size() {
    return rows.size();
  }

  /** Index of a column; fails naming the file and the columns it has. */
  public int column(String name) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new SinusException(ExitCode.DATA, file + ": no column '" + name + "'; columns: " + header);
    }
    return index;
  }

  public String get(int row, int column) {
    return rows.get(row)[column];
  }

  /** The line of the file where a row starts (1-based), for error messages. */
  public int line(int row) {
    return rowLines.get(row);
  }

  /** {@code file:line} of a row. */
  public String where(int row) {
    return file + ":" + line(row);
  }
}
