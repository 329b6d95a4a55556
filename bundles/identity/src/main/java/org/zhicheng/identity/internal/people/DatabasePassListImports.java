package org.zhicheng.identity.internal.people;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.documents.SpreadsheetException;
import org.zhicheng.api.documents.Spreadsheets;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.PassListImports;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.audit.AuditJson;
import org.zhicheng.identity.internal.auth.IdentitySettings;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.auth.UsernameKey;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.identity.internal.validation.EmailAddress;
import org.zhicheng.identity.internal.validation.Parsed;
import org.zhicheng.identity.internal.validation.ResidentIdNumber;

/**
 * Pass-list import (GD-PHOTO-1): every row is checked before anything is written, then all rows are written in
 * one transaction. Accounts are made without a password (see {@link PassListImports}), so a list of thousands
 * costs no password hashing and hands out no secrets.
 */
@Component(service = PassListImports.class, configurationPid = "org.zhicheng.identity")
public final class DatabasePassListImports implements PassListImports {

    static final Spreadsheets.Limits LIMITS = new Spreadsheets.Limits(10L * 1024 * 1024, 50_001, 30);
    /** At most this many problems are listed; the rest are counted. */
    private static final int MAX_PROBLEMS = 200;

    /** Column names as lists print them, and the field each fills. */
    private static final Map<String, String> COLUMNS = columns();

    private final DataSource dataSource;
    private final AuditTrail audit;
    // Optional: without the documents bundle the scope is still checked, then the import answers 503.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Spreadsheets spreadsheets;
    private final PiiCipher cipher;
    private final Clock clock;

    @Activate
    public DatabasePassListImports(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, IdentitySettings settings) {
        this(dataSource, audit, null, PiiCipher.fromConfiguration(settings.pii_keyId(),
                settings.pii_encryptionKey(), settings.pii_lookupKey()), Clock.systemUTC());
    }

    public DatabasePassListImports(DataSource dataSource, AuditTrail audit, Spreadsheets spreadsheets,
            PiiCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.spreadsheets = spreadsheets;
        this.cipher = cipher;
        this.clock = clock;
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new HashMap<>();
        for (String n : List.of("姓名", "name")) {
            m.put(n, "name");
        }
        for (String n : List.of("身份证号", "身份证号码", "公民身份号码", "证件号码", "idnumber")) {
            m.put(n, "idNumber");
        }
        for (String n : List.of("单位", "工作单位", "单位名称", "统一社会信用代码", "unit")) {
            m.put(n, "unit");
        }
        for (String n : List.of("手机", "手机号", "手机号码", "mobile")) {
            m.put(n, "mobile");
        }
        for (String n : List.of("邮箱", "电子邮箱", "email", "e-mail")) {
            m.put(n, "email");
        }
        for (String n : List.of("用户名", "账号", "username")) {
            m.put(n, "username");
        }
        return Map.copyOf(m);
    }

    /** One data row, its cells by field. */
    private record Row(int number, Map<String, String> cells) {
        String get(String field) {
            return cells.getOrDefault(field, "");
        }
    }

    /** A row that passed every check, ready to write. */
    private record Checked(Row row, ResidentIdNumber number, String idHash, String name, String mobile, String email,
            String username, String unitId) {
    }

