package org.liaisonprm.base;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;

/**
 * Follows whether a view is shown on a narrow screen (a phone held upright): a view lays itself out as
 * cards instead of wide tables there. The view is told when it is attached and whenever the window crosses
 * the width; the window listener goes with the view.
 */
public final class NarrowScreen {

    /** Below this many CSS pixels a window counts as narrow. */
    public static final int WIDTH = 760;

    private NarrowScreen() {
    }

    public static void follow(Component view, Consumer<Boolean> narrow) {
        view.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> narrow.accept(details.getWindowInnerWidth() < WIDTH));
            var resize = page.addBrowserWindowResizeListener(event -> narrow.accept(event.getWidth() < WIDTH));
            view.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }
}
