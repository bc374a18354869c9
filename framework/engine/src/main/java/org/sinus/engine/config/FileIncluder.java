package org.sinus.engine.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.ProblemCollector;

/**
 * Resolves an experiment's {@code include "other.conf"} relative to the directory of the file
 * that includes it (whatever the working directory), and reports an include whose file does not
 * exist, naming the path it looked for (HOCON itself would silently include nothing).
 */
final class FileIncluder implements ConfigIncluder, ConfigIncluderFile {
  private static final List<String> EXTENSIONS = List.of("", ".conf", ".json", ".properties");
  private final Path directory;
  private final String includingFile;
  private final ProblemCollector problems;

  /**
   * @param file the including file, as an absolute real path
   */
  FileIncluder(Path file, ProblemCollector problems) {
    this.directory = file.getParent();
    this.includingFile = file.toString();
    this.problems = problems;
  }

  @Override
  public ConfigIncluder withFallback(ConfigIncluder fallback) {
    return this;
  }

  @Override
  public ConfigObject include(ConfigIncludeContext context, String what) {
    Path target = Path.of(what);
    return includeFile(context, (target.isAbsolute() ? target : directory.resolve(target)).normalize().toFile());
  }

  @Override
  public ConfigObject includeFile(ConfigIncludeContext context, File file) {
    Path path = file.toPath().toAbsolutePath().normalize();
    Path found = EXTENSIONS.stream().map(e -> Path.of(path + e)).filter(Files::isRegularFile).findFirst().orElse(null);
    if (found == null) {
      problems.add(new ConfigProblem("include", includingFile, "include \"" + file + "\": no such file (looked for "
          + path + (path.toString().endsWith(".conf") ? "" : " and " + path + ".conf") + ")"));
      return ConfigFactory.empty().root();
    }
    Path real;
    try {
      real = found.toRealPath();
    } catch (IOException e) {
      real = found;
    }
    ConfigParseOptions options = context.parseOptions().setAllowMissing(false)
        .setIncluder(new FileIncluder(real, problems));
    return ConfigFactory.parseFile(real.toFile(), options).root();
  }
}
