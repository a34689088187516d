package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * A follow-up or an issue an office raised:
 * {@code (:User)-[:OWNS]->(:Task {id, title, notes, due, status, alertId, createdAt, createdBy, closedAt})-[:ABOUT]->(physician or practice)}.
 *
 * @param physicianId     the physician's or practice's id
 * @param targetKind      {@code Physician} or {@code Practice}
 * @param alertId         the alert it was made from, or null
 * @param daysOutstanding days from its creation to today, or to the day it was done
 * @param overdue         not done and due before today
 */
public record Task(String id, String title, String notes, LocalDate due, TaskStatus status, String owner,
                   String ownerName, String physicianId, String targetName, String targetKind, String alertId,
                   ZonedDateTime createdAt, String createdBy, ZonedDateTime closedAt, long daysOutstanding,
                   boolean overdue) {
}
