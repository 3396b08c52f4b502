package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import uk.pophealth.ingest.layout.Layout;

/** Names of the working columns ingestion adds beside the data; all start with '_' so no input column clashes. */
final class IngestColumns {
  static final String SOURCE_FILE = Layout.SOURCE_FILE;
  static final String LINE_NUMBER = Layout.LINE_NUMBER;
  static final String TEXT = "_text";
  static final String BAD_ENCODING = "_bad_encoding";
  /** True for a line of a UTF-8 file that was not valid UTF-8 and was read as Windows-1252 ({@link TextLines}). */
  static final String WINDOWS_1252 = "_windows_1252";
  static final String MALFORMED = "_malformed";
  static final String RULE = "_rule";
  /** The normalisations applied to the row, one bit per {@link uk.pophealth.schema.Normalisation} ({@link Normalisations}). */
  static final String NORMALISED = "_normalised";
  static final String PSEUDONYM = "_pseudonym";
  /** person_id as checked and pseudonymised (spaces removed in NHS number mode), and whether it passes the check. */
  static final String PERSON_ID_NORMALISED = "_person_id_normalised";
  static final String PERSON_ID_VALID = "_person_id_valid";

  private IngestColumns() {}

  /** The parsed (typed) value of a canonical column. */
  static String typed(String column) {
    return "_typed_" + column;
  }

  /** A column by its exact name, even when the name holds spaces, dots or brackets (official headers do). */
  static Column exact(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }
}
