package uk.pophealth.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.api.java.UDF1;

/**
 * HMAC-SHA256 of an NHS number under the secret key, as 64 lower-case hex characters. The key reaches the
 * executors as a broadcast of its bytes, never as a literal in a query plan (which Spark may log or show in
 * its UI), hence a UDF: Spark has no keyed-hash expression. One {@link Mac} per thread, built lazily.
 */
final class HmacPseudonym implements UDF1<String, String> {
  private static final long serialVersionUID = 1L;
  static final String ALGORITHM = "HmacSHA256";

  private final Broadcast<byte[]> key;
  private transient ThreadLocal<Mac> mac;

  HmacPseudonym(Broadcast<byte[]> key) {
    this.key = key;
  }

  @Override
  public String call(String nhsNumber) {
    if (nhsNumber == null) {
      return null;
    }
    return hex(mac().doFinal(nhsNumber.getBytes(StandardCharsets.UTF_8)));
  }

  /** The same function on the driver, for tests and tools: same key and number give the same pseudonym. */
  static String of(PseudonymKey key, String nhsNumber) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
      return hex(mac.doFinal(nhsNumber.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot pseudonymise: " + ALGORITHM + " unavailable", e);
    }
  }

  private synchronized Mac mac() {
    if (mac == null) {
      mac = ThreadLocal.withInitial(new NewMac(key.value()));
    }
    return mac.get();
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  /** Builds an initialised Mac for one thread. */
  private static final class NewMac implements java.util.function.Supplier<Mac> {
    private final byte[] keyBytes;

    NewMac(byte[] keyBytes) {
      this.keyBytes = keyBytes;
    }

    @Override
    public Mac get() {
      try {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(keyBytes, ALGORITHM));
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Cannot pseudonymise: " + ALGORITHM + " unavailable", e);
      }
    }
  }
}
