package org.privacymailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Builds, sends and finds test mail against a real IMAP/SMTP server. */
public final class TestMail {

    private static final Session SESSION = Session.getInstance(new Properties());
    /** Test servers' ports are taken from here up to the start of the kernel's range for outgoing connections. */
    private static final int LOWEST_TEST_PORT = 10_000;
    private static final Random PORTS = new Random();
    private static final Set<Integer> GIVEN_PORTS = new HashSet<>();

    /**
     * The serial part of the test CPR number 010180-4321, in any form a reader could take it from: after the birth date, alone, or
     * after masking stars. Random Message-IDs, mail keys and timestamps are runs of hex digits that spell 4321 now and then (CI once
     * failed on a UUID), so four digits inside such a run do not count.
     */
    public static final Pattern TEST_CPR_SERIAL = Pattern.compile("010180\\D{0,3}4321|(?<![0-9a-fA-F]|[0-9a-fA-F]-)4321(?![0-9a-fA-F])");

    private TestMail() {
    }

    /**
     * A port nothing listens on, for a server that a test starts a little later. It is taken below the range the
     * kernel hands out to outgoing connections: a port from that range, free when asked, was now and then taken as the
     * local end of a connection (to the broker, say) before the test's server bound it ("Address already in use").
     */
    public static synchronized int freePort() {
        int ephemeralStart = ephemeralPortsStart();
        if (ephemeralStart - LOWEST_TEST_PORT >= 1000) {
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = LOWEST_TEST_PORT + PORTS.nextInt(ephemeralStart - LOWEST_TEST_PORT);
                // a port handed out is not handed out again: its server may not be listening yet
                if (GIVEN_PORTS.add(port) && nothingListensOn(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Linux's ip_local_port_range; elsewhere the start of Linux's default range, below those of other systems. */
    private static int ephemeralPortsStart() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    private static boolean nothingListensOn(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static MimeMessage message(String from, String to, String subject, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new java.util.Date());
        return message;
    }

    public static MimeMessage withText(MimeMessage message, String text) throws MessagingException {
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    public static MimeMessage withAttachment(MimeMessage message, String text, String fileName, String type, byte[] content)
            throws MessagingException {
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        attachment.setFileName(fileName);
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(body, attachment));
        message.saveChanges();
        return message;
    }

    /** Hands a message to the SMTP server on a loopback port, as a customer's mail server would, Message-ID unchanged. */
    public static void deliver(int smtpPort, MimeMessage message) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        // sendMessage, not Transport.send: the latter saves changes and so would replace the Message-ID
        try (Transport transport = Session.getInstance(properties).getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** A Word document (DOCX) of one paragraph. */
    public static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        }
    }

    public static byte[] pdf(String line) throws IOException {
        return pdf(line, null);
    }

    /** A one-page PDF with a line of text, encrypted with {@code userPassword} unless it is null. */
    public static byte[] pdf(String line, String userPassword) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(line);
                content.endText();
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * The messages in a folder of a mailbox, read over IMAP the way a person's mail client would. The service may
     * file a message while it is being read here; the server then fails that message, and the folder is read again.
     */
    public static List<MimeMessage> folder(int imapPort, String user, String password, String folderName) throws MessagingException {
        for (int attempt = 1; ; attempt++) {
            try {
                return readFolder(imapPort, user, password, folderName);
            } catch (MessagingException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static List<MimeMessage> readFolder(int imapPort, String user, String password, String folderName) throws MessagingException {
        Store store = SESSION.getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> copies = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    if (!message.isSet(Flags.Flag.DELETED)) {
                        copies.add(new MimeMessage((MimeMessage) message));
                    }
                }
                return copies;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** Names and sizes of a mailbox's folders, to make a failed wait explain itself. */
    public static String describeFolders(int imapPort, String user, String password) throws MessagingException {
        Store store = SESSION.getStore("imap");
        store.connect("127.0.0.1", imapPort, user, password);
        try {
            StringBuilder description = new StringBuilder();
            for (Folder folder : store.getDefaultFolder().list("*")) {
                description.append(folder.getFullName()).append('=').append(folder.getMessageCount()).append(' ');
            }
            return description.toString().strip();
        } finally {
            store.close();
        }
    }

    public static boolean containsMessageId(List<MimeMessage> messages, String messageId) throws MessagingException {
        for (MimeMessage message : messages) {
            if (messageId.equals(message.getMessageID())) {
                return true;
            }
        }
        return false;
    }

    public static long countMessageId(List<MimeMessage> messages, String messageId) throws MessagingException {
        long count = 0;
        for (MimeMessage message : messages) {
            if (messageId.equals(message.getMessageID())) {
                count++;
            }
        }
        return count;
    }

    public static void await(String what, Duration timeout, CheckedCondition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.holds()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(200);
        }
    }

    @FunctionalInterface
    public interface CheckedCondition {
        boolean holds() throws Exception;
    }
}
