package io.kubesim.server.registry;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.kubesim.server.table.TableConvertor;

/**
 * Everything the server knows about one resource type, declared once: names for discovery and
 * routing, storage key prefix, verbs, subresources, the strategy, field selectors, table columns and
 * the Fabric8 model class (for schemas and strategic-merge metadata). The single source of truth
 * for every generic component; no name here is derived from another by string rules.
 *
 * <p>Immutable and thread-safe.
 *
 * @param group         API group, {@code ""} for core
 * @param storagePrefix registry key prefix without trailing slash, e.g. {@code /registry/pods}
 * @param modelClass    the Fabric8 model class of the kind, e.g. {@code Pod.class}
 * @param tracksGeneration whether {@code metadata.generation} is maintained (workloads)
 */
public record ResourceDescriptor(
        String group,
        String version,
        String kind,
        String plural,
        String singular,
        List<String> shortNames,
        List<String> categories,
        boolean namespaced,
        Set<Verb> verbs,
        Set<Subresource> subresources,
        String storagePrefix,
        Class<?> modelClass,
        ResourceStrategy strategy,
        SelectableFields fields,
        TableConvertor table,
        ScaleSpec scale,
        boolean tracksGeneration) {

    public ResourceDescriptor {
        Objects.requireNonNull(group);
        Objects.requireNonNull(version);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(plural);
        Objects.requireNonNull(storagePrefix);
        Objects.requireNonNull(strategy);
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
        verbs = Collections.unmodifiableSet(verbs.isEmpty() ? EnumSet.noneOf(Verb.class) : EnumSet.copyOf(verbs));
        subresources = Collections.unmodifiableSet(subresources.isEmpty() ? EnumSet.noneOf(Subresource.class)
                : EnumSet.copyOf(subresources));
        if (subresources.contains(Subresource.SCALE) && scale == null) {
            throw new IllegalArgumentException(plural + ": a scale subresource needs a ScaleSpec");
        }
    }

    /** {@code v1} or {@code apps/v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code pods} or {@code deployments.apps}: the name used in error messages. */
    public String qualifiedResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    public boolean has(Subresource subresource) {
        return subresources.contains(subresource);
    }

    public boolean supports(Verb verb) {
        return verbs.contains(verb);
    }

    /** The storage key of one object; {@code namespace} is ignored for cluster-scoped kinds. */
    public String key(String namespace, String name) {
        return namespaced ? storagePrefix + "/" + namespace + "/" + name : storagePrefix + "/" + name;
    }

    /** The key prefix of a listing: all namespaces when {@code namespace} is null. */
    public String keyPrefix(String namespace) {
        return namespaced && namespace != null ? storagePrefix + "/" + namespace + "/" : storagePrefix + "/";
    }

    public static Builder builder(String group, String version, String kind, String plural) {
        return new Builder(group, version, kind, plural);
    }

    /** Fluent declaration of a descriptor; unset fields take plain-object defaults. */
    public static final class Builder {
        private final String group;
        private final String version;
        private final String kind;
        private final String plural;
        private String singular;
        private List<String> shortNames = List.of();
        private List<String> categories = List.of();
        private boolean namespaced = true;
        private Set<Verb> verbs = Verb.all();
        private Set<Subresource> subresources = EnumSet.noneOf(Subresource.class);
        private String storagePrefix;
        private Class<?> modelClass;
        private ResourceStrategy strategy = new ResourceStrategy() { };
        private SelectableFields fields = SelectableFields.NONE;
        private TableConvertor table;
        private ScaleSpec scale;
        private boolean tracksGeneration;

        private Builder(String group, String version, String kind, String plural) {
            this.group = group;
            this.version = version;
            this.kind = kind;
            this.plural = plural;
        }

        public Builder singular(String v) {
            singular = v;
            return this;
        }

        public Builder shortNames(String... v) {
            shortNames = List.of(v);
            return this;
        }

        public Builder categories(String... v) {
            categories = List.of(v);
            return this;
        }

        public Builder clusterScoped() {
            namespaced = false;
            return this;
        }

        public Builder verbs(Set<Verb> v) {
            verbs = v;
            return this;
        }

        public Builder subresources(Subresource... v) {
            subresources = v.length == 0 ? EnumSet.noneOf(Subresource.class) : EnumSet.of(v[0], v);
            return this;
        }

        public Builder storagePrefix(String v) {
            storagePrefix = v;
            return this;
        }

        public Builder model(Class<?> v) {
            modelClass = v;
            return this;
        }

        public Builder strategy(ResourceStrategy v) {
            strategy = v;
            return this;
        }

        public Builder fields(SelectableFields v) {
            fields = v;
            return this;
        }

        public Builder table(TableConvertor v) {
            table = v;
            return this;
        }

        public Builder scale(ScaleSpec v) {
            scale = v;
            return this;
        }

        public Builder tracksGeneration() {
            tracksGeneration = true;
            return this;
        }

        public ResourceDescriptor build() {
            return new ResourceDescriptor(group, version, kind, plural,
                    Objects.requireNonNull(singular, "singular"), shortNames, categories, namespaced, verbs,
                    subresources, Objects.requireNonNull(storagePrefix, "storagePrefix"), modelClass, strategy,
                    fields, table, scale, tracksGeneration);
        }
    }
}
