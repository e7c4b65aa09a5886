package org.chamberlain.app.audit;

import java.nio.file.Path;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.affiliations.ApplyReport;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Run by {@link AuditCrashTest} in its own JVM: applies one affiliation change with auditing, says so on
 * stdout, then waits to be killed. Arguments: host port domain room auditFile grantee.
 */
public final class AuditCrashChild {
    private AuditCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setHost(args[0]).setPort(Integer.parseInt(args[1])).setXmppDomain(args[2])
                .setUsernameAndPassword("crashowner", "password").setSecurityMode(SecurityMode.disabled).build());
        connection.connect().login();
        MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(JidCreate.entityBareFrom(args[3]))
                .create(Resourcepart.from("Owner")).makeInstant();
        AffiliationService service = new AffiliationService(connection,
                AuditTrail.to(new AuditLog(Path.of(args[4]))).affiliations());
        ApplyReport report = service.apply(args[3], AffiliationChangeSet.against(service.fetch(args[3]))
                .add(args[5], Affiliation.MEMBER, "crash test"), false);
        System.out.println("APPLIED " + report.isComplete());
        System.out.flush();
        // Wait to be killed: the parent sends SIGKILL as soon as it reads the line above.
        Thread.sleep(120_000);
    }
}
