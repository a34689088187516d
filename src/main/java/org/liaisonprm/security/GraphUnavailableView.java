package org.liaisonprm.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.liaisonprm.graph.GraphUnavailableException;

/**
 * The page shown instead of a view that could not be opened because the graph store is away: what happened,
 * that nothing the user did is wrong, and a way to try again. It stands alone, without the main layout,
 * which itself may need the store.
 */
@AnonymousAllowed
public class GraphUnavailableView extends Div implements HasErrorParameter<GraphUnavailableException> {

    public GraphUnavailableView() {
        addClassName("graph-unavailable");
        getStyle().set("padding", "var(--lumo-space-l)").set("max-width", "40rem");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<GraphUnavailableException> parameter) {
        removeAll();
        String location = event.getLocation().getPathWithQueryParameters();
        add(new H2("The referral graph cannot be reached"),
                new Paragraph("Liaison's graph store is stopped or cannot be reached at the moment. Nothing you "
                        + "did is wrong and nothing was lost; Liaison connects again by itself as soon as the "
                        + "store is back."),
                new Anchor("/" + location, "Try again"));
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
