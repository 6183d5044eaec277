package io.kubesim.server.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records SEVERE log records (the server logs through slf4j to java.util.logging) while open, so a
 * test can assert that an exchange caused no unhandled exception on the server. Thread-safe.
 */
final class SevereLogs extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final List<String> records = new CopyOnWriteArrayList<>();

    SevereLogs() {
        setLevel(Level.SEVERE);
        root.addHandler(this);
    }

    /** Each recorded SEVERE record as "logger: message: thrown". */
    List<String> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            records.add(record.getLoggerName() + ": " + record.getMessage() + ": " + record.getThrown());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
