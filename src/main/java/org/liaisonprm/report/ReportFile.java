package org.liaisonprm.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report file: comment lines with {@code @title}, {@code @description}, {@code @category},
 * {@code @view}, {@code @gds}, {@code @param}, {@code @choices} and {@code @column} tags, then the Cypher (docs/reports.md).
 */
public final class ReportFile {

    private static final Pattern TAG = Pattern.compile("^//\\s*@(\\w+)\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile("^(\\w+)\\s*:\\s*(.+?)\\s*(?:=\\s*(.*))?$");
    private static final Pattern CHOICES = Pattern.compile("^(\\w+)\\s*:\\s*(.+)$");
    private static final Pattern COLUMN = Pattern.compile("^(\\w+)\\s*:\\s*([^|]+?)\\s*(?:\\|\\s*([\\w-]+)\\s*)?$");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private ReportFile() {
    }

    /**
     * @throws ReportFileException naming the file, the line and what is wrong
     */
    public static ReportDefinition parse(String id, String text) {
        return parse(id, text, "cypher/reports/" + id + ".cypher");
    }

    /**
     * Reads report text that is not a file (a saved report, the Cypher page's editor).
     *
     * @param where what to call the text in messages, e.g. "saved report ortho-by-town"
     * @throws ReportFileException naming the place, the line and what is wrong
     */
    public static ReportDefinition parse(String id, String text, String where) {
        if (!ID.matcher(id).matches()) {
            throw new ReportFileException(where, 0, "a report id is lower-case letters, digits and dashes");
        }
        String title = null;
        String description = "";
        String category = "Other";
        ReportDefinition.View view = ReportDefinition.View.TABLE;
        boolean usesGds = false;
        Map<String, ReportParameter> parameters = new LinkedHashMap<>();
        Map<String, ReportColumn> columns = new LinkedHashMap<>();
        var cypher = new StringBuilder();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            Matcher tag = TAG.matcher(line);
            if (cypher.isEmpty() && tag.matches()) {
                String value = tag.group(2).strip();
                switch (tag.group(1)) {
                    case "title" -> title = value;
                    case "description" -> description = description.isEmpty() ? value : description + " " + value;
                    case "category" -> category = value;
                    case "gds" -> usesGds = true;
                    case "view" -> {
                        try {
                            view = ReportDefinition.View.valueOf(value.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new ReportFileException(where, number, "@view must be table, graph, bar or line");
                        }
                    }
                    case "param" -> {
                        var parameter = parameter(where, number, value);
                        if (parameters.put(parameter.name(), parameter) != null) {
                            throw new ReportFileException(where, number, "parameter " + parameter.name() + " is declared twice");
                        }
                    }
                    case "choices" -> {
                        Matcher m = CHOICES.matcher(value);
                        if (!m.matches() || !parameters.containsKey(m.group(1))) {
                            throw new ReportFileException(where, number, "@choices needs 'name: query' for a declared parameter");
                        }
                        parameters.computeIfPresent(m.group(1), (k, p) -> p.withChoicesQuery(m.group(2).strip()));
                    }
                    case "column" -> {
                        var column = column(where, number, value);
                        if (columns.put(column.name(), column) != null) {
                            throw new ReportFileException(where, number, "column " + column.name() + " is declared twice");
                        }
                    }
                    default -> throw new ReportFileException(where, number, "unknown tag @" + tag.group(1));
                }
            } else if (cypher.isEmpty() && (line.isEmpty() || line.startsWith("//"))) {
                continue;
            } else {
                cypher.append(lines[i]).append('\n');
            }
        }
        if (title == null || title.isBlank()) {
            throw new ReportFileException(where, 0, "@title is missing");
        }
        String query = cypher.toString().strip();
        if (query.isEmpty()) {
            throw new ReportFileException(where, 0, "the file holds no Cypher after its header");
        }
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        if (query.contains(";")) {
            throw new ReportFileException(where, 0, "a report is one statement: remove the ';' inside it");
        }
        if (usesGds && !query.contains("$graphName")) {
            throw new ReportFileException(where, 0, "a @gds report projects its graph as $graphName");
        }
        return new ReportDefinition(id, title, description, category, view, new ArrayList<>(parameters.values()),
                new ArrayList<>(columns.values()), usesGds, query, null);
    }

    /**
     * The same report text with its title, description, category and view set: those tags are taken out of
     * the leading comments and written anew at the top; parameters, choices and the Cypher stay as they are.
     */
    public static String withHeader(String text, String title, String description, String category,
                                    ReportDefinition.View view) {
        var header = new StringBuilder();
        header.append("// @title ").append(oneLine(title)).append('\n');
        if (description != null && !description.isBlank()) {
            for (String line : description.strip().split("\\R")) {
                header.append("// @description ").append(line.strip()).append('\n');
            }
        }
        if (category != null && !category.isBlank()) {
            header.append("// @category ").append(oneLine(category)).append('\n');
        }
        header.append("// @view ").append(view.name().toLowerCase(Locale.ROOT)).append('\n');
        String[] lines = text.split("\\R", -1);
        boolean inHeader = true;
        for (String raw : lines) {
            String line = raw.strip();
            if (inHeader && !(line.isEmpty() || line.startsWith("//"))) {
                inHeader = false;
            }
            Matcher tag = TAG.matcher(line);
            if (inHeader && tag.matches()
                    && List.of("title", "description", "category", "view").contains(tag.group(1))) {
                continue;
            }
            header.append(raw).append('\n');
        }
        return header.toString().strip() + "\n";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** {@code name: Label} or {@code name: Label | format}. */
    private static ReportColumn column(String where, int line, String text) {
        Matcher m = COLUMN.matcher(text);
        if (!m.matches()) {
            throw new ReportFileException(where, line, "@column needs 'name: Label' or 'name: Label | format'");
        }
        try {
            return ReportColumn.declared(m.group(1), m.group(2).strip(), m.group(3));
        } catch (IllegalArgumentException e) {
            throw new ReportFileException(where, line, e.getMessage());
        }
    }

    private static ReportParameter parameter(String where, int line, String text) {
        Matcher m = PARAM.matcher(text);
        if (!m.matches()) {
            throw new ReportFileException(where, line, "@param needs 'name: type' or 'name: type = default'");
        }
        try {
            var type = ParameterType.parse(m.group(2));
            String defaultValue = m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).strip();
            if (defaultValue != null && !ReportDefaults.isRelative(defaultValue)) {
                type.convert(defaultValue);
            }
            return new ReportParameter(m.group(1), type, defaultValue, null);
        } catch (IllegalArgumentException e) {
            throw new ReportFileException(where, line, "parameter " + m.group(1) + ": " + e.getMessage());
        }
    }

    /** A report file that cannot be read, with the place and the reason. */
    public static class ReportFileException extends IllegalArgumentException {
        ReportFileException(String where, int line, String reason) {
            super(where + (line > 0 ? ", line " + line : "") + ": " + reason);
        }
    }
}
