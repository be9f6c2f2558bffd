package org.privacymailbox.intake;

import java.util.Properties;
import org.privacymailbox.monitoring.PipelineMetrics;
import org.apache.camel.component.mail.MailAuthenticator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connection details for the mailbox endpoint in routes/intake.yaml. Credentials go through an authenticator bean,
 * not the endpoint URI, so that they never appear in a URI that Camel might log.
 */
@Configuration(proxyBeanMethods = false)
class MailboxConfiguration {

    /** A mail larger than this is read from the server in pieces of this size. */
    static final int FETCH_PIECE_SIZE = 1024 * 1024;

    @Bean
    RawMailReader rawMailReader() {
        return new RawMailReader();
    }

    @Bean
    PolledMailPrefetch polledMailPrefetch(MailboxSettings settings) {
        return new PolledMailPrefetch(settings.maxMessagesPerPoll());
    }

    @Bean
    MailboxErrors mailboxErrors(PipelineMetrics metrics) {
        return new MailboxErrors(metrics);
    }

    @Bean
    InterruptedFiling interruptedFiling(MailboxSettings settings) {
        return new InterruptedFiling(settings);
    }

    /** Named, since Java 21 adds a close() that Spring would otherwise pick, which waits a day for a stuck thread. */
    @Bean(destroyMethod = "shutdown")
    MailboxWorkers mailboxWorkers(MailboxSettings settings) {
        return new MailboxWorkers(settings.workers());
    }

    @Bean
    MailboxFiling mailboxFiling(MailboxWorkers workers) {
        return new MailboxFiling(workers);
    }

    @Bean
    MailboxEraser mailboxEraser(MailboxSettings settings) {
        return new MailboxEraser(settings);
    }

    @Bean
    MailAuthenticator mailboxAuthenticator(MailboxSettings settings) {
        return MailSessionProperties.authenticator(settings.username(), settings.password());
    }

    @Bean
    Properties mailboxJavaMailProperties(MailboxSettings settings) {
        Properties properties = MailSessionProperties.forImap(settings);
        // the poller's own store: a mail is marked read when it is filed with its poll, not one command at a time
        properties.setProperty("mail." + settings.protocol() + ".class",
                "imaps".equals(settings.protocol()) ? IntakeImapStore.Ssl.class.getName() : IntakeImapStore.class.getName());
        // a mail is read whole into memory for the archive; in Angus's pieces of 16 KB each piece is a round trip to
        // the server, 64 for a 1 MB PDF receipt
        properties.setProperty("mail." + settings.protocol() + ".fetchsize", Integer.toString(FETCH_PIECE_SIZE));
        return properties;
    }
}
