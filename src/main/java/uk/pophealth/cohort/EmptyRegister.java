package uk.pophealth.cohort;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.core.PopHealthException;
import uk.pophealth.schema.InputTables.Codelists;
import uk.pophealth.schema.InputTables.GpEvents;

/**
 * Stops the run when the dementia register comes out empty from gp_events that hold rows: every product built on
 * it (acp_uptake, the dementia series of demand_forecast) would then compute nothing while the inputs were
 * accepted, and an empty table must not pass for a result. The error says why: no dementia code listed, no event
 * code matching the list (with the most frequent event codes, so a zero-padded or otherwise mangled extract is seen
 * at once), or nobody coded registered in the months reported.
 *
 * <p>Cheap at any size: an empty register is known from one row ({@code isEmpty}); the causes are looked for only
 * then, the frequent codes by a Spark aggregate limited to {@value #SHOWN} rows.
 */
public final class EmptyRegister {
  /** How many of the most frequent event codes the error shows. */
  static final int SHOWN = 5;
  private static final String EVENTS = "_events";

  private EmptyRegister() {}

  /** Throws a data error (exit 3) naming the cause when {@code register} is empty and {@code events} is not. */
  public static void requireNotEmpty(Dataset<Row> register, Dataset<Row> events, Dataset<Row> codelists,
      ReportingMonths months) {
    if (!register.isEmpty() || events.isEmpty()) {
      return;
    }
    throw PopHealthException.badInput("Cannot compute acp_uptake: the dementia register is empty for %s to %s "
        + "although gp_events holds rows: %s", months.first(), months.last(), cause(events, codelists, months));
  }

  static String cause(Dataset<Row> events, Dataset<Row> codelists, ReportingMonths months) {
    Dataset<Row> dementia = codelists.filter(col(Codelists.CODELIST).equalTo(Codelists.DEMENTIA))
        .select(col(Codelists.CODE)).distinct();
    List<String> listed = dementia.orderBy(Codelists.CODE).limit(SHOWN).as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
    if (listed.isEmpty()) {
      return "the codelists table has no code in the dementia list";
    }
    boolean matched = !events.join(broadcast(dementia), col(GpEvents.SNOMED_CODE).equalTo(dementia.col(Codelists.CODE)))
        .isEmpty();
    if (matched) {
      return "gp_events hold dementia codes, but nobody with one is registered and alive at a month end from "
          + months.firstEnd() + " to " + months.lastEnd();
    }
    List<Row> frequent = events.groupBy(col(GpEvents.SNOMED_CODE)).agg(count(lit(1)).as(EVENTS))
        .orderBy(col(EVENTS).desc(), col(GpEvents.SNOMED_CODE)).limit(SHOWN).collectAsList();
    return String.format("no gp_events code matched the dementia code list (codes such as %s); most frequent "
        + "gp_events codes: %s", String.join(", ", listed), frequent.stream()
            .map(row -> row.getString(0) + " (" + row.getLong(1) + " events)").collect(Collectors.joining(", ")));
  }
}
