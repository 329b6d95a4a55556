package org.zhicheng.identity.internal.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.Registrations;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.auth.IdentitySettings;
import org.zhicheng.identity.internal.auth.PasswordPolicies;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.auth.UsernameKey;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.identity.internal.validation.PasswordPolicy;
import org.zhicheng.identity.internal.validation.Parsed;
import org.zhicheng.identity.internal.validation.ResidentIdNumber;
import org.zhicheng.identity.internal.validation.Violation;

/**
 * Applicant registration (CQ-APP-1) and its approval by the unit (CQ-ORG-4). The ID number is validated (GB
 * 11643), then stored only as SM4-GCM ciphertext, an HMAC-SM3 lookup hash (unique: CQ-ORG-5) and a masked form.
 * The component does not start without the personal-data keys, so people are never stored unprotected.
 */
@Component(service = Registrations.class, configurationPid = "org.zhicheng.identity")
public final class DatabaseRegistrations implements Registrations {

    static final String ID_PURPOSE = PersonRows.ID_PURPOSE;
    private static final Set<String> STAFF_TYPES = Set.of("institutional", "other");

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final PiiCipher cipher;
    private final Clock clock;

    @Activate
    public DatabaseRegistrations(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, IdentitySettings settings) {
        this(dataSource, audit, new PasswordHasher(new PasswordHasher.Settings(settings.argon2MemoryKiB(),
                settings.argon2Iterations(), 1)), PasswordPolicies.of(settings),
                PiiCipher.fromConfiguration(settings.pii_keyId(), settings.pii_encryptionKey(), settings.pii_lookupKey()),
                Clock.systemUTC());
    }

