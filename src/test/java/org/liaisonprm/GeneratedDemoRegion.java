package org.liaisonprm;

import org.liaisonprm.demo.DemoProperties;
import org.liaisonprm.demo.DemoRegion;
import org.liaisonprm.demo.DemoRegionGenerator;

/**
 * The demo region as the test application generates it, in memory, for tests that work out expected answers
 * from it: generated once per test run, however many test classes ask.
 */
public final class GeneratedDemoRegion {

    private static DemoRegion region;

    private GeneratedDemoRegion() {
    }

    public static synchronized DemoRegion of(DemoProperties demo) {
        if (region == null) {
            region = new DemoRegionGenerator(demo.seed(), demo.physicians(), demo.lastMonthOrDefault()).generate();
        }
        return region;
    }
}
