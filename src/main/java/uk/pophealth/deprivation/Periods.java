package uk.pophealth.deprivation;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static uk.pophealth.schema.OutputTables.PERIOD_FINANCIAL_YEAR;
import static uk.pophealth.schema.OutputTables.PERIOD_MONTH;
import static uk.pophealth.schema.OutputTables.PERIOD_QUARTER;
import static uk.pophealth.schema.OutputTables.PERIOD_START;
import static uk.pophealth.schema.OutputTables.PERIOD_TYPE;
import static uk.pophealth.schema.OutputTables.ReferralDeprivation.MONTHS_COVERED;

import java.sql.Date;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.pophealth.schema.RowBuilder;

/**
 * The reporting periods: every month of the range, every calendar quarter (which are also the NHS financial
 * quarters) and every April-March financial year that the range touches. A quarter or year the range covers only
 * in part is reported with the months it covers ({@code months_covered}).
 */
final class Periods {
  private static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField(PERIOD_TYPE, StringType, false),
      DataTypes.createStructField(PERIOD_START, DateType, false),
      DataTypes.createStructField(MONTHS_COVERED, IntegerType, false)});

  private Periods() {}

  private record Period(String type, LocalDate start) {}

  /** One row per period: period_type, period_start, months_covered (a few dozen rows; grows with months only). */
  static Dataset<Row> frame(SparkSession spark, DeprivationOptions options) {
    Map<Period, Integer> months = new LinkedHashMap<>();
    for (YearMonth month = options.firstMonth(); !month.isAfter(options.lastMonth()); month = month.plusMonths(1)) {
      months.merge(new Period(PERIOD_MONTH, month.atDay(1)), 1, Integer::sum);
      months.merge(new Period(PERIOD_QUARTER, quarterStart(month).atDay(1)), 1, Integer::sum);
      months.merge(new Period(PERIOD_FINANCIAL_YEAR, financialYearStart(month).atDay(1)), 1, Integer::sum);
    }
    List<Row> rows = new ArrayList<>();
    months.forEach((period, covered) -> rows.add(RowBuilder.of("periods", SCHEMA).set(PERIOD_TYPE, period.type())
        .set(PERIOD_START, Date.valueOf(period.start())).set(MONTHS_COVERED, covered).build()));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** The periods a month falls in, as an array of struct(period_type, period_start), from its first day. */
  static Column ofMonth(Column monthStart) {
    return array(
        period(PERIOD_MONTH, monthStart),
        period(PERIOD_QUARTER, trunc(monthStart, "quarter")),
        period(PERIOD_FINANCIAL_YEAR, add_months(trunc(add_months(monthStart, -3), "year"), 3)));
  }

  static YearMonth quarterStart(YearMonth month) {
    return YearMonth.of(month.getYear(), month.getMonth().firstMonthOfQuarter());
  }

  static YearMonth financialYearStart(YearMonth month) {
    int year = month.getMonthValue() >= Month.APRIL.getValue() ? month.getYear() : month.getYear() - 1;
    return YearMonth.of(year, Month.APRIL);
  }

  private static Column period(String type, Column start) {
    return struct(lit(type).as(PERIOD_TYPE), start.as(PERIOD_START));
  }
}
