package org.privacymailbox.indexing;

/** A search that cannot be understood; its message is meant for the person who typed it. */
public class InvalidQueryException extends Exception {

    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
