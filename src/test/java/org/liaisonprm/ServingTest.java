package org.liaisonprm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application served on a free port, without the demo region, with answers reused as in production
 * ({@code liaison.cache.enabled}; the test profile switches it off because fixtures write straight through
 * the driver, past the graph version) and one slot for heavy queries. Test classes with this annotation
 * share one application context. A fixture written through the driver is seen by a reused answer only once
 * the application itself has written something.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liaison.demo.enabled=false", "liaison.cache.enabled=true", "liaison.reports.heavy-runs=1"})
@ActiveProfiles("test")
public @interface ServingTest {
}
