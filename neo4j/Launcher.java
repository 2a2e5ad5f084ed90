/*
 * Starts an embedded Neo4j Community with Bolt on 127.0.0.1 and password auth, for Entente's local instance
 * and its throwaway test instances (src/runtime). Usage:
 *
 *   ENTENTE_NEO4J_PASSWORD=... java -cp 'lib/*:classes' <jvm flags> Launcher HOME PORT [PAGECACHE_MB]
 *
 * The password comes from the environment, never argv, so it does not show in `ps`. The launcher prints exactly
 * one status line, which src/runtime/launch.ts waits for:
 *
 *   entente-neo4j: READY bolt://127.0.0.1:PORT
 *   entente-neo4j: PORT_IN_USE 127.0.0.1:PORT
 *   entente-neo4j: STORE_LOCKED HOME
 *   entente-neo4j: START_FAILED <exception>: <message>
 *
 * With ENTENTE_NEO4J_PARENT_PID set it shuts down when that process (the one that started it) is gone, so a
 * test run that is killed does not leave a JVM behind holding memory and a store lock. It watches from its
 * first moment, and by pid: a parent killed before the JVM was up leaves it a child of init, which never dies.
 */
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public final class Launcher {
    private static final String PREFIX = "entente-neo4j: ";

    public static void main(String[] args) {
        if (args.length < 2) {
            status("START_FAILED usage: Launcher HOME PORT [PAGECACHE_MB]");
            System.exit(2);
        }
        String parentPid = System.getenv("ENTENTE_NEO4J_PARENT_PID");
        if (parentPid != null && !parentPid.isEmpty()) watchParent(Long.parseLong(parentPid));
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 128L;
        String password = System.getenv("ENTENTE_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            status("START_FAILED ENTENTE_NEO4J_PASSWORD must hold a password of at least 8 characters");
            System.exit(2);
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
                // Transaction logs are preallocated in 256 MB files by default: too much for throwaway stores.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s for its threads and 5 s more for its connections on shutdown by default;
                // nothing here needs that long, and every stop (each test run ends with one) would pay 10 s.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .build();
        } catch (Throwable error) {
            status(describe(error, home, port));
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "entente-neo4j-shutdown"));

        try {
            setPassword(dbms, password);
        } catch (Throwable error) {
            status("START_FAILED could not set the password: " + error.getMessage());
            System.exit(1);
        }

        status("READY bolt://127.0.0.1:" + port);
        try {
            stopped.await();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sets the password on every start, so a new `.neo4j/password` takes effect; the same one is not an error. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try (var tx = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).beginTx()) {
            tx.execute("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            tx.commit();
        } catch (RuntimeException error) {
            if (!chainMentions(error, "cannot be the same")) throw error;
        }
    }

    private static void watchParent(long pid) {
        var parent = ProcessHandle.of(pid).orElse(null);
        Thread watcher = new Thread(() -> {
            while (parent != null && parent.isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.exit(0);
        }, "entente-neo4j-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static String describe(Throwable error, Path home, int port) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return "PORT_IN_USE 127.0.0.1:" + port;
            }
            String name = t.getClass().getName();
            if (name.endsWith("FileLockException") || String.valueOf(t.getMessage()).contains("locked by another process")) {
                return "STORE_LOCKED " + home;
            }
        }
        Throwable root = error;
        while (root.getCause() != null) root = root.getCause();
        return "START_FAILED " + root.getClass().getName() + ": " + String.valueOf(root.getMessage()).replace('\n', ' ');
    }

    private static boolean chainMentions(Throwable error, String text) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) return true;
        }
        return false;
    }

    private static void status(String line) {
        System.out.println(PREFIX + line);
        System.out.flush();
    }
}
