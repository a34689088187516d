package org.liaisonprm.outreach;

import java.time.LocalDate;

/**
 * What a user enters to log or change an interaction; {@link Interactions} checks it.
 *
 * @param targetId the physician's (or practice's) id, e.g. its NPI
 */
public record InteractionDraft(String targetId, InteractionType type, LocalDate date, Reached reached,
                               Integer durationMinutes, String notes, String outcome, LocalDate followUpDate) {
}
