package org.liaisonprm.importer;

/**
 * Published once an import has written its rows and the network membership and referral rollup are rebuilt;
 * never for a dry run or an import that wrote nothing. Features above the importer listen to refresh what they
 * derive from the graph.
 *
 * @param importId the {@code (:ImportRun)}'s id
 * @param format   the format's id, e.g. {@code nppes}
 * @param imported rows imported
 */
public record ImportFinished(String importId, String format, long imported) {
}
