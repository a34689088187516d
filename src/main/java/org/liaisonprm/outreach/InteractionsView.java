package org.liaisonprm.outreach;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.NarrowScreen;
import org.liaisonprm.base.NetworkPicture;
import org.liaisonprm.physician.ProviderMatch;
import org.liaisonprm.physician.ProviderSearch;
import org.liaisonprm.security.UserAccounts;

/**
 * Interactions: a liaison's own, the team's for managers and administrators; filters by type, reach, user,
 * dates and territory; log a new one (search a physician or practice) and change one's own.
 */
@Route("interactions")
@PageTitle("Interactions · Liaison")
@Menu(order = 0.4, icon = "vaadin:comments-o", title = "Interactions")
@RolesAllowed({"ADMIN", "MANAGER", "LIAISON"})
class InteractionsView extends VerticalLayout {

    private final Interactions interactions;
    private final Tasks tasks;
    private final Select<InteractionType> type = new Select<>();
    private final Select<Reached> reached = new Select<>();
    private final Select<String> user = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("Until (inclusive)");
    private final Select<Territory> territory = new Select<>();
    private final Grid<Interaction> grid = new Grid<>();
    private final Span summary = new Span();

    InteractionsView(Interactions interactions, Tasks tasks, Territories territories, UserAccounts users,
                     ProviderSearch providers) {
        this.interactions = interactions;
        this.tasks = tasks;
        addClassName("interactions-view");
        setSizeFull();
        var me = CurrentUser.current();

        type.setLabel("Type");
        type.setItems(InteractionType.values());
        type.setItemLabelGenerator(t -> t == null ? "All types" : t.label());
        type.setEmptySelectionAllowed(true);
        reached.setLabel("Reached");
        reached.setItems(Reached.values());
        reached.setItemLabelGenerator(r -> r == null ? "Anyone" : r.label());
        reached.setEmptySelectionAllowed(true);
        user.setLabel("Liaison");
        user.setEmptySelectionAllowed(true);
        user.setEmptySelectionCaption("Everyone");
        var names = new java.util.HashMap<String, String>();
        users.all().forEach(u -> names.put(u.username(), u.displayName()));
        user.setItems(users.all().stream().map(UserAccounts.UserAccount::username).toList());
        user.setItemLabelGenerator(u -> u == null ? "Everyone" : names.getOrDefault(u, u));
        user.setVisible(me.seesTeam());
        from.setValue(LocalDate.now().minusDays(90));
        territory.setLabel("Territory");
        territory.setItems(territories.visibleTo(me));
        territory.setItemLabelGenerator(t -> t == null ? "All territories" : t.name());
        territory.setEmptySelectionAllowed(true);
        for (var field : List.of(type, reached, user, territory)) {
            field.addValueChangeListener(e -> refresh());
        }
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        var target = new ComboBox<ProviderMatch>("Log an interaction with");
        target.setPlaceholder("Search a physician or practice");
        target.setItems(query -> providers.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream()
                .filter(m -> m.kind() != NetworkPicture.Kind.FACILITY));
        target.setItemLabelGenerator(m -> m.name() + (m.city() == null ? "" : " · " + m.city()));
        target.addClassName("interactions-target");
        target.setWidth("min(24rem, 100%)");
        target.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                new InteractionDialog(interactions, e.getValue().id(), e.getValue().name(), null, saved -> refresh()).open();
                target.clear();
            }
        });
        summary.addClassName("report-summary");
        var filters = new HorizontalLayout(type, reached, user, territory, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.addClassName("interactions-filters");
        var filterPanel = new com.vaadin.flow.component.details.Details("Filters", filters);
        filterPanel.addClassName("interactions-filter-panel");
        filterPanel.setOpened(true);

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Interaction::date).setHeader("Date").setAutoWidth(true).setFlexGrow(0).setSortable(true);
        grid.addColumn(Interaction::userName).setHeader("Liaison").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(i -> {
            var link = new Anchor((i.targetKind().equals("Practice") ? "practices/" : "physicians/") + i.targetId(),
                    i.targetName() == null ? i.targetId() : i.targetName());
            link.getElement().setAttribute("router-link", true);
            return link;
        }).setHeader("With").setFlexGrow(1);
        grid.addColumn(i -> i.type().label()).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.reached().label()).setHeader("Reached").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.durationMinutes() == null ? "" : i.durationMinutes() + " min").setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.followUpDate() == null ? "" : i.followUpDate().toString()).setHeader("Follow up").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.outcome() == null ? "" : i.outcome()).setHeader("Outcome").setFlexGrow(1);
        grid.addColumn(i -> i.notes() == null ? "" : i.notes()).setHeader("Notes").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        var card = grid.addComponentColumn(this::card).setHeader("Interactions").setFlexGrow(1);
        card.setVisible(false);
        grid.setSizeFull();
        grid.addClassName("interactions-grid");
        add(target, filterPanel, summary, grid);
        setFlexGrow(1, grid);
        NarrowScreen.follow(this, narrow -> {
            grid.getColumns().forEach(column -> column.setVisible(narrow == (column == card)));
            filterPanel.setOpened(!narrow);
        });
        refresh();
    }

    /** On a phone an interaction is one card: when, with whom, how, what came of it, and its buttons. */
    private Component card(Interaction i) {
        var link = new Anchor((i.targetKind().equals("Practice") ? "practices/" : "physicians/") + i.targetId(),
                i.targetName() == null ? i.targetId() : i.targetName());
        link.getElement().setAttribute("router-link", true);
        link.addClassName("interaction-card-with");
        var head = new Div(new Span(i.date().toString()), link);
        head.addClassName("interaction-card-head");
        var how = new Span(i.type().label() + " · reached " + i.reached().label().toLowerCase(java.util.Locale.ROOT)
                + (i.durationMinutes() == null ? "" : " · " + i.durationMinutes() + " min")
                + (CurrentUser.current().seesTeam() ? " · " + i.userName() : ""));
        how.addClassName("target-detail");
        var card = new Div(head, how);
        card.addClassName("interaction-card");
        if (i.outcome() != null && !i.outcome().isBlank()) {
            card.add(new Paragraph("Outcome: " + i.outcome()));
        }
        if (i.notes() != null && !i.notes().isBlank()) {
            var notes = new Paragraph(i.notes());
            notes.addClassName("interaction-card-notes");
            card.add(notes);
        }
        if (i.followUpDate() != null) {
            card.add(new Paragraph("Follow up by " + i.followUpDate()));
        }
        card.add(actions(i));
        return card;
    }

    private Div actions(Interaction i) {
        var edit = new Button(VaadinIcon.EDIT.create(), click -> new InteractionDialog(interactions, i.targetId(),
                i.targetName(), i, saved -> refresh()).open());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        edit.setAriaLabel("Change");
        edit.addClassName("interaction-edit");
        edit.setVisible(Interactions.mayChange(i, CurrentUser.current()));
        var task = new Button(VaadinIcon.TASKS.create(), click -> TaskDialog.fromInteraction(tasks, i,
                saved -> Notification.show("The task is on your list under Tasks")).open());
        task.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        task.setAriaLabel("Make a follow-up task");
        task.setTooltipText("Make a follow-up task");
        task.addClassName("interaction-task");
        var actions = new Div(edit, task);
        actions.addClassName("interaction-actions");
        return actions;
    }

    private void refresh() {
        var filter = new Interactions.Filter(type.getValue(), reached.getValue(), user.getValue(), from.getValue(),
                to.getValue() == null ? null : to.getValue().plusDays(1),
                territory.getValue() == null ? null : territory.getValue().id(), null);
        var found = interactions.find(filter, CurrentUser.current(), 2_000);
        grid.setItems(found);
        summary.setText(found.size() == 2_000 ? "the newest 2,000 interactions" : found.size() + " interactions");
    }
}
