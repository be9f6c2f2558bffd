package org.privacymailbox.archive;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The attached files of an archived mail, as sent, for download and export. */
public final class MailFiles {

    private static final Session SESSION = Session.getInstance(lenient());
    private static final int MAX_DEPTH = 20;

    /** A file attached to a mail; {@code name} is never empty. */
    public record MailFile(String name, String contentType, byte[] content) {
    }

    private MailFiles() {
    }

    public static List<MailFile> attachments(byte[] raw) {
        List<MailFile> files = new ArrayList<>();
        try {
            walk(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), files, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            // a mail too broken to walk has no files to offer; its raw .eml is still there to download
        }
        return files;
    }

    private static void walk(Part part, List<MailFile> files, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, files, depth + 1);
            }
            return;
        }
        String name = part.getFileName();
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || name != null;
        if (!attached) {
            return;
        }
        try (InputStream in = part.getInputStream()) {
            String decoded = name == null ? "attachment-" + (files.size() + 1) : MimeUtility.decodeText(name);
            files.add(new MailFile(decoded, baseType(part.getContentType()), in.readAllBytes()));
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    private static Properties lenient() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        return properties;
    }

    /** A file name safe in a download header and a ZIP: no paths, no control or quote characters. */
    public static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:|?*;]", "_").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            base = "file";
        }
        return base.length() > 150 ? base.substring(base.length() - 150) : base;
    }
}
