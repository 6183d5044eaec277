package io.kubesim.server.storage.memory;

import io.kubesim.server.storage.Storage;
import io.kubesim.server.storage.StorageContractTest;

class InMemoryStorageTest extends StorageContractTest {

    @Override
    protected Storage openEmpty() {
        return new InMemoryStorage();
    }
}
