package org.privacymailbox.settings;

/**
 * A setting that cannot work. Thrown while settings are bound so that start-up stops with one line that names
 * the setting, instead of failing later and far away (at the first poll, the first send).
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** The same setting as an environment variable, which is how most operators set it. */
    public String environmentVariable() {
        return setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace("-", "");
    }
}
