package io.shotcraft.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * What the service logs while a test runs (the test and the service share the JVM's log manager): every record at
 * {@code minimum} or above, with its MDC copied as it was logged. Use in try-with-resources.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Level minimum;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Level minimum) {
        this.minimum = minimum;
        Logger.getLogger("").addHandler(this);
    }

    public static LogCapture from(Level minimum) {
        return new LogCapture(minimum);
    }

    public List<ExtLogRecord> records() {
        return records;
    }

    /** Each record as "logger: message" with its parameters filled in, and its exception when it has one. */
    public List<String> lines() {
        return records.stream().map(r -> r.getLoggerName() + ": " + r.getFormattedMessage()
                + (r.getThrown() == null ? "" : " / " + r.getThrown())).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= minimum.intValue() && record instanceof ExtLogRecord ext) {
            // The MDC is read lazily: copy it while the record's request or job is current.
            ext.copyMdc();
            records.add(ext);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
