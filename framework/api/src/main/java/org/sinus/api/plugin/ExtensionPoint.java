package org.sinus.api.plugin;

import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import com.google.inject.util.Types;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A place where plugins add implementations, declared once next to its component interface and
 * bound with one call. The framework declares {@code dataset}, {@code representation},
 * {@code model}, {@code explainer} and {@code schedule}; a plugin may declare its own the same way,
 * and other plugins then add types to it without any change to the core:
 *
 * <pre>{@code
 * public interface Augmentation {                        // a plugin's own extension point
 *   ExtensionPoint<Augmentation> POINT = ExtensionPoint.of("augmentation", Augmentation.class,
 *       "random changes of training windows");
 *   ...
 * }
 *
 * // in a plugin's configure():
 * Model.POINT.bind(binder()).addBinding("resnet1d").to(ResNet1d.Factory.class);
 * Augmentation.POINT.bind(binder()).addBinding("jitter").to(Jitter.Factory.class);
 * }</pre>
 *
 * <p>Types are selected by name ({@code type = "resnet1d"}) in a block of the experiment, or in a
 * nested block of another component ({@link org.sinus.api.plugin.ComponentConfig#component});
 * their defaults live in the plugin's {@code reference.conf} under {@code sinus.<id>.<type>}.
 *
 * @param <T> the component type the point's factories build
 */
public final class ExtensionPoint<T> {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  /** The set every declared extension point is added to, so that the registry can list them. */
  public static final TypeLiteral<ExtensionPoint<?>> DECLARED = new TypeLiteral<>() {};

  private final String id;
  private final Class<T> type;
  private final String description;

  private ExtensionPoint(String id, Class<T> type, String description) {
    this.id = id;
    this.type = type;
    this.description = description;
  }

  /**
   * @param id a kebab-case name, used in messages and in {@code reference.conf} ({@code sinus.<id>.<type>})
   * @param type the interface the point's components implement
   * @param description one line for {@code sinus plugins}
   */
  public static <T> ExtensionPoint<T> of(String id, Class<T> type, String description) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an extension point id is kebab-case (e.g. 'signal-filter'), not '" + id + "'");
    }
    return new ExtensionPoint<>(id, type, description);
  }

  public String id() {
    return id;
  }

  public Class<T> type() {
    return type;
  }

  public String description() {
    return description;
  }

  /** Where the defaults of one of this point's types live in the merged reference.conf. */
  public String defaultsPath(String typeName) {
    return "sinus." + id + ".\"" + typeName + "\"";
  }

  /**
   * Declares this extension point in a Guice module and returns its map binder, to which the
   * module adds its types by name. Any number of modules may call it.
   */
  public MapBinder<String, ComponentFactory<T>> bind(Binder binder) {
    Multibinder.newSetBinder(binder, DECLARED).permitDuplicates().addBinding().toInstance(this);
    return MapBinder.newMapBinder(binder, TypeLiteral.get(String.class), factoryType(), qualifier());
  }

  /** The injector key of the map from type name to factory that {@link #bind} contributes to. */
  @SuppressWarnings("unchecked")
  public Key<Map<String, ComponentFactory<T>>> factoriesKey() {
    return (Key<Map<String, ComponentFactory<T>>>) Key.get(
        Types.mapOf(String.class, factoryType().getType()), qualifier());
  }

  @SuppressWarnings("unchecked")
  private TypeLiteral<ComponentFactory<T>> factoryType() {
    return (TypeLiteral<ComponentFactory<T>>) TypeLiteral.get(Types.newParameterizedType(ComponentFactory.class, type));
  }

  private Annotation qualifier() {
    return Names.named("sinus.extension-point." + id);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExtensionPoint<?> point && point.id.equals(id) && point.type.equals(type);
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
