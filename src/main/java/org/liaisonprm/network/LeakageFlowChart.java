package org.liaisonprm.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * The explorer's leakage flow view: a thin Java API over the Lit element in
 * {@code frontend/components/leakage-flow.ts}, which draws {@link LeakageFlows} as an Apache ECharts Sankey
 * diagram and says which band was clicked.
 */
@Tag("liaison-leakage-flow")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./components/leakage-flow.ts")
class LeakageFlowChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    void setFlows(LeakageFlows flows) {
        try {
            getElement().setProperty("flows", JSON.writeValueAsString(flows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the leakage flows", e);
        }
    }

    Registration addBandSelectListener(ComponentEventListener<BandSelectEvent> listener) {
        return addListener(BandSelectEvent.class, listener);
    }

    /** A click on a band: the referrals from one side to the other. */
    @DomEvent("band-select")
    public static class BandSelectEvent extends ComponentEvent<LeakageFlowChart> {
        private final String source;
        private final String target;

        public BandSelectEvent(LeakageFlowChart chart, boolean fromClient, @EventData("event.detail.source") String source,
                        @EventData("event.detail.target") String target) {
            super(chart, fromClient);
            this.source = source;
            this.target = target;
        }

        String source() {
            return source;
        }

        String target() {
            return target;
        }
    }
}
