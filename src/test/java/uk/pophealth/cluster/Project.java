package uk.pophealth.cluster;

import java.nio.file.Path;

/** Where the project is (Maven passes pophealth.basedir; else the working directory) and its scripts. */
final class Project {
  private Project() {}

  static Path root() {
    return Path.of(System.getProperty("pophealth.basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  static String script(String name) {
    return root().resolve("scripts").resolve(name).toString();
  }

  /** A fresh folder under target/ for one test's runs (target/ is already ignored by git and cleaned by Maven). */
  static Path workDir(String name) {
    return root().resolve("target").resolve("it").resolve(name);
  }
}
