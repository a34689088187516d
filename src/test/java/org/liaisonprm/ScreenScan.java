package org.liaisonprm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.liaisonprm.base.Vocabulary;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Reads what a page shows a person and names what should not be there: internal codes (upper-case enum
 * constants, the graph's codes), camelCase field names, numbers in scientific notation, and a page wider
 * than the window. Text a user typed or Cypher shown as code ({@code pre}, {@code code}, the Cypher editor,
 * {@code .user-text}) is not read; the figures a chart or map draws on a canvas are read from the data the
 * page gave them.
 */
final class ScreenScan {

    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
    private static final Pattern CAMEL = Pattern.compile("(?<![\\w./$@#:-])[a-z]+(?:[A-Z][a-z0-9]+)+(?![\\w(])");
    /**
     * A number as Java ({@code 4.179E7}, {@code 1.0E-4}) or JavaScript ({@code 1e+21}) writes it in scientific
     * notation: a decimal point or a signed exponent, so that the start of an id such as {@code 9090e632…} is not
     * taken for one.
     */
    private static final Pattern SCIENTIFIC = Pattern.compile(
            "(?<![\\w.-])(?:\\d+\\.\\d+[eE][+-]?\\d+|\\d+[eE][+-]\\d+)(?![\\w.-])");
    /** Upper-case words that are the graph's or the code's values (three letters or more), e.g. LOYALIST. */
    private static final Set<String> CODES = codes();

    private static final String READ = """
            const skip = 'pre, code, liaison-cypher-editor, .user-text, vaadin-grid-sorter[hidden]';
            const parts = [];
            const walk = (node) => {
              if (node.nodeType === Node.TEXT_NODE) {
                const parent = node.parentElement;
                if (parent && !parent.closest(skip) && parent.checkVisibility && parent.checkVisibility()) {
                  parts.push(node.textContent);
                }
                return;
              }
              if (node.nodeType !== Node.ELEMENT_NODE || node.matches(skip) || node.tagName === 'SCRIPT'
                  || node.tagName === 'STYLE' || node.tagName === 'TEMPLATE') {
                return;
              }
              node.childNodes.forEach(walk);
            };
            walk(document.body);
            document.querySelectorAll('vaadin-text-field, vaadin-combo-box, vaadin-select, vaadin-date-picker')
              .forEach(f => { if (f.label) parts.push(f.label); if (f.helperText) parts.push(f.helperText); });
            document.querySelectorAll('liaison-report-chart').forEach(c => {
              try { const d = JSON.parse(c.chart || '{}'); parts.push(...(d.labels || []), ...(d.series || []).map(s => s.name)); }
              catch (e) { }
            });
            document.querySelectorAll('liaison-outreach-map').forEach(m => {
              try {
                const d = JSON.parse(m.data || '{}');
                const strip = h => (h || '').replace(/<[^>]*>/g, ' ');
                parts.push(...(d.legend || []).map(l => l.label), ...(d.places || []).map(p => strip(p.tooltip)));
              } catch (e) { }
            });
            const layout = document.querySelector('vaadin-app-layout');
            const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
            const page = document.scrollingElement;
            return {
              text: parts.join('\\n'),
              sideways: Math.max(page.scrollWidth - window.innerWidth,
                                 content ? content.scrollWidth - content.clientWidth : 0)
            };
            """;

    private ScreenScan() {
    }

    /** What is wrong with the page the browser shows, in words; empty when nothing is. */
    static List<String> problems(JavascriptExecutor browser) {
        @SuppressWarnings("unchecked")
        var read = (Map<String, Object>) browser.executeScript(READ);
        String text = String.valueOf(read.get("text"));
        var found = new ArrayList<String>();
        var constants = matches(CONSTANT, text);
        var codes = new TreeSet<String>();
        for (String word : text.split("[^A-Za-z0-9_]+")) {
            if (CODES.contains(word)) {
                codes.add(word);
            }
        }
        constants.addAll(codes);
        if (!constants.isEmpty()) {
            found.add("internal codes " + constants);
        }
        var camel = matches(CAMEL, text);
        if (!camel.isEmpty()) {
            found.add("field names " + camel);
        }
        var scientific = matches(SCIENTIFIC, text);
        if (!scientific.isEmpty()) {
            found.add("numbers in scientific notation " + scientific);
        }
        long sideways = ((Number) read.get("sideways")).longValue();
        if (sideways > 1) {
            found.add("the page scrolls sideways by " + sideways + " px");
        }
        return found;
    }

    /**
     * Waits until Vaadin has answered and the page holds still: two reads 300 ms apart find the same amount of
     * text and the same number of elements.
     */
    static void settle(org.openqa.selenium.WebDriver driver) {
        var last = new String[1];
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(300)).until(d -> {
                    Object now = ((JavascriptExecutor) d).executeScript("""
                            const v = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                            const busy = v && Object.values(v).some(c => c.isActive && c.isActive());
                            return document.readyState !== 'complete' || busy ? null
                                : document.body.innerText.length + ':' + document.getElementsByTagName('*').length;""");
                    boolean still = now != null && now.equals(last[0]);
                    last[0] = now == null ? null : now.toString();
                    return still;
                });
    }

    private static TreeSet<String> matches(Pattern pattern, String text) {
        var found = new TreeSet<String>();
        var m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Set<String> codes() {
        var codes = new TreeSet<String>();
        Vocabulary.kinds().values().forEach(kind -> kind.keySet().stream()
                .filter(code -> code.length() >= 3 && code.equals(code.toUpperCase(java.util.Locale.ROOT)))
                .forEach(codes::add));
        return codes;
    }
}
