package org.liaisonprm.base;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;

/**
 * Page-wide settings: the Liaison theme ({@code frontend/themes/liaison}) and a viewport that suits phones.
 */
@Theme("liaison")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@PWA(name = "Liaison", shortName = "Liaison", offline = false)
public class AppShell implements AppShellConfigurator {
}