    @Override
    public Result importPassList(Caller caller, String unitId, Roster roster, InputStream spreadsheet,
            String clientIp) {
        if (unitId != null) {
            // A unit outside the scope is refused before the upload is even read.
            Transactions.inTransaction(dataSource, "pass-list import", c -> unitInScope(c, caller, unitId)
                    .orElseThrow(DatabasePassListImports::unitNotFound));
        }
        Spreadsheets reader = spreadsheets;
        if (reader == null) {
            throw new IdentityException(503, "documents-unavailable", "表格读取组件未安装，暂不能导入名单。",
                    "The spreadsheet reader (documents bundle) is not installed, so lists cannot be imported now.");
        }
        List<Row> rows = read(reader, spreadsheet, unitId == null);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> idsSeen = new HashMap<>();
        Map<String, Integer> usernamesSeen = new HashMap<>();
        List<Checked> valid = new ArrayList<>();
        for (Row row : rows) {
            String path = "rows[" + row.number() + "]";
            int before = problems.size();
            String name = row.get("name");
            if (name.isEmpty() || name.length() > 100) {
                problems.add(new FieldProblem(path + ".name", "person.name", "第" + row.number() + "行：姓名为空或超过100字。",
                        "Row " + row.number() + ": the name is empty or longer than 100 characters."));
            }
            ResidentIdNumber number = null;
            Parsed<ResidentIdNumber> parsed = ResidentIdNumber.parse(row.get("idNumber"), today);
            if (parsed instanceof Parsed.Valid<ResidentIdNumber> v) {
                number = v.value();
            } else {
                parsed.violations().forEach(v -> problems.add(new FieldProblem(path + ".idNumber", v.code(),
                        "第" + row.number() + "行：" + v.zh(), "Row " + row.number() + ": " + v.en())));
            }
            String mobile = PersonRows.mobile(row.get("mobile"));
            if (!PersonRows.validMobile(mobile)) {
                problems.add(new FieldProblem(path + ".mobile", "person.mobile", "第" + row.number()
                        + "行：手机号应为11位数字，以1开头。", "Row " + row.number() + ": a mobile number has 11 digits starting with 1."));
            }
            String email = row.get("email").isEmpty() ? null : EmailAddress.normalise(row.get("email"));
            if (email != null) {
                EmailAddress.problem(email).ifPresent(v -> problems.add(new FieldProblem(path + ".email", v.code(),
                        "第" + row.number() + "行：" + v.zh(), "Row " + row.number() + ": " + v.en())));
            }
            String username = !row.get("username").isEmpty() ? row.get("username")
                    : number != null ? number.value() : "";
            UsernameKey.problem(username).ifPresent(p -> problems.add(new FieldProblem(path + ".username", p.code(),
                    "第" + row.number() + "行：" + p.zh(), "Row " + row.number() + ": " + p.en())));
            if (problems.size() > before || number == null) {
                continue;
            }
            String idHash = cipher.lookupHash(number.value(), PersonRows.ID_PURPOSE);
            Integer first = idsSeen.putIfAbsent(idHash, row.number());
            if (first != null) {
                problems.add(new FieldProblem(path + ".idNumber", "pass-list.duplicate-id", "第" + row.number()
                        + "行：身份证号与第" + first + "行重复。", "Row " + row.number() + ": the ID number repeats row " + first + "."));
                continue;
            }
            Integer sameName = usernamesSeen.putIfAbsent(UsernameKey.of(username), row.number());
            if (sameName != null) {
                problems.add(new FieldProblem(path + ".username", "pass-list.duplicate-username", "第" + row.number()
                        + "行：用户名与第" + sameName + "行重复。", "Row " + row.number() + ": the username repeats row "
                        + sameName + "."));
                continue;
            }
            valid.add(new Checked(row, number, idHash, name, mobile, email, username.strip(), null));
        }
        Result result = Transactions.inTransaction(dataSource, "pass-list import", c -> {
            String fixedUnit = null;
            if (unitId != null) {
                fixedUnit = unitInScope(c, caller, unitId).orElseThrow(DatabasePassListImports::unitNotFound);
            }
            List<Checked> toCreate = new ArrayList<>();
            List<Integer> existing = new ArrayList<>();
            List<String> existingAccounts = new ArrayList<>();
            for (Checked row : valid) {
                String path = "rows[" + row.row().number() + "]";
                String unit = fixedUnit;
                if (unit == null) {
                    List<String> matches = unitsNamed(c, caller, row.row().get("unit"));
                    if (matches.size() != 1) {
                        problems.add(new FieldProblem(path + ".unit", matches.isEmpty() ? "pass-list.unit-unknown"
                                : "pass-list.unit-ambiguous", "第" + row.row().number() + "行：" + (matches.isEmpty()
                                        ? "在您的管理范围内找不到该单位（请填写单位全称或统一社会信用代码）。"
                                        : "有多个同名单位，请改填统一社会信用代码。"), "Row " + row.row().number() + ": "
                                        + (matches.isEmpty() ? "no such unit within your scope (give its full name or"
                                                + " unified social credit code)."
                                                : "several units have this name; give the unified social credit code.")));
                        continue;
                    }
                    unit = matches.get(0);
                }
                Optional<String[]> holder = PersonRows.unitHolding(c, row.idHash());
                if (holder.isPresent()) {
                    if (holder.get()[0].equals(unit)) {
                        existing.add(row.row().number());
                        existingAccounts.add(holder.get()[2]);
                    } else {
                        IdentityException elsewhere = DatabaseRegistrations.registeredAt(holder.get()[1]);
                        problems.add(new FieldProblem(path + ".idNumber", "id-number.registered", "第"
                                + row.row().number() + "行：" + elsewhere.zh(), "Row " + row.row().number() + ": "
                                + elsewhere.en()));
                    }
                    continue;
                }
                if (UsernameKey.taken(c, row.username())) {
                    problems.add(new FieldProblem(path + ".username", "username-taken", "第" + row.row().number()
                            + "行：用户名已被使用。", "Row " + row.row().number() + ": the username is already taken."));
                    continue;
                }
                toCreate.add(new Checked(row.row(), row.number(), row.idHash(), row.name(), row.mobile(),
                        row.email(), row.username(), unit));
            }
            if (!problems.isEmpty()) {
                throw invalid(problems);
            }
            IdentityStore store = new IdentityStore(dataSource, clock);
            List<CreatedApplicant> created = new ArrayList<>();
            for (Checked row : toCreate) {
                String accountId = store.insertAccount(c, row.username(), row.name(), row.unitId(), null, false,
                        List.of("applicant"));
                if (row.email() != null) {
                    try (PreparedStatement s = c.prepareStatement(
                            "UPDATE account SET email = ?, email_key = ? WHERE id = ?")) {
                        s.setString(1, row.email());
                        s.setString(2, EmailAddress.key(row.email()));
                        s.setString(3, accountId);
                        s.executeUpdate();
                    }
                }
                PersonRows.insert(c, cipher, clock, row.number(), row.name(), row.mobile(), null, accountId);
                created.add(new CreatedApplicant(row.row().number(), accountId, row.username(), row.name(),
                        row.unitId()));
            }
            if (roster != null) {
                for (CreatedApplicant a : created) {
                    existingAccounts.add(a.accountId());
                }
                for (String accountId : existingAccounts) {
                    addToRoster(c, roster, accountId);
                }
            }
            return new Result(rows.size(), List.copyOf(created), List.copyOf(existing));
        });
        Actor actor = caller.actor(clientIp);
        for (CreatedApplicant a : result.created()) {
            audit.record(new AuditEvent("applicant.import", actor, "account", a.accountId(), null,
                    AuditJson.of("unitId", a.unitId(), "username", a.username()), "pass list row " + a.row()));
        }
        audit.record(new AuditEvent("applicant.import-list", actor, "organisation", unitId, null,
                AuditJson.of("rows", result.rows(), "created", result.created().size(), "alreadyRegistered",
                        result.alreadyRegistered().size(), "roster", roster == null ? null
                                : roster.businessId() + "/" + roster.seasonId()), "GD-PHOTO-1 pass list"));
        return result;
    }

