package org.liaisonprm.outreach;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import org.liaisonprm.audit.AuditTrail;
import org.liaisonprm.audit.AuditType;
import org.liaisonprm.base.CurrentUser;
import org.liaisonprm.base.Csv;
import org.liaisonprm.base.Role;
import org.liaisonprm.report.ReportColumn;
import org.liaisonprm.report.ReportLibrary;
import org.liaisonprm.report.SavedReports;
import org.liaisonprm.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The weekly digest by e-mail (docs/outreach.md, "Weekly digest"): per liaison their new alerts, tasks due and
 * this week's plan; per manager the team's overdue tasks, drifting referrers and goal progress. Plain text and
 * simple HTML, with links back into Liaison. Nothing is sent while {@code spring.mail.host} is unset (Spring
 * Boot then provides no mail sender).
 */
@Service
public class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.US);
    static final int MAX_LINES = 15;

    private final UserAccounts users;
    private final Alerts alerts;
    private final Tasks tasks;
    private final VisitPlans plans;
    private final Goals goals;
    private final Territories territories;
    private final ObjectProvider<JavaMailSender> mail;
    private final DigestProperties settings;
    private final AuditTrail audit;
    private final SavedReports savedReports;
    private final ReportLibrary reports;
    private final Clock clock;

    @Autowired
    Digests(UserAccounts users, Alerts alerts, Tasks tasks, VisitPlans plans, Goals goals, Territories territories,
            ObjectProvider<JavaMailSender> mail, DigestProperties settings, AuditTrail audit, SavedReports savedReports,
            ReportLibrary reports) {
        this.users = users;
        this.alerts = alerts;
        this.tasks = tasks;
        this.plans = plans;
        this.goals = goals;
        this.territories = territories;
        this.mail = mail;
        this.settings = settings;
        this.audit = audit;
        this.savedReports = savedReports;
        this.reports = reports;
        this.clock = settings.zone().isBlank() ? Clock.systemDefaultZone() : Clock.system(ZoneId.of(settings.zone()));
    }

    /** One user's digest, ready to send. */
    public record Digest(String username, String to, String subject, String text, String html,
                         List<Attachment> attachments) {
    }

    /** A saved report's rows as CSV, attached to the digest. */
    public record Attachment(String fileName, String title, int rows, byte[] csv) {
    }

    /** What a send did: digests sent, and the users left out or failed, with why. */
    public record Sent(int sent, List<String> failed) {
    }

    /** Refused because no mail server is set up. */
    public static class NotConfiguredException extends RuntimeException {
        NotConfiguredException() {
            super("No mail server is set up: set spring.mail.host (and spring.mail.port, .username, .password) "
                    + "to send the digest");
        }
    }

    /** True when a mail server is set up. */
    public boolean configured() {
        return mail.getIfAvailable() != null;
    }

    @Scheduled(cron = "${liaison.digest.schedule:0 0 7 * * MON}", zone = "${liaison.digest.zone:}")
    void weekly() {
        if (!configured()) {
            log.debug("No weekly digest: no mail server is set up (spring.mail.host)");
            return;
        }
        try {
            var sent = sendAll(null);
            log.info("Weekly digest sent to {} users{}", sent.sent(), sent.failed().isEmpty() ? "" : "; failed: " + sent.failed());
        } catch (RuntimeException e) {
            log.error("The weekly digest failed", e);
        }
    }

    /**
     * Sends the digest now to every user who receives it (an administrator checks the set-up this way).
     *
     * @param by who asked, for the audit trail; null for the schedule
     * @throws NotConfiguredException when no mail server is set up
     */
    public Sent sendAll(String by) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new NotConfiguredException();
        }
        int sent = 0;
        var failed = new ArrayList<String>();
        for (var account : users.all()) {
            if (!account.receivesDigest()) {
                continue;
            }
            var digest = compose(account);
            try {
                var message = sender.createMimeMessage();
                var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                helper.setFrom(settings.from());
                helper.setTo(digest.to());
                helper.setSubject(digest.subject());
                helper.setText(digest.text(), digest.html());
                for (Attachment a : digest.attachments()) {
                    helper.addAttachment(a.fileName(), new ByteArrayResource(a.csv()), "text/csv");
                }
                sender.send(message);
                sent++;
            } catch (MessagingException | MailException e) {
                log.warn("The digest for {} was not sent: {}", account.username(), e.getMessage());
                failed.add(account.username() + ": " + e.getMessage());
            }
        }
        audit.record(AuditType.DIGEST_SENT, by, "digest", "sent to " + sent + " users"
                + (failed.isEmpty() ? "" : ", " + failed.size() + " failed"), (long) sent, null);
        return new Sent(sent, List.copyOf(failed));
    }

    /** The digest of one user as it would be sent today. */
    public Digest compose(UserAccounts.UserAccount account) {
        LocalDate today = LocalDate.now(clock);
        var roles = account.roles().stream().map(Role::ofAuthority).flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
        var user = new CurrentUser(account.username(), roles);
        var body = new Body(settings.base());
        body.heading("Liaison \u00b7 your week from " + DAY.format(today));
        body.paragraph("Hello " + account.displayName() + ", this is what needs you this week.");
        if (roles.contains(Role.LIAISON)) {
            liaison(user, today, body);
        }
        if (user.seesTeam()) {
            team(user, today, body);
        }
        var attachments = attachments(user, body);
        body.paragraph("You receive this because the weekly digest is on for you; turn it off on My account.");
        body.link("My account", "/account");
        return new Digest(account.username(), account.email(), "Liaison: your week from " + DAY.format(today),
                body.text(), body.html(), attachments);
    }

    /** The saved reports the user subscribed to, run as the user with their default parameters. */
    private List<Attachment> attachments(CurrentUser user, Body body) {
        var subscribed = savedReports.inDigest(user);
        if (subscribed.isEmpty()) {
            return List.of();
        }
        body.heading("Attached reports (" + subscribed.size() + ")");
        var attachments = new ArrayList<Attachment>();
        for (var report : subscribed) {
            try {
                var result = reports.run(report, java.util.Map.of(), user);
                var out = new java.io.StringWriter();
                ReportColumn.csv(new Csv(out), ReportColumn.of(report, result), result);
                attachments.add(new Attachment(report.id() + ".csv", report.title(), result.rows().size(),
                        out.toString().getBytes(StandardCharsets.UTF_8)));
                body.item(report.title(), result.rows().size() + " rows" + (result.truncated() ? " (cut at the row limit)" : "")
                        + ", attached as " + report.id() + ".csv", "/reports/" + encode(report.id()));
                audit.record(AuditType.EXPORT, user.username(), report.id(), "CSV in the weekly digest",
                        (long) result.rows().size(), null);
            } catch (RuntimeException e) {
                log.warn("Saved report {} could not be run for {}'s digest: {}", report.id(), user.username(), e.getMessage());
                body.item(report.title(), "could not be run: " + e.getMessage(), "/reports/" + encode(report.id()));
            }
        }
        return List.copyOf(attachments);
    }

    private void liaison(CurrentUser user, LocalDate today, Body body) {
        var mine = alerts.find(Alerts.Filter.OPEN, new CurrentUser(user.username(), java.util.Set.of(Role.LIAISON)), 500);
        var fresh = mine.stream().filter(a -> a.raisedAt() == null
                || !a.raisedAt().toLocalDate().isBefore(today.minusDays(7))).toList();
        body.heading("New alerts (" + fresh.size() + " this week, " + mine.size() + " open)");
        if (fresh.isEmpty()) {
            body.paragraph("No new alerts.");
        }
        for (Alert a : fresh.stream().limit(MAX_LINES).toList()) {
            body.item(a.kind().label() + ": " + a.title(), a.reason(), "/physicians/" + encode(a.physicianId()));
        }
        more(body, fresh.size(), "/alerts");

        var due = tasks.find(Tasks.Filter.ALL, new CurrentUser(user.username(), java.util.Set.of(Role.LIAISON)), 500).stream()
                .filter(t -> t.status() != TaskStatus.DONE && t.due() != null && !t.due().isAfter(today.plusDays(7)))
                .toList();
        body.heading("Tasks due (" + due.size() + ")");
        if (due.isEmpty()) {
            body.paragraph("No tasks due this week.");
        }
        for (Task t : due.stream().limit(MAX_LINES).toList()) {
            body.item(t.title() + " \u00b7 " + (t.targetName() == null ? t.physicianId() : t.targetName()),
                    (t.overdue() ? "overdue since " : "due ") + DAY.format(t.due()) + ", " + t.daysOutstanding()
                            + " days outstanding, " + t.status().label().toLowerCase(Locale.ROOT), "/tasks");
        }
        more(body, due.size(), "/tasks");

        var plan = plans.planFor(new CurrentUser(user.username(), java.util.Set.of(Role.LIAISON)), today);
        body.heading("This week's plan (" + plan.stops().size() + " visits)");
        if (plan.stops().isEmpty()) {
            body.paragraph("Nothing planned yet.");
        }
        for (var stop : plan.stops().stream().limit(MAX_LINES).toList()) {
            body.item(stop.order() + ". " + stop.name(), WHEN.format(stop.plannedAt()) + (stop.done() ? " \u00b7 done" : "")
                    + (stop.city() == null ? "" : " \u00b7 " + stop.city()), null);
        }
        body.link("Open the plan", "/plan");
    }

    private void team(CurrentUser user, LocalDate today, Body body) {
        var overdue = tasks.find(new Tasks.Filter(null, null, null, true), user, 1_000);
        body.heading("The team's overdue tasks (" + overdue.size() + ")");
        if (overdue.isEmpty()) {
            body.paragraph("No overdue tasks.");
        }
        var byOwner = overdue.stream().collect(Collectors.groupingBy(Task::ownerName, java.util.TreeMap::new, Collectors.toList()));
        for (var entry : byOwner.entrySet()) {
            body.item(entry.getKey() + ": " + entry.getValue().size() + " overdue", entry.getValue().stream().limit(3)
                    .map(t -> t.title() + " (due " + DAY.format(t.due()) + ")").collect(Collectors.joining("; ")), "/tasks");
        }
        var drifting = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.DRIFTING_REFERRER, null), user, 500);
        var atRisk = alerts.find(new Alerts.Filter(AlertStatus.OPEN, AlertKind.NETWORK_AT_RISK, null), user, 500);
        body.heading("Drifting referrers (" + drifting.size() + ")");
        if (drifting.isEmpty()) {
            body.paragraph("No referrer is drifting away.");
        }
        for (Alert a : drifting.stream().limit(MAX_LINES).toList()) {
            body.item(a.title() + (a.recipients().isEmpty() ? "" : " \u00b7 for " + String.join(", ", a.recipients())),
                    a.reason(), "/physicians/" + encode(a.physicianId()));
        }
        more(body, drifting.size(), "/alerts");
        if (!atRisk.isEmpty()) {
            body.heading("Network at risk (" + atRisk.size() + ")");
            for (Alert a : atRisk.stream().limit(MAX_LINES).toList()) {
                body.item(a.title(), a.reason(), "/network?focus=" + encode(a.physicianId()));
            }
        }
        var progress = GoalsView.sorted(goals.progressFor(user, territories)).stream()
                .filter(p -> !p.goal().periodEnd().isBefore(today.minusDays(7))).toList();
        body.heading("Goal progress (" + progress.size() + ")");
        if (progress.isEmpty()) {
            body.paragraph("No current goals.");
        }
        for (var p : progress.stream().limit(MAX_LINES).toList()) {
            body.item(GoalsView.scope(p.goal()) + " \u00b7 " + p.goal().name(), GoalsView.describe(p), "/goals");
        }
    }

    private static void more(Body body, int count, String path) {
        if (count > MAX_LINES) {
            body.link((count - MAX_LINES) + " more in Liaison", path);
        } else if (count > 0) {
            body.link("Open in Liaison", path);
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** The digest's text and HTML, written side by side; every value is escaped in the HTML. */
    static final class Body {
        private final String base;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html><body style=\"font-family: sans-serif; max-width: 40rem; color: #1a1a1a\">");
        private boolean inList;

        Body(String base) {
            this.base = base;
        }

        void heading(String heading) {
            closeList();
            text.append('\n').append(heading).append('\n').append("-".repeat(Math.min(heading.length(), 72))).append('\n');
            html.append("<h2 style=\"font-size: 1.1rem; margin-top: 1.4rem\">").append(escape(heading)).append("</h2>");
        }

        void paragraph(String line) {
            closeList();
            text.append(line).append('\n');
            html.append("<p>").append(escape(line)).append("</p>");
        }

        void item(String title, String detail, String path) {
            if (!inList) {
                html.append("<ul>");
                inList = true;
            }
            text.append("* ").append(title).append('\n');
            if (detail != null && !detail.isBlank()) {
                text.append("  ").append(detail).append('\n');
            }
            if (path != null) {
                text.append("  ").append(base).append(path).append('\n');
            }
            html.append("<li style=\"margin-bottom: 0.5rem\">");
            if (path != null) {
                html.append("<a href=\"").append(escape(base + path)).append("\">").append(escape(title)).append("</a>");
            } else {
                html.append("<strong>").append(escape(title)).append("</strong>");
            }
            if (detail != null && !detail.isBlank()) {
                html.append("<br><span style=\"color: #555\">").append(escape(detail)).append("</span>");
            }
            html.append("</li>");
        }

        void link(String label, String path) {
            closeList();
            text.append(label).append(": ").append(base).append(path).append('\n');
            html.append("<p><a href=\"").append(escape(base + path)).append("\">").append(escape(label)).append("</a></p>");
        }

        private void closeList() {
            if (inList) {
                html.append("</ul>");
                inList = false;
            }
        }

        String text() {
            return text.toString().strip() + "\n";
        }

        String html() {
            closeList();
            return html + "</body></html>";
        }

        private static String escape(String value) {
            return HtmlUtils.htmlEscape(value == null ? "" : value, StandardCharsets.UTF_8.name());
        }
    }
}
