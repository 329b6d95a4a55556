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

        @AttributeDefinition(description = "Also create the demo organisations and accounts of the four provinces"
                + " (marked 【演示】), their one-time passwords written to demoCredentialsFile. Never in production.")
        boolean demo() default false;

        @AttributeDefinition(description = "Where the demo accounts' one-time passwords are written.")
        String demoCredentialsFile() default "zhicheng/demo-accounts.txt";
    }

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    @Activate
    public FirstStart(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, Settings settings)
            throws SQLException, IOException {
        IdentityStore store = new IdentityStore(dataSource, Clock.systemUTC());
        if (bootstrap(store, audit, settings.adminUsername(), settings.rootOrganisationName(),
                dataFile(settings.credentialsFile())) && settings.demo()) {
            demo(store, audit, dataFile(settings.demoCredentialsFile()));
        }
    }

    private static Path dataFile(String name) {
        Path file = Path.of(name);
        return file.isAbsolute() ? file : Path.of(System.getProperty("karaf.data", "data")).resolve(file);
    }

    /** Creates the demo tree under the root made by {@link #bootstrap} and writes its accounts' passwords. */
    static void demo(IdentityStore store, AuditTrail audit, Path file) throws SQLException, IOException {
        String root = store.rootId().orElseThrow(() -> new IllegalStateException("no root organisation"));
        List<DemoTree.Account> accounts = DemoTree.create(store, new PasswordHasher(PasswordHasher.Settings.DEFAULTS),
                root);
        StringBuilder text = new StringBuilder("# Zhicheng DEMO accounts (演示账号): one-time passwords, to be changed at"
                + " first sign-in. Demo data only; never in production.\n# username\trole\torganisation\tpassword\n");
        for (DemoTree.Account a : accounts) {
            text.append(a.username()).append('\t').append(a.role()).append('\t').append(a.organisation()).append('\t')
                    .append(a.oneTimePassword()).append('\n');
        }
        writePrivate(file, text.toString());
        audit.record(new AuditEvent("demo.create", Actor.SYSTEM, null, null, null,
                "{\"accounts\":" + accounts.size() + "}", "demo organisations and accounts"));
        LOG.warn("Demo data created: {} demo accounts; their one-time passwords are in {}", accounts.size(),
                file.toAbsolutePath());
    }

    /** Writes a file only the service's user can read. */
    private static void writePrivate(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply.
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
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
        writePrivate(file, "# Zhicheng first start: sign in once with these, then you must choose a new password.\n"
                + "# 首次启动：请用以下账号登录一次，随后必须修改密码。删除本文件。\nusername=" + username + "\npassword="
                + password + "\n");
        audit.record(new AuditEvent("account.create", Actor.SYSTEM, "account", accountId, null,
                "{\"username\":\"" + username + "\",\"roles\":[\"platform-admin\"]}", "first start"));
        LOG.warn("First start: created platform administrator '{}'; its one-time password is in {} (delete the file"
                + " after the first sign-in)", username, file.toAbsolutePath());
        return true;
    }
}
