package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One contact with a physician or practice: {@code (:User)-[:LOGGED]->(:Interaction)-[:WITH]->(target)}.
 *
 * @param username   who logged it
 * @param targetKind {@code Physician} or {@code Practice}
 */
public record Interaction(String id, InteractionType type, LocalDate date, Reached reached, Integer durationMinutes,
                          String notes, String outcome, LocalDate followUpDate, String username, String userName,
                          String targetId,
                          String targetName, String targetKind, ZonedDateTime loggedAt) {
}
