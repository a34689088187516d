package org.liaisonprm.outreach;

import java.time.LocalDate;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.liaisonprm.base.CurrentUser;

/**
 * The territory map: the user's territories (all of them for managers), their practices coloured by loyalty
 * segment or network, the facilities their physicians use, and this week's route.
 */
@Route("map")
@PageTitle("Map · Liaison")
@Menu(order = 0.35, icon = "vaadin:globe", title = "Map")
@RolesAllowed({"ADMIN", "MANAGER", "LIAISON"})
class MapView extends VerticalLayout {

    MapView(Territories territories, VisitPlans plans, MapData maps) {
        addClassName("map-view");
        setSizeFull();
        var user = CurrentUser.current();
        var colour = new RadioButtonGroup<MapData.ColourBy>("Colour practices by");
        colour.setItems(MapData.ColourBy.values());
        colour.setItemLabelGenerator(c -> c == MapData.ColourBy.SEGMENT ? "Loyalty segment" : "Network");
        colour.setValue(MapData.ColourBy.SEGMENT);
        var note = new Span();
        note.addClassName("report-summary");
        var map = new OutreachMap();
        map.setWidthFull();
        map.addClassName("map-full");
        map.addPlaceClickListener(click -> getUI().ifPresent(ui -> ui.navigate(click.link())));
        var plan = plans.planFor(user, LocalDate.now());
        var visible = territories.visibleTo(user);
        Runnable draw = () -> map.show(maps.map(visible, colour.getValue(), MapData.route(plan)));
        colour.addValueChangeListener(e -> draw.run());
        note.setText(visible.size() + (visible.size() == 1 ? " territory" : " territories") + " · this week's route: "
                + plan.stops().size() + " visits");
        var top = new HorizontalLayout(colour, note);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.getStyle().set("flex-wrap", "wrap");
        add(top, map);
        setFlexGrow(1, map);
        draw.run();
    }
}
