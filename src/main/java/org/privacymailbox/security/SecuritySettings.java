package org.privacymailbox.security;

import java.util.List;
import java.util.Set;
import org.privacymailbox.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts, each with a bcrypt hash ({@code htpasswd -nbBC 12 user pass}, or Spring's
 * {@code BCryptPasswordEncoder}), never a password in clear. None configured: an {@code admin} account is created.
 */
@ConfigurationProperties("privacy-mailbox.security")
public record SecuritySettings(@DefaultValue List<Account> users) {

    private static final Set<String> ROLES = Set.of("STAFF", "ADMIN");

    public SecuritySettings {
        users = users == null ? List.of() : List.copyOf(users);
        for (int i = 0; i < users.size(); i++) {
            Account account = users.get(i);
            String prefix = "privacy-mailbox.security.users[" + i + "].";
            if (account.name() == null || !account.name().matches("[A-Za-z0-9._@-]{1,64}")) {
                throw new InvalidSettingException(prefix + "name", "must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
            }
            String hash = account.passwordHash() == null ? "" : account.passwordHash().replaceFirst("^\\{bcrypt}", "");
            if (!hash.matches("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}")) {
                throw new InvalidSettingException(prefix + "password-hash", "must be a bcrypt hash ($2a$…, $2b$… or $2y$…)");
            }
            if (account.roles().isEmpty() || !ROLES.containsAll(account.roles())) {
                throw new InvalidSettingException(prefix + "roles", "must be STAFF, ADMIN or both");
            }
        }
    }

    public record Account(String name, String passwordHash, @DefaultValue("STAFF") List<String> roles) {
    }
}
