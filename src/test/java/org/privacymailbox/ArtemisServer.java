package org.privacymailbox;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone Apache Artemis distribution (org.apache.activemq:apache-artemis, bin tar.gz, unpacked into
 * target/artemis by the build) as an external broker: a broker instance created in a temporary directory, run as a
 * process of its own on a loopback port, with a login. Killing it is a real broker crash; starting it again on the
 * same instance recovers its journal.
 */
public final class ArtemisServer implements AutoCloseable {

    public static final String USER = "pipeline";
    public static final String PASSWORD = "pipeline-secret";
    private static final Path DISTRIBUTION = Path.of("target/artemis");

    private final Path instance;
    private final int port;
    private Process process;

    private ArtemisServer(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    public static boolean unpacked() {
        return home() != null;
    }

    private static Path home() {
        try (var entries = Files.list(DISTRIBUTION)) {
            return entries.filter(dir -> Files.isExecutable(dir.resolve("bin/artemis"))).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Creates a broker instance in {@code directory} and starts it. */
    public static ArtemisServer create(Path directory) throws Exception {
        Path home = home();
        if (home == null) {
            throw new IllegalStateException("the Artemis distribution is not unpacked in " + DISTRIBUTION.toAbsolutePath() + "; run mvn test");
        }
        int port = TestMail.freePort();
        Path instance = directory.resolve("broker-instance");
        run(directory, home.resolve("bin/artemis").toAbsolutePath().toString(), "create", "--silent", "--force",
                "--user", USER, "--password", PASSWORD, "--require-login", "--host", "127.0.0.1", "--default-port", Integer.toString(port),
                "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor", "--nio",
                instance.toAbsolutePath().toString());
        ArtemisServer server = new ArtemisServer(instance, port);
        server.start();
        return server;
    }

    /** Starts (again) the broker instance, recovering its journal. */
    public void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(instance.resolve("bin/artemis").toAbsolutePath().toString(), "run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolve("console.log").toFile()));
        // the instance's profile asks for 2 GB of heap; a test broker needs a fraction of it
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_ARGS", "-Xms64M -Xmx256M -Dlog4j2.disableJmx=true --add-opens java.base/jdk.internal.misc=ALL-UNNAMED");
        process = builder.start();
        TestMail.await("Artemis listening on " + port, Duration.ofSeconds(60), this::listening);
    }

    /** SIGKILL to the broker and everything it started: no orderly shutdown, as in a crash. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        process = null;
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public String log() throws IOException {
        Path log = instance.resolve("console.log");
        return Files.isRegularFile(log) ? Files.readString(log) : "";
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
        process = null;
    }
}
