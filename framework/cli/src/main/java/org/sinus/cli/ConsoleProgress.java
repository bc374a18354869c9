package org.sinus.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.sinus.api.util.Progress;

/**
 * A progress bar with rate and ETA. On a terminal it redraws one line at most every 200 ms; when
 * the output is a file or pipe it prints a line at most every 15 seconds (and nothing for tasks
 * shorter than that), so logs stay readable.
 */
public final class ConsoleProgress implements Progress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final long LOG_NANOS = 15_000_000_000L;
  private final PrintStream out;
  private final boolean terminal;
  private final AtomicLong done = new AtomicLong();
  private volatile String task = "";
  private volatile String status = "";
  private volatile long total;
  private volatile long startNanos;
  private volatile long lastDraw;

  public ConsoleProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** A bar on standard error, redrawn in place when a console is attached. */
  public static ConsoleProgress onStandardError() {
    return new ConsoleProgress(System.err, System.console() != null);
  }

  @Override
  public void start(String task, long total) {
    this.task = task;
    this.total = Math.max(1, total);
    this.done.set(0);
    this.status = "";
    this.startNanos = System.nanoTime();
    this.lastDraw = 0;
  }

  @Override
  public void advance(long units) {
    long now = done.addAndGet(units);
    if (terminal) {
      long time = System.nanoTime();
      if (time - lastDraw > REDRAW_NANOS) {
        lastDraw = time;
        draw(now, false);
      }
    } else {
      long time = System.nanoTime();
      if (time - Math.max(lastDraw, startNanos) > LOG_NANOS) {
        lastDraw = time;
        draw(now, false);
      }
    }
  }

  @Override
  public void status(String text) {
    this.status = text;
  }

  @Override
  public void done() {
    if (terminal || lastDraw != 0) {
      draw(done.get(), true);
    }
  }

  private synchronized void draw(long now, boolean finished) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double fraction = Math.min(1.0, now / (double) total);
    int width = 30;
    int filled = (int) Math.round(fraction * width);
    String bar = "#".repeat(filled) + "-".repeat(width - filled);
    double rate = seconds > 0 ? now / seconds : 0;
    String timing = finished ? String.format("%.1fs", seconds)
        : String.format("ETA %s", rate > 0 ? formatDuration((total - now) / rate) : "?");
    String line = String.format("%s [%s] %d/%d %s %s", task, bar, now, total, timing, status).stripTrailing();
    if (terminal) {
      out.print("\r" + line + (finished ? System.lineSeparator() : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  static String formatDuration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
