package org.privacymailbox.settings;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Set;

/** Checks shared by the settings records; each failure names the setting. */
public final class Settings {

    private Settings() {
    }

    public static String requireText(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(setting, "must be set");
        }
        return value.strip();
    }

    public static int requirePort(String setting, int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidSettingException(setting, "must be a port between 1 and 65535, was " + port);
        }
        return port;
    }

    public static String requireOneOf(String setting, String value, Set<String> allowed) {
        String text = requireText(setting, value).toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(text)) {
            throw new InvalidSettingException(setting, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", was '" + value + "'");
        }
        return text;
    }

    public static Duration requireAtLeast(String setting, Duration value, Duration minimum) {
        if (value == null || value.compareTo(minimum) < 0) {
            throw new InvalidSettingException(setting, "must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    public static long requirePositive(String setting, long value) {
        if (value <= 0) {
            throw new InvalidSettingException(setting, "must be greater than 0, was " + value);
        }
        return value;
    }

    public static String requireAddress(String setting, String value) {
        String text = requireText(setting, value);
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return address.getAddress();
        } catch (AddressException e) {
            throw new InvalidSettingException(setting, "must be an e-mail address, was '" + value + "'");
        }
    }
}
