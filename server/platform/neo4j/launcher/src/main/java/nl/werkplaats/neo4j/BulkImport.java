package nl.werkplaats.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Runs Neo4j's offline bulk importer ({@code neo4j-admin database import full}) on the embedded
 * launcher's data folder, while no Neo4j is running on it. The folder is the same Neo4j home as
 * {@link EmbeddedNeo4j} uses (database "neo4j" under {@code <home>/data}, the launcher's neo4j.conf
 * in the home itself), so the next start of the launcher opens the imported store.
 *
 * <p>Arguments: {@code --home DIR [--] <arguments of "database import full">...}. The exit code is
 * the import command's; its own output goes to stdout and stderr unchanged.
 */
public final class BulkImport {

    private BulkImport() {}

    public static void main(String[] args) {
        Path home = null;
        List<String> command = new ArrayList<>(List.of("database", "import", "full"));
        int i = 0;
        if (args.length >= 2 && args[0].equals("--home")) {
            home = Path.of(args[1]).toAbsolutePath();
            i = 2;
        }
        if (i < args.length && args[i].equals("--")) {
            i++;
        }
        for (; i < args.length; i++) {
            command.add(args[i]);
        }
        if (home == null) {
            System.err.println("usage: BulkImport --home DIR [--] <arguments of neo4j-admin database import full>");
            System.exit(2);
            return;
        }
        int code;
        try {
            Files.createDirectories(home);
            // The home is also the configuration folder: the launcher writes its neo4j.conf there.
            ExecutionContext context = new ExecutionContext(home, home, System.out, System.err, new DefaultFileSystemAbstraction());
            code = AdminTool.execute(context, command.toArray(new String[0]));
        } catch (Throwable t) {
            System.err.println("BulkImport failed: " + t);
            code = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
