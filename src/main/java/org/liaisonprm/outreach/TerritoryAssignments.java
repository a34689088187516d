package org.liaisonprm.outreach;

import java.util.List;

import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.security.UserAssignments;
import org.springframework.stereotype.Component;

/** The territories a user covers, edited with the account on the Users page. */
@Component
class TerritoryAssignments implements UserAssignments {

    private final Territories territories;

    TerritoryAssignments(Territories territories) {
        this.territories = territories;
    }

    @Override
    public String label() {
        return "Territories covered";
    }

    @Override
    public String fieldId() {
        return "user-territories";
    }

    @Override
    public String helperText(boolean anyChoices) {
        return anyChoices ? "Liaisons see the targets and plans of these" : "No territories yet: create them on Territories";
    }

    @Override
    public List<Choice> choices(CurrentUser by) {
        return territories.visibleTo(by).stream().map(t -> new Choice(t.id(), t.name())).toList();
    }

    @Override
    public List<String> assignedTo(String username) {
        return territories.coveredBy(username).stream().map(Territory::id).toList();
    }

    @Override
    public void assign(String username, List<String> ids, CurrentUser by) {
        territories.assign(username, ids, by);
    }
}
