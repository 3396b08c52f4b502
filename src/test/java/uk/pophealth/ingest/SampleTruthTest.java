package uk.pophealth.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.pophealth.config.JobConfig;
import uk.pophealth.config.JobConfigLoader;
import uk.pophealth.testing.SharedSpark;

/**
 * On the generated sample data (data/ with job.yaml and truth.json, when present; -Dpophealth.sample=DIR
 * points elsewhere), ingestion quarantines exactly the planted bad rows of each kind and nothing else.
 */
class SampleTruthTest {
  @Test
  void quarantinesExactlyThePlantedBadRows(@TempDir Path dir) throws IOException {
    Path sample = Path.of(System.getProperty("pophealth.sample", "data"));
    assumeTrue(Files.isRegularFile(sample.resolve("job.yaml")) && Files.isRegularFile(sample.resolve("truth.json")),
        "no generated sample with job.yaml and truth.json in " + sample.toAbsolutePath());
    JobConfig config = JobConfigLoader.load(sample.resolve("job.yaml"))
        .toBuilder().output(dir.resolve("out").toString()).quarantine(dir.resolve("quarantine").toString()).build();
    Map<String, String> env = Map.of(config.pseudonymisationKeyEnv(), IngestFixture.KEY);
    IngestResult result = Ingestion.ingest(SharedSpark.spark(), config, env);
    JsonNode badRows = new ObjectMapper().readTree(sample.resolve("truth.json").toFile()).path("bad_rows");
    for (TableCounts counts : result.counts()) {
      Map<String, Long> planted = new HashMap<>();
      JsonNode byRule = badRows.path(counts.table());
      for (Iterator<Map.Entry<String, JsonNode>> it = byRule.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getValue().asLong() > 0) {
          planted.put(entry.getKey(), entry.getValue().asLong());
        }
      }
      assertEquals(planted, counts.quarantinedByRule(), counts.table() + ": planted vs quarantined");
      assertEquals(counts.rowsIn(), counts.rowsAccepted() + counts.rowsQuarantined(), counts.table());
    }
    result.release();
  }
}
