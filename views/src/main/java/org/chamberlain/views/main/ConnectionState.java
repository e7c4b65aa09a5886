package org.chamberlain.views.main;

/** An account's connection as the sidebar and status bar show it. */
public enum ConnectionState {
    OFFLINE("offline"),
    CONNECTING("connecting…"),
    ONLINE("online"),
    RECONNECTING("reconnecting…"),
    FAILED("sign-in failed");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