    public DatabaseRegistrations(DataSource dataSource, AuditTrail audit, PasswordHasher hasher, PasswordPolicy policy,
            PiiCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = policy;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String register(Application a, String clientIp) {
        if (a == null) {
            throw new IdentityException(400, "invalid-registration", "请填写注册信息。", "Please fill in the registration.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String username = a.username() == null ? "" : a.username().strip();
        String name = a.name() == null ? "" : a.name().strip();
        UsernameKey.problem(username).ifPresent(problems::add);
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldProblem("name", "person.name", "请填写姓名（不超过100字）。",
                    "Enter your name (at most 100 characters)."));
        }
        ResidentIdNumber idNumber = null;
        Parsed<ResidentIdNumber> parsed = ResidentIdNumber.parse(a.idNumber(), LocalDate.now(clock));
        if (parsed instanceof Parsed.Valid<ResidentIdNumber> valid) {
            idNumber = valid.value();
            ResidentIdNumber.Sex sex = "male".equals(a.sex()) ? ResidentIdNumber.Sex.MALE
                    : "female".equals(a.sex()) ? ResidentIdNumber.Sex.FEMALE : null;
            idNumber.consistencyWith(a.birthDate(), sex).forEach(v -> problems.add(field("idNumber", v)));
        } else {
            parsed.violations().forEach(v -> problems.add(field("idNumber", v)));
        }
        if (a.sex() != null && !Set.of("male", "female").contains(a.sex())) {
            problems.add(new FieldProblem("sex", "person.sex", "性别应为男或女。", "Sex is male or female."));
        }
        String mobile = PersonRows.mobile(a.mobile());
        if (!PersonRows.validMobile(mobile)) {
            problems.add(new FieldProblem("mobile", "person.mobile", "手机号应为11位数字，以1开头。",
                    "A mobile number has 11 digits starting with 1."));
        }
        if (a.staffType() == null || !STAFF_TYPES.contains(a.staffType())) {
            problems.add(new FieldProblem("staffType", "person.staff-type", "请选择申报人身份（事业单位在编人员或其他人员）。",
                    "Choose the applicant identity: institutional staff or other."));
        }
        String password = a.password() == null ? "" : a.password();
        List<String> personal = new ArrayList<>();
        if (idNumber != null) {
            personal.add(idNumber.value());
        }
        if (mobile != null) {
            personal.add(mobile);
        }
        policy.check(password, username, personal.toArray(String[]::new)).forEach(v -> problems.add(field("password", v)));
        if (!problems.isEmpty()) {
            throw new IdentityException(400, "invalid-registration", "注册信息有误，请按提示修改。",
                    "Some registration details are wrong; see each field.", problems);
        }
        ResidentIdNumber number = idNumber;
        String idHash = cipher.lookupHash(number.value(), ID_PURPOSE);
        String accountId = Transactions.inTransaction(dataSource, "registration", c -> {
            activeUnitPath(c, a.unitId()).orElseThrow(() -> new IdentityException(404, "unit-not-found", "所选单位不存在或尚未启用，请重新选择。",
                            "The chosen unit does not exist or is not active; choose again."));
            Optional<String[]> holder = PersonRows.unitHolding(c, idHash);
            if (holder.isPresent()) {
                throw registeredAt(holder.get()[1]);
            }
            UsernameKey.requireFree(c, username);
            String id = new IdentityStore(dataSource, clock).insertAccount(c, username, name, a.unitId(),
                    hasher.hash(password), false, List.of("applicant"));
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET status = 'pending' WHERE id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
            PersonRows.insert(c, cipher, clock, number, name, mobile, a.staffType(), id);
            return id;
        });
        audit.record(new AuditEvent("applicant.register", Actor.anonymous(clientIp), "account", accountId, null,
                "{\"unitId\":\"" + a.unitId() + "\",\"idNumber\":\"" + number.masked() + "\"}", null));
        return accountId;
    }

    @Override
    public List<PendingApplicant> pending(Caller caller, String unitId) {
        return Transactions.inTransaction(dataSource, "pending registrations", c -> {
            activeUnitPath(c, unitId).filter(caller::canSee).orElseThrow(DatabaseRegistrations::unitNotFound);
            List<PendingApplicant> result = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.username, p.name, p.id_number_masked, p.sex,"
                    + " p.birth_date, p.mobile_masked, p.staff_type FROM account a JOIN person p ON p.account_id = a.id"
                    + " WHERE a.organisation_id = ? AND a.status = 'pending' ORDER BY a.created_at, a.id")) {
                s.setString(1, unitId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.add(new PendingApplicant(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                                rs.getString(8), unitId));
                    }
                }
            }
            return result;
        });
    }

    @Override
    public void approve(Caller caller, String accountId, String clientIp) {
        Transactions.inTransaction(dataSource, "registration approval", c -> {
            lockPending(c, caller, accountId);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE account SET status = 'active', row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, accountId);
                s.executeUpdate();
            }
            return null;
        });
        record(caller, clientIp, "applicant.approve", accountId, null);
    }

    @Override
    public void reject(Caller caller, String accountId, String reason, String clientIp) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IdentityException(400, "reason-required", "请填写不予通过的原因（不超过500字）。",
                    "Give the reason for rejecting (at most 500 characters).");
        }
        Transactions.inTransaction(dataSource, "registration rejection", c -> {
            lockPending(c, caller, accountId);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM person WHERE account_id = ?")) {
                s.setString(1, accountId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET status = 'deleted', username_key = ?,"
                    + " password_hash = NULL, row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, "deleted:" + accountId);
                s.setString(2, accountId);
                s.executeUpdate();
            }
            return null;
        });
        record(caller, clientIp, "applicant.reject", accountId, reason.strip());
    }

    private static void lockPending(Connection c, Caller caller, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT o.path FROM account a JOIN organisation o"
                + " ON o.id = a.organisation_id WHERE a.id = ? AND a.status = 'pending' FOR UPDATE")) {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !caller.canSee(rs.getString(1))) {
                    throw new IdentityException(404, "registration-not-found", "没有待审核的该注册申请，或不在您的管理范围内。",
                            "No such pending registration within your organisation.");
                }
            }
        }
    }

    private static Optional<String> activeUnitPath(Connection c, String unitId) throws SQLException {
        if (unitId == null || unitId.length() > 36) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT path FROM organisation WHERE id = ? AND status = 'active'")) {
            s.setString(1, unitId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** CQ-ORG-5: the answer to an ID number registered already, naming the unit that holds it. */
    static IdentityException registeredAt(String unitName) {
        return new IdentityException(409, "id-number-registered", "该身份证号已在“" + unitName
                + "”注册。如需更换单位，请联系该单位删除原注册后重新注册。", "This ID number is already registered at \""
                + unitName + "\". To change unit, ask that unit to delete the registration, then register again.");
    }

    private void record(Caller caller, String ip, String action, String accountId, String detail) {
        audit.record(new AuditEvent(action, caller.actor(ip), "account", accountId, null, null,
                detail));
    }

    private static FieldProblem field(String path, Violation v) {
        return new FieldProblem(path, v.code(), v.zh(), v.en());
    }

    private static IdentityException unitNotFound() {
        return new IdentityException(404, "unit-not-found", "单位不存在，或不在您的管理范围内。",
                "No such unit within your organisation.");
    }
}
