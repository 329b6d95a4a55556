package org.zhicheng.console.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.audit.ChainVerification;

/**
 * {@code zhicheng:audit-verify}: recomputes the audit log's hash chain (FJ-7: the log is kept forever and must
 * show any change). Prints the result and fails the command when the chain is broken, so scripts notice.
 */
@Service
@Command(scope = "zhicheng", name = "audit-verify", description = "Verify the audit log's hash chain / 校验审计日志完整性")
public final class AuditVerifyCommand implements Action {

    @Reference
    AuditTrail audit;

    /** Where the report goes; the shell's output unless a test sets it. */
    PrintStream out = System.out;

    @Override
    public Object execute() {
        ChainVerification result = audit.verify();
        if (result.intact()) {
            out.printf("Audit chain intact / 审计日志完整: %d entries checked%n", result.entriesChecked());
            return null;
        }
        out.printf("Audit chain BROKEN / 审计日志已被篡改: first broken entry %d (%s); %d entries checked before it%n",
                result.firstBrokenSeq(), result.problem(), result.entriesChecked());
        throw new IllegalStateException("audit chain broken at entry " + result.firstBrokenSeq());
    }
}
