package uk.pophealth.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The start of a command line for a child JVM on the tests' classpath, with the module flags Spark needs. */
public final class ChildJvm {
  private ChildJvm() {}

  /** {@code java}, this JVM's --add-opens and reflection flags, the heap, then {@code jvmOptions}; add the class next. */
  public static List<String> command(String heap, List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("--add-opens") || argument.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || argument.startsWith("-Djdk.reflect")) {
        command.add(argument);
      }
    }
    command.add("-Xmx" + heap);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    return command;
  }
}
