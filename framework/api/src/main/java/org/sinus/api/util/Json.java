package org.sinus.api.util;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and primitive arrays as JSON, keeping map order (reports read
 * better in the order they were built). Reading goes through Typesafe Config, which parses JSON.
 */
public final class Json {
  private Json() {}

  /** Indented JSON followed by a newline. */
  public static String pretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0, true);
    return out.append('\n').toString();
  }

  /** JSON on one line (for JSON-lines files). */
  public static String line(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0, false);
    return out.toString();
  }

  public static Config parse(String json) {
    return ConfigFactory.parseString(json, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
  }

  private static void write(Object value, StringBuilder out, int depth, boolean pretty) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      quote(text, out);
    } else if (value instanceof Double d) {
      number(d, out);
    } else if (value instanceof Float f) {
      number(f.doubleValue(), out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ",");
        newline(out, depth + 1, pretty);
        quote(String.valueOf(entry.getKey()), out);
        out.append(pretty ? ": " : ":");
        write(entry.getValue(), out, depth + 1, pretty);
        first = false;
      }
      if (!map.isEmpty()) {
        newline(out, depth, pretty);
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      boolean scalars = list.stream().allMatch(v -> v == null || v instanceof Number || v instanceof String || v instanceof Boolean);
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "" : (scalars && pretty ? ", " : ","));
        if (!scalars) {
          newline(out, depth + 1, pretty);
        }
        write(item, out, depth + 1, pretty);
        first = false;
      }
      if (!scalars && !list.isEmpty()) {
        newline(out, depth, pretty);
      }
      out.append(']');
    } else if (value instanceof double[] array) {
      write(Arrays.stream(array).boxed().toList(), out, depth, pretty);
    } else if (value instanceof float[] array) {
      Double[] boxed = new Double[array.length];
      for (int i = 0; i < array.length; i++) {
        boxed[i] = (double) array[i];
      }
      write(Arrays.asList(boxed), out, depth, pretty);
    } else if (value instanceof int[] array) {
      write(Arrays.stream(array).boxed().toList(), out, depth, pretty);
    } else if (value instanceof long[] array) {
      write(Arrays.stream(array).boxed().toList(), out, depth, pretty);
    } else {
      quote(value.toString(), out);
    }
  }

  private static void number(double d, StringBuilder out) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("null");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      out.append((long) d);
    } else {
      out.append(d);
    }
  }

  private static void newline(StringBuilder out, int depth, boolean pretty) {
    if (pretty) {
      out.append('\n').append("  ".repeat(depth));
    }
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
