package org.privacymailbox;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Dovecot IMAP server (Debian's dovecot-imapd, installed by .ci/run) in a temporary directory: one user with
 * a password, a Maildir, a loopback port. Started without systemd ({@code dovecot -F -c CONF}); the mail process runs
 * as uid 65534.
 */
public final class Dovecot implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/dovecot");

    private final Path directory;
    private final String user;
    private final String password;
    private final int port;
    private final int tlsPort;
    private final Process process;

    private Dovecot(Path directory, String user, String password, int port, int tlsPort, Process process) {
        this.directory = directory;
        this.user = user;
        this.password = password;
        this.port = port;
        this.tlsPort = tlsPort;
        this.process = process;
    }

    /** The service's settings for polling this server's inbox as its user (plain IMAP). */
    public List<String> serviceSettings() {
        return List.of("--privacy-mailbox.mailbox.embedded=false", "--privacy-mailbox.mailbox.address=" + user,
                "--privacy-mailbox.mailbox.password=" + password, "--privacy-mailbox.mailbox.port=" + port);
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(Path.of("/usr/bin/doveadm"));
    }

    public static Dovecot start(Path directory, String user, String password) throws Exception {
        return start(directory, user, password, TestMail.freePort());
    }

    /** Starts (or starts again, keeping the mail) on a given port. */
    public static Dovecot start(Path directory, String user, String password, int port) throws Exception {
        return start(directory, user, password, port, false);
    }

    /**
     * With {@code tls}, a self-signed certificate for 127.0.0.1 is made, STARTTLS is offered on {@link #port()} and
     * IMAPS listens on {@link #tlsPort()}; {@link #trustStore()} trusts the certificate (password "changeit").
     */
    public static Dovecot start(Path directory, String user, String password, int port, boolean tls) throws Exception {
        return start(directory, user, password, port, tls, "");
    }

    /** A server as older or stripped-down ones are: without IMAP MOVE (RFC 6851), so mail is filed by copy and delete. */
    public static Dovecot startWithoutMove(Path directory, String user, String password) throws Exception {
        return start(directory, user, password, TestMail.freePort(), false,
                "imap_capability = IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE UIDPLUS NAMESPACE CHILDREN UNSELECT");
    }

    private static Dovecot start(Path directory, String user, String password, int port, boolean tls, String extra)
            throws Exception {
        Path mail = Files.createDirectories(directory.resolve("mail"));
        // Dovecot's auth and mail processes run as other users: they must reach the user file and the Maildir
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path dir = directory.toAbsolutePath(); dir != null && dir.startsWith(temporary) && !dir.equals(temporary); dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(directory.resolve("run"));
        // the mail process runs as an unprivileged uid and must be able to create the Maildir
        Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rwxrwxrwx"));
        Process hash = new ProcessBuilder("/usr/bin/doveadm", "pw", "-s", "SHA512-CRYPT", "-p", password).start();
        String hashed = new String(hash.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        hash.waitFor(30, TimeUnit.SECONDS);
        Files.writeString(directory.resolve("users"), user + ":" + hashed + ":65534:65534::" + mail.resolve("user") + "::\n");
        Files.writeString(directory.resolve("dovecot.conf"), """
                protocols = imap
                listen = 127.0.0.1
                base_dir = %1$s/run
                state_dir = %1$s/run
                log_path = %1$s/dovecot.log
                %3$s
                %5$s
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                first_valid_uid = 65534
                mail_location = maildir:~/Maildir
                passdb {
                  driver = passwd-file
                  args = scheme=SHA512-CRYPT %1$s/users
                }
                userdb {
                  driver = passwd-file
                  args = %1$s/users
                }
                service imap-login {
                  chroot =
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    address = 127.0.0.1
                    port = %4$d
                  }
                }
                service anvil {
                  chroot =
                }
                """.formatted(directory, port, tls ? "ssl = yes\nssl_cert = <" + certificate(directory) + "\nssl_key = <"
                        + directory.resolve("key.pem") : "ssl = no", tls ? TestMail.freePort() : 0, extra));
        Process process = new ProcessBuilder(BINARY.toString(), "-F", "-c", directory.resolve("dovecot.conf").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("console.log").toFile()).start();
        int tlsPort = tls ? tlsPortIn(directory.resolve("dovecot.conf")) : 0;
        Dovecot dovecot = new Dovecot(directory, user, password, port, tlsPort, process);
        TestMail.await("Dovecot listening on " + port, Duration.ofSeconds(20), dovecot::listening);
        return dovecot;
    }

    private boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    private static int tlsPortIn(Path config) throws IOException {
        String text = Files.readString(config);
        int listener = text.indexOf("inet_listener imaps");
        int portAt = text.indexOf("port = ", listener) + "port = ".length();
        return Integer.parseInt(text.substring(portAt, text.indexOf('\n', portAt)).strip());
    }

    /** A self-signed certificate for 127.0.0.1 (PEM for Dovecot) and a trust store holding it (for the service). */
    private static Path certificate(Path directory) throws Exception {
        Path cert = directory.resolve("cert.pem");
        run(directory, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", directory.resolve("key.pem").toString(), "-out", cert.toString());
        run(directory, "keytool", "-importcert", "-noprompt", "-alias", "dovecot", "-file", cert.toString(), "-keystore",
                directory.resolve("truststore.p12").toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        return cert;
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    public String log() throws IOException {
        Path log = directory.resolve("dovecot.log");
        return Files.isRegularFile(log) ? Files.readString(log) : "";
    }

    /** SIGKILL to the server and every process it started, as in a crash: nothing is flushed or closed. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The user's Maildir, for changing it behind the server's back while it is stopped. */
    public Path maildir() {
        return directory.resolve("mail/user/Maildir");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
