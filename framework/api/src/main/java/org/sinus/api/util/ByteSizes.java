package org.sinus.api.util;

import java.util.Locale;

/** File sizes for people: "16.55 GB" from a billion bytes on, "5.2 MB" below. */
public final class ByteSizes {
  private ByteSizes() {}

  public static String format(long bytes) {
    return bytes >= 1e9 ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
