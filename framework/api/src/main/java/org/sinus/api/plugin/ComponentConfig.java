package org.sinus.api.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.BadValue;
import com.typesafe.config.ConfigException.Missing;
import com.typesafe.config.ConfigException.WrongType;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sinus.api.config.ConfigKey;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.DidYouMean;
import org.sinus.api.config.Origins;
import org.sinus.api.config.ProblemCollector;

/**
 * The resolved config block of one component (the user's keys over the plugin's reference.conf
 * defaults), read by the component's settings class.
 *
 * <p>Every getter validates type and range and, on a bad value, records a {@link ConfigProblem}
 * naming the dotted key and the {@code file:line} it came from, then returns a harmless fallback so
 * that reading can go on and every problem is reported together ({@link ProblemCollector}). Keys
 * are remembered as they are read: a key that a plugin declares in its reference.conf but never
 * reads is a plugin bug, found by {@link #unreadKeys()}.
 */
public final class ComponentConfig {
  private final String path;
  private final Config config;
  private final ProblemCollector problems;
  private final Set<String> read = new TreeSet<>();
  private final List<ComponentConfig> children = new ArrayList<>();
  private final Map<String, Object> machineLocal = new LinkedHashMap<>();
  private final ComponentBuilder builder;

  /** A block without nested typed components (tests, tools). */
  public ComponentConfig(String path, Config config, ProblemCollector problems) {
    this(path, config, problems, null);
  }

  /**
   * @param builder builds the block's nested typed components ({@link #component}); null where
   *     there are none to build
   */
  public ComponentConfig(String path, Config config, ProblemCollector problems, ComponentBuilder builder) {
    this.path = path;
    this.config = config;
    this.problems = problems;
    this.builder = builder;
  }

  /** The dotted path of this block in the experiment, e.g. {@code model}. */
  public String path() {
    return path;
  }

  /** The block's {@code type}, or empty for untyped blocks such as {@code training}. */
  public Optional<String> type() {
    if (!config.hasPath("type")) {
      return Optional.empty();
    }
    read.add("type");
    return Optional.of(config.getString("type"));
  }

  /** The block as Typesafe Config, for rendering; reading through it bypasses validation. */
  public Config raw() {
    return config;
  }

  public ProblemCollector problems() {
    return problems;
  }

  public boolean has(String key) {
    return config.hasPath(key);
  }

  public String getString(String key) {
    return read(key, () -> config.getString(key), "", "a string");
  }

  public boolean getBoolean(String key) {
    return read(key, () -> config.getBoolean(key), false, "true or false");
  }

  /** A whole number in {@code [min, max]}; a fraction such as {@code 2.5} is a problem, never rounded. */
  public int getInt(String key, int min, int max) {
    if (!isWhole(key)) {
      return min;
    }
    int value = read(key, () -> config.getInt(key), min, "a whole number");
    return checkRange(key, value, min, max) ? value : min;
  }

  /** A whole number in {@code [min, max]}, as {@link #getInt}. */
  public long getLong(String key, long min, long max) {
    if (!isWhole(key)) {
      return min;
    }
    long value = read(key, () -> config.getLong(key), min, "a whole number");
    return checkRange(key, value, min, max) ? value : min;
  }

  public double getDouble(String key, double min, double max) {
    double value = read(key, () -> config.getDouble(key), min, "a number");
    return checkRange(key, value, min, max) ? value : min;
  }

  /** Whether the value at {@code key} is not a number with a fraction (reporting it if it is). */
  private boolean isWhole(String key) {
    if (config.hasPath(key) && config.getValue(key).unwrapped() instanceof Number number
        && number.doubleValue() != Math.rint(number.doubleValue())) {
      read.add(key);
      problem(key, formatBound(number.doubleValue()) + " is not a whole number");
      return false;
    }
    return true;
  }

  /** A number that may also be {@code null} in the config (meaning: not used). */
  public Optional<Double> getOptionalDouble(String key, double min, double max) {
    read.add(key);
    if (!config.hasPathOrNull(key)) {
      missing(key);
      return Optional.empty();
    }
    if (config.getIsNull(key)) {
      return Optional.empty();
    }
    return Optional.of(getDouble(key, min, max));
  }

  /**
   * A duration such as {@code 2.5s} or {@code 250ms}, in seconds. A number without a unit is a
   * problem (HOCON would read it as milliseconds).
   */
  public double getSeconds(String key, double min, double max) {
    if (config.hasPath(key) && config.getValue(key).valueType() == ConfigValueType.NUMBER) {
      read.add(key);
      problem(key, config.getValue(key).unwrapped() + " has no unit; write a duration such as "
          + config.getValue(key).unwrapped() + "s or 250ms");
      return min;
    }
    Duration duration = read(key, () -> config.getDuration(key), Duration.ofSeconds((long) min),
        "a duration such as 2.5s or 250ms");
    double seconds = duration.toNanos() / 1e9;
    return checkRange(key, seconds, min, max) ? seconds : min;
  }

