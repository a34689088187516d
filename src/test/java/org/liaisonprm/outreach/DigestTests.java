package org.liaisonprm.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Role;
import org.liaisonprm.graph.NetworkMembership;
import org.liaisonprm.graph.ReferralRollup;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The weekly digest through Spring Boot's mail support to a real SMTP server (GreenMail), on the graph of
 * {@link AlertsTests}: the liaison's and the manager's mail, their content, and HTML that shows a hostile name as
 * text.
 */
@SpringBootTest(properties = {"liaison.demo.enabled=false", "spring.mail.host=127.0.0.1", "spring.mail.port=3025",
        "liaison.digest.from=liaison@riverbend.example", "liaison.digest.base-url=https://liaison.riverbend.example/"})
@ActiveProfiles("test")
class DigestTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Driver driver;

    @Autowired
    NetworkMembership membership;

    @Autowired
    ReferralRollup rollup;

    @Autowired
    Alerts alerts;

    @Autowired
    Tasks tasks;

    @Autowired
    Digests digests;

    @Autowired
    org.liaisonprm.report.SavedReports savedReports;

    @BeforeEach
    void graph() {
        AlertsTests.createAlertGraph(driver);
        GraphFixtures.run(driver, "MATCH (p:Physician {id: 'newbie'}) SET p.name = '<script>alert(1)</script> Nina New'");
        membership.recompute();
        GraphFixtures.run(driver, """
                MATCH (m:Physician {id: 'mover'})-[old:PRACTICES_AT]->(:Practice {id: 'PH'})
                DELETE old
                WITH m MATCH (pr:Practice {id: 'PR'}) CREATE (m)-[:PRACTICES_AT]->(pr)
                """);
        membership.recompute();
        rollup.rebuild();
        alerts.refresh();
        var lee = CurrentUser.of("fx-lee", Role.LIAISON);
        tasks.create(new TaskDraft("chance", "Scheduling line unanswered", LocalDate.now().minusDays(2), null, null), null, lee);
        tasks.create(new TaskDraft("drop", "Bring the MRI slot list", LocalDate.now().plusDays(2), null, null), null, lee);
    }

    @Test
    void theLiaisonAndTheManagerReceiveTheirWeek() throws Exception {
        GraphFixtures.run(driver, "MATCH (s:SavedReport) WHERE s.title STARTS WITH 'Fixture' DETACH DELETE s");
        var report = savedReports.create("""
                // @title Fixture physicians of Quincy
                // @view table
                MATCH (p:Physician) WHERE p.zip = '02169' AND p.id IN ['drop', 'chance'] RETURN p.id AS id, p.name AS name ORDER BY id
                """, true, CurrentUser.of("fx-analyst", Role.ANALYST));
        savedReports.includeInDigest(report.id(), true, CurrentUser.of("fx-manager", Role.MANAGER));
        var sent = digests.sendAll("fx-admin");
        assertThat(sent.sent()).isEqualTo(3);
        assertThat(sent.failed()).isEmpty();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        Map<String, MimeMessage> byTo = new java.util.HashMap<>();
        for (MimeMessage m : received) {
            byTo.put(m.getAllRecipients()[0].toString(), m);
            assertThat(m.getFrom()[0].toString()).isEqualTo("liaison@riverbend.example");
            assertThat(m.getSubject()).startsWith("Liaison: your week from ");
        }
        assertThat(byTo).containsOnlyKeys("lee@example.org", "sam@example.org", "max@example.org");

        String leeText = part(byTo.get("lee@example.org"), "text/plain");
        assertThat(leeText).contains("Hello Lee Fixture", "New alerts (", "Drifting referrer: Dora Drop is referring less in network",
                "https://liaison.riverbend.example/physicians/drop", "Overdue follow-up: Follow-up overdue: Dora Drop",
                "Tasks due (2)", "Scheduling line unanswered", "overdue since", "Bring the MRI slot list",
                "This week's plan (0 visits)", "https://liaison.riverbend.example/plan");
        assertThat(leeText).doesNotContain("The team's overdue tasks");
        String leeHtml = part(byTo.get("lee@example.org"), "text/html");
        assertThat(leeHtml).contains("<a href=\"https://liaison.riverbend.example/physicians/drop\">")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Nina New").doesNotContain("<script>");

        String samText = part(byTo.get("sam@example.org"), "text/plain");
        assertThat(samText).contains("Network at risk: Mo Mover left the network").doesNotContain("Dora Drop", "Scheduling line");

        assertThat(attachment(byTo.get("lee@example.org"))).isNull();
        assertThat(attachment(byTo.get("max@example.org"))).isEqualTo("id,name\r\nchance,Chet Chance\r\ndrop,Dora Drop\r\n");

        String maxText = part(byTo.get("max@example.org"), "text/plain");
        assertThat(maxText).contains("Hello Max Manager", "The team's overdue tasks (1)", "Lee Fixture: 1 overdue",
                "Scheduling line unanswered", "Drifting referrers (2)", "Dora Drop is referring less in network \u00b7 for fx-lee",
                "Sid Split is referring less in network", "Network at risk (1)", "Goal progress (0)", "No current goals.",
                "Attached reports (1)", "Fixture physicians of Quincy", "2 rows");
        assertThat(maxText).doesNotContain("This week's plan");
    }

    @Test
    void usersWhoTurnedItOffOrHaveNoAddressReceiveNothing() throws Exception {
        GraphFixtures.run(driver, "MATCH (u:User {username: 'fx-sam'}) SET u.digest = false");
        GraphFixtures.run(driver, "MATCH (u:User {username: 'fx-manager'}) REMOVE u.email");
        assertThat(digests.sendAll("fx-admin").sent()).isEqualTo(1);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly("lee@example.org");
    }

    /** The text of the message's CSV attachment, or null. */
    private static String attachment(MimeMessage message) throws Exception {
        var multipart = (MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType("text/csv")) {
                return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String part(MimeMessage message, String type) throws Exception {
        return find((MimeMultipart) message.getContent(), type);
    }

    private static String find(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart inner) {
                String found = find(inner, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return String.valueOf(part.getContent());
            }
        }
        return null;
    }
}
