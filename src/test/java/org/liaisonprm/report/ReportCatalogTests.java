package org.liaisonprm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report files from a directory beside the built-in ones, picked up again when they change.
 */
class ReportCatalogTests {

    @TempDir
    Path directory;

    @Test
    void filesAreAddedChangedAndRemovedWhileRunning() throws Exception {
        var catalog = new ReportCatalog(directory);
        int builtIn = catalog.all().size();
        assertThat(catalog.reloadIfChanged()).isFalse();

        Files.writeString(directory.resolve("city-count.cypher"), "// @title Cities\nMATCH (p:Physician) RETURN count(DISTINCT p.city)");
        assertThat(catalog.reloadIfChanged()).isTrue();
        assertThat(catalog.find("city-count").orElseThrow().title()).isEqualTo("Cities");
        assertThat(catalog.all()).hasSize(builtIn + 1);

        Files.writeString(directory.resolve("city-count.cypher"), "// @title Cities served\nMATCH (p:Physician) RETURN count(DISTINCT p.city) AS cities");
        assertThat(catalog.reloadIfChanged()).isTrue();
        assertThat(catalog.find("city-count").orElseThrow().title()).isEqualTo("Cities served");

        // a broken edit keeps the last good version
        Files.writeString(directory.resolve("city-count.cypher"), "// @title Cities served\n// @view pie\nRETURN 1");
        assertThat(catalog.reloadIfChanged()).isTrue();
        assertThat(catalog.find("city-count").orElseThrow().cypher()).contains("AS cities");

        // a file named like a built-in report replaces it; removing it brings the built-in one back
        Files.writeString(directory.resolve("payer-mix.cypher"), "// @title Local payer mix\nRETURN 1 AS one");
        catalog.reloadIfChanged();
        assertThat(catalog.find("payer-mix").orElseThrow().title()).isEqualTo("Local payer mix");
        Files.delete(directory.resolve("payer-mix.cypher"));
        Files.delete(directory.resolve("city-count.cypher"));
        assertThat(catalog.reloadIfChanged()).isTrue();
        assertThat(catalog.find("payer-mix").orElseThrow().title()).isEqualTo("Payer mix");
        assertThat(catalog.find("city-count")).isEmpty();
    }

    @Test
    void aBrokenFileStopsTheStartWithItsNameAndLine() throws Exception {
        Files.writeString(directory.resolve("broken.cypher"), "// @title Broken\n// @param n: money\nRETURN $n");
        assertThatThrownBy(() -> new ReportCatalog(directory))
                .hasMessageStartingWith(directory.resolve("broken.cypher") + ", line 2: parameter n:");
    }
}
