package org.privacymailbox.intake;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.privacymailbox.monitoring.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the mail consumer could not do with the mailbox itself (connect, open the folder, file a mail): counted for
 * monitoring and logged in one line with the server's error, never a mail's content. The mail stays on the server
 * and the next poll tries again.
 */
public class MailboxErrors implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxErrors.class);

    private final PipelineMetrics metrics;

    public MailboxErrors(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException("mailbox poll failed", null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        metrics.pollFailed();
        // Camel's own message repeats the whole endpoint URI; what failed is said shorter
        LOG.warn("{}; trying again at the next poll: {}: {}", exchange == null ? "mailbox poll failed" : "a mail could not be filed",
                exception.getClass().getSimpleName(), exception.getMessage());
    }
}
