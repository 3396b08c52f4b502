package uk.pophealth.cohort;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/** The age bands of the ACP product: 0-64, 65-74, 75-84, 85+. */
public final class AgeBands {
  public static final List<String> BANDS = List.of("0-64", "65-74", "75-84", "85+");

  private AgeBands() {}

  /** The band of an age column (whole years); ages below zero fall in 0-64. */
  public static Column of(Column age) {
    return when(age.geq(85), lit("85+"))
        .when(age.geq(75), lit("75-84"))
        .when(age.geq(65), lit("65-74"))
        .otherwise(lit("0-64"));
  }
}
