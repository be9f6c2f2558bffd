package org.privacymailbox.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.privacymailbox.settings.DataSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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

    /** The API: HTTP Basic on every request, no session, no cookie, so no CSRF to guard against. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/export", "/api/erase").hasRole("ADMIN")
                        .anyRequest().hasAnyRole("STAFF", "ADMIN"))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The pages: form login, a session that times out, CSRF on every form, and a strict content policy. */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // /error: where a 401 or 404 is rendered; it must not itself redirect to the login page
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/style.css", "/error").permitAll()
                        .requestMatchers("/person/export", "/person/erase", "/audit").hasRole("ADMIN")
                        .anyRequest().hasAnyRole("STAFF", "ADMIN"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/search", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        // no inline script or style anywhere: a mail's hostile HTML could not run even if it slipped through
                        .contentSecurityPolicy(policy -> policy.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
                                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    LoginThrottle loginThrottle() {
        return new LoginThrottle(5, Duration.ofMinutes(15), Clock.systemUTC());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(SecuritySettings settings, DataSettings data, PasswordEncoder encoder, LoginThrottle throttle)
            throws IOException {
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
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(users);
        // a user name that failed too often is locked for a while: Spring refuses a locked account before the password
        return username -> {
            UserDetails user = accounts.loadUserByUsername(username);
            return throttle.locked(username) ? User.withUserDetails(user).accountLocked(true).build() : user;
        };
    }
}
