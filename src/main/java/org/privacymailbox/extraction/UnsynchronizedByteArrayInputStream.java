package org.privacymailbox.extraction;

import java.io.ByteArrayInputStream;

/**
 * A mail's bytes for Jakarta Mail, which reads header lines one byte at a time: ByteArrayInputStream takes its lock
 * for every byte, and those locks were a third of reading the headers in an import (twice a mail: to find its case and
 * to parse it). Still a ByteArrayInputStream, so that a MimeMessage reads it directly instead of wrapping it in a
 * BufferedInputStream, which locks at every byte as well.
 */
public final class UnsynchronizedByteArrayInputStream extends ByteArrayInputStream {

    public UnsynchronizedByteArrayInputStream(byte[] bytes) {
        super(bytes);
    }

    @Override
    public int read() {
        return pos < count ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int available() {
        return count - pos;
    }
}
