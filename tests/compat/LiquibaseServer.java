// Real Liquibase 4.28's command line, run for many requests in one JVM. The compatibility suite
// starts Liquibase a few hundred times per run; each start of a fresh JVM costs seconds of CPU
// that CI does not have. This server runs the very entry point `liquibase` runs
// (LiquibaseCommandLine.execute, minus System.exit) once per request, as an embedding application
// runs Liquibase: in one thread, whose root scope holds the configuration definitions that
// Liquibase's classes register once, when they are loaded (a new thread would have a new root
// scope without them). What a command leaves behind for the next is cleared between commands.
// Requests run one at a time, so that System.out, System.err and java.util.logging belong to one.
//
// Protocol on a Unix domain socket (see liquibase_runner.py): the request is an int n and n
// strings (the arguments); the answer is the exit code, then stdout and stderr as byte blocks.
// A request of no arguments stops the server; so does an idle time without requests.
//
//   java -cp <Liquibase's jars> LiquibaseServer.java SOCKET IDLE_SECONDS

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.executor.ExecutorService;
import liquibase.integration.commandline.LiquibaseCommandLine;
import liquibase.integration.commandline.Main;
import liquibase.lockservice.LockServiceFactory;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.DatabaseObjectFactory;

public class LiquibaseServer {
    // Under ctest's 300 s per entry, so that a hung command ends before its test is killed.
    private static final long COMMAND_DEADLINE_MILLIS = 240_000;
    private static PrintStream log;  // the server's own log (its original stderr)

    // Where System.out / System.err go while a request runs; outside requests, to the server's log.
    private static final class Capture extends OutputStream {
        private final PrintStream fallback;
        volatile ByteArrayOutputStream target;

        Capture(PrintStream fallback) {
            this.fallback = fallback;
        }

        private OutputStream current() {
            ByteArrayOutputStream t = target;
            return t != null ? t : fallback;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            current().write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            current().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            current().flush();
        }
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        long idleMillis = Long.parseLong(args[1]) * 1000;
        // As LiquibaseCommandLine.main does before its first command.
        System.setProperty("org.fusesource.jansi.Ansi.disable", "true");
        log = System.err;
        Capture out = new Capture(System.out);
        Capture err = new Capture(System.err);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));  // no prompt ever waits for an answer

        Files.deleteIfExists(socket);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (selector.select(idleMillis) > 0) {
                selector.selectedKeys().clear();
                SocketChannel client = server.accept();
                if (client == null) {
                    continue;
                }
                client.configureBlocking(true);
                try (client) {
                    if (!serve(client, out, err)) {
                        break;
                    }
                } catch (IOException e) {  // a client that went away: its test reports it
                    e.printStackTrace();
                }
            }
        } finally {
            Files.deleteIfExists(socket);
        }
        System.exit(0);  // Liquibase may leave non-daemon threads behind
    }

    private static boolean serve(SocketChannel client, Capture out, Capture err) throws IOException, InterruptedException {
        DataInputStream in = new DataInputStream(Channels.newInputStream(client));
        String[] args;
        try {
            args = new String[in.readInt()];
        } catch (EOFException e) {  // a client that only checked the server listens
            return true;
        }
        for (int i = 0; i < args.length; i++) {
            byte[] arg = new byte[in.readInt()];
            in.readFully(arg);
            args[i] = new String(arg, StandardCharsets.UTF_8);
        }
        if (args.length == 0) {
            return false;
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = 1;
        resetBetweenCommands();
        out.target = stdout;
        err.target = stderr;
        // A command that hangs (a lock another test holds, a server that does not answer) must not hold
        // up every later command: past the deadline the server ends; its client sees the connection
        // close, and the next command starts a new server.
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(COMMAND_DEADLINE_MILLIS);
                log.println("LiquibaseServer: command ran longer than the deadline, exiting: "
                        + String.join(" ", args));
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {  // the command finished
            }
        }, "liquibase-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            exit = new LiquibaseCommandLine().execute(args);
        } catch (Throwable e) {  // execute reports its own errors; this is anything beyond them
            e.printStackTrace();
        } finally {
            watchdog.interrupt();
            System.out.flush();
            System.err.flush();
            out.target = null;
            err.target = null;
        }
        DataOutputStream answer = new DataOutputStream(Channels.newOutputStream(client));
        answer.writeInt(exit);
        answer.writeInt(stdout.size());
        stdout.writeTo(answer);
        answer.writeInt(stderr.size());
        stderr.writeTo(answer);
        answer.flush();
        return true;
    }

    // What Liquibase keeps from one command to the next in one JVM: the lock and history services
    // and executors of each database it opened, snapshot generators, the last -D parameters. Cleared, as Liquibase's own
    // embedded integrations clear them between runs, so that a command sees only its own database.
    private static void resetBetweenCommands() {
        LockServiceFactory.getInstance().resetAll();
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        Scope.getCurrentScope().getSingleton(ExecutorService.class).reset();
        SnapshotGeneratorFactory.resetAll();
        // A diff on SQLite (no sequences) narrows the cached standard object types for good
        // (StandardDiffGenerator's retainAll): a later PostgreSQL snapshot would miss sequences.
        DatabaseObjectFactory.getInstance().reset();
        Main.newCliChangelogParameters = null;  // set by a command with -D parameters, read by the next
    }
}
