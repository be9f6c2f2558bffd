package org.privacymailbox.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end-to-end benchmark's SMTP server: takes every mail, counts it and notes when the reply to each mail arrived
 * (by its In-Reply-To). The benchmark shares two cores with the service, so its SMTP server must cost next to nothing:
 * GreenMail made a user with a mailbox for each new recipient, looking through all of them first, which after 10,000
 * acknowledgements to different customers took 9 % of the process's CPU.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger received = new AtomicInteger();
    private final Map<String, Long> repliedAt = new ConcurrentHashMap<>();

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Mails whose DATA the sink accepted. */
    int received() {
        return received.get();
    }

    /** When ({@link System#nanoTime}) a reply to the mail of this Message-ID was accepted; null while none was. */
    Long repliedAt(String messageId) {
        return repliedAt.get(messageId);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> converse(client), "smtp-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 localhost ESMTP sink");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 localhost");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String data;
                        String inReplyTo = null;
                        boolean header = true;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            // only the header that names the mail answered is read: the tests check the content
                            header &= !data.isEmpty();
                            if (header && data.regionMatches(true, 0, "In-Reply-To:", 0, 12)) {
                                inReplyTo = data.substring(12).trim();
                            }
                        }
                        if (inReplyTo != null) {
                            repliedAt.putIfAbsent(inReplyTo, System.nanoTime());
                        }
                        received.incrementAndGet();
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the service closed its connection: nothing was owed on it
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
