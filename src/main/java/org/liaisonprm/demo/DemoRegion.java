package org.liaisonprm.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * A generated region, ready to be written to the graph. Pure data: the same seed gives equal regions.
 */
public record DemoRegion(
        List<HealthSystemRow> healthSystems,
        List<FacilityRow> facilities,
        List<PracticeRow> practices,
        List<PhysicianRow> physicians,
        List<PayerRow> payers,
        List<ReferralRow> referrals,
        Planted planted) {

    public record HealthSystemRow(String id, String name, boolean home) {
    }

    public record FacilityRow(String id, String name, String type, String address, String city, String state,
                              String zip, double lat, double lon, int beds, String healthSystemId) {
    }

    public record PracticeRow(String id, String name, String npi, String address, String city, String state,
                              String zip, double lat, double lon, String healthSystemId) {
    }

    public record PhysicianRow(String id, String npi, String firstName, String lastName, String credential,
                               String specialty, String taxonomyCode, String serviceLine, String sex,
                               String address, String city, String state, String zip, double lat, double lon,
                               String practiceId, String employerId, List<String> affiliatedFacilityIds) {

        public String name() {
            return firstName + " " + lastName + ", " + credential;
        }
    }

    public record PayerRow(String id, String name, String type) {
    }

    /** One month of referrals from a physician to a physician or facility in one service line. */
    public record ReferralRow(String sourceId, String targetId, boolean targetIsFacility, LocalDate periodStart,
                              String serviceLine, int referrals, int patients, int commercial, int medicare,
                              int medicaid, int selfPay) {

        public LocalDate periodEnd() {
            return periodStart.plusMonths(1);
        }
    }

    /**
     * The patterns planted for reports to find (docs/demo-data.md).
     *
     * @param orthopedicSplitterIds in-network primary-care physicians who send about half their orthopedic
     *                              referrals to a competitor's orthopedic group
     * @param competitorOrthoGroupId the practice receiving those referrals
     * @param chainLeakageBrokerId  the independent cardiologist through whom in-network referrals flow on to
     *                              a competitor hospital
     * @param brokerHospitalId      that competitor hospital
     * @param collapsedReferrerId   an in-network physician whose kept referrals collapsed in the last quarter
     * @param communityIds          physicians who refer almost only among themselves
     */
    public record Planted(List<String> orthopedicSplitterIds, String competitorOrthoGroupId,
                          String chainLeakageBrokerId, String brokerHospitalId, String collapsedReferrerId,
                          List<String> communityIds) {
    }
}
