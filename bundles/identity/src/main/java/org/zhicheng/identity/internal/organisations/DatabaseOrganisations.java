package org.zhicheng.identity.internal.organisations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.Organisation;
import org.zhicheng.api.identity.Organisations;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.audit.AuditJson;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.identity.internal.validation.Parsed;
import org.zhicheng.identity.internal.validation.CreditCode;

/**
 * The organisation tree in the {@code organisation} table. Scope is the caller's subtree, tested on the stored
 * path ({@code /root/.../id/}) in every query, so a forgotten check cannot widen it: rows outside it are never
 * read. Each change locks the rows it touches, checks the expected version, and is audited.
 */
@Component(service = Organisations.class)
public final class DatabaseOrganisations implements Organisations {

    private static final String COLUMNS = "id, parent_id, path, type, level, name, credit_code, region_code, status,"
            + " row_version";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public DatabaseOrganisations(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit) {
        this(dataSource, audit, Clock.systemUTC());
    }

    public DatabaseOrganisations(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** A row with its path, which never leaves this class. */
    private record Row(Organisation organisation, String path) {
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    @Override
    public Organisation own(Caller caller) {
        return get(caller, caller.organisationId());
    }

    @Override
    public Organisation get(Caller caller, String id) {
        return read(c -> find(c, caller, id, false)).orElseThrow(DatabaseOrganisations::notFound).organisation();
    }

    @Override
    public java.util.Map<String, String> attributes(Caller caller, String id) {
        return read(c -> {
            find(c, caller, id, false).orElseThrow(DatabaseOrganisations::notFound);
            return attributes(c, id);
        });
    }

    private static java.util.Map<String, String> attributes(Connection c, String id) throws SQLException {
        java.util.Map<String, String> values = new java.util.TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name, text_value FROM organisation_attribute WHERE organisation_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return values;
    }

    @Override
    public void setAttributes(Caller caller, String id, java.util.Map<String, String> attributes) {
        java.util.Map<String, String> given = attributes == null ? java.util.Map.of() : attributes;
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (given.size() > 50) {
            problems.add(new FieldProblem("attributes", "organisation.attributes", "属性最多50项。",
                    "At most 50 attributes."));
        }
        given.forEach((name, value) -> {
            if (name == null || !name.matches("[a-zA-Z][a-zA-Z0-9_-]{0,63}") || value == null
                    || value.length() > 200) {
                problems.add(new FieldProblem("attributes." + name, "organisation.attribute", "属性名应为字母开头的1至64位"
                        + "字母、数字、-或_，取值不超过200字。", "An attribute name has 1 to 64 letters, digits, - or _ starting"
                                + " with a letter; its value at most 200 characters."));
            }
        });
        if (!problems.isEmpty()) {
            throw new IdentityException(400, "invalid-attributes", "单位属性有误。", "Some attributes are wrong.",
                    problems);
        }
        String[] before = new String[1];
        write(c -> {
            find(c, caller, id, true).orElseThrow(DatabaseOrganisations::notFound);
            before[0] = AuditJson.of("attributes", attributes(c, id));
            try (PreparedStatement s = c.prepareStatement("DELETE FROM organisation_attribute WHERE organisation_id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO organisation_attribute (organisation_id, name, text_value) VALUES (?, ?, ?)")) {
                for (var e : new java.util.TreeMap<>(given).entrySet()) {
                    s.setString(1, id);
                    s.setString(2, e.getKey());
                    s.setString(3, e.getValue());
                    s.executeUpdate();
                }
            }
            return null;
        });
        record(caller, "organisation.attributes", id, before[0], AuditJson.of("attributes",
                new java.util.TreeMap<>(given)));
    }

    @Override
    public List<Organisation> children(Caller caller, String parentId) {
        return read(c -> {
            Row parent = find(c, caller, parentId, false).orElseThrow(DatabaseOrganisations::notFound);
            List<Organisation> children = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM organisation"
                    + " WHERE parent_id = ? AND path LIKE ? ORDER BY name, id")) {
                s.setString(1, parent.organisation().id());
                s.setString(2, caller.organisationPath() + "%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        children.add(row(rs).organisation());
                    }
                }
            }
            return children;
        });
    }

    @Override
    public Organisation create(Caller caller, String parentId, Details details) {
        Details clean = validate(details);
        Organisation created = write(c -> {
            Row parent = find(c, caller, parentId, true).orElseThrow(DatabaseOrganisations::notFound);
            if (!"active".equals(parent.organisation().status())) {
                throw new IdentityException(409, "parent-not-active", "上级单位未启用或未审核通过，不能在其下添加单位。",
                        "The parent organisation is not active; nothing can be added under it.");
            }
            String id = insert(c, parent.organisation().id(), parent.path(), parent.organisation().level(), clean,
                    "active", clock);
            return find(c, caller, id, false).orElseThrow().organisation();
        });
        record(caller, "organisation.create", created.id(), null, json(created));
        return created;
    }

    @Override
    public Organisation update(Caller caller, String id, Details details, int expectedVersion) {
        Details clean = validate(details);
        Organisation[] before = new Organisation[1];
        Organisation after = write(c -> {
            Row row = find(c, caller, id, true).orElseThrow(DatabaseOrganisations::notFound);
            before[0] = row.organisation();
            if (row.organisation().version() != expectedVersion) {
                throw new IdentityException(409, "stale-version", "该单位信息已被他人修改，请刷新后重试。",
                        "Someone else changed this organisation meanwhile; reload and try again.");
            }
            if (row.organisation().parentId() != null) {
                requireUniqueName(c, row.organisation().parentId(), clean.name(), id);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE organisation SET type = ?, name = ?, credit_code = ?,"
                    + " region_code = ?, row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, clean.type());
                s.setString(2, clean.name());
                s.setString(3, clean.creditCode());
                s.setString(4, clean.regionCode());
                s.setString(5, id);
                s.executeUpdate();
            }
            return find(c, caller, id, false).orElseThrow().organisation();
        });
        record(caller, "organisation.update", id, json(before[0]), json(after));
        return after;
    }

    @Override
    public Organisation disable(Caller caller, String id) {
        return setStatus(caller, id, "active", "disabled", "organisation.disable");
    }

    @Override
    public Organisation enable(Caller caller, String id) {
        return setStatus(caller, id, "disabled", "active", "organisation.enable");
    }

    @Override
    public Organisation move(Caller caller, String id, String newParentId) {
        Organisation[] before = new Organisation[1];
        Organisation after = write(c -> {
            Row row = find(c, caller, id, true).orElseThrow(DatabaseOrganisations::notFound);
            requireNotOwn(caller, id);
            Row parent = find(c, caller, newParentId, true).orElseThrow(DatabaseOrganisations::notFound);
            if (parent.path().startsWith(row.path())) {
                throw new IdentityException(409, "move-into-own-subtree", "不能把单位移动到它自己或其下级单位之下。",
                        "An organisation cannot be moved under itself or one of its own descendants.");
            }
            before[0] = row.organisation();
            requireUniqueName(c, parent.organisation().id(), row.organisation().name(), id);
            String newPath = parent.path() + id + "/";
            int levelShift = parent.organisation().level() + 1 - row.organisation().level();
            // The whole subtree keeps its shape: each path swaps the old prefix for the new one.
            try (PreparedStatement s = c.prepareStatement("UPDATE organisation SET path = ? || SUBSTRING(path FROM ?),"
                    + " level = level + ?, row_version = row_version + 1 WHERE path LIKE ?")) {
                s.setString(1, newPath);
                s.setInt(2, row.path().length() + 1);
                s.setInt(3, levelShift);
                s.setString(4, row.path() + "%");
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE organisation SET parent_id = ? WHERE id = ?")) {
                s.setString(1, newParentId);
                s.setString(2, id);
                s.executeUpdate();
            }
            return find(c, caller, id, false).orElseThrow().organisation();
        });
        record(caller, "organisation.move", id, json(before[0]), json(after));
        return after;
    }

    private Organisation setStatus(Caller caller, String id, String from, String to, String action) {
        Organisation after = write(c -> {
            Row row = find(c, caller, id, true).orElseThrow(DatabaseOrganisations::notFound);
            requireNotOwn(caller, id);
            if (!from.equals(row.organisation().status())) {
                throw new IdentityException(409, "organisation-status", "单位当前状态不允许此操作。",
                        "The organisation's current status does not allow this.");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE organisation SET status = ?, row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, to);
                s.setString(2, id);
                s.executeUpdate();
            }
            return find(c, caller, id, false).orElseThrow().organisation();
        });
        record(caller, action, id, "{\"status\":\"" + from + "\"}", "{\"status\":\"" + to + "\"}");
        return after;
    }

    /** The organisation if it lies in the caller's subtree; locked for the transaction when {@code forUpdate}. */
    private static Optional<Row> find(Connection c, Caller caller, String id, boolean forUpdate) throws SQLException {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM organisation WHERE id = ?"
                + " AND path LIKE ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setString(1, id);
            s.setString(2, caller.organisationPath() + "%");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new Organisation(rs.getString("id"), rs.getString("parent_id"), rs.getString("type"),
                rs.getInt("level"), rs.getString("name"), rs.getString("credit_code"), rs.getString("region_code"),
                rs.getString("status"), rs.getInt("row_version")), rs.getString("path"));
    }

    /**
     * Inserts an organisation under a parent whose path and level the caller has checked, after making sure the
     * name is free among its siblings; returns its id. Used for additions (active) and unit registrations (pending).
     */
    public static String insert(Connection c, String parentId, String parentPath, int parentLevel, Details clean,
            String status, Clock clock) throws SQLException {
        requireUniqueName(c, parentId, clean.name(), null);
        String id = UUID.randomUUID().toString();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO organisation (id, parent_id, path, type, level,"
                + " name, credit_code, region_code, status, created_at, row_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            s.setString(1, id);
            s.setString(2, parentId);
            s.setString(3, parentPath + id + "/");
            s.setString(4, clean.type());
            s.setInt(5, parentLevel + 1);
            s.setString(6, clean.name());
            s.setString(7, clean.creditCode());
            s.setString(8, clean.regionCode());
            s.setString(9, status);
            s.setObject(10, OffsetDateTime.now(clock));
            s.executeUpdate();
        }
        return id;
    }

    private static void requireUniqueName(Connection c, String parentId, String name, String exceptId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM organisation WHERE parent_id = ? AND name = ? AND status <> 'rejected'")) {
            s.setString(1, parentId);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(exceptId)) {
                        throw new IdentityException(409, "duplicate-name", "同一上级单位下已有同名单位“" + name + "”。",
                                "The parent already has an organisation named \"" + name + "\".");
                    }
                }
            }
        }
    }

    private static void requireNotOwn(Caller caller, String id) {
        if (caller.organisationId().equals(id)) {
            throw new IdentityException(409, "own-organisation", "不能对本单位执行此操作，请由上级单位办理。",
                    "You cannot do this to your own organisation; its parent does it.");
        }
    }

    /** Trims and checks the details; reports every problem at once. */
    public static Details validate(Details d) {
        List<FieldProblem> problems = new ArrayList<>();
        String type = d == null || d.type() == null ? "" : d.type().strip();
        String name = d == null || d.name() == null ? "" : d.name().strip();
        if (!type.matches("[a-z][a-z0-9-]{1,63}")) {
            problems.add(new FieldProblem("type", "organisation.type", "单位类型无效。",
                    "The organisation type is not valid (lower-case letters, digits and hyphens)."));
        }
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "organisation.name", "请填写单位名称（不超过200字，须与公章一致）。",
                    "Enter the organisation's name (at most 200 characters, as on its official seal)."));
        }
        String creditCode = null;
        if (d != null && d.creditCode() != null && !d.creditCode().isBlank()) {
            Parsed<CreditCode> result = CreditCode.parse(d.creditCode());
            if (result instanceof Parsed.Valid<CreditCode> valid) {
                creditCode = valid.value().value();
            } else {
                result.violations().forEach(v -> problems.add(new FieldProblem("creditCode", v.code(), v.zh(), v.en())));
            }
        }
        String regionCode = d == null || d.regionCode() == null || d.regionCode().isBlank() ? null
                : d.regionCode().strip();
        if (regionCode != null && !regionCode.matches("\\d{6}(\\d{3}(\\d{3})?)?")) {
            problems.add(new FieldProblem("regionCode", "organisation.region-code", "行政区划代码应为6、9或12位数字。",
                    "The region code has 6, 9 or 12 digits."));
        }
        if (!problems.isEmpty()) {
            throw new IdentityException(400, "invalid-organisation", "单位信息有误，请按提示修改。",
                    "Some organisation details are wrong; see each field.", problems);
        }
        return new Details(type, name, creditCode, regionCode);
    }

    private <T> T read(Read<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("organisation tree unavailable", e);
        }
    }

    private <T> T write(Transactions.Work<T> work) {
        return Transactions.inTransaction(dataSource, "organisation change", work);
    }

    private void record(Caller caller, String action, String id, String before, String after) {
        audit.record(new AuditEvent(action, caller.actor(null), "organisation", id, before, after,
                null));
    }

    private static String json(Organisation o) {
        return AuditJson.of("parentId", o.parentId(), "type", o.type(), "name", o.name(), "creditCode",
                o.creditCode(), "regionCode", o.regionCode(), "status", o.status());
    }

    private static IdentityException notFound() {
        return new IdentityException(404, "organisation-not-found", "单位不存在，或不在您的管理范围内。",
                "No such organisation within your scope.");
    }
}
