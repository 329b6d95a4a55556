package org.zhicheng.workflow.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zhicheng.api.business.RoutingContext.OrganisationRef;

/** Organisations as routing sees them: the applicant's path with types, levels and attributes (FJ-4, CQ-ORG-4). */
public final class OrganisationRefs {

    private OrganisationRefs() {
    }

    /**
     * The organisations of a tree path, the unit (last on the path) first and the root last.
     *
     * @param path {@code /rootId/.../unitId/}
     */
    public static List<OrganisationRef> ofPath(Connection c, String path) throws SQLException {
        List<String> ids = new ArrayList<>(Arrays.asList(path.substring(1, path.length() - 1).split("/")));
        Collections.reverse(ids);
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, String[]> orgs = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, type, level FROM organisation WHERE id IN (" + marks
                + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    orgs.put(rs.getString(1), new String[] {rs.getString(2), String.valueOf(rs.getInt(3))});
                }
            }
        }
        Map<String, Map<String, String>> attributes = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT organisation_id, name, text_value FROM organisation_attribute"
                + " WHERE organisation_id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    attributes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                }
            }
        }
        List<OrganisationRef> refs = new ArrayList<>();
        for (String id : ids) {
            String[] o = orgs.get(id);
            if (o == null) {
                throw new SQLException("organisation " + id + " of path " + path + " is missing");
            }
            refs.add(new OrganisationRef(id, o[0], Integer.parseInt(o[1]), attributes.getOrDefault(id, Map.of())));
        }
        return refs;
    }

    /** An organisation's tree path and status, or null when there is none with this id. */
    public static String[] pathAndStatus(Connection c, String organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT path, status FROM organisation WHERE id = ?")) {
            s.setString(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }
}