  /** One of a fixed set of words; anything else is reported with the allowed ones. */
  public String getChoice(String key, Collection<String> allowed) {
    String value = getString(key);
    if (!allowed.contains(value)) {
      problem(key, "'" + value + "' is not one of " + allowed + DidYouMean.hint(value, allowed));
      return allowed.iterator().next();
    }
    return value;
  }

  public List<Integer> getIntList(String key, int min, int max) {
    if (config.hasPath(key) && config.getValue(key).valueType() == ConfigValueType.LIST) {
      for (Object item : config.getList(key).unwrapped()) {
        if (item instanceof Number number && number.doubleValue() != Math.rint(number.doubleValue())) {
          read.add(key);
          problem(key, formatBound(number.doubleValue()) + " is not a whole number; every value must be");
          return List.of();
        }
      }
    }
    List<Integer> values = read(key, () -> config.getIntList(key), List.of(), "a list of whole numbers, e.g. [5, 3]");
    for (int value : values) {
      if (!checkRange(key, value, min, max)) {
        return List.of();
      }
    }
    return List.copyOf(values);
  }

  public List<Double> getDoubleList(String key, double min, double max) {
    List<Double> values = read(key, () -> config.getDoubleList(key), List.of(), "a list of numbers, e.g. [0.25, 0.5]");
    for (double value : values) {
      if (!checkRange(key, value, min, max)) {
        return List.of();
      }
    }
    return List.copyOf(values);
  }

  public List<String> getStringList(String key) {
    return List.copyOf(read(key, () -> config.getStringList(key), List.of(), "a list of strings"));
  }

  /**
   * A path, relative ones resolved against the working directory. A path is machine-local
   * ({@link #markMachineLocal}): the run records it resolved, and it may be given anew where the
   * run is resumed or evaluated.
   */
  public Path getPath(String key) {
    Path path = Path.of(getString(key)).toAbsolutePath().normalize();
    machineLocal.put(key, path.toString());
    return path;
  }

  /**
   * Marks a key whose value depends on the machine, not on the experiment: a data location, a
   * number of threads, where a cache is kept. Such keys may be given anew (with {@code --set})
   * when a run is resumed or evaluated elsewhere, and a run does not freeze their defaults.
   */
  public void markMachineLocal(String key) {
    if (config.hasPath(key) && !machineLocal.containsKey(key)) {
      machineLocal.put(key, config.getValue(key).unwrapped());
    }
  }

  /**
   * The machine-local keys read in this block and the blocks read with {@link #child}, as dotted
   * paths relative to this block, with their values (paths absolute).
   */
  public Map<String, Object> machineLocalValues() {
    Map<String, Object> values = new LinkedHashMap<>(machineLocal);
    for (ComponentConfig child : children) {
      String prefix = child.path.substring(path.isEmpty() ? 0 : path.length() + 1);
      child.machineLocalValues().forEach((key, value) -> values.put(prefix + "." + key, value));
    }
    return values;
  }

  /** A nested block, sharing this block's problem list. */
  public ComponentConfig child(String key) {
    Config nested = read(key, () -> config.getConfig(key), ConfigFactory.empty(), "a block { ... }");
    ComponentConfig child = new ComponentConfig(join(key), nested, problems, builder);
    children.add(child);
    return child;
  }

  /** The keys of this block, e.g. the branch names of a {@code branches { ... }} map. */
  public Set<String> keys() {
    return new TreeSet<>(config.root().keySet());
  }

  /**
   * Builds the nested component of the typed block at {@code key}, e.g. a fusion model's
   * {@code representation { type = "time", ... }}: the type is chosen among those registered for
   * {@code point}, its reference.conf defaults fill the block, and unknown types and keys are
   * reported with their {@code file:line}, as for the experiment's top-level blocks. Returns
   * {@code null} when the block is wrong (the problems are recorded).
   */
  public <T> T component(String key, ExtensionPoint<T> point) {
    read.add(key);
    if (builder == null) {
      throw new IllegalStateException(join(key) + ": this block was created without a component builder, so it "
          + "cannot build nested " + point.id() + " components");
    }
    return builder.build(this, key, point);
  }

