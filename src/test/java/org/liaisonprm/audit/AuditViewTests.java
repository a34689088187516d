package org.liaisonprm.audit;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.DownloadKt._download;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.KaribuUi;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit trail for an administrator, filtered down to the two events a user of its own did here.
 */
@EmptyGraphTest
class AuditViewTests {

    private static final String AUDITED = "karibu-audited";

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void twoEventsAndTheAdministrator() {
        if (audit.find(new AuditTrail.Filter(null, null, AUDITED, null), 10).isEmpty()) {
            audit.record(AuditType.REPORT_RUN, AUDITED, "lost-referrers", "{}", 12L, 40L);
            audit.record(AuditType.EXPORT, AUDITED, "lost-referrers", "CSV", 12L, null);
        }
        ui.signIn("admin", "ADMIN");
        UI.getCurrent().navigate("audit");
    }

    @Test
    void filteringByUserAndKindShowsTheirEvents() {
        _setValue(_get(TextField.class, spec -> spec.withLabel("User")), AUDITED);
        show();
        var events = _findAll(grid());
        assertThat(events).extracting(AuditEvent::type).containsExactlyInAnyOrder(AuditType.EXPORT, AuditType.REPORT_RUN);
        int run = events.indexOf(events.stream().filter(e -> e.type() == AuditType.REPORT_RUN).findFirst().orElseThrow());
        assertThat(_getFormattedRow(grid(), run).subList(1, 3)).containsExactly("Report run", AUDITED);
        assertThat(((com.vaadin.flow.component.html.Span) org.liaisonprm.KaribuUi.cell(grid(), run, "What")).getText())
                .isEqualTo("lost-referrers");
        assertThat(_getFormattedRow(grid(), run).subList(4, 6)).containsExactly("12", "40 ms");
        assertThat(summary()).isEqualTo("2 events");

        @SuppressWarnings("unchecked")
        ComboBox<AuditType> kind = _get(ComboBox.class, spec -> spec.withLabel("Kind"));
        _setValue(kind, AuditType.EXPORT);
        show();
        assertThat(_findAll(grid())).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("CSV"));
    }

    @Test
    void daysBeforeTheEventsShowNone() {
        _setValue(_get(TextField.class, spec -> spec.withLabel("User")), AUDITED);
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("Until (inclusive)")), LocalDate.now().minusDays(1));
        show();

        assertThat(_findAll(grid())).isEmpty();
        assertThat(summary()).isEqualTo("0 events");
    }

    @Test
    void theDownloadHoldsTheFilteredEventsAndIsAuditedItself() {
        _setValue(_get(TextField.class, spec -> spec.withLabel("User")), AUDITED);
        show();

        var csv = new String(_download(_get(Anchor.class, spec -> spec.withClasses("audit-download"))),
                StandardCharsets.UTF_8).lines().toList();
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo("When (UTC),Kind,User,What,Rows,Took (ms),Address,Detail");
        assertThat(csv.subList(1, 3)).anySatisfy(line -> assertThat(line).contains(",Export," + AUDITED + ",lost-referrers,12,"));
        assertThat(audit.find(new AuditTrail.Filter(null, null, "admin", AuditType.EXPORT), 10))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("audit"));
    }

    @Test
    void onlyAdministratorsReadTheTrail() {
        ui.signIn("karibu-manager", "MANAGER");
        KaribuUi.assertDenied("audit");
    }

    private static void show() {
        _click(_get(Button.class, spec -> spec.withText("Show")));
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEvent> grid() {
        return _get(Grid.class, spec -> spec.withClasses("audit-grid"));
    }

    private static String summary() {
        return _get(Span.class, spec -> spec.withClasses("report-summary")).getText();
    }
}
