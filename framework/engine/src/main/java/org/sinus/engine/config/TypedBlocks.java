package org.sinus.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sinus.api.config.ConfigProblem;
import org.sinus.api.config.DidYouMean;
import org.sinus.api.config.Origins;
import org.sinus.api.config.ProblemCollector;
import org.sinus.api.plugin.ExtensionPoint;
import org.sinus.engine.plugin.PluginRegistry;

/**
 * The checks of a typed block ({@code model { type = "resnet1d", ... }}), shared by the
 * experiment's top-level blocks and the nested blocks components build: the type must be known,
 * and every key the user wrote must be one the type's reference.conf declares.
 */
final class TypedBlocks {
  private TypedBlocks() {}

  /**
   * The type named by the block at {@code key} of {@code container}, or null (absent, not a block,
   * no or an unknown type; problems are recorded, except for an absent block that is not required).
   *
   * @param path the block's dotted path in the experiment, for messages
   */
  static String selectType(PluginRegistry registry, Config container, String key, String path, ExtensionPoint<?> point,
                           boolean required, ProblemCollector problems) {
    Set<String> known = registry.types(point);
    String knownText = " Known " + point.id() + " types: "
        + (known.isEmpty() ? "(none: no plugin provides one)" : String.join(", ", known)) + ".";
    if (!container.hasPath(key)) {
      if (required) {
        problems.add(new ConfigProblem(path, Origins.describe(container.origin()),
            "missing block; add " + path + " { type = \"...\" }." + knownText));
      }
      return null;
    }
    ConfigValue block = container.getValue(key);
    if (block.valueType() != ConfigValueType.OBJECT) {
      problems.add(new ConfigProblem(path, Origins.describe(block.origin()),
          "must be a block such as " + path + " { type = \"...\" }, not a "
              + block.valueType().name().toLowerCase(Locale.ROOT) + "." + knownText));
      return null;
    }
    Config blockConfig = container.getConfig(key);
    if (!blockConfig.hasPath("type")) {
      problems.add(new ConfigProblem(path + ".type", Origins.describe(block.origin()),
          "missing; every " + point.id() + " block selects its implementation with type = \"...\"." + knownText));
      return null;
    }
    ConfigValue typeValue = blockConfig.getValue("type");
    if (typeValue.valueType() != ConfigValueType.STRING) {
      problems.add(new ConfigProblem(path + ".type", Origins.describe(typeValue.origin()), "must be a string." + knownText));
      return null;
    }
    String type = (String) typeValue.unwrapped();
    if (!known.contains(type)) {
      problems.add(new ConfigProblem(path + ".type", Origins.describe(typeValue.origin()),
          "unknown " + point.id() + " type '" + type + "'" + DidYouMean.hint(type, known) + knownText
              + (known.isEmpty() ? "" : " Plugins on the class path: " + String.join(", ", registry.pluginNames()) + ".")));
      return null;
    }
    return type;
  }

  /**
   * Reports every key the user wrote that the schema does not know, recursively. Not checked here:
   * a block that is empty in the schema (open: its entries, e.g. the branches of a fusion model,
   * are checked by the component that reads them), a nested typed block other than those in
   * {@code typedHere} (checked against its own type's keys when it is built), and values that
   * come from a reference.conf.
   *
   * @param prefix the quoted path of {@code user} in {@code schema}
   * @param plainPrefix the same path as users write it, for messages
   * @param typedHere paths (as users write them) of typed blocks whose type the caller has merged into the schema
   */
  static void checkKeys(ConfigObject user, Config schema, String prefix, String plainPrefix, Set<String> typedHere,
                        ProblemCollector problems) {
    for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
      // "key = null" removes a key (e.g. a block of an included file the experiment does not use)
      if (fromDefaults(entry.getValue().origin()) || isNull(entry.getValue())) {
        continue;
      }
      String path = prefix.isEmpty() ? ConfigUtil.quoteString(entry.getKey())
          : prefix + "." + ConfigUtil.quoteString(entry.getKey());
      String plainPath = plainPrefix.isEmpty() ? entry.getKey() : plainPrefix + "." + entry.getKey();
      if (!schema.hasPathOrNull(path)) {
        Set<String> siblings = knownKeys(schema, prefix);
        problems.add(new ConfigProblem(plainPath, Origins.describe(entry.getValue().origin()),
            DidYouMean.unknownKey(entry.getKey(), siblings)));
        continue;
      }
      ConfigValue expected = schema.getIsNull(path) ? null : schema.getValue(path);
      boolean open = expected instanceof ConfigObject object
          && (object.isEmpty() || object.containsKey("type") && !typedHere.contains(plainPath));
      if (entry.getValue() instanceof ConfigObject nested && expected instanceof ConfigObject && !open) {
        checkKeys(nested, schema, path, plainPath, typedHere, problems);
      }
    }
  }

  /** Whether a value is null; one that still holds a substitution is not (it is reported when resolved). */
  private static boolean isNull(ConfigValue value) {
    try {
      return value.valueType() == ConfigValueType.NULL;
    } catch (com.typesafe.config.ConfigException.NotResolved e) {
      return false;
    }
  }

  private static Set<String> knownKeys(Config schema, String prefix) {
    ConfigObject object = prefix.isEmpty() ? schema.root() : schema.getObject(prefix);
    return new TreeSet<>(object.keySet());
  }

  /** Whether a value comes from a reference.conf (a default) rather than from the user. */
  static boolean fromDefaults(ConfigOrigin origin) {
    if (origin == null) {
      return false;
    }
    String resource = origin.resource();
    URL url = origin.url();
    return resource != null && resource.endsWith("reference.conf")
        || url != null && url.getPath().endsWith("reference.conf");
  }
}
