package org.zhicheng.identity.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.crypto.OneTimeSecrets;
import org.zhicheng.identity.internal.crypto.PasswordHasher;

/**
 * On a brand-new deployment (no account at all), creates the root organisation and the first platform
 * administrator with a random one-time password that must be changed at first sign-in (FJ-9: never a default
 * password). The password is written once to a file readable only by the service's user, never to the log.
 */
@Component(immediate = true, configurationPid = "org.zhicheng.identity.bootstrap")
@Designate(ocd = FirstStart.Settings.class)
public final class FirstStart {

    /** Settings of the first start ({@code etc/org.zhicheng.identity.bootstrap.cfg}). */
    @ObjectClassDefinition(name = "Zhicheng first start")
    public @interface Settings {
        @AttributeDefinition(description = "Username of the first platform administrator.")
        String adminUsername() default "admin";

        @AttributeDefinition(description = "Where the first administrator's one-time password is written;"
                + " relative paths are under the Karaf data directory.")
        String credentialsFile() default "zhicheng/first-start-credentials.txt";

        @AttributeDefinition(description = "Name of the deployment's root organisation.")
        String rootOrganisationName() default "职称申报评审平台 / Zhicheng platform";
    }

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    @Activate
    public FirstStart(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, Settings settings)
            throws SQLException, IOException {
        Path file = Path.of(settings.credentialsFile());
        if (!file.isAbsolute()) {
            file = Path.of(System.getProperty("karaf.data", "data")).resolve(file);
        }
        bootstrap(new IdentityStore(dataSource, Clock.systemUTC()), audit, settings.adminUsername(),
                settings.rootOrganisationName(), file);
    }

    /** Creates the root and the administrator when no account exists; returns whether it did. */
    static boolean bootstrap(IdentityStore store, AuditTrail audit, String username, String rootName, Path file)
            throws SQLException, IOException {
        if (store.hasAccounts()) {
            return false;
        }
        String password = OneTimeSecrets.password();
        var root = store.createOrganisation(null, "platform", rootName, "active");
        String hash = new PasswordHasher(PasswordHasher.Settings.DEFAULTS).hash(password);
        String accountId = store.createAccount(username, "平台管理员 / Platform administrator", root.id(), hash, true,
                List.of("platform-admin"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply.
        }
        Files.writeString(file, "# Zhicheng first start: sign in once with these, then you must choose a new password.\n"
                + "# 首次启动：请用以下账号登录一次，随后必须修改密码。删除本文件。\nusername=" + username + "\npassword="
                + password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        audit.record(new AuditEvent("account.create", Actor.SYSTEM, "account", accountId, null,
                "{\"username\":\"" + username + "\",\"roles\":[\"platform-admin\"]}", "first start"));
        LOG.warn("First start: created platform administrator '{}'; its one-time password is in {} (delete the file"
                + " after the first sign-in)", username, file.toAbsolutePath());
        return true;
    }
}
