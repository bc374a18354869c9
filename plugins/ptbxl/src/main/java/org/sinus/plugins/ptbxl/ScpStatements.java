package org.sinus.plugins.ptbxl;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sinus.plugins.ptbxl.CsvTable;

/**
 * PTB-XL's {@code scp_statements.csv}: for each of the 71 SCP-ECG statements, whether it is a
 * diagnostic, form or rhythm statement and, for diagnostic ones, its subclass and superclass.
 */
public final class ScpStatements {

  /** One statement (a row of the file). */
  public record Statement(String code, boolean diagnostic, boolean form, boolean rhythm,
                          Optional<String> diagnosticClass, Optional<String> diagnosticSubclass) {}

  private final Map<String, Statement> statements;

  private ScpStatements(Map<String, Statement> statements) {
    this.statements = Collections.unmodifiableMap(statements);
  }

  public static ScpStatements read(Path file) {
    CsvTable table = CsvTable.read(file);
    int code = 0; // the first column has no name: it is the index of the pandas frame
    int diagnostic = table.column("diagnostic");
    int form = table.column("form");
    int rhythm = table.column("rhythm");
    int diagnosticClass = table.column("diagnostic_class");
    int diagnosticSubclass = table.column("diagnostic_subclass");
    Map<String, Statement> statements = new LinkedHashMap<>();
    for (int row = 0; row < table.size(); row++) {
      statements.put(table.get(row, code), new Statement(table.get(row, code),
          flag(table.get(row, diagnostic)), flag(table.get(row, form)), flag(table.get(row, rhythm)),
          optional(table.get(row, diagnosticClass)), optional(table.get(row, diagnosticSubclass))));
    }
    return new ScpStatements(statements);
  }

  /** pandas writes 1.0 for the flag and leaves the cell empty (NaN) otherwise. */
  private static boolean flag(String cell) {
    return !cell.isBlank() && Double.parseDouble(cell) == 1.0;
  }

  private static Optional<String> optional(String cell) {
    return cell.isBlank() ? Optional.empty() : Optional.of(cell);
  }

  public Optional<Statement> get(String code) {
    return Optional.ofNullable(statements.get(code));
  }

  public int size() {
    return statements.size();
  }
}
