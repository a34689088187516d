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
 * store without starting the web server (docs/import-formats.md); {@code --help} lists these commands.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LiaisonApplication {

    static final String USAGE = """
            Usage: java -jar liaison.jar [COMMAND] [--SETTING=VALUE …]

            Commands:
              (none)                      serve the application: the web server and the graph; settings such as
                                          --server.port=8080 or --liaison.graph.data-dir=./data apply
              import --file=PATH …        import a file into the store while no server holds it;
                                          import --help lists the formats, their options and the exit codes
              bench reports|network|import …
                                          run a benchmark (docs/benchmarks.md)
              --help                      this text

            See README.md.""";

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            System.out.println(USAGE);
            return;
        }
        if (command.equals("import")) {
            ImportCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length >= 2 && command.equals("bench") && args[1].equals("import")) {
            ImportBenchmark.main(Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        if (args.length >= 2 && command.equals("bench") && (args[1].equals("reports") || args[1].equals("network"))) {
            String[] rest = Arrays.copyOfRange(args, 2, args.length);
            if (args[1].equals("reports")) {
                ReportBenchmark.main(rest);
            } else {
                ReportBenchmark.network(rest);
            }
            return;
        }
        if (!command.isEmpty() && !command.startsWith("-")) {
            // a mistyped command would otherwise start the server
            String unknown = command.equals("bench") && args.length >= 2 ? "bench " + args[1] : command;
            System.out.println("Unknown command " + unknown + "\n\n" + USAGE);
            System.exit(2);
        }
        SpringApplication.run(LiaisonApplication.class, args);
    }
}
