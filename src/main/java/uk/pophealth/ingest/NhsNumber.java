package uk.pophealth.ingest;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The NHS number Modulus 11 check: the first nine digits weighted 10 down to 2, summed; check digit =
 * 11 - (sum mod 11), where 11 becomes 0 and 10 means the number is invalid. Available as a Spark expression
 * (used at ingest, no UDF) and as plain Java (tests, tools). Spaces are not part of the number: strip them first.
 */
public final class NhsNumber {
  private static final int LENGTH = 10;

  private NhsNumber() {}

  public static boolean isValid(String number) {
    if (number == null || number.length() != LENGTH || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      sum += (number.charAt(i) - '0') * (LENGTH - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == number.charAt(LENGTH - 1) - '0';
  }

  /** True when the text is a valid NHS number; false (never null) otherwise. */
  public static Column isValid(Column number) {
    Column sum = lit(0);
    for (int i = 0; i < LENGTH - 1; i++) {
      sum = sum.plus(digit(number, i).multiply(LENGTH - i));
    }
    Column remainder = lit(11).minus(pmod(sum, lit(11)));
    Column check = when(remainder.equalTo(11), lit(0)).otherwise(remainder);
    Column valid = number.rlike("^[0-9]{10}$").and(check.notEqual(10)).and(check.equalTo(digit(number, LENGTH - 1)));
    return when(number.isNull(), lit(false)).otherwise(valid);
  }

  private static Column digit(Column number, int index) {
    return substring(number, index + 1, 1).cast(DataTypes.IntegerType);
  }
}
