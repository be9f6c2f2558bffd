package org.privacymailbox.extraction;

/** The mail itself cannot be read as MIME; it goes to quarantine with this reason. */
public class UnreadableMailException extends Exception {

    public UnreadableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
