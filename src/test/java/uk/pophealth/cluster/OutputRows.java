package uk.pophealth.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import uk.pophealth.testing.SharedSpark;

/**
 * Compares two output folders by their rows, never by file names: the same tables (sub-folders not starting with
 * {@code _} or {@code .}) and, per table, the same schema and the same multiset of rows (order-free). Parquet tables are read as
 * Parquet (partition folders become columns); CSV tables (the generator's) are read with their header as strings,
 * so the text of every value is compared and no schema is inferred.
 */
final class OutputRows {
  private OutputRows() {}

  static void assertSameRows(Path expected, Path actual) {
    List<String> tables = tables(expected);
    assertFalse(tables.isEmpty(), "no output tables in " + expected);
    assertEquals(tables, tables(actual), "tables in " + actual);
    for (String table : tables) {
      Dataset<Row> want = read(expected.resolve(table));
      Dataset<Row> got = read(actual.resolve(table));
      assertEquals(want.schema(), got.schema(), "schema of " + table + " in " + actual);
      assertEquals(sortedRows(want), sortedRows(got), "rows of " + table + " in " + actual);
    }
    for (String file : files(expected)) {
      assertEquals(Processes.read(expected.resolve(file)), Processes.read(actual.resolve(file)), file + " in " + actual);
    }
  }

  /**
   * Data files beside the tables (the generator's truth.json and job.yaml); not hidden ones like the run manifest,
   * nor the HTML report, which is drawn from the compared tables and names its run id, time and output path.
   */
  static List<String> files(Path out) {
    return visibleChildren(out, Files::isRegularFile).stream()
        .filter(name -> name.endsWith(".json") || name.endsWith(".yaml")).toList();
  }

  /** Names of the children Spark readers see (not starting with _ or .), sorted. */
  private static List<String> visibleChildren(Path dir, java.util.function.Predicate<Path> kind) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(kind).map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("_") && !name.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows as text, sorted: a multiset comparison with a readable diff. Outputs of the sample are aggregates
   * (small), and this is test code, so they are collected.
   */
  static List<String> sortedRows(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  static List<String> tables(Path out) {
    return visibleChildren(out, Files::isDirectory);
  }

  static Dataset<Row> read(Path table) {
    return SharedSpark.spark().read().parquet(table.toString());
  }

  /**
   * Folders of a publish in progress or interrupted anywhere under the output: the publish layer's
   * {@code _staging/}, {@code _trash-*}, Spark's {@code _temporary}.
   */
  static List<Path> leftovers(Path out) {
    try (Stream<Path> all = Files.walk(out)) {
      return all.filter(Files::isDirectory).filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith("_staging") || name.startsWith("_trash") || name.startsWith("_temporary");
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof java.nio.file.NoSuchFileException) {
        return List.of(); // a folder vanished while walking: a write in progress moved on; the caller polls again
      }
      throw e;
    }
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path source : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
