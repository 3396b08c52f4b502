package uk.pophealth.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/** Captures every log line (any logger that reaches the root, Spark's included) while open. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  private LogCapture() {
    super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
  }

  public static LogCapture open() {
    LogCapture capture = new LogCapture();
    capture.start0();
    return capture;
  }

  private void start0() {
    start();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    configuration.getRootLogger().addAppender(this, Level.ALL, null);
    configuration.getLoggers().values().forEach(logger -> logger.addAppender(this, Level.ALL, null));
    context.updateLoggers();
  }

  @Override
  public void append(LogEvent event) {
    StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + ": "
        + event.getMessage().getFormattedMessage());
    for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
      line.append(" | ").append(t);
    }
    lines.add(line.toString());
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration configuration = context.getConfiguration();
    configuration.getRootLogger().removeAppender(getName());
    configuration.getLoggers().values().forEach(logger -> logger.removeAppender(getName()));
    context.updateLoggers();
    stop();
  }
}
