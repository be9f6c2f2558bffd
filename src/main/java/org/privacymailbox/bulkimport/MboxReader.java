package org.privacymailbox.bulkimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the messages of an mbox one at a time, so a mailbox of gigabytes never sits in memory. A message starts at a
 * "From " line at the beginning of the file or after an empty line; ">From " quoting (mboxo and mboxrd) is undone.
 */
final class MboxReader implements Iterator<byte[]> {

    private final InputStream in;
    private byte[] pendingLine;
    private byte[] next;
    private boolean started;

    MboxReader(InputStream in) {
        this.in = in;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readMessage();
        }
        return next != null;
    }

    @Override
    public byte[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[] message = next;
        next = null;
        return message;
    }

    private byte[] readMessage() {
        try {
            if (!started) {
                started = true;
                pendingLine = readLine();
                while (pendingLine != null && isBlank(pendingLine)) {
                    pendingLine = readLine();
                }
            }
            if (pendingLine == null) {
                return null;
            }
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            byte[] line = startsWithFrom(pendingLine) ? readLine() : pendingLine; // the "From " separator is not part of the mail
            boolean previousBlank = false;
            while (line != null) {
                if (previousBlank && startsWithFrom(line)) {
                    break;
                }
                previousBlank = isBlank(line);
                message.write(unquote(line));
                line = readLine();
            }
            pendingLine = line;
            byte[] bytes = message.toByteArray();
            return trimTrailingBlankLine(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    static boolean startsWithFrom(byte[] line) {
        return line.length >= 5 && line[0] == 'F' && line[1] == 'r' && line[2] == 'o' && line[3] == 'm' && line[4] == ' ';
    }

    private static byte[] unquote(byte[] line) {
        int quotes = 0;
        while (quotes < line.length && line[quotes] == '>') {
            quotes++;
        }
        if (quotes > 0 && line.length - quotes >= 5 && line[quotes] == 'F' && line[quotes + 1] == 'r' && line[quotes + 2] == 'o'
                && line[quotes + 3] == 'm' && line[quotes + 4] == ' ') {
            byte[] shorter = new byte[line.length - 1];
            System.arraycopy(line, 1, shorter, 0, shorter.length);
            return shorter;
        }
        return line;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static byte[] trimTrailingBlankLine(byte[] bytes) {
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            if (end > 0 && bytes[end - 1] == '\n') {
                // the blank line before the next "From " belongs to the mbox, not to the message
                return Arrays.copyOf(bytes, end);
            }
        }
        return bytes;
    }
}
