package org.privacymailbox.security;

import java.nio.charset.StandardCharsets;
import org.privacymailbox.archive.MailFiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file from a mail, sent to the staff's browser: always downloaded, never shown, under a cleaned name. A crafted
 * HTML or SVG attachment must not run in the page's origin.
 */
public final class SafeDownload {

    private SafeDownload() {
    }

    public static ResponseEntity<byte[]> of(byte[] content, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(MailFiles.safeName(name), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}
