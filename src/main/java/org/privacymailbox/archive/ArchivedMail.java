package org.privacymailbox.archive;

import java.util.Objects;

/**
 * A mail as it arrived, stored under the SHA-256 of its bytes. The bytes travel with it so that later stages
 * do not read the archive again; equality is by hash only.
 */
public record ArchivedMail(String sha256, byte[] raw) {

    public ArchivedMail {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(raw, "raw");
    }

    public long size() {
        return raw.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchivedMail that && sha256.equals(that.sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        // never the bytes: they are a customer's mail
        return "ArchivedMail[sha256=" + sha256 + ", size=" + raw.length + "]";
    }
}
