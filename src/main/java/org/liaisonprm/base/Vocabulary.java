package org.liaisonprm.base;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The words people see for the codes the graph and the code use: every {@link Labelled} enum of the
 * application, found once on the class path, as a kind (its simple name in kebab case, e.g.
 * {@code interaction-type}) holding each constant's label. Views, charts, tooltips, CSV headers and the audit
 * trail ask here instead of showing a constant's name; report files name a kind as a column's format
 * (docs/reports.md).
 */
public final class Vocabulary {

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Map<String, Map<String, Labelled>> KINDS = scan();

    private Vocabulary() {
    }

    /** The constant's label, or its name in words when it has none. */
    public static String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        return value instanceof Labelled labelled ? labelled.label() : humanise(value.name());
    }

    /** The label of a code of one kind, when the kind holds the code. */
    public static Optional<String> label(String kind, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(KINDS.getOrDefault(kind, Map.of()).get(code)).map(Labelled::label);
    }

    /** The description of a code of one kind, when it has one. */
    public static Optional<String> description(String kind, String code) {
        return Optional.ofNullable(KINDS.getOrDefault(kind, Map.of()).get(code)).map(Labelled::description);
    }

    /** The kinds there are, e.g. {@code network}, {@code segment}, {@code service-line}. */
    public static Map<String, Map<String, Labelled>> kinds() {
        return KINDS;
    }

    /** The kind of an enum: its simple name in kebab case. */
    public static String kindOf(Class<?> type) {
        return String.join("-", CAMEL.split(type.getSimpleName())).toLowerCase(Locale.ROOT);
    }

    /**
     * The one kind that holds every one of these codes (there is at least one), when exactly one does; a
     * column of codes is labelled by it.
     */
    public static Optional<String> kindHolding(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        String found = null;
        for (var kind : KINDS.entrySet()) {
            if (kind.getValue().keySet().containsAll(codes)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = kind.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A machine name in words: {@code leakageRate} becomes "Leakage rate", {@code IN_PERSON_VISIT}
     * "In person visit", {@code topDestinationId} "Top destination".
     */
    public static String humanise(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String spaced = name.contains("_") || name.equals(name.toUpperCase(Locale.ROOT))
                ? name.replace('_', ' ').toLowerCase(Locale.ROOT)
                : String.join(" ", CAMEL.split(name)).toLowerCase(Locale.ROOT);
        spaced = spaced.replaceAll("\\s+", " ").strip();
        if (spaced.endsWith(" id") && spaced.length() > 3) {
            spaced = spaced.substring(0, spaced.length() - 3);
        }
        spaced = spaced.replaceAll("\\bnpi\\b", "NPI").replaceAll("\\bzip\\b", "ZIP");
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Labelled>> scan() {
        ClassLoader loader = Vocabulary.class.getClassLoader();
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(loader));
        scanner.addIncludeFilter(new AssignableTypeFilter(Labelled.class));
        var kinds = new java.util.TreeMap<String, Map<String, Labelled>>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.liaisonprm")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), loader);
            if (!type.isEnum()) {
                continue;
            }
            var codes = new LinkedHashMap<String, Labelled>();
            for (Object constant : type.getEnumConstants()) {
                codes.put(((Enum<?>) constant).name(), (Labelled) constant);
            }
            kinds.put(kindOf(type), Collections.unmodifiableMap(codes));
        }
        return Collections.unmodifiableMap(kinds);
    }
}
