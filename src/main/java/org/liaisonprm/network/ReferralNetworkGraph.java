package org.liaisonprm.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
 * The referral network drawn by Cytoscape.js: a thin Java API over the Lit element in
 * {@code frontend/components/referral-network.ts}, which owns Cytoscape's lifecycle.
 * <p>
 * After every render the element sets {@code data-node-count} and {@code data-edge-count}.
 */
@Tag("liaison-referral-network")
@NpmPackage(value = "cytoscape", version = "3.35.0")
@NpmPackage(value = "cytoscape-fcose", version = "2.2.0")
@JsModule("./components/referral-network.ts")
public class ReferralNetworkGraph extends Component implements HasSize {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /** Draws this picture, replacing what was shown. */
    public void setPicture(NetworkPicture picture) {
        try {
            getElement().setProperty("picture", JSON.writeValueAsString(picture));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the network picture", e);
        }
    }

    /** How nodes are coloured: network, system (health system) or community. */
    public void setColorBy(String colorBy) {
        getElement().setProperty("colorBy", colorBy);
    }

    /** concentric (around the focus, by volume), force or hierarchy. */
    public void setLayout(String layout) {
        getElement().setProperty("layoutName", layout);
    }

    /** Makes the browser download the picture as a PNG file. */
    public void exportPng(String fileName) {
        getElement().callJsFunction("exportPng", fileName);
    }

    /** A click on a node. */
    public Registration addNodeSelectListener(ComponentEventListener<NodeSelectEvent> listener) {
        return addListener(NodeSelectEvent.class, listener);
    }

    /** A double click on a node: the user wants it as the new focus. */
    public Registration addNodeFocusListener(ComponentEventListener<NodeFocusEvent> listener) {
        return addListener(NodeFocusEvent.class, listener);
    }

    @DomEvent("node-select")
    public static class NodeSelectEvent extends ComponentEvent<ReferralNetworkGraph> {
        private final String nodeId;

        public NodeSelectEvent(ReferralNetworkGraph source, boolean fromClient,
                               @EventData("event.detail.id") String nodeId) {
            super(source, fromClient);
            this.nodeId = nodeId;
        }

        /** The id of the node, or null when the background was clicked. */
        public String getNodeId() {
            return nodeId;
        }
    }

    @DomEvent("node-focus")
    public static class NodeFocusEvent extends ComponentEvent<ReferralNetworkGraph> {
        private final String nodeId;

        public NodeFocusEvent(ReferralNetworkGraph source, boolean fromClient,
                              @EventData("event.detail.id") String nodeId) {
            super(source, fromClient);
            this.nodeId = nodeId;
        }

        public String getNodeId() {
            return nodeId;
        }
    }
}
