package org.sinus.plugins.ptbxl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the {@code scp_codes} column of {@code ptbxl_database.csv}, a Python dict literal of
 * statement code to likelihood such as {@code {'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}}.
 */
final class ScpCodes {
  private ScpCodes() {}

  /** Code → likelihood, in the order written; throws IllegalArgumentException on malformed text. */
  static Map<String, Double> parse(String text) {
    String body = text.strip();
    if (!body.startsWith("{") || !body.endsWith("}")) {
      throw new IllegalArgumentException("scp_codes is not a {...} dict: " + text);
    }
    Map<String, Double> codes = new LinkedHashMap<>();
    int i = 1;
    int end = body.length() - 1;
    while (i < end) {
      char c = body.charAt(i);
      if (c == ' ' || c == ',') {
        i++;
        continue;
      }
      if (c != '\'' && c != '"') {
        throw new IllegalArgumentException("expected a quoted code at position " + i + " of " + text);
      }
      int close = body.indexOf(c, i + 1);
      if (close < 0) {
        throw new IllegalArgumentException("unterminated code in " + text);
      }
      String code = body.substring(i + 1, close);
      int colon = body.indexOf(':', close);
      if (colon < 0) {
        throw new IllegalArgumentException("no ':' after '" + code + "' in " + text);
      }
      int next = colon + 1;
      while (next < end && body.charAt(next) != ',') {
        next++;
      }
      codes.put(code, Double.parseDouble(body.substring(colon + 1, next).strip()));
      i = next;
    }
    return codes;
  }
}
