package org.chamberlain.app.forms;

import java.util.List;
import java.util.Optional;

/**
 * Well-known fields of the room configuration form (XEP-0045 §15.5.3, FORM_TYPE
 * {@code http://jabber.org/protocol/muc#roomconfig}), and the short "common settings" a form view shows above
 * the full form. Pure; any thread.
 */
public final class RoomConfigFields {
    public static final String NAME = "muc#roomconfig_roomname";
    public static final String DESCRIPTION = "muc#roomconfig_roomdesc";
    public static final String PERSISTENT = "muc#roomconfig_persistentroom";
    public static final String PUBLIC = "muc#roomconfig_publicroom";
    public static final String MEMBERS_ONLY = "muc#roomconfig_membersonly";
    public static final String MODERATED = "muc#roomconfig_moderatedroom";
    public static final String PASSWORD_PROTECTED = "muc#roomconfig_passwordprotectedroom";
    public static final String PASSWORD = "muc#roomconfig_roomsecret";
    public static final String WHOIS = "muc#roomconfig_whois";
    public static final String CHANGE_SUBJECT = "muc#roomconfig_changesubject";
    public static final String ALLOW_INVITES = "muc#roomconfig_allowinvites";

    /** The common settings, in the order a summary shows them. */
    public static final List<String> COMMON = List.of(NAME, DESCRIPTION, PERSISTENT, PUBLIC, MEMBERS_ONLY,
            MODERATED, PASSWORD_PROTECTED, PASSWORD, WHOIS);

    private RoomConfigFields() {
    }

    /** The common settings this form has, in {@link #COMMON} order (servers offer different subsets). */
    public static List<FieldDefinition> common(FormDefinition form) {
        return COMMON.stream().map(form::field).flatMap(Optional::stream).toList();
    }
}
