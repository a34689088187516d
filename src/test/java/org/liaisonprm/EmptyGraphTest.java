package org.liaisonprm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a real embedded store without the demo region, for tests that build small graphs
 * with known answers. Test classes with this annotation share one application context; each test clears
 * the providers it needs with {@link GraphFixtures#clear}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "liaison.demo.enabled=false")
@ActiveProfiles("test")
public @interface EmptyGraphTest {
}