    /** Reads the sheet: a header row naming the columns, then data rows. */
    private List<Row> read(Spreadsheets reader, InputStream content, boolean unitColumnNeeded) {
        List<String[]> header = new ArrayList<>(1);
        List<Row> rows = new ArrayList<>();
        List<String> unknownHeaders = new ArrayList<>();
        try {
            reader.read(content, LIMITS, (number, cells) -> {
                if (header.isEmpty()) {
                    String[] fields = new String[cells.size()];
                    for (int i = 0; i < cells.size(); i++) {
                        String key = Normalizer.normalize(cells.get(i), Normalizer.Form.NFKC).strip()
                                .toLowerCase(Locale.ROOT).replace(" ", "");
                        fields[i] = COLUMNS.get(key);
                        if (fields[i] == null && !key.isEmpty()) {
                            unknownHeaders.add(cells.get(i));
                        }
                    }
                    header.add(fields);
                    return;
                }
                String[] fields = header.get(0);
                Map<String, String> byField = new HashMap<>();
                for (int i = 0; i < Math.min(fields.length, cells.size()); i++) {
                    if (fields[i] != null) {
                        byField.put(fields[i], cells.get(i).strip());
                    }
                }
                rows.add(new Row(number, byField));
            });
        } catch (SpreadsheetException e) {
            throw new IdentityException(400, "pass-list.unreadable", e.zh(), e.getMessage());
        }
        List<String> present = header.isEmpty() ? List.of() : java.util.Arrays.stream(header.get(0))
                .filter(java.util.Objects::nonNull).toList();
        List<String> missing = new ArrayList<>();
        if (!present.contains("name")) {
            missing.add("姓名/name");
        }
        if (!present.contains("idNumber")) {
            missing.add("身份证号/idNumber");
        }
        if (unitColumnNeeded && !present.contains("unit")) {
            missing.add("单位/unit");
        }
        if (!missing.isEmpty()) {
            throw new IdentityException(400, "pass-list.columns", "第一行须为列名，缺少：" + String.join("、", missing)
                    + (unknownHeaders.isEmpty() ? "" : "（无法识别的列：" + String.join("、", unknownHeaders) + "）") + "。",
                    "The first row must name the columns; missing: " + String.join(", ", missing)
                            + (unknownHeaders.isEmpty() ? "" : " (unrecognised: " + String.join(", ", unknownHeaders)
                                    + ")") + ".");
        }
        if (rows.isEmpty()) {
            throw new IdentityException(400, "pass-list.empty", "名单中没有数据行。", "The list has no data rows.");
        }
        return rows;
    }

