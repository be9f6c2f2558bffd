package org.privacymailbox.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.privacymailbox.settings.DataSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/**").hasAnyRole("STAFF", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // the API is called with credentials on every request, never with a session cookie
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(SecuritySettings settings, DataSettings data, PasswordEncoder encoder) throws IOException {
        List<UserDetails> users = new ArrayList<>();
        for (SecuritySettings.Account account : settings.users()) {
            users.add(User.withUsername(account.name())
                    .password(account.passwordHash().replaceFirst("^\\{bcrypt}", ""))
                    .roles(account.roles().toArray(String[]::new))
                    .build());
        }
        if (users.isEmpty()) {
            InitialAdminPassword.Result initial = InitialAdminPassword.load(data.resolve("initial-admin-password"));
            if (initial.created()) {
                // printed, not logged: log files are shipped and kept, this line should not be
                System.out.println("""

                        ================================================================
                         No staff accounts are configured. Created the account 'admin'
                         with the password: %s
                         It is also in %s (readable by this user only).
                        ================================================================
                        """.formatted(initial.password(), data.resolve("initial-admin-password")));
            }
            users.add(User.withUsername("admin").password(encoder.encode(initial.password())).roles("ADMIN", "STAFF").build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
