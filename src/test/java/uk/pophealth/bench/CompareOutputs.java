package uk.pophealth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import uk.pophealth.schema.OutputTable;
import uk.pophealth.schema.OutputTables;

/**
 * Compares two run outputs cell for cell, every published table, with DuckDB (an outside reader of the Parquet):
 * for each table the rows of each that the other lacks (EXCEPT ALL both ways, so duplicates count). Prints one line
 * per table and exits 1 when any differs: the check that a refactor changed no published value
 * ({@code scripts/compare-outputs.sh BEFORE AFTER}).
 */
public final class CompareOutputs {
  private CompareOutputs() {}

  public static void main(String[] args) throws SQLException {
    if (args.length != 2) {
      System.err.println("usage: CompareOutputs BEFORE_OUTPUT AFTER_OUTPUT");
      System.exit(2);
    }
    boolean same = true;
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
      for (OutputTable table : OutputTables.ALL) {
        Path before = Path.of(args[0], table.name());
        Path after = Path.of(args[1], table.name());
        if (!Files.isDirectory(before) || !Files.isDirectory(after)) {
          boolean neither = !Files.isDirectory(before) && !Files.isDirectory(after);
          System.out.printf("%-26s %s%n", table.name(), neither ? "in neither" : "in one only");
          same &= neither;
          continue;
        }
        String a = scan(before);
        String b = scan(after);
        try (ResultSet r = sql.executeQuery("select (select count(*) from " + a + "), (select count(*) from " + b
            + "), (select count(*) from (select * from " + a + " except all select * from " + b + ")),"
            + " (select count(*) from (select * from " + b + " except all select * from " + a + "))")) {
          r.next();
          boolean equal = r.getLong(3) == 0 && r.getLong(4) == 0;
          same &= equal;
          System.out.printf("%-26s rows %d / %d, only before %d, only after %d%s%n", table.name(), r.getLong(1),
              r.getLong(2), r.getLong(3), r.getLong(4), equal ? "" : "  DIFFERENT");
        }
      }
    }
    System.out.println(same ? "identical cell for cell" : "DIFFERENT");
    System.exit(same ? 0 : 1);
  }

  private static String scan(Path table) {
    return "read_parquet('" + table.toAbsolutePath().toString().replace("'", "''")
        + "/**/*.parquet', hive_partitioning = 1, union_by_name = true)";
  }
}
