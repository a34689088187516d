package org.liaisonprm.network;

import java.util.List;

import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.report.ReportResult;

/**
 * Everything the profile page shows of one physician, practice or facility.
 *
 * @param identity      label and value pairs: NPI, specialty, practice, affiliations, network, health system
 * @param sentByMonth   rows of month, service line, referrals sent (long format, for a stacked chart)
 * @param receivedByMonth rows of month, service line, referrals received
 * @param keptByMonth   rows of month, kept share of the referrals sent (physicians in or affiliated)
 * @param destinations  the busiest partners it sends to: id, name, network, referrals
 * @param sources       the busiest partners it receives from
 */
public record ProviderProfile(String id, NetworkPicture.Kind kind, String name, String network,
                              List<Fact> identity, long sent, long received, long kept, long leaked,
                              ReportResult sentByMonth, ReportResult receivedByMonth, ReportResult keptByMonth,
                              List<Partner> destinations, List<Partner> sources) {

    public record Fact(String label, String value) {
    }

    public record Partner(String id, String name, String detail, String network, long referrals) {
    }
}
