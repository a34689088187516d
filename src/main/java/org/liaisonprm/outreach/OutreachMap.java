package org.liaisonprm.outreach;

import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The outreach map (frontend/components/outreach-map.ts): Leaflet over packaged US state and county
 * outlines, with territories, practices and facilities, and a week's route. Works with no network.
 */
@Tag("liaison-outreach-map")
@NpmPackage(value = "leaflet", version = "1.9.4")
@NpmPackage(value = "us-atlas", version = "3.0.1")
@NpmPackage(value = "topojson-client", version = "3.1.0")
@NpmPackage(value = "zipcodes", version = "8.0.0")
@JsModule("./components/outreach-map.ts")
public class OutreachMap extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * Names and details are plain text. The map shows only the tooltips as HTML (Leaflet sets them as
     * markup), and MapData builds those with every name escaped; the element never turns a name into HTML.
     */

    /** A place on the map; lat/lon null puts it at its ZIP code's centre. */
    public record Place(String id, String name, String kind, Double lat, Double lon, String zip, String color,
                        String detail, String link, String tooltip) {
    }

    public record TerritoryShape(String id, String name, String color, List<String> zips, List<double[]> points,
                                 String tooltip) {
    }

    public record RouteStop(int order, String name, double lat, double lon, boolean done, String tooltip) {
    }

    public record Route(double[] start, List<RouteStop> stops) {
    }

    public record LegendItem(String label, String color) {
    }

    public record Data(String tileUrl, List<Place> places, List<TerritoryShape> territories, Route route,
                       List<LegendItem> legend) {
    }

    public void show(Data data) {
        try {
            getElement().setProperty("data", JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A click on a place: its id, its profile's path and its ZIP code. */
    public record PlaceClick(String id, String link, String zip) {
    }

    public void addPlaceClickListener(Consumer<PlaceClick> listener) {
        getElement().addEventListener("place-click", e -> listener.accept(new PlaceClick(
                        e.getEventData().getString("event.detail.id"), e.getEventData().getString("event.detail.link"),
                        e.getEventData().hasKey("event.detail.zip") ? e.getEventData().getString("event.detail.zip") : null)))
                .addEventData("event.detail.id").addEventData("event.detail.link").addEventData("event.detail.zip");
    }
}
