package org.sinus.engine.compare;

import java.nio.file.Path;
import java.util.List;
import org.sinus.engine.eval.BootstrapResult;

/**
 * A sweep compared: every grid point and seed scored on its pooled out-of-fold predictions, the grid
 * points pooled over their seeds (mean ± sd), and each point's paired difference from the baseline point.
 * Computed by {@link SweepAggregation}; written by {@link SweepMarkdown} and {@link ComparisonFiles#write(SweepComparison, Path)}.
 *
 * @param directory the sweep directory
 * @param split the pooled split
 * @param folds how many folds each point pools (1 without cross-validation)
 * @param records how many records each point was scored on (every fold's test records)
 * @param classes the classes, in order
 * @param bootstrap the bootstrap run shared by every interval
 * @param pooled each grid point and seed, the baseline point first
 * @param points each grid point with its seeds: mean ± sd of pooled macro AUC over the seeds (every point,
 *     also one with a single seed)
 * @param differences each point but the baseline minus the baseline, seed by seed
 * @param meanDifferences each point but the baseline minus the baseline, the means over their seeds, where
 *     a point has more than one seed
 * @param notes sentences on what was pooled, left out or not computed
 */
public record SweepComparison(Path directory, String split, int folds, int records, List<String> classes,
                              BootstrapResult bootstrap, List<PooledResult> pooled, List<PointResult> points,
                              List<PointDifference> differences, List<GroupDifference> meanDifferences,
                              List<String> notes) {
  public SweepComparison {
    classes = List.copyOf(classes);
    pooled = List.copyOf(pooled);
    points = List.copyOf(points);
    differences = List.copyOf(differences);
    meanDifferences = List.copyOf(meanDifferences);
    notes = List.copyOf(notes);
  }

  /** The pooled result of a point and seed. */
  public PooledResult pooled(String point, String seed) {
    return pooled.stream().filter(p -> p.point().equals(point) && p.seed().equals(seed)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no point '" + point + "' with seed " + seed + "; have "
            + pooled.stream().map(p -> p.point() + " seed " + p.seed()).toList()));
  }

  /** The paired difference of a point from the baseline, for a seed. */
  public PointDifference difference(String point, String seed) {
    return differences.stream().filter(d -> d.point().equals(point) && d.seed().equals(seed)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no difference for '" + point + "' seed " + seed));
  }

  /** The comparison as Markdown (see {@link SweepMarkdown}). */
  public String toMarkdown() {
    return SweepMarkdown.render(this);
  }
}
