package nl.werkplaats.neo4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.impl.transaction.log.LogAppendEvent;
import org.neo4j.kernel.impl.transaction.log.checkpoint.CheckPointer;
import org.neo4j.kernel.impl.transaction.log.checkpoint.SimpleTriggerInfo;
import org.neo4j.kernel.impl.transaction.log.files.LogFile;
import org.neo4j.kernel.impl.transaction.log.files.LogFiles;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.internal.Version;

/**
 * Runs Neo4j Community in this JVM with its Bolt connector on the loopback interface, for the
 * project's embedded default (no Docker, no separately installed server).
 *
 * <p>The parent (the Node app or the test setup) talks to it through one line on stdout:
 * {@code NEO4J_READY <version> <bolt-address>} once Bolt accepts connections, or
 * {@code NEO4J_ERROR <code> <message>} before exiting non-zero. The parent keeps our stdin open;
 * when the parent dies, even by SIGKILL, stdin reaches end-of-file and we shut the database down
 * cleanly and exit, so no orphan keeps the port or the store lock.
 *
 * <p>The parent may also write one command a line on stdin: {@code PRUNE_TX_LOGS <id>} rotates the
 * transaction log, checkpoints and prunes the older log files (with the retention policy
 * {@code keep_none}, all but the newest), so values a transaction erased are no longer in any log file;
 * the answer is {@code NEO4J_PRUNED <id> ok <files left>} or {@code NEO4J_PRUNED <id> error <message>}.
 * Community edition has no procedure for this (db.checkpoint() is Enterprise), hence the internal API.
 *
 * <p>Arguments: {@code --home DIR --plugins DIR --port N [--pagecache SIZE] [--conf key=value]...}
 */
public final class EmbeddedNeo4j {

    private EmbeddedNeo4j() {}

    public static void main(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--conf")) {
                String[] kv = args[i + 1].split("=", 2);
                if (kv.length == 2) {
                    extra.put(kv[0], kv[1]);
                }
            } else {
                opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
        }
        Path home = Path.of(opts.getOrDefault("home", ".neo4j/data")).toAbsolutePath();
        Path plugins = Path.of(opts.getOrDefault("plugins", ".neo4j/runtime/plugins")).toAbsolutePath();
        int port = Integer.parseInt(opts.getOrDefault("port", "7687"));
        String pagecache = opts.getOrDefault("pagecache", "512m");

        if (!portIsFree(port)) {
            fail(3, "port " + port + " on 127.0.0.1 is already in use; stop what holds it or set NEO4J_BOLT_PORT to a free port");
        }
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            fail(5, "cannot create the data folder " + home + ": " + e.getMessage());
        }

        Map<String, String> config = new LinkedHashMap<>();
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", "127.0.0.1:" + port);
        config.put("server.bolt.advertised_address", "127.0.0.1:" + port);
        // Loopback only and no auth: the embedded default is a developer's local database.
        config.put("dbms.security.auth_enabled", "false");
        config.put("server.directories.plugins", plugins.toString());
        config.put("dbms.security.procedures.unrestricted", "apoc.*");
        config.put("server.memory.pagecache.size", pagecache);
        // Keep no transaction log beyond what recovery needs: the app's backups are logical exports
        // (npm run backup), and an erased person's values must leave the log files (docs/security.md).
        config.put("db.tx_log.rotation.retention_policy", "keep_none");
        config.put("dbms.usage_report.enabled", "false");
        config.putAll(extra);

        // Settings go through a generated neo4j.conf: the builder takes no raw key/value map.
        Path conf = home.resolve("neo4j.conf");
        StringBuilder text = new StringBuilder("# Written by the launcher at each start; edits are overwritten.\n");
        config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(conf, text.toString());
        } catch (IOException e) {
            fail(5, "cannot write " + conf + ": " + e.getMessage());
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
        } catch (Throwable t) {
            if (causedByLock(t)) {
                fail(4, "the data folder " + home + " is locked by another Neo4j process; stop it (npm start or the tests may still be running) and try again");
            }
            fail(6, "Neo4j could not start: " + rootMessage(t) + " (see " + home.resolve("logs/debug.log") + ")");
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } catch (Throwable ignored) {
                // Shutting down anyway.
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        // The default database is started by build(); check that it is available before saying ready.
        try {
            dbms.database("neo4j").executeTransactionally("RETURN 1");
        } catch (Throwable t) {
            fail(6, "Neo4j started but its database is not available: " + rootMessage(t));
        }
        System.out.println("NEO4J_READY " + Version.getNeo4jVersion() + " bolt://127.0.0.1:" + port);
        System.out.flush();

        GraphDatabaseService graph = dbms.database("neo4j");
        Thread watchdog = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] command = line.trim().split(" ", 2);
                    if (command[0].equals("PRUNE_TX_LOGS")) {
                        String id = command.length > 1 ? command[1] : "-";
                        String answer;
                        try {
                            answer = "ok " + pruneTransactionLogs(graph);
                        } catch (Throwable t) {
                            answer = "error " + rootMessage(t).replace('\n', ' ');
                        }
                        synchronized (System.out) {
                            System.out.println("NEO4J_PRUNED " + id + " " + answer);
                            System.out.flush();
                        }
                    }
                }
            } catch (IOException ignored) {
                // Treat a broken pipe like end-of-file.
            }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Rotates the transaction log and checkpoints (which prunes by the retention policy) until the log
     * file that was current when asked (it holds the erasing transaction, whose before-images carry the
     * erased values) is gone; at most eight rounds. Each round writes two small transactions (a node made and removed) into the
     * new file, because pruning always keeps the newest non-empty file. Returns the log files left, or fails.
     */
    private static String pruneTransactionLogs(GraphDatabaseService graph) throws IOException {
        GraphDatabaseAPI api = (GraphDatabaseAPI) graph;
        LogFiles logFiles = api.getDependencyResolver().resolveDependency(LogFiles.class);
        CheckPointer checkPointer = api.getDependencyResolver().resolveDependency(CheckPointer.class);
        LogFile logFile = logFiles.getLogFile();
        long erasedIn = logFile.getCurrentLogVersion();
        int rounds = 0;
        while (logFile.getLowestLogVersion() <= erasedIn) {
            if (++rounds > 8) {
                throw new IOException("log version " + erasedIn + " was still kept after 8 rotations (lowest "
                        + logFile.getLowestLogVersion() + "): is db.tx_log.rotation.retention_policy keep_none?");
            }
            logFile.getLogRotation().rotateLogFile(LogAppendEvent.NULL);
            graph.executeTransactionally("CREATE (:StoreMaintenance {id: 'tx-log-prune'})");
            graph.executeTransactionally("MATCH (m:StoreMaintenance {id: 'tx-log-prune'}) DELETE m");
            checkPointer.forceCheckPoint(new SimpleTriggerInfo("erasure: prune transaction logs"));
        }
        return logFiles.logFiles().length + " files, " + rounds + " rotations";
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean causedByLock(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getSimpleName();
            String msg = String.valueOf(c.getMessage());
            if (name.contains("FileLock") || msg.contains("locked by another") || msg.contains("Lock file has been locked")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    private static void fail(int code, String message) {
        System.out.println("NEO4J_ERROR " + code + " " + message);
        System.out.flush();
        System.exit(code);
    }
}