    private void addToRoster(Connection c, Roster roster, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO business_roster (business_id, season_id,"
                + " account_id, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, roster.businessId());
            s.setString(2, roster.seasonId());
            s.setString(3, accountId);
            s.setObject(4, java.time.OffsetDateTime.now(clock));
            s.executeUpdate();
        }
    }

    private static IdentityException invalid(List<FieldProblem> problems) {
        List<FieldProblem> listed = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
        String more = problems.size() > MAX_PROBLEMS ? "（仅列出前" + MAX_PROBLEMS + "项）" : "";
        return new IdentityException(400, "pass-list.invalid", "名单有" + problems.size() + "处问题，未导入任何数据" + more
                + "，请修改后重新上传。", "The list has " + problems.size() + " problems and nothing was imported"
                + (more.isEmpty() ? "" : " (the first " + MAX_PROBLEMS + " are listed)") + "; fix them and upload again.",
                List.copyOf(listed));
    }

    private static IdentityException unitNotFound() {
        return new IdentityException(404, "unit-not-found", "单位不存在，或不在您的管理范围内。",
                "No such unit within your organisation.");
    }

    private static Optional<String> unitInScope(Connection c, Caller caller, String unitId) throws SQLException {
        if (unitId.length() > 36) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, path FROM organisation WHERE id = ? AND status = 'active'")) {
            s.setString(1, unitId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && caller.canSee(rs.getString(2)) ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Active organisations of the caller's subtree with this exact name or credit code. */
    private static List<String> unitsNamed(Connection c, Caller caller, String nameOrCode) throws SQLException {
        List<String> ids = new ArrayList<>();
        if (nameOrCode.isEmpty()) {
            return ids;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM organisation WHERE status = 'active'"
                + " AND path LIKE ? AND (name = ? OR credit_code = ?)")) {
            s.setString(1, caller.organisationPath() + "%");
            s.setString(2, nameOrCode);
            s.setString(3, nameOrCode.toUpperCase(Locale.ROOT));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
