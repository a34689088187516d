package org.liaisonprm.security;

import java.util.List;

import org.liaisonprm.base.CurrentUser;

/**
 * Something a user is given beside their roles, edited with the account on the Users page. A feature above
 * security contributes it as a bean (outreach: the territories a liaison covers), so that the account screens
 * need not know the features that give accounts their work.
 */
public interface UserAssignments {

    /** One thing that can be assigned: its stable id and the name a person reads. */
    record Choice(String id, String name) {
    }

    /** The field's label, e.g. "Territories covered". */
    String label();

    /** The field's element id, for tests and style sheets. */
    String fieldId();

    /** What the field's helper text says, given whether anything can be chosen. */
    String helperText(boolean anyChoices);

    /** What {@code by} may assign, in the order the field lists it. */
    List<Choice> choices(CurrentUser by);

    /** The ids currently assigned to {@code username}. */
    List<String> assignedTo(String username);

    /** Replaces what {@code username} is assigned with {@code ids}, as {@code by}; audited by the feature. */
    void assign(String username, List<String> ids, CurrentUser by);
}
