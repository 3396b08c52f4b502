package uk.pophealth.core;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type the jobs throw on purpose. Its message reads "Cannot X: reason (value)" and its
 * category decides the exit code. Build it through the factory methods so messages stay uniform.
 */
public final class PopHealthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCategory category;

  public PopHealthException(ErrorCategory category, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.category = requireNonNull(category, "category is null");
  }

  public PopHealthException(ErrorCategory category, String message) {
    this(category, message, null);
  }

  public ErrorCategory category() {
    return category;
  }

  public static PopHealthException badConfig(String format, Object... args) {
    return new PopHealthException(ErrorCategory.BAD_CONFIG, String.format(format, args));
  }

  public static PopHealthException badInput(String format, Object... args) {
    return new PopHealthException(ErrorCategory.BAD_INPUT, String.format(format, args));
  }

  public static PopHealthException failure(String format, Object... args) {
    return new PopHealthException(ErrorCategory.FAILURE, String.format(format, args));
  }

  /** Throws a bad-config error unless the condition holds: {@code checkConfig(n > 0, "Cannot ...: %s", n)}. */
  public static void checkConfig(boolean condition, String format, Object... args) {
    if (!condition) {
      throw badConfig(format, args);
    }
  }

  /** Throws an IllegalArgumentException naming the bad value unless the condition holds. */
  public static void checkArgument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
