package org.liaisonprm.outreach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.report.ReportLibrary;
import org.liaisonprm.report.ReportResult;
import org.springframework.stereotype.Service;

/**
 * The home dashboards' figures that come from reports and rankings: what outreach did for referrals (the
 * {@code outreach-roi} report summed up) and a liaison's best targets. Reports run through the report
 * library, so each run is audited like any other.
 */
@Service
class OutreachFigures {

    /** Targets read from each territory, and how many of the best of them a liaison's home lists. */
    private static final int TARGETS_PER_TERRITORY = 5;
    private static final int TOP_TARGETS = 6;

    private final ReportLibrary reports;
    private final Targets targets;
    private final OutreachProperties properties;

    OutreachFigures(ReportLibrary reports, Targets targets, OutreachProperties properties) {
        this.reports = reports;
        this.targets = targets;
        this.properties = properties;
    }

    /**
     * The {@code outreach-roi} report summed over its physicians.
     *
     * @param window        days before and after a first contact that are compared
     * @param physicians    contacted physicians whose window after the first contact has ended in the data
     * @param keptEffect    their kept referrals against similar uncontacted physicians', summed
     * @param revenueEffect the same at the configured revenue per case
     */
    record Roi(int window, int physicians, double keptEffect, double revenueEffect) {

        /** Sums a run of the report, whose rows have {@code keptEffect} and {@code revenueEffect} columns. */
        static Roi of(int window, ReportResult result) {
            int effect = result.columns().indexOf("keptEffect");
            int revenue = result.columns().indexOf("revenueEffect");
            double kept = 0;
            double money = 0;
            for (var row : result.rows()) {
                kept += ((Number) row.get(effect)).doubleValue();
                money += ((Number) row.get(revenue)).doubleValue();
            }
            return new Roi(window, result.rows().size(), kept, money);
        }
    }

    /** The ROI over the configured window ({@code liaison.outreach.roi-window}), as the user may see it. */
    Roi roi(CurrentUser user) {
        var result = reports.run("outreach-roi", Map.of("window", properties.roiWindow()), user);
        return Roi.of(properties.roiWindow(), result);
    }

    /** The best targets of the territories a liaison covers, highest score first. */
    List<Target> topTargets(List<Territory> covered, CurrentUser user) {
        var top = new ArrayList<Target>();
        for (Territory t : covered) {
            top.addAll(targets.forTerritory(t.id(), new Targets.Filter(null, null, TARGETS_PER_TERRITORY), user));
        }
        top.sort(Comparator.comparingDouble(Target::score).reversed());
        return top.stream().limit(TOP_TARGETS).toList();
    }
}
