package nl.werkplaats.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
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
        config.put("db.tx_log.rotation.retention_policy", "2 files");
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

        Thread watchdog = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) != -1) {
                    // The parent writes nothing; we only wait for end-of-file.
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
