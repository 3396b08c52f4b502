package uk.pophealth.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;
import uk.pophealth.core.PopHealthException;

/** What the person_id column of the inputs holds. */
public enum PersonIdMode {
  /** Raw 10-digit NHS numbers: validated (Modulus 11) and replaced by a keyed HMAC-SHA256 pseudonym at ingest. */
  NHS_NUMBER,
  /** Tokens already pseudonymised upstream: used as they are. */
  PSEUDONYMISED;

  @JsonCreator
  public static PersonIdMode parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw PopHealthException.badConfig("Cannot read person_id_mode: expected nhs_number or pseudonymised (%s)",
          value);
    }
  }
}
