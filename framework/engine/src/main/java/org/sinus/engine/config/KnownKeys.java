package org.sinus.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import java.util.Set;
import org.sinus.api.config.ProblemCollector;

/**
 * Checks that every key a user wrote in a file other than an experiment (a sweep file, say) is one
 * its defaults know, the way experiments are checked: each unknown key is reported with its
 * {@code file:line} and a did-you-mean. An empty block in the defaults accepts any keys.
 */
public final class KnownKeys {
  private KnownKeys() {}

  /** Adds a problem for each key of {@code user} that {@code defaults} does not have. */
  public static void check(ConfigObject user, Config defaults, ProblemCollector problems) {
    TypedBlocks.checkKeys(user, defaults, "", "", Set.of(), problems);
  }
}
