package org.privacymailbox.routing;

import org.privacymailbox.privacy.IdentityMasker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RoutingMessageFactory routingMessageFactory(RoutingSettings settings, IdentityMasker masker) {
        return new RoutingMessageFactory(settings, masker);
    }
}
