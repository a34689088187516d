package org.liaisonprm;

import java.util.Arrays;

import org.liaisonprm.bench.ImportBenchmark;
import org.liaisonprm.bench.ReportBenchmark;
import org.liaisonprm.importer.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Liaison: a graph-native physician relationship manager.
 * <p>
 * {@code java -jar liaison.jar} serves the application; {@code java -jar liaison.jar bench reports ...} runs
 * the report benchmark instead, {@code bench network ...} the explorer's, {@code bench import ...} the
 * importer's (docs/benchmarks.md); {@code import --format=... --file=...} imports a file into the configured
 * store without starting the web server (docs/import-formats.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LiaisonApplication {

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("import")) {
            ImportCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length >= 2 && args[0].equals("bench") && args[1].equals("import")) {
            ImportBenchmark.main(Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        if (args.length >= 2 && args[0].equals("bench") && (args[1].equals("reports") || args[1].equals("network"))) {
            String[] rest = Arrays.copyOfRange(args, 2, args.length);
            if (args[1].equals("reports")) {
                ReportBenchmark.main(rest);
            } else {
                ReportBenchmark.network(rest);
            }
            return;
        }
        SpringApplication.run(LiaisonApplication.class, args);
    }
}
