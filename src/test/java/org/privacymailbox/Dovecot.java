package org.privacymailbox;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Dovecot IMAP server (Debian's dovecot-imapd, installed by .ci/run) in a temporary directory: one user with
 * a password, a Maildir, a loopback port. Started without systemd ({@code dovecot -F -c CONF}); the mail process runs
 * as uid 65534.
 */
public final class Dovecot implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/dovecot");

    private final Path directory;
    private final int port;
    private final Process process;

    private Dovecot(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(Path.of("/usr/bin/doveadm"));
    }

    public static Dovecot start(Path directory, String user, String password) throws Exception {
        return start(directory, user, password, TestMail.freePort());
    }

    /** Starts (or starts again, keeping the mail) on a given port. */
    public static Dovecot start(Path directory, String user, String password, int port) throws Exception {
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
                ssl = no
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
                    port = 0
                  }
                }
                service anvil {
                  chroot =
                }
                """.formatted(directory, port));
        Process process = new ProcessBuilder(BINARY.toString(), "-F", "-c", directory.resolve("dovecot.conf").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("console.log").toFile()).start();
        Dovecot dovecot = new Dovecot(directory, port, process);
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

    public String log() throws IOException {
        Path log = directory.resolve("dovecot.log");
        return Files.isRegularFile(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
