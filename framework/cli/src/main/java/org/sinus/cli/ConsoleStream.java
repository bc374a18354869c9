package org.sinus.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/**
 * Where Sinus's own messages go. The launcher ({@code bin/sinus}) filters what the JVM and
 * TensorFlow's native code print to standard error, and hands the JVM the unfiltered standard
 * error as another file descriptor ({@code -Dsinus.console.fd=3}); Sinus writes there, so its
 * messages and progress bars reach the user at once and untouched.
 */
final class ConsoleStream {
  static final String PROPERTY = "sinus.console.fd";

  private ConsoleStream() {}

  /** Points {@link System#err} at the descriptor the launcher names, if it names one. */
  static void install() {
    String descriptor = System.getProperty(PROPERTY);
    if (descriptor == null || descriptor.isBlank()) {
      return;
    }
    OutputStream out = open(Integer.parseInt(descriptor.strip()));
    if (out != null) {
      System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    }
  }

  /** The open descriptor itself (sharing its file position), or, if Java will not wrap it, a reopening of it. */
  private static OutputStream open(int number) {
    try {
      FileDescriptor descriptor = new FileDescriptor();
      Field fd = FileDescriptor.class.getDeclaredField("fd");
      fd.setAccessible(true);
      fd.setInt(descriptor, number);
      return new FileOutputStream(descriptor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      try {
        return new FileOutputStream("/dev/fd/" + number, true);
      } catch (IOException unavailable) {
        return null;
      }
    }
  }
}
