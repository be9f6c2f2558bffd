package org.privacymailbox.privacy;

/** The national identity numbers the service recognises. */
public enum IdentityType {
    DK_CPR,
    SE_PNR,
    NO_FNR,
    FI_HETU
}
