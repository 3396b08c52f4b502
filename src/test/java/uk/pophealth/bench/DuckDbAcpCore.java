package uk.pophealth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import uk.pophealth.cohort.ReportingMonths;

/**
 * The ACP uptake core as DuckDB SQL ({@code acp_core.sql}) over the same Parquet inputs as {@link SparkAcpCore}:
 * the peer an analyst would otherwise pick on one machine.
 */
final class DuckDbAcpCore {
  private DuckDbAcpCore() {}

  /**
   * @param threads DuckDB worker threads (0 = DuckDB's default, all cores)
   * @param spillDir where DuckDB spills when over its memory limit, or null for its default
   */
  static List<CoreCount> counts(String dir, ReportingMonths months, int threads, String spillDir)
      throws SQLException, IOException {
    String sql = sql(dir, months);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      if (threads > 0) {
        statement.execute("SET threads = " + threads);
      }
      if (spillDir != null) {
        statement.execute("SET temp_directory = '" + spillDir.replace("'", "''") + "'");
      }
      List<CoreCount> out = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          out.add(new CoreCount(rows.getDate(1).toLocalDate(), rows.getString(2), rows.getString(3), rows.getLong(4),
              rows.getLong(5)));
        }
      }
      return CoreCount.sorted(out);
    }
  }

  static String sql(String dir, ReportingMonths months) throws IOException {
    try (InputStream in = DuckDbAcpCore.class.getResourceAsStream("acp_core.sql")) {
      if (in == null) {
        throw new IOException("Cannot read acp_core.sql: not on the classpath (uk/pophealth/bench)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${dir}", dir.replace("'", "''"))
          .replace("${first_month}", months.first().atDay(1).toString())
          .replace("${last_month}", months.last().atDay(1).toString());
    }
  }
}
