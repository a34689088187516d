package org.liaisonprm.report;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * A Cypher editor with syntax colouring: a thin Java API over the CodeMirror element in
 * {@code frontend/components/cypher-editor.ts}. Its value is the query text; Ctrl/Cmd+Enter asks to run.
 */
@Tag("liaison-cypher-editor")
@NpmPackage(value = "@codemirror/state", version = "6.5.2")
@NpmPackage(value = "@codemirror/view", version = "6.38.6")
@NpmPackage(value = "@codemirror/commands", version = "6.10.0")
@NpmPackage(value = "@codemirror/language", version = "6.11.3")
@NpmPackage(value = "@codemirror/legacy-modes", version = "6.5.2")
@JsModule("./components/cypher-editor.ts")
public class CypherEditor extends AbstractSinglePropertyField<CypherEditor, String> implements HasSize, HasStyle {

    CypherEditor() {
        super("value", "", false);
        setSynchronizedEvent("value-changed");
    }

    Registration addRunListener(ComponentEventListener<RunEvent> listener) {
        return addListener(RunEvent.class, listener);
    }

    @DomEvent("run")
    public static class RunEvent extends ComponentEvent<CypherEditor> {
        public RunEvent(CypherEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }
}
