package org.sinus.engine.compare;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.util.AtomicFiles;
import org.sinus.engine.html.Html;
import org.sinus.engine.util.TimestampedDirectory;

/**
 * Where a comparison goes and what it writes there: {@value #MARKDOWN}, {@value #JSON}, the forest
 * plot {@value #PLOT}, and all of it in one page for a browser, {@value #HTML}; for a sweep the same files
 * but the plot. A comparison never writes into a run directory: runs stay as training and evaluation left them.
 */
public final class ComparisonFiles {
  public static final String MARKDOWN = "comparison.md";
  public static final String JSON = "comparison.json";
  public static final String PLOT = "forest.png";
  public static final String HTML = "report.html";

  private ComparisonFiles() {}

  /**
   * Creates {@code comparisons/compare-<yyyyMMdd-HHmmss>} beside the directory that holds the first run
   * (for runs in {@code runs/}, {@code comparisons/} beside {@code runs/}), with a suffix if it exists.
   */
  public static Path createDefaultDirectory(List<Path> runs) {
    Path holder = runs.get(0).toAbsolutePath().normalize().getParent();
    Path comparisons = (holder.getParent() != null ? holder.getParent() : holder).resolve("comparisons");
    try {
      return TimestampedDirectory.create(comparisons, "compare");
    } catch (IOException e) {
      throw new SinusException(ExitCode.FAILURE, "cannot create a directory under " + comparisons + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the Markdown, JSON, forest plot and HTML page into {@code directory}.
   *
   * @return the files written
   * @throws SinusException (usage) if {@code directory} is inside one of the compared runs
   */
  public static List<Path> write(Comparison comparison, Path directory) {
    Path target = directory.toAbsolutePath().normalize();
    for (RunResult run : comparison.runs()) {
      if (target.startsWith(run.directory().toAbsolutePath().normalize())) {
        throw new SinusException(ExitCode.USAGE, "--out " + directory + " is inside the run " + run.directory()
            + "; comparisons never write into a run directory, choose another");
      }
    }
    Path markdown = directory.resolve(MARKDOWN);
    Path json = directory.resolve(JSON);
    Path plot = directory.resolve(PLOT);
    Path html = directory.resolve(HTML);
    BufferedImage forest = ComparisonPlot.render(comparison);
    AtomicFiles.writePng(plot, forest);
    AtomicFiles.writeString(json, comparison.toJson());
    AtomicFiles.writeString(markdown, ComparisonMarkdown.render(comparison, PLOT));
    AtomicFiles.writeString(html, ComparisonHtml.render(comparison, forest));
    return List.of(markdown, json, plot, html);
  }

  /**
   * Writes the Markdown, JSON, forest plot and HTML page of a sweep into {@code directory}.
   *
   * @return the files written
   * @throws SinusException (usage) if {@code directory} is inside one of the sweep's runs
   */
  public static List<Path> write(SweepComparison sweep, Path directory) {
    Path target = directory.toAbsolutePath().normalize();
    for (PooledResult pooled : sweep.pooled()) {
      for (Path run : pooled.runs()) {
        if (target.startsWith(run.toAbsolutePath().normalize())) {
          throw new SinusException(ExitCode.USAGE, "--out " + directory + " is inside the run " + run
              + "; comparisons never write into a run directory, choose another");
        }
      }
    }
    Path markdown = directory.resolve(MARKDOWN);
    Path json = directory.resolve(JSON);
    Path plot = directory.resolve(PLOT);
    Path html = directory.resolve(HTML);
    String text = SweepMarkdown.render(sweep, PLOT);
    BufferedImage forest = SweepPlot.render(sweep);
    AtomicFiles.writePng(plot, forest);
    AtomicFiles.writeString(json, SweepJson.render(sweep));
    AtomicFiles.writeString(markdown, text);
    AtomicFiles.writeString(html, Html.page("Sweep " + sweep.directory().getFileName() + ": " + sweep.split(), "",
        Html.markdown(text, 1, Map.of(PLOT, forest))));
    return List.of(markdown, json, plot, html);
  }
}
