package org.privacymailbox.extraction;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds files uuencoded into a plain-text body, as old clients and some gateways still send them. */
final class UuencodedParts {

    private static final Pattern BLOCK = Pattern.compile("(?m)^begin [0-7]{3,4} ([^\\r\\n]+)\\r?\\n(.*?)^end\\s*$", Pattern.DOTALL);

    record UuFile(String name, byte[] content) {
    }

    record Split(String text, List<UuFile> files) {
    }

    private UuencodedParts() {
    }

    static Split split(String body) {
        if (!body.contains("begin ")) {
            return new Split(body, List.of());
        }
        Matcher m = BLOCK.matcher(body);
        List<UuFile> files = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int position = 0;
        while (m.find()) {
            byte[] decoded = decode(m.group());
            if (decoded == null) {
                continue;
            }
            text.append(body, position, m.start());
            files.add(new UuFile(m.group(1).strip(), decoded));
            position = m.end();
        }
        text.append(body.substring(position));
        return new Split(text.toString(), files);
    }

    private static byte[] decode(String block) {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(block.getBytes(StandardCharsets.ISO_8859_1)), "uuencode")) {
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            return null; // looked like uuencode but is not: it stays in the text
        }
    }
}
