package org.sinus.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigException.Parse;
import com.typesafe.config.ConfigException.UnresolvedSubstitution;
import com.typesafe.config.ConfigException.ValidationFailed;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sinus.api.ExitCode;
import org.sinus.api.SinusException;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.Origins;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.data.Dataset;
import org.sinus.api.explain.Explainer;
import org.sinus.api.model.Model;
import org.sinus.api.representation.Representation;
import org.sinus.api.schedule.Schedule;
import org.sinus.engine.plugin.PluginRegistry;

/**
 * Loads an experiment: parses the HOCON file (with {@code include}s relative to it), puts
 * {@code --set key=value} overrides on top, selects each typed block's defaults from the plugins'
 * reference.conf by its {@code type}, resolves substitutions (environment variables included), and
 * checks that every key the user wrote is known and of the right type. All problems are reported
 * together, each with its {@code file:line}; unknown names come with a did-you-mean and the known
 * names.
 */
public final class ExperimentLoader {
  /** Where the framework's experiment-level defaults live in reference.conf. */
  public static final String EXPERIMENT_DEFAULTS = "sinus.experiment";

  /** The typed blocks of an experiment. */
  public static final List<TypedSlot> SLOTS = List.of(
      new TypedSlot("dataset", Dataset.POINT, true),
      // required unless the model brings its own representations (checked when the model is built)
      new TypedSlot("representation", Representation.POINT, false),
      new TypedSlot("model", Model.POINT, true),
      new TypedSlot("explain", Explainer.POINT, false),
      new TypedSlot("training.schedule", Schedule.POINT, false));

  private static final Set<String> TYPED_HERE = SLOTS.stream().map(TypedSlot::path).collect(Collectors.toSet());

  private final PluginRegistry registry;

  public ExperimentLoader(PluginRegistry registry) {
    this.registry = registry;
  }

  /** Loads an experiment file with {@code key=value} overrides (later ones win). */
  public Experiment load(Path file, List<String> overrides) {
    if (!Files.isRegularFile(file)) {
      throw new SinusException(ExitCode.CONFIG, "Experiment file not found: " + file);
    }
    ProblemCollector problems = new ProblemCollector();
    Path real = realPath(file);
    Config user = parse(problems, () -> ConfigFactory.parseFile(real.toFile(), ConfigParseOptions.defaults()
        .setAllowMissing(false).setSyntax(ConfigSyntax.CONF).setIncluder(new FileIncluder(real, problems))));
    String defaultName = file.getFileName().toString().replaceFirst("\\.conf$", "");
    return build(user, defaultName, file.toAbsolutePath().normalize(), overrides, problems);
  }

