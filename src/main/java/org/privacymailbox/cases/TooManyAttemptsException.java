package org.privacymailbox.cases;

/** A mail whose processing began several times and never ended: probably it crashes the service. */
public class TooManyAttemptsException extends Exception {

    public TooManyAttemptsException(int attempts) {
        super("processing began " + attempts + " times without ending (the service may have crashed on it); set aside");
    }
}
