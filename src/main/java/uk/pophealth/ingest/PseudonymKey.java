package uk.pophealth.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import uk.pophealth.core.PopHealthException;

/**
 * The secret key of the NHS number pseudonym, read only from the environment variable the config names (never
 * from a file, never logged: {@link #toString()} hides it). Too short a key would let anyone rebuild the
 * pseudonyms of all 10^9 possible NHS numbers, so at least {@value #MIN_LENGTH} characters are required.
 */
public final class PseudonymKey {
  public static final int MIN_LENGTH = 16;

  private final byte[] bytes;

  private PseudonymKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Reads the key from {@code env} (pass {@code System.getenv()} in production, a map in tests). */
  public static PseudonymKey fromEnvironment(String variable, Map<String, String> env) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      throw PopHealthException.badConfig("Cannot pseudonymise NHS numbers: the key variable is not set; set it to a "
          + "secret of at least %d characters, e.g. export %s=\"$(openssl rand -hex 32)\", keep it the same across "
          + "runs so pseudonyms link, or set person_id_mode: pseudonymised if person_id is already a pseudonym (%s)",
          MIN_LENGTH, variable, variable);
    }
    if (value.length() < MIN_LENGTH) {
      throw PopHealthException.badConfig("Cannot pseudonymise NHS numbers: the key is shorter than %d characters; "
          + "set a longer secret, e.g. export %s=\"$(openssl rand -hex 32)\" (%s)", MIN_LENGTH, variable, variable);
    }
    return new PseudonymKey(value.getBytes(StandardCharsets.UTF_8));
  }

  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "PseudonymKey[hidden]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PseudonymKey key && Arrays.equals(bytes, key.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
