package gdkit.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Layering rules of the module, checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("gdkit");

    @Test
    void theModuleIsImported() {
        // the rules below would pass vacuously on an empty import
        assertTrue(MODULE.contain("gdkit.train.Trainer") && MODULE.contain("gdkit.util.Args"));
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("gdkit.(**)").should().beFreeOfCycles().check(MODULE);
    }

    @Test
    void utilIsTheBottomPackage() {
        noClasses().that().resideInAPackage("gdkit.util..")
                .should().dependOnClassesThat(resideInAPackage("gdkit..").and(not(resideInAPackage("gdkit.util.."))))
                .because("every package may use gdkit.util, so it may use none of them")
                .check(MODULE);
    }
}
