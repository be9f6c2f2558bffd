package org.privacymailbox.routing;

import org.privacymailbox.cases.CaseLedger;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.privacy.IdentityNumberDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RoutingMessageFactory routingMessageFactory(RoutingSettings settings, IdentityMasker masker, IdentityNumberDetector detector,
            CaseLedger ledger) {
        return new RoutingMessageFactory(settings, masker, new BillingReferences(detector), ledger);
    }
}
