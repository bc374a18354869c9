package org.sinus.api.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * A part of a model that starts from a trained run instead of from random weights: the engine
 * checks that the run was trained on the same records, folds, task and classes, that the blocks
 * named in {@code blocks} are configured as they were in the run, restores the run's fitted
 * representation state for {@code input}, and loads the run's variables into this model's
 * variables under {@code scope/}.
 *
 * @param key the config key that names the run ({@code model.branches.time.from-run}), for messages
 * @param input the model input the part reads (its representation's state comes from the run)
 * @param scope the network scope the part is built in; the run's variable {@code x} becomes {@code scope/x}
 * @param run the run directory
 * @param blocks which block of the run ({@code representation}, {@code model}) must equal which block of
 *     this experiment ({@code model.branches.time.representation}, ...)
 * @param frozenEpochs for how many epochs training leaves the part's variables unchanged; {@link #ALWAYS}
 *     to never train them
 */
public record PretrainedPart(String key, String input, String scope, Path run, Map<String, String> blocks, int frozenEpochs) {
  /** A part that is never trained. */
  public static final int ALWAYS = Integer.MAX_VALUE;

  public PretrainedPart {
    blocks = Map.copyOf(blocks);
    if (frozenEpochs < 0) {
      throw new IllegalArgumentException("frozenEpochs must be at least 0, got " + frozenEpochs);
    }
  }
}
