package org.twittner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The component layering (docs/architecture.md): components depend downwards only, never in a
 * circle, and never on another component's boundary. Each component's package-info.java
 * repeats its line of {@link #ALLOWED}; a new component adds its line here first.
 */
@AnalyzeClasses(packages = "org.twittner", importOptions = ImportOption.DoNotIncludeTests.class)
class ComponentGraphTest {

    /** What each component may use besides platform (which everything may use). */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("platform", Set.of());
        ALLOWED.put("media", Set.of());
        ALLOWED.put("user", Set.of("media"));
        ALLOWED.put("session", Set.of("user"));
        ALLOWED.put("account", Set.of("user", "session", "media"));
        ALLOWED.put("social", Set.of("user"));
        ALLOWED.put("profile", Set.of("user", "social", "media"));
        ALLOWED.put("post", Set.of("user", "social", "media"));
        ALLOWED.put("engagement", Set.of("user", "social", "post"));
        ALLOWED.put("feed", Set.of("user", "social", "post"));
        ALLOWED.put("search", Set.of("user", "social", "post"));
        ALLOWED.put("swift", Set.of("user", "social", "media"));
        ALLOWED.put("message", Set.of("user", "social", "media"));
        ALLOWED.put("notification", Set.of("user", "session", "media", "post", "social", "engagement", "message"));
    }

    @ArchTest
    static final ArchRule componentsDoNotImportInCircles =
            slices().matching("org.twittner.(*)..").should().beFreeOfCycles();

    /** Boundaries talk to controls, not to each other; media's upload bases are the shared boundary classes. */
    @ArchTest
    static final ArchRule boundariesDoNotCallEachOther =
            slices().matching("org.twittner.(*).boundary..").should().notDependOnEachOther()
                    .ignoreDependency(
                            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                                    org.twittner.media.boundary.MediaUploadServlet.class)
                                    .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                                            org.twittner.media.boundary.ImageOrVideoUploadServlet.class)));

    /** One rule per component, so that a failure names the component and what it may use. */
    @ArchTest
    static void componentsUseOnlyWhatTheLayeringAllows(JavaClasses classes) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Set<String>> component : ALLOWED.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : ALLOWED.keySet()) {
                boolean allowed = other.equals(component.getKey()) || other.equals("platform")
                        || component.getValue().contains(other);
                if (!allowed) {
                    forbidden.add("org.twittner." + other + "..");
                }
            }
            EvaluationResult result = noClasses().that().resideInAPackage("org.twittner." + component.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .allowEmptyShould(true)
                    .evaluate(classes);
            if (result.hasViolation()) {
                failures.add(component.getKey() + " may use only " + component.getValue() + " and platform, but:\n  "
                        + String.join("\n  ", result.getFailureReport().getDetails()));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    /**
     * A component that keeps users' files takes part in deleting an account (delete_account
     * must leave no file behind), so that a component added later cannot forget it.
     */
    @ArchTest
    static void componentsThatKeepFilesTakePartInAccountDeletion(JavaClasses classes) {
        List<String> missing = new ArrayList<>();
        for (String component : ALLOWED.keySet()) {
            String pkg = "org.twittner." + component;
            boolean keepsFiles = classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg + ".")
                    && c.isAssignableTo(org.twittner.media.control.MediaReferences.class) && !c.isInterface());
            boolean erases = classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg + ".")
                    && c.isAssignableTo(org.twittner.user.control.AccountErasure.class) && !c.isInterface());
            if (keepsFiles && !erases) {
                missing.add(component);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("components with MediaReferences but no AccountErasure: " + missing);
        }
    }

    /** Every top-level package is a component the map knows. */
    @ArchTest
    static final ArchRule noUnknownComponent = noClasses()
            .should().resideOutsideOfPackages(ALLOWED.keySet().stream().map(c -> "org.twittner." + c + "..")
                    .toArray(String[]::new))
            .because("a new component gets its line in ComponentGraphTest.ALLOWED and a package-info.java");
}
