package uk.pophealth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sums the task metrics of a Spark JSON event log (spark.eventLog.enabled): shuffle bytes written and read,
 * memory and disk spill, input bytes and records, task run and CPU time (run time far above CPU time means the
 * tasks waited for a CPU: a loaded machine), and the peak execution memory of any one task.
 */
record EventLogSummary(long tasks, long inputBytes, long inputRecords, long shuffleWriteBytes, long shuffleReadBytes,
    long memorySpillBytes, long diskSpillBytes, long executorRunMillis, long peakExecutionMemory, long stages,
    long executorCpuNanos) {

  static EventLogSummary of(Path logOrFolder) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(logOrFolder)) {
      try (Stream<Path> listed = Files.list(logOrFolder)) {
        listed.filter(Files::isRegularFile).forEach(files::add);
      }
    } else {
      files.add(logOrFolder);
    }
    ObjectMapper json = new ObjectMapper();
    long[] sums = new long[11];
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.contains("\"SparkListenerStageCompleted\"")) {
            sums[9]++;
          }
          if (!line.contains("\"SparkListenerTaskEnd\"")) {
            continue;
          }
          JsonNode metrics = json.readTree(line).path("Task Metrics");
          sums[0]++;
          sums[1] += metrics.path("Input Metrics").path("Bytes Read").asLong();
          sums[2] += metrics.path("Input Metrics").path("Records Read").asLong();
          sums[3] += metrics.path("Shuffle Write Metrics").path("Shuffle Bytes Written").asLong();
          JsonNode read = metrics.path("Shuffle Read Metrics");
          sums[4] += read.path("Remote Bytes Read").asLong() + read.path("Local Bytes Read").asLong();
          sums[5] += metrics.path("Memory Bytes Spilled").asLong();
          sums[6] += metrics.path("Disk Bytes Spilled").asLong();
          sums[7] += metrics.path("Executor Run Time").asLong();
          sums[8] = Math.max(sums[8], metrics.path("Peak Execution Memory").asLong());
          sums[10] += metrics.path("Executor CPU Time").asLong();
        }
      }
    }
    return new EventLogSummary(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8],
        sums[9], sums[10]);
  }

  /** key=value lines for the bench script. */
  List<String> lines(String prefix) {
    return List.of(prefix + "stages=" + stages, prefix + "tasks=" + tasks, prefix + "input_bytes=" + inputBytes,
        prefix + "input_records=" + inputRecords, prefix + "shuffle_write_bytes=" + shuffleWriteBytes,
        prefix + "shuffle_read_bytes=" + shuffleReadBytes, prefix + "memory_spill_bytes=" + memorySpillBytes,
        prefix + "disk_spill_bytes=" + diskSpillBytes, prefix + "executor_run_seconds=" + executorRunMillis / 1000,
        prefix + "executor_cpu_seconds=" + executorCpuNanos / 1_000_000_000L,
        prefix + "peak_task_execution_memory_bytes=" + peakExecutionMemory);
  }
}
