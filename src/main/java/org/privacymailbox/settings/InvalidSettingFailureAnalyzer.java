package org.privacymailbox.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad setting into one line naming it, rather than a page of binder stack trace. */
final class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(
                "Invalid setting " + cause.getMessage() + " (environment variable " + cause.environmentVariable() + ")",
                "Correct the setting " + cause.setting() + " and start again; README.md lists every setting.",
                cause);
    }
}
