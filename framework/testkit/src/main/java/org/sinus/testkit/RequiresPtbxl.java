package org.sinus.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class (or method) that reads the real PTB-XL data ({@link PtbxlFixture}). Without
 * the data every one of its tests is reported as skipped with the reason, in the test counts,
 * and nothing of the class runs (not even {@code @BeforeAll}); with
 * {@code -Dsinus.requireData=true} (CI) every one of them fails instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PtbxlCondition.class)
public @interface RequiresPtbxl {}
