package org.liaisonprm.base;

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
 * After every render the element sets {@code data-node-count} and {@code data-edge-count}, and once the layout
 * has ended {@code data-render-ms}: the milliseconds from setting the picture to the end of its layout.
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

    /** volume (referrals with the focus) or influence (percentiles given with {@link #setInfluence}). */
    public void setSizeBy(String sizeBy) {
        getElement().setProperty("sizeBy", sizeBy);
    }

    /** Influence percentiles (0 to 1) by node id, for sizing by influence. */
    public void setInfluence(java.util.Map<String, Double> percentiles) {
        try {
            getElement().setProperty("influence", JSON.writeValueAsString(percentiles));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nodes and flows (source, target) of a report's paths to stand out; empty lists for none. */
    public void setHighlight(java.util.Collection<String> nodes, java.util.Collection<java.util.List<String>> edges) {
        try {
            getElement().setProperty("highlight", nodes.isEmpty() ? ""
                    : JSON.writeValueAsString(java.util.Map.of("nodes", nodes, "edges", edges)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the next picture keeps drawn nodes where they are (after an expansion, collapse or hide). */
    public void setIncremental(boolean incremental) {
        getElement().setProperty("incremental", incremental);
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

    /** An action chosen in a node's menu: expand, collapse, hide, focus or profile. */
    public Registration addNodeActionListener(ComponentEventListener<NodeActionEvent> listener) {
        return addListener(NodeActionEvent.class, listener);
    }

    @DomEvent("node-action")
    public static class NodeActionEvent extends ComponentEvent<ReferralNetworkGraph> {
        private final String nodeId;
        private final String action;

        public NodeActionEvent(ReferralNetworkGraph source, boolean fromClient,
                               @EventData("event.detail.id") String nodeId,
                               @EventData("event.detail.action") String action) {
            super(source, fromClient);
            this.nodeId = nodeId;
            this.action = action;
        }

        public String getNodeId() {
            return nodeId;
        }

        public String getAction() {
            return action;
        }
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
