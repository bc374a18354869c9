package org.sinus.testkit;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Decides, test by test, whether a {@link RequiresPtbxl} test runs: with the data it does; without
 * it, each test is disabled with the reason (so each is counted as skipped) and the class's
 * {@code @BeforeAll} and {@code @AfterAll} methods are not called (a class aborted in
 * {@code @BeforeAll} would report no test at all); when the data is required, everything runs
 * and fails in {@link PtbxlFixture#require()}.
 */
final class PtbxlCondition implements ExecutionCondition, InvocationInterceptor {
  /** Whether this JVM has said once, on standard error, why tests are skipped. */
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String skip = skip();
    if (skip != null && TOLD.compareAndSet(false, true)) {
      System.err.println("[sinus] " + skip);
    }
    if (skip == null || context.getTestMethod().isEmpty()) {
      return ConditionEvaluationResult.enabled(skip == null ? "PTB-XL data found" : "each test decides");
    }
    return ConditionEvaluationResult.disabled(skip);
  }

  @Override
  public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                       ExtensionContext context) throws Throwable {
    proceedUnlessSkipped(invocation);
  }

  @Override
  public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                      ExtensionContext context) throws Throwable {
    proceedUnlessSkipped(invocation);
  }

  private static void proceedUnlessSkipped(Invocation<Void> invocation) throws Throwable {
    if (skip() == null) {
      invocation.proceed();
    } else {
      invocation.skip();
    }
  }

  /** Why the tests are skipped, or null when they run (the data is there, or it is required). */
  private static String skip() {
    return PtbxlFixture.required() ? null : PtbxlFixture.skipMessage();
  }
}
