package org.liaisonprm.outreach;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.security.UserAccounts;

/**
 * Territories for administrators and managers: ZIP code lists (pasted), who covers them, and the map.
 */
@Route("territories")
@PageTitle("Territories · Liaison")
@Menu(order = 0.5, icon = "vaadin:map-marker", title = "Territories")
@RolesAllowed({"ADMIN", "MANAGER"})
class TerritoriesView extends VerticalLayout {

    private final Territories territories;
    private final MapData maps;
    private final Grid<Territory> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final TextArea zips = new TextArea("ZIP codes");
    private final MultiSelectComboBox<String> liaisons = new MultiSelectComboBox<>("Covered by");
    private final Span error = new Span();
    private final H3 heading = new H3();
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
    private final OutreachMap map = new OutreachMap();
    private Territory editing;

    TerritoriesView(Territories territories, MapData maps, UserAccounts users) {
        this.territories = territories;
        this.maps = maps;
        addClassName("territories-view");
        setWidthFull();

        var names = new java.util.HashMap<String, String>();
        users.all().forEach(u -> names.put(u.username(), u.displayName()));
        java.util.function.Function<Territory, String> coveredBy = t -> t.liaisons().isEmpty() ? "Nobody"
                : String.join(", ", t.liaisons().stream().map(u -> names.getOrDefault(u, u)).toList());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Territory::name).setHeader("Territory").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(coveredBy::apply).setHeader("Covered by").setAutoWidth(true);
        grid.addColumn(Territory::physicians).setHeader("Physicians").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> String.join(" ", t.zips())).setHeader("ZIP codes").setFlexGrow(1);
        var card = grid.addComponentColumn(t -> {
            var name = new Span(t.name());
            name.addClassName("goal-card-name");
            var who = new Span("Covered by " + coveredBy.apply(t) + " · " + "%,d physicians".formatted(t.physicians()));
            who.addClassName("target-detail");
            var zipCodes = new Span("ZIP " + String.join(" ", t.zips()));
            zipCodes.addClassName("territory-card-zips");
            var box = new com.vaadin.flow.component.html.Div(name, who, zipCodes);
            box.addClassName("goal-card");
            return box;
        }).setHeader("Territories").setFlexGrow(1);
        card.setVisible(false);
        org.liaisonprm.base.NarrowScreen.follow(this, narrow ->
                grid.getColumns().forEach(column -> column.setVisible(narrow == (column == card))));
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        grid.addClassName("territories-grid");

        zips.setPlaceholder("Paste 5-digit ZIP codes, separated by spaces, commas or new lines");
        zips.setHelperText("Or click practices on the map below to add or remove their ZIP code. A physician belongs "
                + "to every territory that holds their practice ZIP");
        liaisons.setItems(users.all().stream().filter(u -> u.enabled()).map(UserAccounts.UserAccount::username).toList());
        liaisons.setItemLabelGenerator(u -> names.getOrDefault(u, u));
        error.addClassName("territory-error");
        var save = new Button("Save", VaadinIcon.CHECK.create(), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("territory-save");
        var fresh = new Button("New territory", VaadinIcon.PLUS.create(), click -> grid.asSingleSelect().clear());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(click -> {
            var confirm = new ConfirmDialog("Delete " + editing.name() + "?",
                    "Its liaisons stop covering it; interactions and physicians stay.", "Delete", e -> {
                territories.delete(editing.id(), CurrentUser.current());
                refresh();
                grid.asSingleSelect().clear();
            });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        var form = new FormLayout(name, liaisons, zips);
        form.setColspan(zips, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        var editor = new VerticalLayout(heading, form, error, new HorizontalLayout(save, fresh, delete));
        editor.setPadding(false);
        editor.addClassName("territory-editor");

        map.setWidthFull();
        map.setHeight("420px");
        map.addPlaceClickListener(click -> pick(click.zip()));
        add(grid, editor, map);
        refresh();
        edit(null);
    }

    private void edit(Territory territory) {
        editing = territory;
        error.setText("");
        heading.setText(territory == null ? "New territory" : "Change " + territory.name());
        name.setValue(territory == null ? "" : territory.name());
        zips.setValue(territory == null ? "" : String.join(" ", territory.zips()));
        liaisons.setValue(territory == null ? java.util.Set.of() : new java.util.HashSet<>(territory.liaisons()));
        delete.setVisible(territory != null);
    }

    /** Adds a place's ZIP code to the territory being edited, or takes it out when it is there. */
    private void pick(String zip) {
        if (zip == null || zip.isBlank()) {
            return;
        }
        var codes = new java.util.ArrayList<>(java.util.Arrays.stream(zips.getValue().split("[\\s,;]+"))
                .filter(z -> !z.isBlank()).toList());
        if (!codes.remove(zip)) {
            codes.add(zip);
        }
        zips.setValue(String.join(" ", codes));
    }

    private void save() {
        try {
            var saved = territories.save(editing == null ? null : editing.id(), name.getValue(), zips.getValue(),
                    List.copyOf(liaisons.getValue()), CurrentUser.current());
            Notification.show(saved.name() + " saved: " + saved.zips().size() + " ZIP codes, " + saved.physicians()
                    + " physicians", 3000, Notification.Position.BOTTOM_START);
            refresh();
            grid.select(territories.visibleTo(CurrentUser.current()).stream().filter(t -> t.id().equals(saved.id()))
                    .findFirst().orElse(null));
        } catch (OutreachException e) {
            error.setText(e.getMessage());
        }
    }

    private void refresh() {
        var all = territories.visibleTo(CurrentUser.current());
        grid.setItems(all);
        map.show(maps.map(all, MapData.ColourBy.NETWORK, null));
    }
}
