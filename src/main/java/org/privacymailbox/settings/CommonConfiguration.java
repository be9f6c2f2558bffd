package org.privacymailbox.settings;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommonConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
