package org.liaisonprm.cli;

import java.util.Arrays;

import org.liaisonprm.LiaisonApplication;
import org.liaisonprm.bench.ImportBenchmark;
import org.liaisonprm.bench.LoadBenchmark;
import org.liaisonprm.bench.ReportBenchmark;
import org.liaisonprm.importer.ImportCommand;

/**
 * {@code java -jar liaison.jar [COMMAND]}: without a command serves the application; {@code import
 * --format=... --file=...} imports a file into the configured store without starting the web server
 * (docs/import-formats.md); {@code bench reports|network|import|load ...} runs a benchmark (docs/benchmarks.md);
 * {@code --help} lists these commands. Nothing in the application depends on this package.
 */
public final class Liaison {

    static final String USAGE = """
            Usage: java -jar liaison.jar [COMMAND] [--SETTING=VALUE …]

            Commands:
              (none)                      serve the application: the web server and the graph; settings such as
                                          --server.port=8080 or --liaison.graph.data-dir=./data apply
              import --file=PATH …        import a file into the store while no server holds it;
                                          import --help lists the formats, their options and the exit codes
              bench reports|network|import …
                                          run a benchmark (docs/benchmarks.md)
              bench load --password=… [--url=…] [--users=50] [--seconds=60] [--warmup-seconds=10]
                                          drive a running server holding the demo region with a team of API
                                          clients; bench load --help lists the options and exit codes
              --help                      this text

            See README.md.""";

    private Liaison() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            System.out.println(USAGE);
            return;
        }
        if (command.equals("import")) {
            System.exit(new ImportCommand(System.out).run(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        if (args.length >= 2 && command.equals("bench") && args[1].equals("load")) {
            System.exit(LoadBenchmark.run(Arrays.copyOfRange(args, 2, args.length), System.out));
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
        LiaisonApplication.serve(args);
    }
}
