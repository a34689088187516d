package org.liaisonprm.outreach;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * An early warning with the reason a person can check and the figures behind it:
 * {@code (:Alert {id, key, kind, status, title, reason, details, zips, owner, raisedAt})-[:ABOUT]->(physician or practice)}.
 *
 * @param physicianId   the physician (or, for a follow-up with an office, the practice) it is about
 * @param targetKind    {@code Physician} or {@code Practice}
 * @param figures       the figures behind the reason, labelled
 * @param referrers     for {@link AlertKind#NETWORK_AT_RISK}: the referrers whose referrals are at risk, largest
 *                      first; empty otherwise
 * @param recipients    the user names it goes to: its owner, or the liaisons covering a territory it touches
 * @param closedBy      who dismissed it or made a task of it
 * @param dismissReason why it was dismissed
 * @param taskId        the task made from it
 */
public record Alert(String id, AlertKind kind, AlertStatus status, String physicianId, String targetName,
                    String targetKind, String title, String reason, List<Figure> figures, List<Referrer> referrers,
                    List<String> recipients, ZonedDateTime raisedAt, String closedBy, String dismissReason,
                    String taskId) {

    /** One figure behind an alert, e.g. "Kept referrals, last 3 months" · "9". */
    public record Figure(String label, String value) {
    }

    /** A referrer whose referrals are at risk, with the referrals and the revenue they stand for. */
    public record Referrer(String physicianId, String name, long referrals, double revenue) {
    }
}
