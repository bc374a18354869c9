package org.sinus.engine.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sinus's logging: messages of the {@code org.sinus} loggers go to standard error (short lines) and,
 * while a run is active, to the run's {@code run.log} as well.
 */
public final class RunLog {
  private static final Logger ROOT = Logger.getLogger("org.sinus");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private RunLog() {}

  /** One line per message: time, level (when not INFO), text, and the stack trace of a throwable. */
  public static final class LineFormatter extends Formatter {
    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(LocalTime.now().format(TIME)).append(' ');
      if (record.getLevel() != Level.INFO) {
        line.append(record.getLevel().getName()).append(": ");
      }
      line.append(formatMessage(record)).append(System.lineSeparator());
      if (record.getThrown() != null) {
        var trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }
  }

  /**
   * Writes to whatever {@link System#err} is when a message is published (a {@code ConsoleHandler}
   * would keep the stream of the moment it was made, missing a console installed or captured later).
   */
  private static final class StandardErrorHandler extends Handler {
    StandardErrorHandler() {
      setFormatter(new LineFormatter());
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        System.err.print(getFormatter().format(record));
        System.err.flush();
      }
    }

    @Override
    public void flush() {
      System.err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }

  /** Sends org.sinus messages of at least {@code level} to standard error, once. */
  public static void toConsole(Level level) {
    ROOT.setLevel(level.intValue() < Level.INFO.intValue() ? level : Level.INFO);
    for (Handler handler : ROOT.getHandlers()) {
      if (handler instanceof StandardErrorHandler) {
        handler.setLevel(level);
        return;
      }
    }
    ROOT.setUseParentHandlers(false);
    Handler console = new StandardErrorHandler();
    console.setLevel(level);
    ROOT.addHandler(console);
  }

  /**
   * The run whose log the current thread writes to; threads a run starts inherit it. A thread of no open
   * run (a shared pool's, or one a finished run started) writes to every open run log.
   */
  private static final InheritableThreadLocal<Object> CURRENT_RUN = new InheritableThreadLocal<>();
  /** The runs whose logs are open; a thread started by a run that has ended (a pool's) belongs to none. */
  private static final Set<Object> OPEN_RUNS = ConcurrentHashMap.newKeySet();

  /**
   * Also writes org.sinus messages to {@code file} (appending) until the handle is closed: those of this
   * thread and of threads it starts, not those of runs that other threads are running at the same time
   * (a sweep's concurrent runs), and those of threads that belong to no run.
   */
  public static AutoCloseable toFile(Path file) {
    Object run = new Object();
    Object previous = CURRENT_RUN.get();
    CURRENT_RUN.set(run);
    OPEN_RUNS.add(run);
    try {
      StreamHandler handler = new StreamHandler(
          new FileOutputStream(file.toFile(), true), new LineFormatter()) {
        @Override
        public synchronized void publish(LogRecord record) {
          super.publish(record);
          flush();
        }
      };
      handler.setLevel(Level.INFO);
      handler.setFilter(record -> {
        Object owner = CURRENT_RUN.get();
        return owner == null || owner == run || !OPEN_RUNS.contains(owner);
      });
      ROOT.addHandler(handler);
      return () -> {
        ROOT.removeHandler(handler);
        handler.close();
        OPEN_RUNS.remove(run);
        CURRENT_RUN.set(previous);
      };
    } catch (IOException e) {
      OPEN_RUNS.remove(run);
      CURRENT_RUN.set(previous);
      throw new UncheckedIOException("cannot open the run log " + file + ": " + e.getMessage(), e);
    }
  }
}
