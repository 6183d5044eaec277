package io.kubesim.server.storage;

import static io.kubesim.server.storage.StorageTestSupport.assertObject;
import static io.kubesim.server.storage.StorageTestSupport.join;
import static io.kubesim.server.storage.StorageTestSupport.keys;
import static io.kubesim.server.storage.StorageTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract tests of {@link Storage#list}: prefixes, key order, paging and the list revision.
 * Mixed into {@link StorageContractTest}; not run on its own.
 */
public interface ListContract {

    /** The open store under test. */
    Storage storage();

    @Test
    default void listReturnsOnlyKeysUnderThePrefixInKeyOrder() {
        for (String key : List.of("/registry/pods/ns/c", "/registry/podsx/ns/a", "/registry/pods/ns/a",
                "/registry/pods", "/registry/pods/other/b", "/registry/pod/ns/a", "/registry/pods/ns/b")) {
            join(storage().create(key, value(key)));
        }

        ListResult pods = join(storage().list("/registry/pods/", null, 0));

        assertThat(keys(pods.items())).containsExactly(
                "/registry/pods/ns/a", "/registry/pods/ns/b", "/registry/pods/ns/c", "/registry/pods/other/b");
        assertThat(pods.more()).isFalse();
        assertThat(pods.revision()).isEqualTo(7);
        assertThat(keys(join(storage().list("/registry/pods/ns/", null, 0)).items()))
                .containsExactly("/registry/pods/ns/a", "/registry/pods/ns/b", "/registry/pods/ns/c");
        assertThat(join(storage().list("/registry/nothing/", null, 0)).items()).isEmpty();
        assertThat(join(storage().list("", null, 0)).items()).hasSize(7);
    }

    @Test
    default void listOrdersKeysByTheirUtf8Bytes() {
        // U+FFFD sorts below U+1F600 in UTF-8 (and code point) order, but above it in UTF-16 order.
        List<String> keys = List.of("/k/\uD83D\uDE00", "/k/\uFFFD", "/k/z", "/k/\u00E9");
        keys.forEach(key -> join(storage().create(key, value(key))));

        assertThat(keys(join(storage().list("/k/", null, 0)).items()))
                .containsExactly("/k/z", "/k/\u00E9", "/k/\uFFFD", "/k/\uD83D\uDE00");
    }

    @Test
    default void listPagesWithStartAfterKeyAndLimit() {
        for (int i = 0; i < 5; i++) {
            join(storage().create("/registry/cm/ns/k" + i, value("v" + i)));
        }
        join(storage().create("/registry/cmx/ns/k9", value("outside")));

        ListResult first = join(storage().list("/registry/cm/", null, 2));
        assertThat(keys(first.items())).containsExactly("/registry/cm/ns/k0", "/registry/cm/ns/k1");
        assertThat(first.more()).isTrue();
        assertThat(first.revision()).isEqualTo(6);

        ListResult second = join(storage().list("/registry/cm/", "/registry/cm/ns/k1", 2));
        assertThat(keys(second.items())).containsExactly("/registry/cm/ns/k2", "/registry/cm/ns/k3");
        assertThat(second.more()).isTrue();

        ListResult last = join(storage().list("/registry/cm/", "/registry/cm/ns/k3", 2));
        assertThat(keys(last.items())).containsExactly("/registry/cm/ns/k4");
        assertThat(last.more()).isFalse();

        ListResult exact = join(storage().list("/registry/cm/", null, 5));
        assertThat(exact.items()).hasSize(5);
        assertThat(exact.more()).as("no items beyond the limit").isFalse();

        assertThat(keys(join(storage().list("/registry/cm/", "/registry/a", 0)).items()))
                .as("a start key before the prefix starts at the prefix").hasSize(5);
        assertThat(join(storage().list("/registry/cm/", "/registry/cm/ns/k4", 0)).items()).isEmpty();
        assertThat(keys(join(storage().list("/registry/cm/", "/registry/cm/ns/k2x", 0)).items()))
                .as("the start key need not exist").containsExactly("/registry/cm/ns/k3", "/registry/cm/ns/k4");
    }

    @Test
    default void listReflectsDeletesAndUpdatesAtItsRevision() {
        join(storage().create("/p/a", value("a1")));
        join(storage().create("/p/b", value("b1")));
        join(storage().update("/p/a", 1, value("a2")));
        join(storage().delete("/p/b", 0));

        ListResult list = join(storage().list("/p/", null, 0));

        assertThat(list.revision()).isEqualTo(4);
        assertThat(list.items()).hasSize(1);
        assertObject(list.items().get(0), "/p/a", "a2", 1, 3);
    }
}
