package org.liaisonprm.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * Imports for administrators: upload a file, see the recognised format, set options, follow the progress,
 * read the summary, download the error report; below, the history of past imports, each finished one with
 * refused rows offering its error report (kept with the history, also after a restart).
 */
@Route("import")
@PageTitle("Import · Liaison")
@Menu(order = 7, icon = "vaadin:upload", title = "Import")
@RolesAllowed("ADMIN")
class ImportView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int POLL_MILLIS = 500;
    private static final String ERROR_REPORT_NAME = "errors.csv";

    private final ImportJobs jobs;
    private final AuthenticationContext authentication;
    private final ComboBox<ImportFormat> format = new ComboBox<>("Format");
    private final Span recognised = new Span();
    private final TextField states = new TextField("States");
    private final TextField period = new TextField("Period (year)");
    private final TextField windowDays = new TextField("Window (days)");
    private final TextField minTransactions = new TextField("Min. transactions");
    private final TextField maxDayWait = new TextField("Max. average wait (days)");
    private final Select<String> unknownNpi = new Select<>();
    private final Checkbox onlyKnown = new Checkbox("Only referrals touching providers already in the graph");
    private final Button start = new Button("Import", VaadinIcon.PLAY.create());
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Span summary = new Span();
    private final Anchor errors = new Anchor();
    private final Grid<ImportStatus> history = new Grid<>();
    private final Upload upload;
    private Path uploaded;
    private String uploadedName;
    private String running;

    ImportView(ImportJobs jobs, AuthenticationContext authentication) {
        this.jobs = jobs;
        this.authentication = authentication;
        addClassName("import-view");
        setSizeFull();

        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            uploaded = jobs.keep(metadata.fileName(), file.toPath());
            uploadedName = uploaded.getFileName().toString();
            ImportFormat detected = jobs.detect(uploaded).orElse(null);
            getUI().ifPresent(ui -> ui.access(() -> fileReceived(detected)));
        }));
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("Drop a CSV file here: NPPES, CMS shared patients, hop teaming, facility "
                + "affiliations, hospitals, POS, encounters or a Liaison template"));
        upload.addClassName("import-upload");

        format.setItems(ImportFormat.choices().stream().filter(f -> f != ImportFormat.SYNTHEA).toList());
        format.setItemLabelGenerator(f -> f.id() + " · " + f.title());
        format.setValue(ImportFormat.AUTO);
        format.setWidth("min(26em, 100%)");
        format.setId("import-format");
        recognised.addClassName("import-recognised");
        states.setPlaceholder("MA,NH");
        states.setId("import-state");
        period.setPlaceholder("2015");
        period.setId("import-period");
        windowDays.setPlaceholder("30");
        minTransactions.setPlaceholder("50");
        maxDayWait.setPlaceholder("50");
        unknownNpi.setLabel("Unknown NPIs");
        unknownNpi.setItems("stub", "refuse");
        unknownNpi.setValue("stub");
        onlyKnown.setTooltipText("For the national referral files: keep a row only when one of its two providers is "
                + "a registry physician or a practice the graph already holds; load the registry with a state first");
        onlyKnown.setId("import-only-known");
        var options = new HorizontalLayout(format, states, period, windowDays, minTransactions, maxDayWait, unknownNpi,
                onlyKnown);
        options.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        options.getStyle().set("flex-wrap", "wrap");

        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        start.setId("import-start");
        start.addClickListener(click -> startImport());
        progress.setWidth("min(30em, 100%)");
        progress.setVisible(false);
        progress.addClassName("import-progress");
        status.addClassName("import-status");
        summary.addClassName("import-summary");
        errors.setText("Download the error report");
        errors.addClassName("import-errors");
        errors.setVisible(false);
        var run = new HorizontalLayout(start, progress, status);
        run.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        run.getStyle().set("flex-wrap", "wrap");

        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.addColumn(s -> s.startedAt() == null ? "" : TIME.format(s.startedAt())).setHeader("When (UTC)").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ImportStatus::username).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ImportStatus::file).setHeader("File").setAutoWidth(true);
        history.addColumn(ImportStatus::format).setHeader("Format").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ImportStatus::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(s -> s.summary().rowsRead()).setHeader("Read").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(s -> s.summary().imported()).setHeader("Imported").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(s -> s.summary().skipped()).setHeader("Skipped").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(s -> s.summary().refused()).setHeader("Refused").setAutoWidth(true).setFlexGrow(0);
        history.addComponentColumn(this::errorReportLink).setHeader("Error report").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(s -> s.message() == null ? "" : s.message()).setHeader("Note").setFlexGrow(1);
        history.addClassName("import-history");
        history.setSizeFull();

        add(upload, recognised, options, run, summary, errors, new H3("Past imports"), history);
        setFlexGrow(1, history);
        refreshHistory();
    }

    private void fileReceived(ImportFormat detected) {
        recognised.setText(detected == null
                ? uploadedName + ": format not recognised from its header; choose it"
                : uploadedName + ": recognised as " + detected.id() + " (" + detected.title() + ")");
        if (detected != null) {
            format.setValue(detected);
        }
        start.setEnabled(true);
    }

    private Map<String, String> options() {
        var options = new HashMap<String, String>();
        options.put("state", states.getValue());
        options.put("period", period.getValue());
        options.put("window-days", windowDays.getValue());
        options.put("min-transactions", minTransactions.getValue());
        options.put("max-day-wait", maxDayWait.getValue());
        options.put("unknown-npi", unknownNpi.getValue());
        options.put("only-known-npis", String.valueOf(onlyKnown.getValue()));
        return options;
    }

    private void startImport() {
        if (uploaded == null || !Files.exists(uploaded)) {
            status.setText("Upload a file first");
            return;
        }
        try {
            running = jobs.start(format.getValue() == null ? ImportFormat.AUTO : format.getValue(), uploaded, uploadedName,
                    ImportOptions.fromFields(options()), authentication.getPrincipalName().orElse(null));
        } catch (ImportRefusedException e) {
            status.setText(e.getMessage());
            return;
        }
        start.setEnabled(false);
        upload.clearFileList();
        uploaded = null;
        progress.setValue(0);
        progress.setVisible(true);
        errors.setVisible(false);
        summary.setText("");
        status.setText("Queued");
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MILLIS));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().addPollListener(poll -> follow(event.getUI()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    private void follow(UI ui) {
        if (running == null) {
            return;
        }
        jobs.status(running).ifPresent(s -> {
            progress.setValue(Math.max(0, Math.min(1, s.progress())));
            var counts = s.summary();
            status.setText(s.status() + " · " + s.format() + " · " + String.format("%,d rows read", counts.rowsRead()));
            if (s.finished()) {
                ui.setPollInterval(-1);
                progress.setVisible(false);
                summary.setText(s.message() != null ? s.message() : counts.describe());
                String id = running;
                running = null;
                if (counts.refused() > 0) {
                    jobs.errorReport(id).ifPresent(report -> {
                        errors.setHref(DownloadHandler.forFile(report.toFile(), ERROR_REPORT_NAME));
                        errors.setVisible(true);
                    });
                }
                refreshHistory();
            }
        });
    }

    /**
     * The download of a past import's error report: for a finished import with refused rows whose report is
     * kept here (an import run from the command line wrote its report where that run was told to).
     */
    private Component errorReportLink(ImportStatus run) {
        if (!run.finished() || run.summary().refused() == 0) {
            return new Span();
        }
        return jobs.errorReport(run).<Component>map(report -> {
            var link = new Anchor(DownloadHandler.forFile(report.toFile(), ERROR_REPORT_NAME), "Download");
            link.addClassName("import-history-errors");
            return link;
        }).orElseGet(Span::new);
    }

    private void refreshHistory() {
        history.setItems(jobs.history(200));
    }
}
