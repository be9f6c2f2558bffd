package org.privacymailbox.routing;

import jakarta.jms.ConnectionFactory;
import org.privacymailbox.cases.CaseLedger;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.privacy.IdentityNumberDetector;
import org.privacymailbox.storage.Checkpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RoutingMessageFactory routingMessageFactory(RoutingSettings settings, IdentityMasker masker, IdentityNumberDetector detector,
            CaseLedger ledger) {
        return new RoutingMessageFactory(settings, masker, new BillingReferences(detector), ledger);
    }

    @Bean
    DeferredQueueSends deferredQueueSends(ConnectionFactory connectionFactory, ObjectProvider<Checkpoint> checkpoint) {
        return new DeferredQueueSends(connectionFactory, checkpoint.getIfAvailable());
    }

    /**
     * The embedded broker writes its journal with Java's file API, and then holds each batch of persistent sends for
     * up to 3.3 ms (Artemis' default for that kind of journal) before syncing it. A mail waits for two such sends; held
     * 0.5 ms instead (the default for the native journal), concurrent sends still share a sync.
     */
    @Bean
    ArtemisConfigurationCustomizer journalSyncDelay() {
        return configuration -> configuration.setJournalBufferTimeout_NIO(500_000);
    }
}
