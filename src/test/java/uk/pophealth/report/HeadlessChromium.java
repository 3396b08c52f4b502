package uk.pophealth.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Drives Debian's headless Chromium for the browser tests: every call starts a fresh browser with its own
 * profile, no network chatter and console logging to stderr, and waits at most two minutes.
 */
final class HeadlessChromium {
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--enable-logging=stderr", "--v=0");
  private static final long TIMEOUT_SECONDS = 120;

  private final Path executable;
  private final Path workDirectory;
  private int runs;

  private HeadlessChromium(Path executable, Path workDirectory) {
    this.executable = executable;
    this.workDirectory = workDirectory;
  }

  /**
   * Chromium from /usr/bin or the PATH, or empty when it is not installed. The system property
   * {@code pophealth.chromium} names the one executable to use instead (e.g. a missing one, to see the skip).
   */
  static Optional<HeadlessChromium> find(Path workDirectory) {
    String chosen = System.getProperty("pophealth.chromium");
    if (chosen != null) {
      return Files.isExecutable(Path.of(chosen)) ? Optional.of(new HeadlessChromium(Path.of(chosen), workDirectory))
          : Optional.empty();
    }
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "chromium"));
        candidates.add(Path.of(dir, "chromium-browser"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst()
        .map(path -> new HeadlessChromium(path, workDirectory));
  }

  /** What one browser run printed: the DOM or nothing on stdout, its log on stderr. */
  record Output(String stdout, String stderr) {
    /** The page's console messages (any console output at all, errors and uncaught exceptions included). */
    List<String> consoleMessages() {
      return stderr.lines().filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught")).toList();
    }
  }

  Output dumpDom(Path page) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", page.toUri().toString()));
  }

  Output screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    return run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(),
        "--window-size=" + width + "," + height, page.toUri().toString()));
  }

  private Output run(List<String> arguments) throws IOException, InterruptedException {
    runs++;
    Path profile = Files.createDirectories(workDirectory.resolve("profile-" + runs));
    Path stdout = workDirectory.resolve("stdout-" + runs + ".txt");
    Path stderr = workDirectory.resolve("stderr-" + runs + ".txt");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile.toAbsolutePath());
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).directory(workDirectory.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError("Chromium exited " + process.exitValue() + ": " + command + "\n" + err);
    }
    return new Output(Files.readString(stdout, StandardCharsets.UTF_8), err);
  }
}
