package org.liaisonprm.outreach;

import java.time.LocalDate;

/**
 * What a person enters for a task; on a change, null fields keep their value.
 *
 * @param physicianId the physician's or practice's id (fixed once created)
 */
public record TaskDraft(String physicianId, String title, LocalDate due, String notes, TaskStatus status) {
}
