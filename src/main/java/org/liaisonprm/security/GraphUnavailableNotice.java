package org.liaisonprm.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.liaisonprm.graph.GraphUnavailableException;
import org.springframework.stereotype.Component;

/**
 * When a click or a change fails because the graph store is away, the user is told so in a banner (and the
 * rest goes to Vaadin's default handling, as before).
 */
@Component
class GraphUnavailableNotice implements VaadinServiceInitListener {

    static final String MESSAGE = "The referral graph cannot be reached at the moment, so this could not be done. "
            + "Nothing you did is wrong; try again in a little while.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        ErrorHandler fallback = new DefaultErrorHandler();
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(error -> notice(error, fallback)));
    }

    private static void notice(ErrorEvent error, ErrorHandler fallback) {
        UI ui = UI.getCurrent();
        if (ui == null || !GraphUnavailableException.isCauseOf(error.getThrowable())) {
            fallback.error(error);
            return;
        }
        var banner = Notification.show(MESSAGE, 10_000, Notification.Position.TOP_STRETCH);
        banner.addThemeVariants(NotificationVariant.LUMO_ERROR);
        banner.addClassName("graph-unavailable-notice");
    }
}
