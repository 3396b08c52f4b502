package uk.pophealth.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {
  private static final Instant START = Instant.parse("2025-04-01T06:00:00Z");

  @TempDir
  Path out;

  private RunManifest.Builder builder() {
    return RunManifest.builder("run-42", "0.1.0", START)
        .config(Map.of("period_from", "2024-01", "max_quarantine_rate", 0.05,
            "spark_conf", Map.of("spark.hadoop.fs.s3a.secret.key", "s3cr3t", "spark.sql.shuffle.partitions", "8"),
            "pseudonymisation_key_env", "POPHEALTH_PSEUDONYMISATION_KEY", "api_token", "abc"))
        .input("gp_patients", "data/gp_patients.csv", 20_000, "ab12")
        .quarantined("gp_patients", 17)
        .output(new WrittenTable("acp_uptake", "out/acp_uptake", 1_234, Map.of("2024-01-31", 1_000L, "2024-02-29", 234L)))
        .stage("ingest", Duration.ofMillis(1_500), true);
  }

  @Test
  void roundTripsThroughJsonWithCounts() {
    RunManifest manifest = builder().succeeded(START.plusSeconds(90));
    String json = manifest.toJson();
    assertEquals(manifest, RunManifest.fromJson(json));
    assertTrue(json.contains("\"rows\" : 20000"), json);
    assertTrue(json.contains("\"gp_patients\" : 17"), json);
    assertTrue(json.contains("\"2024-02-29\" : 234"), json);
    assertTrue(json.contains("\"status\" : \"succeeded\""), json);
    assertTrue(json.contains("\"disclosure_control\" : \"on\""), json);
    assertEquals(List.of(), manifest.warnings());
  }

  @Test
  void secretsAreRedactedAndNamesOfKeysKept() {
    String json = builder().succeeded(START).toJson();
    assertFalse(json.contains("s3cr3t"), json);
    assertFalse(json.contains("abc"), json);
    assertTrue(json.contains("\"pseudonymisation_key_env\" : \"POPHEALTH_PSEUDONYMISATION_KEY\""), json);
    assertTrue(json.contains("\"spark.sql.shuffle.partitions\" : \"8\""), json);
  }

  @Test
  void disclosureControlOffIsRecordedLoudly() {
    RunManifest manifest = builder().disclosureControl(false).succeeded(START);
    assertEquals(RunManifest.OFF, manifest.disclosureControl());
    assertEquals(List.of(RunManifest.DISCLOSURE_OFF_WARNING), manifest.warnings());
    assertTrue(manifest.toJson().contains("DISCLOSURE CONTROL WAS OFF"));
  }

  @Test
  void failureCarriesItsMessage() {
    RunManifest manifest = builder().failed(START, "Cannot read gp_events: file is empty (data/gp_events.csv)");
    assertEquals(RunManifest.FAILED, manifest.status());
    assertEquals("Cannot read gp_events: file is empty (data/gp_events.csv)",
        RunManifest.fromJson(manifest.toJson()).message());
  }

  @Test
  void writesAtomicallyOverThePreviousManifest() throws Exception {
    Configuration conf = new Configuration();
    builder().failed(START, "first").write(conf, out.toString());
    RunManifest second = builder().succeeded(START.plusSeconds(5));
    second.write(conf, out.toString());
    assertEquals(second, RunManifest.read(conf, out.toString()));
    try (var files = Files.list(out)) {
      assertEquals(List.of(RunManifest.FILE_NAME), files.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".crc")).toList());
    }
  }

  @Test
  void inputChecksumFollowsContentNotTime() throws Exception {
    Configuration conf = new Configuration();
    Path dir = Files.createDirectories(out.resolve("input"));
    Files.writeString(dir.resolve("a.csv"), "x,y\n1,2\n");
    Files.writeString(dir.resolve("_SUCCESS"), "");
    String first = InputChecksum.sha256(conf, dir.toString());
    assertEquals("0b2bd0c9c1b1d4a0b9f6d45c0e7f00b55bd4b1e9fa0c67ef7dc5e2dd55e9a3a1".length(), first.length());
    Files.setLastModifiedTime(dir.resolve("a.csv"), java.nio.file.attribute.FileTime.fromMillis(0));
    assertEquals(first, InputChecksum.sha256(conf, dir.toString()));
    Files.writeString(dir.resolve("a.csv"), "x,y\n1,3\n");
    assertNotEquals(first, InputChecksum.sha256(conf, dir.toString()));
  }
}
