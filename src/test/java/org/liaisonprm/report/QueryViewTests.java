package org.liaisonprm.report;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.KaribuUi;
import org.liaisonprm.audit.AuditEvent;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Cypher page in Karibu's browserless Vaadin, with the application's Spring context and a signed-in
 * analyst.
 */
@EmptyGraphTest
class QueryViewTests {

    private static final String ANALYST = "karibu-analyst";

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void signInAnAnalyst() {
        ui.signIn(ANALYST, "ANALYST");
    }

    @Test
    void aLinkFillsTheEditorButRunsNothingUntilTheUserRunsIt() {
        long since = System.currentTimeMillis() - 1;
        String cypher = "MATCH (p:Physician) RETURN count(p) AS physicians";
        UI.getCurrent().navigate("query", QueryParameters.of("cypher", cypher));

        var view = _get(QueryView.class);
        assertThat(_get(view, CypherEditor.class).getValue()).isEqualTo(cypher);
        assertThat(queriesRun(since)).as("opening the link runs no query").isEmpty();

        _click(_get(view, Button.class, spec -> spec.withClasses("query-run")));
        assertThat(queriesRun(since)).singleElement().satisfies(event -> {
            assertThat(event.target()).isEqualTo("ran");
            assertThat(event.detail()).startsWith(cypher);
        });
    }

    private List<AuditEvent> queriesRun(long since) {
        return audit.find(new AuditTrail.Filter(null, null, ANALYST, AuditType.QUERY_RUN), 100).stream()
                .filter(e -> e.at().toInstant().toEpochMilli() >= since).toList();
    }
}
