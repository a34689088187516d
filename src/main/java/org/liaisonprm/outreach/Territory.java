package org.liaisonprm.outreach;

import java.util.List;

/**
 * A liaison territory: a set of 5-digit ZIP codes. A physician belongs to every territory whose ZIP codes
 * contain its practice ZIP.
 *
 * @param liaisons   user names of the users who cover it
 * @param physicians physicians whose ZIP lies in it
 */
public record Territory(String id, String name, List<String> zips, List<String> liaisons, long physicians) {
}
