package org.privacymailbox.audit;

import java.time.Clock;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.settings.DataSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditLog auditLog(DataSettings data, IdentityMasker masker, Clock clock) {
        return new AuditLog(data.resolve("audit").resolve("audit.log"), masker, clock);
    }
}