  /** {@link #component} for an optional block: empty when the key is absent or {@code null}. */
  public <T> Optional<T> optionalComponent(String key, ExtensionPoint<T> point) {
    read.add(key);
    if (!config.hasPath(key)) {
      return Optional.empty();
    }
    return Optional.ofNullable(component(key, point));
  }

  /** Keys read so far (for suggestions when an unread key is reported). */
  public Set<String> readKeys() {
    return new TreeSet<>(read);
  }

  /** Marks a key as read by someone else (a typed sub-block read by its own factory). */
  public void readElsewhere(String key) {
    read.add(key);
  }

  /** Records a problem with the value at {@code key} (e.g. two keys that contradict each other). */
  public void problem(String key, String message) {
    problems.add(new ConfigProblem(join(key), location(key), message));
  }

  /** The key's path and location, for problems found later, against the data ({@link ConfigKey#problem}). */
  public ConfigKey key(String key) {
    return new ConfigKey(join(key), location(key));
  }

  /** {@code file:line} of the value at {@code key}. */
  public String location(String key) {
    if (config.hasPath(key)) {
      return Origins.describe(config.getValue(key).origin());
    }
    ConfigValue value = config.root().get(key);
    return Origins.describe(value != null ? value.origin() : config.origin());
  }

  /**
   * Keys present in the block (defaults included) that the component never read, as dotted paths
   * relative to this block; nested blocks read with {@link #child} are checked key by key.
   */
  public Set<String> unreadKeys() {
    Set<String> unread = new TreeSet<>();
    for (String key : config.root().keySet()) {
      if (!read.contains(key)) {
        unread.add(key);
      }
    }
    for (ComponentConfig child : children) {
      String prefix = child.path.substring(path.isEmpty() ? 0 : path.length() + 1);
      child.unreadKeys().forEach(k -> unread.add(prefix + "." + k));
    }
    return unread;
  }

  /**
   * Reports every key that the user wrote in this block (or a block read with {@link #child}) and
   * the component never read, as "unknown key" with a suggestion among the keys it did read: the
   * check for blocks whose keys no reference.conf lists, such as the entries of a map of branches.
   *
   * @param fromDefaults tells the values of reference.conf (never reported here) from the user's
   */
  public void reportUnreadUserKeys(Predicate<ConfigOrigin> fromDefaults) {
    for (String key : config.root().keySet()) {
      ConfigValue value = config.root().get(key);
      // "key = null" removes a key, e.g. a branch of an included file
      if (!read.contains(key) && !fromDefaults.test(value.origin()) && value.valueType() != ConfigValueType.NULL) {
        Set<String> known = new TreeSet<>(read);
        problem(key, DidYouMean.unknownKey(key, known));
      }
    }
    children.forEach(child -> child.reportUnreadUserKeys(fromDefaults));
  }

  private String join(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * @param expected what the value must be, for the message when it is not, e.g. {@code a number}
   */
  private <T> T read(String key, Supplier<T> getter, T fallback, String expected) {
    read.add(key);
    try {
      return getter.get();
    } catch (Missing e) {
      missing(key);
    } catch (WrongType | BadValue e) {
      problem(key, "must be " + expected + ", not " + describe(config.getValue(key)));
    }
    return fallback;
  }

  /** A value as users wrote it, for messages: {@code the string "many"}, {@code the list [1, 2]}. */
  private static String describe(ConfigValue value) {
    String text = value.render(ConfigRenderOptions.concise());
    return switch (value.valueType()) {
      case STRING -> "the string " + text;
      case LIST -> "the list " + text;
      case OBJECT -> "a block";
      case NULL -> "null";
      case BOOLEAN -> text;
      case NUMBER -> "the number " + text;
    };
  }

  private void missing(String key) {
    problems.add(new ConfigProblem(join(key), Origins.describe(config.origin()),
        "missing; this key is required (a plugin's reference.conf should give it a default)"));
  }

  private boolean checkRange(String key, double value, double min, double max) {
    if (Double.isNaN(value) || value < min || value > max) {
      problem(key, formatBound(value) + " is out of range; allowed: " + range(min, max));
      return false;
    }
    return true;
  }

  private static String range(double min, double max) {
    String low = formatBound(min);
    String high = formatBound(max);
    if (max >= Integer.MAX_VALUE || Double.isInfinite(max)) {
      return ">= " + low;
    }
    return "[" + low + ", " + high + "]";
  }

  private static String formatBound(double bound) {
    return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
  }

  /** Every problem message of a list, one per line; for tests and logs. */
  public static List<String> messages(List<ConfigProblem> problems) {
    List<String> lines = new ArrayList<>();
    problems.forEach(p -> lines.add(p.toString()));
    return lines;
  }
}
