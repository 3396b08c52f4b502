package uk.pophealth.publish;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import uk.pophealth.spark.SparkSessions;

/**
 * Child JVM for {@link KilledWriteTest}: takes the output lock and slowly writes version 2 of the test table,
 * so the test can kill it mid-write. Args: outputRoot rowsPerPeriod monthEnd...
 */
public final class KilledWriteChild {
  private KilledWriteChild() {}

  public static void main(String[] args) {
    String root = args[0];
    long rows = Long.parseLong(args[1]);
    List<String> monthEnds = List.of(args).subList(2, args.length);
    SparkSession spark = SparkSessions.create("killed-write-child",
        Map.of("spark.master", "local[2]", "spark.sql.shuffle.partitions", "2", "spark.ui.enabled", "false"));
    OutputLock lock = OutputLock.acquire(spark.sparkContext().hadoopConfiguration(), root, "child");
    System.out.println("LOCKED");
    new TableWriter(spark, root).write(TestTable.TABLE, TestTable.rows(spark, 2, monthEnds, rows, true));
    lock.close();
    System.out.println("DONE");
  }
}
