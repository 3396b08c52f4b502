package uk.pophealth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No method or constructor in the product's own code takes more than {@value #MAX_PARAMETERS} parameters: values
 * that travel together are one record (issue 25). A record's canonical constructor is exempt (its components are the
 * record), as is what the compiler writes (bridge and synthetic methods, lambda bodies).
 */
class MethodParametersTest {
  private static final int MAX_PARAMETERS = 6;

  @Test
  void noMethodTakesMoreThanSixParameters() {
    Set<String> over = new TreeSet<>();
    for (JavaClass owner : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("uk.pophealth")) {
      for (JavaCodeUnit unit : owner.getCodeUnits()) {
        if (counts(owner, unit) && declaredParameters(owner, unit) > MAX_PARAMETERS) {
          over.add(unit.getFullName());
        }
      }
    }
    assertEquals(Set.of(), over, "methods and constructors with more than " + MAX_PARAMETERS + " parameters: "
        + "group the values that travel together into a record");
  }

  /** Written by hand: not compiler-made, not an anonymous class's constructor, not a record's canonical one. */
  private static boolean counts(JavaClass owner, JavaCodeUnit unit) {
    Set<JavaModifier> modifiers = unit.getModifiers();
    if (modifiers.contains(JavaModifier.SYNTHETIC) || modifiers.contains(JavaModifier.BRIDGE)
        || unit.getName().startsWith("lambda$")) {
      return false;
    }
    if (!unit.isConstructor()) {
      return true;
    }
    return !owner.isAnonymousClass() && !owner.isLocalClass() && !(owner.isRecord() && isCanonical(owner, unit));
  }

  private static boolean isCanonical(JavaClass record, JavaCodeUnit constructor) {
    List<String> components = Arrays.stream(record.reflect().getRecordComponents()).map(RecordComponent::getType)
        .map(Class::getName).toList();
    return constructor.getRawParameterTypes().stream().map(JavaClass::getName).toList().equals(components);
  }

  /**
   * The parameters as written: the bytecode adds the enclosing instance to an inner class's constructors and the
   * name and ordinal to an enum's.
   */
  private static int declaredParameters(JavaClass owner, JavaCodeUnit unit) {
    int raw = unit.getRawParameterTypes().size();
    if (!unit.isConstructor()) {
      return raw;
    }
    if (owner.isEnum()) {
      return raw - 2;
    }
    return owner.isInnerClass() ? raw - 1 : raw;
  }
}