  /**
   * The experiment file's absolute path with symbolic links resolved, so that its includes are
   * found next to the real file whatever the working directory and the path given.
   */
  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      throw new SinusException(ExitCode.CONFIG, "cannot read the experiment file " + file + ": " + e.getMessage());
    }
  }

  /** Loads an experiment from text (tests, embedded examples). */
  public Experiment loadString(String hocon, String description, List<String> overrides) {
    ProblemCollector problems = new ProblemCollector();
    Config user = parse(problems, () -> ConfigFactory.parseString(hocon,
        ConfigParseOptions.defaults().setOriginDescription(description)));
    return build(user, description.replaceFirst("\\.conf$", ""), null, overrides, problems);
  }

  private Experiment build(Config user, String defaultName, Path file, List<String> overrides,
                           ProblemCollector problems) {
    Config raw = user;
    for (String override : overrides) {
      raw = parseOverride(override, problems).withFallback(raw);
    }
    problems.throwIfAny();
    // substitutions of the user's file itself (and ${?ENVIRONMENT_VARIABLES}) first: an object
    // that still holds one cannot be copied; what refers to the defaults resolves below
    raw = detached(raw.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true)).root()).toConfig();

    Config experimentDefaults = registry.reference().getConfig(EXPERIMENT_DEFAULTS)
        .withFallback(ConfigFactory.empty().withValue("name", ConfigValueFactory.fromAnyRef(defaultName)));
    Config partial = resolve(raw.withFallback(experimentDefaults), true, problems);
    problems.throwIfAny();

    Map<String, String> types = new LinkedHashMap<>();
    Config full = raw;
    Config schema = experimentDefaults;
    for (TypedSlot slot : SLOTS) {
      String type = selectType(slot, partial, problems);
      Config slotSchema;
      if (type == null) {
        // absent, or an unknown or missing type: its keys cannot be checked (a type problem, if any, is reported)
        boolean isBlock = partial.hasPath(slot.path()) && partial.getValue(slot.path()).valueType() == ConfigValueType.OBJECT;
        schema = isBlock ? partial.getConfig(slot.path()).atPath(slot.path()).withFallback(schema.withoutPath(slot.path()))
            : schema.withoutPath(slot.path());
        continue;
      } else {
        types.put(slot.path(), type);
        Config defaults = registry.defaults(slot.point(), type);
        full = full.withFallback(defaults.atPath(slot.path()));
        slotSchema = defaults.withValue("type", ConfigValueFactory.fromAnyRef(type));
      }
      schema = slotSchema.atPath(slot.path()).withFallback(schema.withoutPath(slot.path()));
    }
    full = full.withFallback(experimentDefaults);
    TypedBlocks.checkKeys(raw.root(), schema, "", "", TYPED_HERE, problems);
    problems.throwIfAny();

    Config resolved = resolve(full, false, problems);
    problems.throwIfAny();
    try {
      resolved.checkValid(schema);
    } catch (ValidationFailed e) {
      Config expected = schema;
      e.problems().forEach(p -> problems.add(new ConfigProblem(p.path(), Origins.describe(p.origin()),
          typeProblem(expected, resolved, p.path(), p.problem()))));
    }
    problems.throwIfAny();
    return new Experiment(resolved, file, overrides, types);
  }

  /** "must be a block, not the number 3": a value of the wrong type, said in the words of the rest of Sinus. */
  private static String typeProblem(Config schema, Config resolved, String path, String fallback) {
    if (!schema.hasPathOrNull(path) || !resolved.hasPathOrNull(path)) {
      return fallback;
    }
    ConfigValueType expected = schema.getValue(path).valueType();
    String wanted = switch (expected) {
      case OBJECT -> "a block { ... }";
      case LIST -> "a list [ ... ]";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case STRING -> "a string";
      case NULL -> "null";
    };
    ConfigValue actual = resolved.getValue(path);
    String text = actual.render(ConfigRenderOptions.concise());
    String got = switch (actual.valueType()) {
      case OBJECT -> "a block";
      case LIST -> "the list " + text;
      case STRING -> "the string " + text;
      default -> text;
    };
    return "must be " + wanted + ", not " + got;
  }

  private String selectType(TypedSlot slot, Config partial, ProblemCollector problems) {
    return TypedBlocks.selectType(registry, partial, slot.path(), slot.path(), slot.point(), slot.required(), problems);
  }

  /**
   * A copy of the user's objects that accepts fallbacks again. HOCON marks an object that replaced
   * a non-object ({@code model = null} then {@code model { ... }}, the way to replace a block of an
   * included file) as ignoring fallbacks, which would also hide the plugin's defaults; values keep
   * their origins.
   */
  private static ConfigObject detached(ConfigObject object) {
    Config copy = ConfigFactory.empty(object.origin().description());
    for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
      ConfigValue value = entry.getValue() instanceof ConfigObject nested ? detached(nested) : entry.getValue();
      copy = copy.withValue(ConfigUtil.quoteString(entry.getKey()), value);
    }
    return copy.root().withOrigin(object.origin());
  }

  private static Config parseOverride(String override, ProblemCollector problems) {
    int equals = override.indexOf('=');
    String description = "--set " + override;
    if (equals <= 0) {
      problems.add(new ConfigProblem(override, description, "an override is written key=value, e.g. --set model.filters=64"));
      return ConfigFactory.empty();
    }
    String key = override.substring(0, equals).trim();
    String value = override.substring(equals + 1).trim();
    Config parsed = parse(problems, () -> ConfigFactory.parseString(key + " = " + value,
        ConfigParseOptions.defaults().setOriginDescription(description)));
    if (parsed.isEmpty() && problems.isEmpty()) {
      // a value HOCON cannot read as anything else is taken as a string
      parsed = ConfigFactory.empty(description).withValue(key, ConfigValueFactory.fromAnyRef(value, description));
    }
    return parsed;
  }

  private static Config resolve(Config config, boolean allowUnresolved, ProblemCollector problems) {
    try {
      return config.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(allowUnresolved));
    } catch (UnresolvedSubstitution e) {
      problems.add(new ConfigProblem(substitutionOf(e.getMessage()), Origins.describe(e.origin()),
          "unresolved substitution: " + e.getMessage().replaceFirst("^.*?: ", "")
              + " (set it in the file, with --set, or as an environment variable)"));
    } catch (ConfigException e) {
      problems.add(new ConfigProblem("(config)", Origins.describe(e.origin()), e.getMessage()));
    }
    return config;
  }

  private static String substitutionOf(String message) {
    int start = message.indexOf("${");
    int end = start < 0 ? -1 : message.indexOf('}', start);
    return start >= 0 && end > start ? message.substring(start, end + 1) : "(substitution)";
  }

  private interface ConfigParser {
    Config parse();
  }

  private static Config parse(ProblemCollector problems, ConfigParser parser) {
    try {
      return parser.parse();
    } catch (Parse e) {
      problems.add(new ConfigProblem("(syntax)", Origins.describe(e.origin()), e.getMessage().replaceFirst("^.*?: \\d+: ", "")));
    } catch (ConfigException e) {
      problems.add(new ConfigProblem("(file)", Origins.describe(e.origin()), e.getMessage()));
    }
    return ConfigFactory.empty();
  }
}
