package org.liaisonprm.importer;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liaisonprm.EmptyGraphTest;
import org.liaisonprm.GraphFixtures;
import org.liaisonprm.KaribuUi;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import page for an administrator: nothing to start before a file is uploaded, the format recognised from
 * the uploaded header, options that do not parse refused before anything is queued, and the error reports of
 * past imports offered from the history. No import runs here: the importers have their own tests.
 */
@EmptyGraphTest
class ImportViewTests {

    private static final byte[] HOP_TEAMING = """
            from_npi,to_npi,patient_count,transaction_count,average_day_wait,std_day_wait
            1212233070,1131860912,130,184,27.81,13.25
            """.getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final KaribuUi ui = new KaribuUi();

    @Autowired
    Driver driver;

    @Autowired
    ImportReports reports;

    @BeforeEach
    void signInTheAdministrator() {
        ui.signIn("admin", "ADMIN");
        UI.getCurrent().navigate("import");
    }

    @Test
    void nothingCanBeStartedBeforeAFileIsUploaded() {
        assertThat(start().isEnabled()).isFalse();
        assertThat(format().getValue()).isEqualTo(ImportFormat.AUTO);
        assertThat(_find(Grid.class, spec -> spec.withClasses("import-history"))).hasSize(1);
    }

    @Test
    void theFormatIsRecognisedFromTheUploadedHeader() {
        upload("teaming-2015.csv", HOP_TEAMING);

        assertThat(recognised()).isEqualTo("teaming-2015.csv: recognised as hop-teaming (DocGraph / CareSet Hop Teaming)");
        assertThat(format().getValue()).isEqualTo(ImportFormat.HOP_TEAMING);
        assertThat(start().isEnabled()).isTrue();
    }

    @Test
    void aFileOfNoKnownFormatAsksForTheFormat() {
        upload("notes.csv", "name,remark\nsomeone,something\n".getBytes(StandardCharsets.UTF_8));

        assertThat(recognised()).isEqualTo("notes.csv: format not recognised from its header; choose it");
        assertThat(format().getValue()).isEqualTo(ImportFormat.AUTO);
        assertThat(start().isEnabled()).as("the user may still choose the format").isTrue();
    }

    @Test
    void anOptionThatDoesNotParseIsRefusedAndNothingQueued() {
        int past = _size(_get(Grid.class, spec -> spec.withClasses("import-history")));
        upload("teaming-2015.csv", HOP_TEAMING);
        _setValue(_get(TextField.class, spec -> spec.withId("import-period")), "fifteen");
        _click(start());

        assertThat(_get(Span.class, spec -> spec.withClasses("import-status")).getText())
                .isEqualTo("--period must be a year such as 2015, not fifteen");
        assertThat(_find(ProgressBar.class, spec -> spec.withClasses("import-progress"))).as("nothing queued").isEmpty();
        assertThat(start().isEnabled()).as("the file is still there to try again").isTrue();
        assertThat(_size(_get(Grid.class, spec -> spec.withClasses("import-history")))).isEqualTo(past);
    }

    /**
     * Three imports of an earlier process: one with refused rows and its report kept, one without refused rows,
     * one from the command line (its report is where that run wrote it). Only the first offers a download.
     */
    @Test
    void aPastImportWithRefusedRowsOffersItsErrorReport() throws Exception {
        Imports.clear(driver);
        String withReport = UUID.randomUUID().toString();
        GraphFixtures.run(driver, """
                CREATE (:ImportRun {id: $withReport, status: 'DONE', file: 'doctors.csv', refused: 2,
                                    startedAt: datetime() - duration('PT3H')})
                CREATE (:ImportRun {id: $clean, status: 'DONE', file: 'clean.csv', refused: 0,
                                    startedAt: datetime() - duration('PT2H')})
                CREATE (:ImportRun {id: $cli, status: 'DONE', file: 'cli.csv', refused: 1, username: 'cli:someone',
                                    startedAt: datetime() - duration('PT1H')})
                """, Map.of("withReport", withReport, "clean", UUID.randomUUID().toString(),
                "cli", UUID.randomUUID().toString()));
        Files.writeString(reports.reportFor(withReport), "file,line,column,value,reason\r\n", StandardCharsets.UTF_8);
        UI.getCurrent().navigate("account");
        UI.getCurrent().navigate("import");

        @SuppressWarnings("unchecked")
        Grid<ImportStatus> history = _get(Grid.class, spec -> spec.withClasses("import-history"));
        assertThat(GridKt._fetch(history, 0, 3).stream().map(ImportStatus::file))
                .containsExactly("cli.csv", "clean.csv", "doctors.csv");
        assertThat(KaribuUi.cell(history, 2, "Error report")).isInstanceOfSatisfying(Anchor.class, link -> {
            assertThat(link.getText()).isEqualTo("Download");
            assertThat(link.getHref()).isNotBlank();
        });
        assertThat(KaribuUi.cell(history, 1, "Error report")).as("no refused rows").isNotInstanceOf(Anchor.class);
        assertThat(KaribuUi.cell(history, 0, "Error report")).as("from the command line").isNotInstanceOf(Anchor.class);
    }

    @Test
    void onlyAdministratorsImport() {
        ui.signIn("karibu-manager", "MANAGER");
        KaribuUi.assertDenied("import");
    }

    /** Uploads a file as the browser would, then lets the UI take in what the upload handler handed it. */
    private static void upload(String fileName, byte[] content) {
        _upload(_get(Upload.class), fileName, "text/csv", content);
        MockVaadin.runUIQueue();
    }

    private static Button start() {
        return _get(Button.class, spec -> spec.withId("import-start"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<ImportFormat> format() {
        return _get(ComboBox.class, spec -> spec.withId("import-format"));
    }

    private static String recognised() {
        return _get(Span.class, spec -> spec.withClasses("import-recognised")).getText();
    }
}
