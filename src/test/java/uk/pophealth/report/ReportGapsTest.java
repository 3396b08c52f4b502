package uk.pophealth.report;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.cli.Main;
import uk.pophealth.testing.SharedSpark;

/** A run that produced only some tables, or a table short of a column: each section says so and the rest draws. */
class ReportGapsTest {
  @Test
  void missingAndEmptyTablesAreNamedAsNotProduced(@TempDir Path out) throws IOException {
    ReportFixtures.write(SharedSpark.spark(), out, "acp_uptake", ReportFixtures.acpSchema(),
        ReportFixtures.acpRows(), "period_end");
    Files.createDirectories(out.resolve("demand_forecast"));
    ReportResult result = new ReportWriter(SharedSpark.spark()).write(out.toString());
    assertEquals(List.of("acp_uptake"), result.tablesFound());
    assertEquals(List.of("referral_deprivation", "referral_inequality", "demand_forecast", "forecast_accuracy",
        "data_quality"), result.tablesMissing());
    String html = Files.readString(out.resolve("report.html"));
    for (String table : result.tablesMissing()) {
      assertTrue(html.contains("The " + table + " table was not produced in this run"), table);
    }
    assertTrue(html.contains("The run manifest (_run_manifest.json) is not present"));
    assertEquals(ReportFixtures.PCN_POINTS, ReportHtml.countClass(html, "mark pcn-point"));
  }

  @Test
  void aTableWithoutANeededColumnSaysWhichAndTheOthersStillDraw(@TempDir Path out) throws IOException {
    ReportFixtures.write(SharedSpark.spark(), out, "acp_uptake",
        ReportFixtures.schema("period_end", DateType, "geography_level", StringType),
        List.of(RowFactory.create(Date.valueOf("2024-06-30"), "pcn")), "period_end");
    ReportFixtures.write(SharedSpark.spark(), out, "data_quality", ReportFixtures.qualitySchema(),
        ReportFixtures.qualityRows(), null);
    Files.writeString(out.resolve("_run_manifest.json"), "{not json");
    String html = new ReportWriter(SharedSpark.spark()).render(out.toString());
    assertTrue(html.contains("The acp_uptake table lacks the column(s) geography_code, breakdown, register, uptake"),
        html);
    assertTrue(html.contains("invalid_nhs_number"));
    assertTrue(html.contains("The run manifest (_run_manifest.json) is not valid JSON"));
    assertTrue(Files.notExists(out.resolve("report.html")), "render() does not write");
  }

  @Test
  void reportSubCommandDrawsTheFileAndPrintsItsPath(@TempDir Path out) throws IOException {
    ReportFixtures.write(SharedSpark.spark(), out, "data_quality", ReportFixtures.qualitySchema(),
        ReportFixtures.qualityRows(), null);
    SharedSpark.spark();
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.execute("report", "--out", out.toString());
    } finally {
      System.setOut(old);
    }
    assertEquals(0, code);
    assertTrue(Files.exists(out.resolve("report.html")));
    assertTrue(buffer.toString(StandardCharsets.UTF_8).trim().endsWith(out.resolve("report.html").toString()),
        buffer.toString(StandardCharsets.UTF_8));
    assertTrue(!SharedSpark.spark().sparkContext().isStopped(), "the report job leaves a session it did not start");
  }
}
